import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// .htm rate tables as EDGAR renders them: each cell introduced by "|", a cell's further lines
// under it (a heading wrapped over lines, stacked "Class A / Class C" values).
const amendment = (schedule: string) => `AMENDMENT NO. 2
TO THE
THIRD AMENDED AND RESTATED DISTRIBUTION PLAN
(COMPENSATION)
The Third Amended and Restated Master Distribution Plan (the “Plan”), dated as of July 1, 2017, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, effective March 9, 2018 as follows:
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
“SCHEDULE A
Compensation Plan
${schedule}”
`;

describe('cell rate tables: footnote markers, a heading cell that lost its rate word, a Registrant with its other name', () => {
  it('a heading cell "Maximum" / "Fee*" between two named columns is the third column, where it stands', () => {
    const doc = parseExhibit(
      amendment(`Kestrel Series Trust (Harbor Kestrel Series Trust)
|Portfolio
|Share
Class
|
Maximum
Fee*
|Maximum
Shareholder
Services Fee
|Maximum
Aggregate Fee
|
Kestrel Core Bond Fund
|Class A
Class C
Investor
|
|0.25
0.75
0.25
|%
%
%
|
|0.25
0.25
0.25
|%
%
%
|
|0.25
1.00
0.25
|%
%
%
|*
Distribution fee`),
      'lost-word.htm.txt',
    );
    expect(rows(doc)).toEqual([
      'Kestrel Series Trust (Harbor Kestrel Series Trust) | Kestrel Core Bond Fund | A | 0.25 null | 0.25 | 0.25',
      'Kestrel Series Trust (Harbor Kestrel Series Trust) | Kestrel Core Bond Fund | C | 0.75 null | 0.25 | 1.00',
      'Kestrel Series Trust (Harbor Kestrel Series Trust) | Kestrel Core Bond Fund | Investor | 0.25 null | 0.25 | 0.25',
    ]);
  });

  it('markers glued to a heading word ("Amount*"), a rate ("0.25%π") and a percent sign ("%*")', () => {
    const doc = parseExhibit(
      amendment(`Kestrel Equity Funds (Harbor Equity Funds)
|Portfolio
|Share
Class
|Maximum
Distribution
Amount*
|Maximum
Shareholder
Services Amount
|Maximum
Aggregate
Reimbursable
Amount
|Kestrel Dividend Value Fund
|Class A
|0.25%
|0.25%
|0.25%π
|Class C
|0.75
|%*
|0.25
|%
|1.00
|%^`),
      'markers.htm.txt',
    );
    expect(rows(doc)).toEqual([
      'Kestrel Equity Funds (Harbor Equity Funds) | Kestrel Dividend Value Fund | A | 0.25 maximum | 0.25 | 0.25',
      'Kestrel Equity Funds (Harbor Equity Funds) | Kestrel Dividend Value Fund | C | 0.75 maximum | 0.25 | 1.00',
    ]);
  });

  it('a document cut inside the column headings is read only in part, never a list of headings', () => {
    const text = amendment(`Kestrel Series Trust (Harbor Kestrel Series Trust)
|Portfolio
|Share Class
|Maximum
Distribution
Amount*
|Maximum`)
      .replace('“SCHEDULE A', 'SCHEDULE A')
      .replace(/”\n$/, '\n');
    const doc = parseExhibit(text, 'cut-headings.htm.txt');
    expect(doc.schedules.flatMap((s) => s.entries)).toEqual([]);
    expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
      expect.stringMatching(/ends inside Schedule A after 0 entries, in its column headings/),
    );
  });
});
