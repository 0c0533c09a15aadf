import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { AIM, CO, eighthEStore, SUCCESSOR, type VintageMonthlyCalc } from './eighthEStore.js';
import type { CliStore } from './support.js';

/**
 * Agreement EIGHTH(E) with Exhibit A 2(b): Free Shares follow the Commission Shares they derive
 * from — in the party they are allocated to and in the vintage they are counted in. The set-up of
 * eighth-e-reduction-after-a-change-of-distributor-… (0.75% → 0.50% from 2005-05-01; N6 600 of
 * 2004-05-03, AIM's; N7 300 of 2005-05-10, the Successor's), and N6 reinvests 60 shares on
 * 2005-05-20, after the reduction, stating nothing: they derive pro rata from N6's Commission Shares
 * (all of DOI 2004-05-03), so they are AIM's (2(b)) and of the old vintage.
 *
 * June 2005, counted 05-31: old vintage 660 (600 + 60) at 0.75%, new 300 at 0.50%.
 *   A day: 365,000,000 cents × (660 × 0.75 + 300 × 0.50) / 960 / 100 / 365 = 1,000,000 × 645 / 96,000
 *   = 6,718.75 → 67.19; by vintage 495 : 150 → 5,156.42 / 1,562.58 → 51.56 / 15.63 (the cent to the
 *   larger remainder, .58).
 *   Old: all AIM's (600 Commission + 60 Free) → 51.56; new: all the Successor's → 15.63.
 *   June: AIM 30 × 51.56 = 1,546.80; the Successor 30 × 15.63 = 468.90 (2,015.70 = 30 × 67.19).
 *   (Were the 60 Free Shares of their own date, the new vintage, they would be paid 0.50%; by all
 *   shares AIM would have 660/960 of 67.19 = 46.19 a day.)
 */

let june: VintageMonthlyCalc;
let store: CliStore;

describe.skipIf(!seedsAvailable)(
  'EIGHTH(E): Free Shares reinvested after the reduction from old Commission Shares',
  () => {
    beforeAll(async () => {
      store = await eighthEStore('calc7-eighth-e-free', {
        reducedFrom: '2005-05-01',
        accounts: ['N6,no,D', 'N7,no,D'],
        transactions: [
          `2004-05-03,N6P,N6,${CO},B,purchase,600,10.00,,`,
          `2005-05-10,N7P,N7,${CO},B,purchase,300,10.00,,`,
          `2005-05-20,N6R,N6,${CO},B,reinvest,60,10.00,,`,
        ],
      });
      june = await store.json<VintageMonthlyCalc>('monthly-calculation', '--month', '2005-06');
    });
    afterAll(() => store?.remove());

    it('the 60 Free Shares are counted in the old vintage: 660 shares, 1,546.80; the new 300, 468.90', () => {
      const v = june.classBVintages!.find((x) => x.portfolio === CO)!;
      expect(v.runs.map((r) => r.vintages.map((x) => [x.shares, x.distributionFee]))).toEqual([
        [
          ['660.0000', '1546.80'],
          ['300.0000', '468.90'],
        ],
      ]);
    });

    it('AIM is paid the old vintage on its 660 shares, the Successor the new', () => {
      const co = june.portfolios.find((p) => p.portfolio === CO)!;
      expect([co.distributionFee, co.distributor12b1Share, co.otherDistributors]).toEqual([
        '2015.70',
        '1546.80',
        [{ distributor: SUCCESSOR, twelveB1Share: '468.90' }],
      ]);
      expect(
        co.computations[0]!.vintages!.map((x) => x.parties.map((p) => [p.distributor, p.shares])),
      ).toEqual([
        [
          [AIM, '660.0000'],
          [SUCCESSOR, '0.0000'],
        ],
        [
          [AIM, '0.0000'],
          [SUCCESSOR, '300.0000'],
        ],
      ]);
    });

    it('the text prints each vintage of the computation with its shares, percentages and dollars', async () => {
      const text = await store.ok('monthly-calculation', '--month', '2005-06');
      const from = text.indexOf('EIGHTH(E) split by vintage');
      expect(text.slice(from).split('\n').slice(0, 8)).toEqual([
        `EIGHTH(E) split by vintage — ${CO}:`,
        '  2005-06-01–2005-06-30 (computed 2005-05-31):',
        '    issued before 2005-05-01: 1546.80',
        `      ${AIM}: 660.0000 shares, 100.0000% = 1546.80`,
        `      ${SUCCESSOR}: 0.0000 shares, 0.0000% = 0.00`,
        '    issued on or after 2005-05-01: 468.90',
        `      ${AIM}: 0.0000 shares, 0.0000% = 0.00`,
        `      ${SUCCESSOR}: 300.0000 shares, 100.0000% = 468.90`,
      ]);
    });
  },
);
