import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Schedule I titled "CLASS R SHARES (formerly Class G Shares)": the class was renamed, no
// portfolio was. The "(formerly …)" of a class label is never read as a portfolio rename (a
// rename of "Class G Shares" to "CLASS R SHARES" would make a class a portfolio's old name).
// Invented fixture in the rendered-HTML style of Victory's Schedule I.
const TEXT = `SCHEDULE I
TO THE DISTRIBUTION AND SERVICE PLAN
CLASS R SHARES (formerly Class G Shares)
DATED MARCH 3, 2004
AND AMENDED AND RESTATED
AS OF JULY 1, 2011
OF THE HOLLOWAY PORTFOLIOS
This Plan shall be adopted with respect to Class R Shares of the following Funds of Holloway Portfolios:
|
|
|
Rate*
|
|
1.
|
Harbor Value Fund
|
|
0.50
|
%
|
2.
|
Lakeside Bond Fund (formerly, Lakeside Income Fund)
|
|
0.25
|
%
Current as of May 4, 2012
* Expressed as a percentage of the average daily net assets of each Fund attributed to its Class R Shares.
`;

describe('a class label with a "(formerly …)" in the title', () => {
  it('is no portfolio rename; a fund\u2019s own "(formerly …)" still is', () => {
    const doc = parseExhibit(TEXT, 'holloway-class-r.htm');
    expect(doc.renames).toEqual([{ from: 'Lakeside Income Fund', to: 'Lakeside Bond Fund' }]);
    expect(doc.schedules.flatMap((s) => s.entries.map((e) => `${e.portfolio} | ${e.class}`))).toEqual([
      'Harbor Value Fund | R',
      'Lakeside Bond Fund | R',
    ]);
  });
});
