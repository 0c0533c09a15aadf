import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { CO, eighthEStore, SUCCESSOR, type VintageMonthlyCalc } from './eighthEStore.js';
import type { CliStore } from './support.js';

/**
 * SPEC §8 with Agreement EIGHTH(E): a Transfer limited to a DOI range takes its fraction of the
 * Distributor's part vintage by vintage. The Board lowers the fee to 0.50% from 2005-03-01, while
 * AIM Distributors is still exclusive (to 2005-04-30); the Successor from 2005-05-01.
 * Commission Shares: A1 400 of 2004-06-01 and A2 200 of 2005-02-01 (AIM's, old vintage), A3 300 of
 * 2005-04-01 (AIM's, new vintage), S1 100 of 2005-05-10 (the Successor's, new). Transfer TR: 100% of
 * the Distributor's 12b-1 Share for DOIs 2005-01-01 to 2005-12-31 (across the reduction date),
 * effective 2005-01-01.
 *
 * June 2005, counted 05-31: old vintage 600 at 0.75%, new 400 at 0.50%.
 *   A day: 3,650,000.00 × (600 × 0.75 + 400 × 0.50) / 1,000 / 100 / 365 = 100.00 × 0.65 = 65.00,
 *   by vintage 450 : 200 → 45.00 / 20.00.
 *   Old: AIM 600 of 600 → 45.00. New: AIM 300, Successor 100 → 15.00 / 5.00.
 *   AIM 60.00 a day → June 1,800.00; the Successor 5.00 a day → 150.00 (1,950.00 = 30 × 65.00).
 *   TR, by vintage: old — AIM's old shares 600, in the range 200 (A2): 45.00 × 200/600 = 15.00;
 *   new — AIM's 300, all in the range (A3): 15.00 × 300/300 = 15.00. 30.00 a day → 900.00; the
 *   Distributor keeps 900.00.
 *   (By all shares, as before EIGHTH(E) was split by vintage: AIM 900 of 1,000 → 58.50 a day, and TR
 *   500/900 of it → 32.50 a day = 975.00.)
 */

let june: VintageMonthlyCalc;
let store: CliStore;

describe.skipIf(!seedsAvailable)('EIGHTH(E): a DOI-range Transfer across the reduction date', () => {
  beforeAll(async () => {
    store = await eighthEStore('calc7-eighth-e-doi-range', {
      reducedFrom: '2005-03-01',
      accounts: ['A1,no,D', 'A2,no,D', 'A3,no,D', 'S1,no,D'],
      transactions: [
        `2004-06-01,A1P,A1,${CO},B,purchase,400,10.00,,`,
        `2005-02-01,A2P,A2,${CO},B,purchase,200,10.00,,`,
        `2005-04-01,A3P,A3,${CO},B,purchase,300,10.00,,`,
        `2005-05-10,S1P,S1,${CO},B,purchase,100,10.00,,`,
      ],
      before: async (s) => {
        await s.ok(
          'transfers',
          'import',
          s.file('transfers.csv', [
            'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
            `TR,Pinnacle Funding LLC,2 Wall St,${CO},100,100,2005-01-01,2005-12-31,2005-01-01,2005-01-01,direct,`,
          ]),
        );
      },
    });
    june = await store.json<VintageMonthlyCalc>('monthly-calculation', '--month', '2005-06');
  });
  afterAll(() => store?.remove());

  it('June: the vintages 1,350.00 / 600.00; AIM 1,800.00, the Successor 150.00', () => {
    const co = june.portfolios.find((p) => p.portfolio === CO)!;
    const v = june.classBVintages!.find((x) => x.portfolio === CO)!;
    expect(v.runs.map((r) => r.vintages.map((x) => [x.shares, x.distributionFee]))).toEqual([
      [
        ['600.0000', '1350.00'],
        ['400.0000', '600.00'],
      ],
    ]);
    expect([co.distributionFee, co.distributor12b1Share, co.otherDistributors]).toEqual([
      '1950.00',
      '1800.00',
      [{ distributor: SUCCESSOR, twelveB1Share: '150.00' }],
    ]);
  });

  it('the Transfer takes 200/600 of the old vintage and 300/300 of the new: 900.00', () => {
    const co = june.portfolios.find((p) => p.portfolio === CO)!;
    expect(co.assignees.map((a) => [a.transferId, a.twelveB1Portion])).toEqual([['TR', '900.00']]);
    expect(co.distributor12b1Portion).toBe('900.00');
  });

  it('the Assignee statement adds up to the same 12b-1 Portion and shows the fraction of each vintage', async () => {
    const st = await store.json<{
      lines: {
        transferId: string;
        twelveB1Portion: string;
        segments: {
          periods: {
            doiRangeByVintage?: {
              doiRangeShares: string;
              distributorShares: string;
              doiRangeFractionPct: string;
            }[];
          }[];
        }[];
      }[];
    }>('transfers', 'statement', '--assignee', 'Pinnacle Funding LLC', '--month', '2005-06');
    expect(st.lines.map((t) => [t.transferId, t.twelveB1Portion])).toEqual([['TR', '900.00']]);
    // 200 of AIM's 600 old shares (A2), 300 of its 300 new (A3)
    const [old, fresh] = st.lines[0]!.segments[0]!.periods[0]!.doiRangeByVintage!;
    expect([
      old!.doiRangeShares,
      old!.distributorShares,
      fresh!.doiRangeShares,
      fresh!.distributorShares,
    ]).toEqual(['200.0000', '600.0000', '300.0000', '300.0000']);
    expect(old!.doiRangeFractionPct).toMatch(/^33\.333/);
    expect(Number(fresh!.doiRangeFractionPct)).toBe(100);
  });
});
