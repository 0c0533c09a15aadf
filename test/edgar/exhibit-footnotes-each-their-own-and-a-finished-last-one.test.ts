import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A schedule filed on its own that ends with its footnotes, each under its own mark ("1…", "*…"),
// the last sentence finished. Each footnote is its own, and nothing of the document is missing: no
// warning says "the rest of the document is missing". One stopped mid-sentence is still said.
// Invented fixture in the rendered-HTML style of Voya's and Victory's schedules.
const schedule = (last: string) => `SCHEDULE I
TO THE DISTRIBUTION AND SERVICE PLAN
CLASS R SHARES
DATED MARCH 3, 2004
OF THE HOLLOWAY PORTFOLIOS
|
|
|
Rate*
|
|
1. Harbor Value Fund1
|
|
0.50
|
%
|
2. Lakeside Bond Fund
|
|
0.25
|
%
Amended as of June 9, 2009
1Harbor Value Fund (formerly, Harbor Equity Fund) Service Fee change effective January 2, 2008.
${last}
`;

describe('footnotes at the end of a schedule filed on its own', () => {
  it('each under its own mark is its own; a finished last one is no cut', () => {
    const doc = parseExhibit(
      schedule(
        '*Expressed as a percentage of the average daily net assets attributed to its Class R Shares.',
      ),
      'holloway-footnotes.htm',
    );
    expect(doc.footnotes).toEqual([
      'Harbor Value Fund (formerly, Harbor Equity Fund) Service Fee change effective January 2, 2008.',
      'Expressed as a percentage of the average daily net assets attributed to its Class R Shares.',
    ]);
    expect(doc.warnings.filter((w) => /rest of the document is missing/.test(w))).toEqual([]);
    expect(doc.schedules[0]!.entries.map((e) => `${e.portfolio} | ${e.aggregateFeePct}`)).toEqual([
      'Harbor Value Fund | 0.50',
      'Lakeside Bond Fund | 0.25',
    ]);
  });

  it('a last footnote stopped mid-sentence is still said', () => {
    const doc = parseExhibit(
      schedule('*Expressed as a percentage of the average daily net'),
      'holloway-cut.htm',
    );
    expect(doc.warnings).toContainEqual(expect.stringMatching(/ends inside the footnote of Schedule I/));
  });
});
