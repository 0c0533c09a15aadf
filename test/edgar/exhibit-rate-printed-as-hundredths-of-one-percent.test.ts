import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Older plans print a rate as hundredths of one percent: ".75 of 1%" is 0.75% per annum, as exact
// as "0.75%" — read as that rate, in a text table and in a table's cell alike. Invented fixtures.
const text = `                                   SCHEDULE A
                          TO THE DISTRIBUTION PLAN OF
                                BIRCHWOOD TRUST
                                (CLASS C SHARES)

FUND                                               DISTRIBUTION FEE
----                                               ----------------
Birchwood Value Fund                               .75 of 1%
Birchwood Bond Fund                                .50 of 1%

Dated: May 1, 2012
`;

const cells = `SCHEDULE A
TO THE CLASS C DISTRIBUTION PLAN OF BIRCHWOOD TRUST
|Fund
|Distribution Fee
|Birchwood Value Fund
|.75 of 1%
|Birchwood Bond Fund
|0.50 of 1%
Dated: May 1, 2012
`;

const rows = (t: string, file: string) =>
  parseExhibit(t, file).schedules.flatMap((s) =>
    s.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct}`),
  );

describe('".75 of 1%" in a rate column', () => {
  it('is 0.75 per cent in a text table', () => {
    expect(rows(text, 'birchwood.txt')).toEqual([
      'BIRCHWOOD TRUST | Birchwood Value Fund | C | 0.75',
      'BIRCHWOOD TRUST | Birchwood Bond Fund | C | 0.50',
    ]);
  });

  it('is 0.75 per cent in a cell', () => {
    expect(rows(cells, 'birchwood.htm')).toEqual([
      'BIRCHWOOD TRUST | Birchwood Value Fund | C | 0.75',
      'BIRCHWOOD TRUST | Birchwood Bond Fund | C | 0.50',
    ]);
  });
});
