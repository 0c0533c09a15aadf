import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Victory's Schedule I numbers its funds in the name's own cell ("1. Balanced Fund"); one fund's
// name begins with "Fund" and ends otherwise ("5. Fund for Income"). The list number is no part of
// any name, whatever the name ends with. Invented fixture in the rendered-HTML style of those
// schedules (one cell a line, each cell after a "|").
const TEXT = `SCHEDULE I
TO THE DISTRIBUTION AND SERVICE PLAN
CLASS R SHARES
DATED MARCH 3, 2004
OF THE HOLLOWAY PORTFOLIOS
This Plan shall be adopted with respect to Class R Shares of the following Funds of The Holloway Portfolios:
|
|
|
Rate*
|
|
1. Harbor Value Fund
|
|
0.50
|
%
|
2. Fund for Growth and Income
|
|
0.25
|
%
|
3. Lakeside Bond Fund
|
|
0.50
|
%
Amended as of June 9, 2009
* Expressed as a percentage of the average daily net assets of each Fund attributed to its Class R Shares.
`;

describe('a numbered fund whose name begins with "Fund"', () => {
  it('is read without its list number', () => {
    const doc = parseExhibit(TEXT, 'holloway-schedule-i.htm');
    expect(doc.schedules.flatMap((s) => s.entries.map((e) => `${e.portfolio} | ${e.class}`))).toEqual([
      'Harbor Value Fund | R',
      'Fund for Growth and Income | R',
      'Lakeside Bond Fund | R',
    ]);
  });
});
