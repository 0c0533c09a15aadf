import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// An amendment's new schedule "replaced with the following:" is quoted; the quote closes after its
// last row or at the end of its footnote ("… (or Class thereof).”"), and the closing clause ("All
// other terms …") follows. Where the document stops before anything closes the schedule, it was
// cut — perhaps right after a row — and the schedule may go on.
const amendment = (schedule: string, openingQuote = '“') => `AMENDMENT NO. 3
TO THE AMENDED AND RESTATED
MASTER DISTRIBUTION PLAN
(Class Q Shares)
The Amended and Restated Master Distribution Plan (the “Plan”), dated as of March 3, 2001,
pursuant to Rule 12b-1, is hereby amended, effective June 9, 2012, as follows:
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the
following:
${openingQuote}SCHEDULE A
TO
MASTER DISTRIBUTION PLAN
(CLASS Q SHARES)
|Minimum
|Asset
|Based
|Maximum
|Maximum
|SANDPIPER INCOME TRUST
|
|Sales
|
|Service
|
|Aggregate
|Portfolio – Class Q Shares
|
|Charge
|
|Fee
|
|Fee
Sandpiper Harbor Bond Fund
|
|0.00
|%
|
|0.20
|%
|
|0.20
|%
${schedule}`;

const footnote = `|
|*
|
|The Distribution Fee is payable apart from the sales charge, if any, as stated in
the current prospectus for the applicable Portfolio (or Class thereof).”
`;

describe('a quoted schedule: closed by its footnote’s last words, or cut', () => {
  it('the quote closing the footnote closes the schedule; a cut closing clause after it ("Al") is not the schedule’s', () => {
    const doc = parseExhibit(amendment(`${footnote}Al\n`), 'footnote-closes.htm.txt');
    expect(rows(doc)).toEqual([
      'SANDPIPER INCOME TRUST | Sandpiper Harbor Bond Fund | Q | 0.00 minimum | 0.20 | 0.20',
    ]);
    expect(doc.footnotes).toEqual([
      'The Distribution Fee is payable apart from the sales charge, if any, as stated in the current prospectus for the applicable Portfolio (or Class thereof).',
    ]);
    expect(doc.completeness.complete).toBe(true);
  });

  it('a schedule printed without its opening quote that runs to the end of the document after a whole row is read only in part', () => {
    const doc = parseExhibit(
      amendment(
        `Sandpiper Tidewater Fund
|
|0.00
|%
|
|0.25
|%
|
|0.25
|%
`,
        '',
      ),
      'cut-after-a-row.htm.txt',
    );
    expect(rows(doc)).toHaveLength(2);
    expect(doc.completeness.complete).toBe(false);
    expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
      expect.stringMatching(/runs to the end of the document with nothing that closes it/),
    );
  });

  it('cut inside the footnote under the table: every row is whole and read, the cut said (as a cut in "All other terms")', () => {
    const cut = footnote.slice(0, footnote.indexOf('(or Class') + 3);
    for (const openingQuote of ['“', '']) {
      const doc = parseExhibit(amendment(`${cut}\n`, openingQuote), 'cut-in-footnote.htm.txt');
      expect(rows(doc), openingQuote).toEqual([
        'SANDPIPER INCOME TRUST | Sandpiper Harbor Bond Fund | Q | 0.00 minimum | 0.20 | 0.20',
      ]);
      expect(doc.completeness.complete, openingQuote).toBe(true);
      expect(doc.warnings, openingQuote).toContainEqual(
        expect.stringMatching(/ends inside the footnote of Schedule A .*rows are whole/),
      );
    }
  });

  it('the same schedule closed by its quote and the closing clause is whole', () => {
    const doc = parseExhibit(
      amendment(
        `${footnote}All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.\n`,
      ),
      'whole.htm.txt',
    );
    expect(doc.completeness.complete).toBe(true);
  });

  it('an amendment cut in its WHEREAS, before any schedule: the cut is said first, where it is', () => {
    const text = `AMENDMENT NO. 5
TO THE AMENDED AND RESTATED MASTER DISTRIBUTION PLAN
(Class Q Shares)
The Amended and Restated Master Distribution Plan (the “Plan”), dated as of March 3, 2001, is hereby amended, dated May 2, 2013, as follows:
WHEREAS, the Plan is hereby amended to change the names of the following funds: Sandpiper Harbor Bond Fund to Sandpiper Core Bond Fund, Sandpiper Tidewater Fund to Sandpiper Coastal Equi
`;
    const doc = parseExhibit(text, 'cut-in-whereas.htm.txt');
    expect(doc.completeness.complete).toBe(false);
    expect(doc.completeness.gaps[0]).toMatchObject({
      fact: 'text',
      line: 5,
      reason: expect.stringMatching(/ends in the middle of a sentence \("….*Coastal Equi"\): it is cut/),
    });
  });
});
