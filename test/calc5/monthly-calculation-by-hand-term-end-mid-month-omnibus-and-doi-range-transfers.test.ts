import { describe, expect, it } from 'vitest';
import { isBusinessDay } from '../../src/calendar/nyseCalendar.js';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../../src/feeds/omnibusFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { cdscReport } from '../../src/reports/classBCdscReport.js';
import { redemptionsReport } from '../../src/reports/classBRedemptionsReport.js';
import { distributorShareReport } from '../../src/reports/distributorShareReport.js';
import { monthJournal } from '../../src/reports/journal.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { withActor } from '../../src/store/actor.js';
import { storeForTests } from '../support/storeForTests.js';

/**
 * SPEC §7–§8, Exhibit A 2(a)–(c), Agreement EIGHTH: a small complex fed through the product's own
 * feeds, every figure below worked out by hand (never pasted from output).
 *
 * Summit Distributors Inc. (the Distributor: the first `all` term) is exclusive distributor from
 * 2023-01-03 to E = 2024-03-14; Other Distributor LLC from 2024-03-15. Harbor Distributors Inc.
 * distributed Summit Capital Growth Fund (CG) alone 2023-01-03–2023-05-31 (a predecessor: an
 * Other Distributor for CG's shares of that DOI).
 *
 * CG net assets 3,660,000.00 every business day: 3,660,000.00 × 0.75% / 366 = 75.00 a day (2024 is
 * a leap year), so March = 31 × 75.00 = 2,325.00 and April = 30 × 75.00 = 2,250.00.
 *
 * Accounts (CG, price 10.00 unless said):
 *  N1 600 Commission 2023-06-01 (Summit); 12 Free 2024-02-15 (pro rata: 600 Summit → 12 Summit);
 *     200 Commission 2024-03-18 (Other); 30 Free 2024-03-21 pro rata 600 : 200 → 22.5 Summit /
 *     7.5 Other — the later purchase through Other does not move the 12 Free Shares of February (2(b)).
 *  N2 400 Commission 2024-01-10 (Summit).
 *  N3 300 Commission 2023-03-01 (Harbor); 10 Free 2024-03-22 stated for Summit; 6 Free 2024-03-25
 *     stated as derived from DOI 2023-03-01 (Harbor); redeems 50 on 2024-04-19 at 9.00 — Free Shares
 *     first (10 + 6), then 34 Commission Shares: year 2 (anniversary 2024-03-01 passed) → 4% ×
 *     min(340.00, 306.00) = 12.24, Harbor's CDSC, not the Distributor's Earned CDSC.
 *  N4 200 Commission 2023-07-03 (Summit); redeems all 200 on 2024-03-27 at 11.00: year 1 → 5% ×
 *     min(2,000.00, 2,200.00) = 100.00 Earned CDSC of Summit, DOI in Alpha's range.
 *  O1 (omnibus) 1,000 Commission 2023-09-01 (Summit), 100 Free 2024-01-31, 500 Commission
 *     2024-03-20 (Other); 50 Free 2024-03-26; April: 60 Free 04-12, 20 redeemed 04-19, 10 exchanged out
 *     to Summit Dividend Value Fund 04-25. Sub-transfer agent: March 50 issued / 0 redeemed / 150
 *     outstanding; April 60 / 20 / 180.
 *
 * Exhibit A at E (2024-03-14): Summit (a) 600 + 400 + 200 + 1,000 = 2,200, (b) 12, (c) 100 → 2,312;
 *   Harbor (a) 300; all 2,612.
 * 2(c) for O1 at 2024-03-31 (previous: 1,000 Commission + 100 Free, all Summit's):
 *   (ii) 50 × 1,100/1,100 = 50 Summit; (iii) none; (iv) 150 − 100 − 50 + 0 = 0 → Summit 150, Other 0.
 * Exhibit A at 2024-03-31: Summit (a) 600 + 400 + 1,000 = 2,000, (b) 12 + 22.5 + 10 = 44.5, (c) 150
 *   → 2,194.5; Harbor (a) 300 (b) 6 → 306; Other (a) 200 + 500 = 700 (b) 7.5 → 707.5; all 3,208.
 * 2(c) for O1 at 2024-04-30 (previous: Commission 1,000 Summit / 500 Other, Free 150 / 0):
 *   (ii) 60 × 1,150/1,650 = 41.818181… and 60 × 500/1,650 = 18.181818…: to 0.0001 share 41.8181 r .81
 *        and 18.1818 r .18 (sum 59.9999) → the unit to the larger remainder: 41.8182 / 18.1818;
 *   (iii) 20 × 150/150 = 20 Summit; (iv) 180 − 150 − 60 + 20 = −10 × 150/150 = −10 Summit
 *   → Summit 150 + 41.8182 − 20 − 10 = 161.8182; Other 18.1818 (sum 180).
 * 2(c) for O1 at 2024-05-31 (May: 40 issued, 200 redeemed — Free Shares first — 20 outstanding;
 *   previous: Commission 1,000 / 500, Free 161.8182 / 18.1818):
 *   (ii) 40 × 1,161.8182/1,680 = 27.66233… (r .38) and 40 × 518.1818/1,680 = 12.33766… (r .62) →
 *        27.6623 / 12.3377;
 *   (iii) 200 redeemed but only 180 Free Shares at the last month end. Exhibit A's A × (B/C) would
 *        take 200 × 161.8182/180 = 179.798 from Summit, more than it holds; the reading taken (the
 *        product's, documented in omnibusFreeShares.ts; Exhibit A is silent): the 180 by B/C
 *        (161.8182 / 18.1818), the other 20 — shares issued in May, Free Shares being redeemed oldest
 *        first — as (ii) attributed May's issues: 20 × 27.6623/40 = 13.83115 and 6.16885, a tie of
 *        remainders → the unit to the party listed first: 13.8312 / 6.1688 → redeemed 175.6494 / 24.3506;
 *   (iv) 20 − 180 − 40 + 200 = 0
 *   → Summit 161.8182 + 27.6623 − 175.6494 = 13.8311; Other 18.1818 + 12.3377 − 24.3506 = 6.1689.
 */

