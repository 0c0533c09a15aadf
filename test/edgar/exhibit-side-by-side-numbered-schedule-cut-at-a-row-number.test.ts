import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Schedule I whose title names its class over the Registrant ("FOR / CLASS A SHARES OF THE /
// HARBORLIGHT PORTFOLIOS") and whose numbered funds stand in two tables side by side ("1 | Fund |
// 0.25% | 5 | Fund | 0.25%"), rendered one cell per line, in the style of a Victory Portfolios
// distribution and service plan schedule (names, rates and dates invented).
const HEAD = `SCHEDULE I
TO THE DISTRIBUTION AND SERVICE PLAN
FOR
CLASS A SHARES OF THE
HARBORLIGHT PORTFOLIOS
Dated March 3, 2011
This Plan shall be adopted with respect to Class A Shares of the following series of Harborlight Portfolios:
|
|
Fund Name
|
Rate*
|
|
Fund Name
|
Rate*
|
1
|
Harborlight Balanced Fund
|
0.25%
|
5
|
Harborlight Quality Bond Fund
|
0.25%
|
2
|
Harborlight Fund for Income
|
0.20%
|
6
|
Harborlight Value Fund
|
0.25%
|
3
|
Harborlight Index Fund
|
0.15%
|
`;

const READ = [
  ['Harborlight Balanced Fund', 'A', '0.25'],
  ['Harborlight Quality Bond Fund', 'A', '0.25'],
  ['Harborlight Fund for Income', 'A', '0.20'],
  ['Harborlight Value Fund', 'A', '0.25'],
  ['Harborlight Index Fund', 'A', '0.15'],
];

describe('numbered funds side by side under a "CLASS A SHARES OF THE" title', () => {
  it('reads the title’s class for every fund', () => {
    const doc = parseExhibit(
      `${HEAD}7\n|\nHarborlight Small Company Fund\n|\n0.25%\n*Expressed as a percentage of the average daily net assets of each Fund attributed to its Class A Shares.\n`,
      'side-by-side.txt',
    );
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ...READ,
      ['Harborlight Small Company Fund', 'A', '0.25'],
    ]);
    expect(doc.completeness.gaps).toEqual([]);
  });

  it('a document that stops on a row number alone is cut there: read in part, never complete', () => {
    const doc = parseExhibit(`${HEAD}7\n`, 'side-by-side-cut.txt');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual(READ);
    expect(doc.completeness.complete).toBe(false);
    expect(doc.completeness.gaps[0]!.reason).toMatch(/a row number alone, begins a row that is cut/);
  });
});
