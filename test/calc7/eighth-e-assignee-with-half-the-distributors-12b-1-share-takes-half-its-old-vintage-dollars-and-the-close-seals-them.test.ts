import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { AIM, CO, eighthEStore, SUCCESSOR, type VintageMonthlyCalc } from './eighthEStore.js';
import type { CliStore } from './support.js';

/**
 * Agreement EIGHTH(E) with an Assignee (EIGHTH(A)): the set-up of
 * eighth-e-reduction-after-a-change-of-distributor-… (the Distributor's 600 shares of DOI 2004-05-03,
 * the Successor's 300 of 2005-05-10, 0.75% → 0.50% from 2005-05-01), and Transfer T50: 50% of the
 * Distributor's 12b-1 Share, all DOIs, effective 2005-01-01, notice received the same day.
 *
 * June 2005 (counted 05-31): a day's fee 66.67 = 50.00 (old vintage, 600 × 0.75) + 16.67 (new, 300 ×
 * 0.50). Old vintage: all the Distributor's → 50.00; new: all the Successor's → 16.67.
 *   Distributor's 12b-1 Share 30 × 50.00 = 1,500.00; Successor 30 × 16.67 = 500.10.
 *   T50: 50% of 50.00 a day = 25.00 → 750.00; the Distributor's own 12b-1 Portion 750.00.
 *   The computation of 05-31 shows, by vintage: issued before 2005-05-01, 1,500.00 of which the
 *   Distributor 100.0000% = 1,500.00; on or after, 500.10 of which the Successor 100.0000% = 500.10.
 *   Its single percentage: 1,500.00 / 2,000.10 = 74.99625…% — shown to as many places as reproduce
 *   the dollars (percentagesOfDollars): round(2,000.10 × pct / 100, 2) = 1,500.00.
 * Closing May and June seals the same figures: `close show --part monthly-calculation --json`.
 */

let june: VintageMonthlyCalc;
let store: CliStore;

describe.skipIf(!seedsAvailable)('EIGHTH(E): an Assignee of half the Distributor’s 12b-1 Share', () => {
  beforeAll(async () => {
    store = await eighthEStore('calc7-eighth-e-assignee', {
      reducedFrom: '2005-05-01',
      accounts: ['N6,no,D', 'N7,no,D'],
      transactions: [
        `2004-05-03,N6P,N6,${CO},B,purchase,600,10.00,,`,
        `2005-05-10,N7P,N7,${CO},B,purchase,300,10.00,,`,
      ],
      before: async (s) => {
        await s.ok(
          'transfers',
          'import',
          s.file('transfers.csv', [
            'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
            `T50,Keystone Receivables Trust,1 Main St,${CO},50,50,,,2005-01-01,2005-01-01,direct,`,
          ]),
        );
      },
    });
    june = await store.json<VintageMonthlyCalc>('monthly-calculation', '--month', '2005-06');
  });
  afterAll(() => store?.remove());

  it('the Distributor keeps 1,500.00 on its old shares; the Assignee has half of it, 750.00', () => {
    const co = june.portfolios.find((p) => p.portfolio === CO)!;
    expect([co.distributionFee, co.distributor12b1Share, co.otherDistributors]).toEqual([
      '2000.10',
      '1500.00',
      [{ distributor: SUCCESSOR, twelveB1Share: '500.10' }],
    ]);
    expect(co.assignees.map((a) => [a.transferId, a.twelveB1Portion])).toEqual([['T50', '750.00']]);
    expect(co.distributor12b1Portion).toBe('750.00');
  });

  it('the computation shows each vintage with its percentages and dollars, and every percentage reproduces its dollars', () => {
    const co = june.portfolios.find((p) => p.portfolio === CO)!;
    const [c] = co.computations;
    expect(c!.computedOn).toBe('2005-05-31');
    expect(c!.vintages).toEqual([
      {
        issuedFrom: null,
        issuedBefore: '2005-05-01',
        distributionFee: '1500.00',
        parties: [
          { distributor: AIM, shares: '600.0000', sharePct: '100.0000', twelveB1Share: '1500.00' },
          { distributor: SUCCESSOR, shares: '0.0000', sharePct: '0.0000', twelveB1Share: '0.00' },
        ],
      },
      {
        issuedFrom: '2005-05-01',
        issuedBefore: null,
        distributionFee: '500.10',
        parties: [
          { distributor: AIM, shares: '0.0000', sharePct: '0.0000', twelveB1Share: '0.00' },
          { distributor: SUCCESSOR, shares: '300.0000', sharePct: '100.0000', twelveB1Share: '500.10' },
        ],
      },
    ]);
    // round_half_up(fee × pct / 100) is each party's dollars, for the computation and each vintage
    const cents = (x: string) => BigInt(x.replace('.', ''));
    const reproduces = (fee: string, p: { sharePct: string; twelveB1Share: string }) => {
      const [whole, frac = ''] = p.sharePct.split('.');
      const scale = 10n ** BigInt(frac.length);
      const units = BigInt(whole!) * scale + BigInt(frac || '0');
      const den = 100n * scale;
      return (2n * cents(fee) * units + den) / (2n * den) === cents(p.twelveB1Share);
    };
    for (const p of c!.parties) expect(reproduces(c!.distributionFee, p), p.sharePct).toBe(true);
    for (const v of c!.vintages!)
      for (const p of v.parties) expect(reproduces(v.distributionFee, p)).toBe(true);
  });

  it('the close of June seals the same Monthly Calculation', async () => {
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
    const co = sealed.content.portfolios.find((p) => p.portfolio === CO)!;
    expect([
      co.distributor12b1Share,
      co.otherDistributors,
      co.assignees.map((a) => a.twelveB1Portion),
    ]).toEqual(['1500.00', [{ distributor: SUCCESSOR, twelveB1Share: '500.10' }], ['750.00']]);
    expect(sealed.content.portfolios).toEqual(june.portfolios);
    // read again after the close (its sealed results, and the month's ledger now stored)
    const again = await store.json<VintageMonthlyCalc>('monthly-calculation', '--month', '2005-06');
    expect(again.portfolios).toEqual(june.portfolios);
  });
});
