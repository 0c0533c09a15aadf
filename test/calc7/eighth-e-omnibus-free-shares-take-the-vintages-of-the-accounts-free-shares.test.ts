import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { AIM, CO, eighthEStore, SUCCESSOR, type VintageMonthlyCalc } from './eighthEStore.js';
import type { CliStore } from './support.js';

/**
 * Agreement EIGHTH(E) with Exhibit A 2(c): Free Shares in an Omnibus Account carry no DOI; each
 * party's 2(c) Free Shares of the account are spread over the vintages of the account's Free Shares
 * as the fee accrual counts them (by what they derive from), in proportion.
 * 0.75% → 0.50% from 2005-05-01; AIM exclusive to 2005-04-30, the Successor from 2005-05-01.
 * Omnibus Account OM: 600 bought 2004-05-03 (AIM's, old); 100 reinvested 2005-03-15 (from those:
 * old); 200 bought 2005-05-12 (the Successor's, new); 50 reinvested 2005-05-20, pro rata to OM's
 * Commission Shares 600 : 200 → 37.5 old / 12.5 new. N7 (not omnibus): 300 bought 2005-05-10 (the
 * Successor's, new).
 *
 * 2(c): at the term's end (04-30) OM's 100 Free Shares start with AIM; May (issued 50, redeemed 0,
 *   outstanding 150): (ii) 50 × 700 / 700 (AIM's Free + Commission at 04-30) → AIM; so at 05-31 AIM
 *   holds all 150 of OM's Free Shares. Exhibit A at 05-31: AIM 600 + 150 = 750, the Successor
 *   200 + 300 = 500.
 * By vintage at 05-31: OM's Free Shares 137.5 old (100 + 37.5) and 12.5 new; AIM's 150 spread
 *   137.5 : 12.5 → 137.5 / 12.5. AIM: old 737.5, new 12.5; the Successor: new 500.
 *   The accrual's count: old 737.5, new 512.5 (1,250).
 * June: a day 365,000,000 cents × (737.5 × 0.75 + 512.5 × 0.50) / 1,250 / 100 / 365
 *   = 1,000,000 × 809.375 / 125,000 = 6,475 → 64.75; by vintage 553.125 : 256.25 → 44.25 / 20.50.
 *   Old: all AIM's → 44.25. New: AIM 12.5, the Successor 500 → 2,050 × 12.5 / 512.5 = 50 cents / 20.00.
 *   AIM 44.75 a day → 1,342.50; the Successor 20.00 a day → 600.00 (1,942.50 = 30 × 64.75).
 *   (By all shares, AIM 750/1,250 of 64.75 = 38.85 a day.) Closing May and June seals the same split.
 */

let june: VintageMonthlyCalc;
let store: CliStore;

describe.skipIf(!seedsAvailable)('EIGHTH(E): an Omnibus Account', () => {
  beforeAll(async () => {
    store = await eighthEStore('calc7-eighth-e-omnibus', {
      reducedFrom: '2005-05-01',
      accounts: ['OM,yes,D', 'N7,no,D'],
      transactions: [
        `2004-05-03,OMP1,OM,${CO},B,purchase,600,10.00,,`,
        `2005-03-15,OMR1,OM,${CO},B,reinvest,100,10.00,,`,
        `2005-05-10,N7P,N7,${CO},B,purchase,300,10.00,,`,
        `2005-05-12,OMP2,OM,${CO},B,purchase,200,10.00,,`,
        `2005-05-20,OMR2,OM,${CO},B,reinvest,50,10.00,,`,
      ],
      before: async (s) => {
        await s.ok(
          'omnibus',
          'import',
          s.file('omnibus.csv', [
            'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
            `2005-05,OM,${CO},50.0000,0.0000,150.0000`,
            `2005-06,OM,${CO},0.0000,0.0000,150.0000`,
          ]),
        );
      },
    });
    june = await store.json<VintageMonthlyCalc>('monthly-calculation', '--month', '2005-06');
  });
  afterAll(() => store?.remove());

  it('the accrual counts 737.5 old and 512.5 new shares: 1,327.50 / 615.00', () => {
    const v = june.classBVintages!.find((x) => x.portfolio === CO)!;
    expect(v.runs.map((r) => r.vintages.map((x) => [x.shares, x.distributionFee]))).toEqual([
      [
        ['737.5000', '1327.50'],
        ['512.5000', '615.00'],
      ],
    ]);
  });

  it('AIM has the old vintage and 12.5/512.5 of the new: 1,342.50; the Successor 600.00', () => {
    const co = june.portfolios.find((p) => p.portfolio === CO)!;
    expect([co.distributionFee, co.distributor12b1Share, co.otherDistributors]).toEqual([
      '1942.50',
      '1342.50',
      [{ distributor: SUCCESSOR, twelveB1Share: '600.00' }],
    ]);
    expect(
      co.computations[0]!.vintages!.map((x) =>
        x.parties.map((p) => [p.distributor, p.shares, p.twelveB1Share]),
      ),
    ).toEqual([
      [
        [AIM, '737.5000', '1327.50'],
        [SUCCESSOR, '0.0000', '0.00'],
      ],
      [
        [AIM, '12.5000', '15.00'],
        [SUCCESSOR, '500.0000', '600.00'],
      ],
    ]);
  });

  it('the close of June (Exhibit A from the month pass) seals the same split', async () => {
    await store.ok('close', '--month', '2005-05');
    await store.ok('close', '--month', '2005-06');
    const sealed = await store.json<{ content: VintageMonthlyCalc }>(
      'close',
      'show',
      '--month',
      '2005-06',
      '--part',
      'monthly-calculation',
    );
    expect(sealed.content.portfolios).toEqual(june.portfolios);
  });
});