const CG = 'Summit Capital Growth Fund';
const DV = 'Summit Dividend Value Fund';
const SUMMIT = 'Summit Distributors Inc.';
const OTHER = 'Other Distributor LLC';
const HARBOR = 'Harbor Distributors Inc.';
const ALPHA = 'Alpha Funding LLC';
const BETA = 'Beta Capital LP';

const csv = (rows: string[]) => Buffer.from(rows.join('\n'));
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
}
const T = (
  date: string,
  id: string,
  account: string,
  portfolio: string,
  type: string,
  shares: string,
  price: string,
  more: { exchangeId?: string; attributed?: string; derivedFrom?: string } = {},
) =>
  `${date},${id},${account},${portfolio},B,${type},${shares},${price},${more.exchangeId ?? ''},,${more.attributed ?? ''},${more.derivedFrom ?? ''}`;

const store = storeForTests('pglite', async (db) => {
  await withActor('test setup', async () => {
    await importExhibits(
      db,
      demoExhibits()
        .filter(({ doc }) => doc.kind === 'agreement')
        .map(({ fileName, doc }) => ({
          fileName,
          bytes: Buffer.from(renderExhibit(doc, { marked: false })),
        })),
    );
    await importAccounts(
      db,
      'accounts.csv',
      csv(['account,omnibus,dealer_of_record', 'N1,no,D', 'N2,no,D', 'N3,no,D', 'N4,no,D', 'O1,yes,D']),
    );
    await importDistributors(
      db,
      'distributors.csv',
      csv([
        'portfolio,distributor,start,end',
        `all,${SUMMIT},2023-01-03,2024-03-14`,
        `all,${OTHER},2024-03-15,`,
        `${CG},${HARBOR},2023-01-03,2023-05-31`,
      ]),
    );
    await importTransactions(
      db,
      'transactions.csv',
      csv([
        'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver,attributed_distributor,derived_from_doi',
        T('2023-03-01', 'N3P1', 'N3', CG, 'purchase', '300', '10.00'),
        T('2023-06-01', 'N1P1', 'N1', CG, 'purchase', '600', '10.00'),
        T('2023-07-03', 'N4P1', 'N4', CG, 'purchase', '200', '10.00'),
        T('2023-09-01', 'O1P1', 'O1', CG, 'purchase', '1000', '10.00'),
        T('2024-01-10', 'N2P1', 'N2', CG, 'purchase', '400', '10.00'),
        T('2024-01-31', 'O1R1', 'O1', CG, 'reinvest', '100', '10.00'),
        T('2024-02-15', 'N1R1', 'N1', CG, 'reinvest', '12', '10.00'),
        T('2024-03-18', 'N1P2', 'N1', CG, 'purchase', '200', '10.00'),
        T('2024-03-20', 'O1P2', 'O1', CG, 'purchase', '500', '10.00'),
        T('2024-03-21', 'N1R2', 'N1', CG, 'reinvest', '30', '10.00'),
        T('2024-03-22', 'N3R1', 'N3', CG, 'reinvest', '10', '10.00', { attributed: SUMMIT }),
        T('2024-03-25', 'N3R2', 'N3', CG, 'reinvest', '6', '10.00', { derivedFrom: '2023-03-01' }),
        T('2024-03-26', 'O1R2', 'O1', CG, 'reinvest', '50', '10.00'),
        T('2024-03-27', 'N4X1', 'N4', CG, 'redeem', '200', '11.00'),
        T('2024-04-12', 'O1R3', 'O1', CG, 'reinvest', '60', '10.00'),
        T('2024-04-19', 'O1X1', 'O1', CG, 'redeem', '20', '10.00'),
        T('2024-04-19', 'N3X1', 'N3', CG, 'redeem', '50', '9.00'),
        T('2024-04-25', 'O1E1O', 'O1', CG, 'exchange_out', '10', '10.00', { exchangeId: 'X1' }),
        T('2024-04-25', 'O1E1I', 'O1', DV, 'exchange_in', '5', '20.00', { exchangeId: 'X1' }),
        T('2024-05-10', 'O1R4', 'O1', CG, 'reinvest', '40', '10.00'),
        T('2024-05-20', 'O1X2', 'O1', CG, 'redeem', '200', '10.00'),
      ]),
    );
    await importOmnibusMonths(
      db,
      'omnibus.csv',
      csv([
        'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
        `2024-03,O1,${CG},50,0,150`,
        `2024-04,O1,${CG},60,20,180`,
        `2024-04,O1,${DV},0,0,5`,
        `2024-05,O1,${CG},40,200,20`,
        `2024-05,O1,${DV},0,0,5`,
      ]),
    );
    // T1: CG only, DOIs of 2023-06-01–2023-12-31, effective 2024-03-20, notice 2024-04-18 (after
    // March's payment date 2024-04-12, before April's 2024-05-14). T2: every portfolio, from 03-01.
    await importTransfers(
      db,
      'transfers.csv',
      csv([
        'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
        `T1,${ALPHA},"1 Main St",${CG},40,50,2023-06-01,2023-12-31,2024-03-20,2024-04-18,direct,`,
        `T2,${BETA},"2 Wall St",all,25,10,,,2024-03-01,2024-03-01,direct,`,
      ]),
    );
    await importNetAssets(
      db,
      'na.csv',
      csv([
        'date,portfolio,class,net_assets',
        ...daysOf('2024-03-01', '2024-05-31')
          .filter(isBusinessDay)
          .flatMap((d) => [`${d},${CG},B,3660000.00`, `${d},${DV},B,1830000.00`]),
      ]),
    );
  });
});

