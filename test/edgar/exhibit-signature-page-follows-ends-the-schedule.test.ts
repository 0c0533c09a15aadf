import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Schedule I whose rows are followed by its date, "[Signature Page follows]" and the signature
// block, rendered one cell per line, in the style of a Victory Portfolios distribution and
// service plan schedule (names, rates and dates invented).
function schedule(marker: string): string {
  return `SCHEDULE I
TO
DISTRIBUTION AND SERVICE PLAN
FOR
CLASS C SHARES OF
HARBORLIGHT PORTFOLIOS
DATED May 4, 2010
This Plan shall be adopted with respect to Class C Shares of the following series of Harborlight Portfolios:
|
Fund
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
1.00
|
%
|
2.
|
Harborlight Small Company Opportunity
|
|
0.75
|
%
* Expressed as a percentage per annum of the average daily net assets of each Fund attributed to its Class C Shares.
As of July 14, 2014
${marker}
|
|
HARBORLIGHT PORTFOLIOS
|
|
By:
|
/s/ Jane Q. Officer
`;
}

describe('"[Signature Page follows]" under a schedule ends it', () => {
  for (const marker of [
    '[Signature Page follows]',
    '[Signature page follows.]',
    '[SIGNATURE PAGE FOLLOWS]',
  ]) {
    it(`reads the rows above ${marker}, and nothing after it`, () => {
      const doc = parseExhibit(schedule(marker), 'signature-follows.txt');
      expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
        ['Harborlight Balanced Fund', 'C', '1.00'],
        ['Harborlight Small Company Opportunity', 'C', '0.75'],
      ]);
      expect(doc.completeness.gaps).toEqual([]);
      expect(doc.effectiveDate).toBe('2014-07-14');
    });
  }
});
