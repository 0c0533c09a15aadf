import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Schedule I whose title names its class on a line of its own ("CLASS R SHARES (formerly Class
// G Shares)"), its title going on below it, and whose rows are numbered in a cell of their own,
// each rate split from its "%", rendered one cell per line, in the style of a Victory Portfolios
// distribution and service plan schedule (names, rates and dates invented).
const SCHEDULE = `Exhibit 99.B(m)(4)(c)
SCHEDULE I
TO THE DISTRIBUTION AND SERVICE PLAN
CLASS R SHARES (formerly Class K Shares)
DATED MARCH 3, 2001
AND AMENDED AND RESTATED
AS OF JUNE 9, 2012
OF THE HARBORLIGHT PORTFOLIOS
This Plan shall be adopted with respect to Class R Shares of the following Funds of Harborlight Portfolios:
|
|
|
Rate*
|
|
1.
|
Harborlight Balanced Fund
|
|
0.50
|
%
|
2.
|
Harborlight Fund for Income
|
|
0.25
|
%
|
3.
|
Harborlight Value Fund
|
|
0.50
|
%
|
4
|
Harborlight Small Company Opportunity Fund
|
|
0.40
|
%
Current as of October 5, 2016
* Expressed as a percentage of the average daily net assets of each Fund attributed to its Class R Shares.
`;

describe('a class title line with the title going on below it, and numbered rows', () => {
  it('reads each fund for the title’s class, without its row number, and never the title lines as funds', () => {
    const doc = parseExhibit(SCHEDULE, 'numbered-rows.txt');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Harborlight Balanced Fund', 'R', '0.50'],
      ['Harborlight Fund for Income', 'R', '0.25'],
      ['Harborlight Value Fund', 'R', '0.50'],
      ['Harborlight Small Company Opportunity Fund', 'R', '0.40'],
    ]);
    expect(doc.completeness.gaps).toEqual([]);
    expect(doc.effectiveDate).toBe('2016-10-05');
  });
});