/** SPEC §7: fee × percentage shown, half-up to the cent, is the dollars shown beside it. */
function reproduces(pct: string, fee: string, dollars: string): boolean {
  const places = BigInt(pct.split('.')[1]!.length);
  const whole = 100n * 10n ** places;
  const feeCents = BigInt(fee.replace('.', ''));
  const product = feeCents * BigInt(pct.replace('.', ''));
  return (product * 2n + whole) / (2n * whole) === BigInt(dollars.replace('.', ''));
}

describe('Monthly Calculation by hand: term end mid-month, omnibus 2(c), DOI-range Transfer, notice mid-month', () => {
  it('Exhibit A computations at E and at each month end, by rule (2(a), 2(b), 2(c))', async () => {
    const byRule = async (month: string) =>
      (await distributorShareReport(store.db, month)).portfolios
        .find((p) => p.portfolio === CG)!
        .computations.map((c) => ({
          date: c.date,
          denominator: c.denominator,
          rules: c.byRule.map((r) => [
            r.distributor,
            r.a_commissionShares,
            r.b_freeShares,
            r.c_omnibusFreeShares,
            r.total,
          ]),
        }));
    expect(await byRule('2024-03')).toEqual([
      {
        date: '2024-03-14',
        denominator: '2612.0000',
        rules: [
          [SUMMIT, '2200.0000', '12.0000', '100.0000', '2312.0000'],
          [HARBOR, '300.0000', '0.0000', '0.0000', '300.0000'],
          [OTHER, '0.0000', '0.0000', '0.0000', '0.0000'],
        ],
      },
      {
        date: '2024-03-31',
        denominator: '3208.0000',
        rules: [
          [SUMMIT, '2000.0000', '44.5000', '150.0000', '2194.5000'],
          [HARBOR, '300.0000', '6.0000', '0.0000', '306.0000'],
          [OTHER, '700.0000', '7.5000', '0.0000', '707.5000'],
        ],
      },
    ]);
    // 04-30: Harbor 300 − 34 = 266 (its 6 Free Shares redeemed); N1's Free Shares 34.5 / 7.5;
    // O1 2(c) 161.8182 / 18.1818 (worked above). 3,188 = 3,208 − 50 (N3) + 60 − 20 − 10 (O1).
    expect((await byRule('2024-04'))[1]).toEqual({
      date: '2024-04-30',
      denominator: '3188.0000',
      rules: [
        [SUMMIT, '2000.0000', '34.5000', '161.8182', '2196.3182'],
        [HARBOR, '266.0000', '0.0000', '0.0000', '266.0000'],
        [OTHER, '700.0000', '7.5000', '18.1818', '725.6818'],
      ],
    });
  });

  /**
   * March 2024. 1st–14th: Summit exclusive, 14 × 75.00 = 1,050.00.
   * 15th–31st (17 days, 1,275.00) by the computation of E, 2,312 : 300 : 0 each day:
   *   7,500 × 2,312/2,612 = 6,638.59… cents (r .59), 7,500 × 300/2,612 = 861.40… (r .41) → the odd
   *   cent to Summit: 66.39 / 8.61 a day → 17 days 1,128.63 / 146.37.
   *   Percentages: 1,128.63 / 1,275.00 = 88.52% and 146.37 / 1,275.00 = 11.48% exactly.
   * Summit's 12b-1 Share 1,050.00 + 1,128.63 = 2,178.63; Harbor 146.37 (sum 2,325.00).
   *
   * Portions (SPEC §8; a count governs the days after it — so the 20th is governed by E's count):
   *   1st–14th: Beta 25% × 1,050.00 = 262.50; the Distributor's own 75% = 787.50 (exact).
   *   15th–31st (Summit's 1,128.63): Beta 25% every day = 282.1575;
   *     Alpha 40% on the 20th–31st (12 days × 66.39 = 796.68) × DOI fraction 1,800/2,312 (N1 600 +
   *     N4 200 + O1 1,000 of Summit's 2,312, counted at E and again at 03-20, N4 redeeming only on
   *     03-27) = 318.672 × 225/289 = 248.1010…;
   *     own: 5 days × 66.39 × 75% = 248.9625 + 796.68 × (75% − 40% × 225/289) = 349.4090… → 598.3714…
   *     cents by largest remainder: 28,215 r .75, 24,810 r .10, 59,837 r .15 (sum 112,862 of 112,863)
   *     → Beta's .75 takes the cent: Beta 282.16, Alpha 248.10, own 598.37.
   *   Beta 262.50 + 282.16 = 544.66; Alpha 248.10; own 787.50 + 598.37 = 1,385.87 (sum 2,178.63).
   * Earned CDSC 100.00 (N4, 03-27, DOI 2023-07-03): Alpha 50% = 50.00, Beta 10% = 10.00, own 40.00.
   * Alpha's notice came on 04-18, after the payment date (10th NYSE business day after 03-31:
   * April 1–5, 8–12 → 04-12): its 248.10 + 50.00 = 298.10 is paid to Summit, owed on to Alpha.
   * Summit is paid 1,385.87 + 248.10 = 1,633.97 of 12b-1 and 40.00 + 50.00 = 90.00 of CDSC: 1,723.97.
   */
  it('March: both computations with days, % and dollars; portions; owed on to Alpha', async () => {
    const report = await monthlyCalculationReport(store.db, '2024-03');
    expect(report.dueDate).toBe('2024-04-12');
    const mc = report.portfolios.find((p) => p.portfolio === CG)!;
    expect(mc.distributionFee).toBe('2325.00');
    expect(mc.computations).toEqual([
      {
        computedOn: null,
        from: '2024-03-01',
        to: '2024-03-14',
        days: 14,
        distributionFee: '1050.00',
        parties: [{ distributor: SUMMIT, sharePct: '100.0000', twelveB1Share: '1050.00' }],
      },
      {
        computedOn: '2024-03-14',
        from: '2024-03-15',
        to: '2024-03-31',
        days: 17,
        distributionFee: '1275.00',
        parties: [
          { distributor: SUMMIT, sharePct: '88.5200', twelveB1Share: '1128.63' },
          { distributor: HARBOR, sharePct: '11.4800', twelveB1Share: '146.37' },
          { distributor: OTHER, sharePct: '0.0000', twelveB1Share: '0.00' },
        ],
      },
    ]);
    expect(mc.distributor12b1Share).toBe('2178.63');
    expect(mc.earnedCdsc).toBe('100.00');
    expect(
      mc.assignees.map((a) => [a.assignee, a.twelveB1Portion, a.cdscPortion, a.payTo, a.owedOnToAssignee]),
    ).toEqual([
      [ALPHA, '248.10', '50.00', SUMMIT, '298.10'],
      [BETA, '544.66', '10.00', BETA, '0.00'],
    ]);
    expect(mc.distributor12b1Portion).toBe('1385.87');
    expect(mc.distributorEarnedCdscPortion).toBe('40.00');
    expect(mc.payees.map((p) => [p.payee, p.twelveB1, p.cdsc, p.owedOn, p.total])).toEqual([
      [SUMMIT, '1633.97', '90.00', '298.10', '1723.97'],
      [HARBOR, '146.37', '0.00', '0.00', '146.37'],
      [OTHER, '0.00', '0.00', '0.00', '0.00'],
      [BETA, '544.66', '10.00', '0.00', '554.66'],
    ]);
  });

  /**
   * April 2024, all 30 days by the computation of 03-31 (2,194.5 : 306 : 707.5 of 3,208), in 0.1
   * shares 21,945 : 3,060 : 7,075 of 32,080. Each day's 7,500 cents:
   *   Summit 164,587,500 / 32,080 = 5,130.53… (r .53); Harbor 22,950,000 / 32,080 = 715.39… (r .40);
   *   Other 53,062,500 / 32,080 = 1,654.06… (r .07) → floors 7,499, the cent to Summit:
   *   51.31 / 7.15 / 16.54 a day → 1,539.30 / 214.50 / 496.20 (sum 2,250.00).
   * Portions of Summit's 1,539.30: Beta 25% = 384.825; Alpha 40% × 1,600/2,194.5 (N1 600 + O1 1,000
   *   counted at 03-31; N4 gone) = 615.72 × 3,200/4,389 = 448.9186…; own 1,539.30 × (75% − 40% ×
   *   3,200/4,389) = 1,539.30 × 2,011.75/4,389 = 705.5563…; cents 38,482 r .5, 44,891 r .87,
   *   70,555 r .56 (sum 153,928 of 153,930) → Alpha and own take a cent: Beta 384.82, Alpha 448.92,
   *   own 705.56. Alpha's notice (04-18) is before April's payment date (05-14): paid directly.
   */
  it('April: the month-end computation with three parties; each percentage reproduces its dollars', async () => {
    const report = await monthlyCalculationReport(store.db, '2024-04');
    expect(report.dueDate).toBe('2024-05-14');
    const mc = report.portfolios.find((p) => p.portfolio === CG)!;
    const [only, ...none] = mc.computations;
    expect(none).toEqual([]);
    expect(only!.computedOn).toBe('2024-03-31');
    expect(only!.days).toBe(30);
    expect(only!.parties.map((p) => [p.distributor, p.twelveB1Share])).toEqual([
      [SUMMIT, '1539.30'],
      [HARBOR, '214.50'],
      [OTHER, '496.20'],
    ]);
    for (const p of only!.parties)
      expect(reproduces(p.sharePct, only!.distributionFee, p.twelveB1Share)).toBe(true);
    // the percentages add up to 100
    expect(only!.parties.reduce((s, p) => s + BigInt(p.sharePct.replace('.', '')), 0n)).toBe(1_000_000n);
    expect(
      mc.assignees.map((a) => [a.assignee, a.twelveB1Portion, a.cdscPortion, a.payTo, a.owedOnToAssignee]),
    ).toEqual([
      [ALPHA, '448.92', '0.00', ALPHA, '0.00'],
      [BETA, '384.82', '0.00', BETA, '0.00'],
    ]);
    expect(mc.distributor12b1Portion).toBe('705.56');
    // N3's CDSC of 12.24 is Harbor's (DOI in Harbor's term): not the Distributor's Earned CDSC
    expect(mc.earnedCdsc).toBe('0.00');
    expect(mc.payees.map((p) => [p.payee, p.total])).toEqual([
      [SUMMIT, '705.56'],
      [HARBOR, '214.50'],
      [OTHER, '496.20'],
      [ALPHA, '448.92'],
      [BETA, '384.82'],
    ]);
  });

  it('the journal books each payee the Monthly Calculation names, to the cent (SPEC §12)', async () => {
    for (const [month, want] of [
      ['2024-03', { [SUMMIT]: '1723.97', [HARBOR]: '146.37', [BETA]: '554.66' }],
      [
        '2024-04',
        { [SUMMIT]: '705.56', [HARBOR]: '214.50', [OTHER]: '496.20', [ALPHA]: '448.92', [BETA]: '384.82' },
      ],
    ] as const) {
      const j = await monthJournal(store.db, month);
      const credited = new Map<string, bigint>();
      for (const l of j.lines) {
        // the Monthly Calculation's payables (12b-1 and CDSC); an Other Distributor's service fee of
        // its days after E has a payable of its own (Agreement TENTH, calc10), not counted here
        const m =
          /^Payable to (.+) — (?:12b-1|CDSC) \((Distributor|Other Distributor|Assignee|Depository)\)$/.exec(
            l.account,
          );
        if (!m || l.portfolio !== CG || l.date !== `${month}-${month === '2024-03' ? '31' : '30'}`) continue;
        const c = BigInt(l.credit.replace('.', '')) - BigInt(l.debit.replace('.', ''));
        credited.set(m[1]!, (credited.get(m[1]!) ?? 0n) + c);
      }
      const shown = Object.fromEntries(
        [...credited]
          .filter(([, v]) => v !== 0n)
          .map(([n, v]) => [n, `${v / 100n}.${String(v % 100n).padStart(2, '0')}`]),
      );
      expect(shown).toEqual(want);
    }
  });

  it('cdsc and redemptions: each piece earned by the distributor of its first issuance (FOURTH)', async () => {
    expect(
      (await cdscReport(store.db, '2024-03')).rows.map((r) => [r.portfolio, r.distributor, r.cdsc]),
    ).toEqual([[CG, SUMMIT, '100.00']]);
    expect(
      (await cdscReport(store.db, '2024-04')).rows.map((r) => [r.portfolio, r.distributor, r.cdsc]),
    ).toEqual([[CG, HARBOR, '12.24']]);
    const n3 = (await redemptionsReport(store.db, '2024-04-01', '2024-04-30')).redemptions.find(
      (r) => r.txnId === 'N3X1',
    )!;
    // 50 at 9.00: gross 450.00; Free first (10 of 03-22, 6 of 03-25), then 34 Commission: 12.24; net 437.76
    expect([n3.gross, n3.cdsc, n3.net]).toEqual(['450.00', '12.24', '437.76']);
    expect(
      n3.pieces.map((p) => [p.kind, p.dateOfOriginalIssuance, p.shares, p.cost, p.cdsc, p.earnedBy]),
    ).toEqual([
      ['free', '2024-03-22', '10.0000', '100.00', '0.00', null],
      ['free', '2024-03-25', '6.0000', '60.00', '0.00', null],
      ['commission', '2023-03-01', '34.0000', '340.00', '12.24', HARBOR],
    ]);
  });

  /**
   * May 2024 by the computation of 04-30: Summit 2,196.3182, Harbor 266, Other 725.6818 of 3,188.
   * Each day's 7,500 cents: Summit 7,500 × 21,963,182/31,880,000 = 5,166.997 (r .997), Harbor
   * 625.784 (r .784), Other 1,707.219 (r .219): floors 7,498 → Summit and Harbor a cent each:
   * 51.67 / 6.26 / 17.07 a day → 31 days 1,601.77 / 194.06 / 529.17 (sum 2,325.00).
   * Portions of 1,601.77: Beta 25% = 400.4425; Alpha 40% × 1,600/2,196.3182 (counted at 04-30) =
   * 640.708 × 16,000,000/21,963,182 = 466.7506; own 1,601.77 − … computed as 1,601.77 × (75% − 40% ×
   * 0.7284919) = 734.5769; cents 40,044 r .25, 46,675 r .06, 73,457 r .69 (160,176 of 160,177) → own
   * takes the cent: Beta 400.44, Alpha 466.75, own 734.58.
   * The 05-31 computation (governing June): Summit 2,000 + 34.5 + 13.8311 = 2,048.3311; Harbor 266;
   * Other 700 + 7.5 + 6.1689 = 713.6689; all 3,028 (= 3,188 + 40 − 200).
   */
  it('May: a third month of 2(c) with more Free Shares redeemed than were outstanding at the last month end', async () => {
    const share = (await distributorShareReport(store.db, '2024-05')).portfolios.find(
      (p) => p.portfolio === CG,
    )!;
    expect(
      share.computations.at(-1)!.byRule.map((r) => [r.distributor, r.c_omnibusFreeShares, r.total]),
    ).toEqual([
      [SUMMIT, '13.8311', '2048.3311'],
      [HARBOR, '0.0000', '266.0000'],
      [OTHER, '6.1689', '713.6689'],
    ]);
    expect(share.computations.at(-1)!.denominator).toBe('3028.0000');
    const mc = (await monthlyCalculationReport(store.db, '2024-05')).portfolios.find(
      (p) => p.portfolio === CG,
    )!;
    expect(
      mc.computations.map((c) => [
        c.computedOn,
        c.days,
        c.parties.map((p) => [p.distributor, p.twelveB1Share]),
      ]),
    ).toEqual([
      [
        '2024-04-30',
        31,
        [
          [SUMMIT, '1601.77'],
          [HARBOR, '194.06'],
          [OTHER, '529.17'],
        ],
      ],
    ]);
    for (const p of mc.computations[0]!.parties)
      expect(reproduces(p.sharePct, mc.computations[0]!.distributionFee, p.twelveB1Share)).toBe(true);
    expect(mc.assignees.map((a) => [a.assignee, a.twelveB1Portion])).toEqual([
      [ALPHA, '466.75'],
      [BETA, '400.44'],
    ]);
    expect(mc.distributor12b1Portion).toBe('734.58');
  });

  it('May: Summit Dividend Value Fund lists only its own distributors, not Harbor (a term for CG only)', async () => {
    // DV: 1,830,000.00 × 0.75% / 366 = 37.50 a day; May 31 × 37.50 = 1,162.50.
    // At 2024-04-30 O1 holds 5 DV Free Shares, exchanged in on 04-25 (10 CG Free Shares × 10.00 /
    // 20.00), the account's first DV shares after the term: 2(c)(iv) gives them to the distributor
    // then exclusive, Other (Summit 0, Other 5). Harbor distributed CG alone (2023-01-03–05-31) and no
    // DV share derives from its term: it is no party of DV's computation (it was listed at 0.00).
    const share = (await distributorShareReport(store.db, '2024-05')).portfolios.find(
      (p) => p.portfolio === DV,
    )!;
    expect(
      share.computations.at(-1)!.byRule.map((r) => [r.distributor, r.c_omnibusFreeShares, r.total]),
    ).toEqual([
      [SUMMIT, '0.0000', '0.0000'],
      [OTHER, '5.0000', '5.0000'],
    ]);
    const mc = (await monthlyCalculationReport(store.db, '2024-05')).portfolios.find(
      (p) => p.portfolio === DV,
    )!;
    expect(
      mc.computations.map((c) => [c.computedOn, c.parties.map((p) => [p.distributor, p.twelveB1Share])]),
    ).toEqual([
      [
        '2024-04-30',
        [
          [SUMMIT, '0.00'],
          [OTHER, '1162.50'],
        ],
      ],
    ]);
    expect(mc.payees.map((p) => p.payee)).not.toContain(HARBOR);
  });
});
