import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import type { Journal, JournalLine } from '../../src/reports/journal.js';
import type { MonthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { loadCloseResult } from '../../src/store/closeRepository.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  buildPayeesComplex,
  FUND,
  FUND2,
  netAssetsRows,
  OTHER,
  providerAssetsRows,
} from '../transfers/payeesComplexFixture.js';

const WITHHELD = 'Class B CDSC withheld from redemption proceeds';
const TO_FUND = 'Class B CDSC credited to the fund (FINRA 2341(d)(2))';
const OTHERS_OWN = `Payable to ${OTHER} — CDSC (Other Distributor, its own shares)`;
const cents = (s: string) => BigInt(s.replace('.', ''));

function byAccount(lines: readonly JournalLine[]): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const l of lines) out[l.account] = (out[l.account] ?? 0n) + cents(l.debit) - cents(l.credit);
  return out;
}

/**
 * SPEC §6 with FINRA 2341(d)(2) and SPEC §12: the scenario of
 * a-restatement-changing-the-cdsc-credited-to-the-fund-books-the-fund-account.test.ts (its
 * arithmetic there: 2025-01 uses the cap up on its last day; restating 2025-01-15 to
 * 35,040,000.00 leaves 30.00, and February's room is 30.00 + 0.20 interest = 30.20), with one more
 * redemption before R2:
 *   R5 2025-02-10 A2 redeems 100 @ 12.00 → P3 (DOI 2024-12-02, the Other Distributor's term, first
 *      year): cost 2,000.00 × 100/200 = 1,000.00; 5% × min(1,000.00, 1,200.00) = 50.00.
 *   R2 2025-02-14 (Summit's P1): 80.00.
 * February as closed: room 0.00 → R5's 50.00 and R2's 80.00 all credited to the fund (130.00).
 * Restated: room 30.20 goes to the pieces in the order collected — R5 counts 30.20 (credited
 *   50.00 − 30.20 = 19.80), R2 none (80.00 credited). The Distributor's parts do not change
 *   (collected 80.00 = earned 0.00 + credited 80.00); the Other Distributor's do: owed
 *   0.00 → 30.20, credited 50.00 → 19.80, collected 50.00 both times.
 * The 2025-03 journal, 2025-02's entry: debit the fund's account 30.20, credit the Other
 * Distributor's own CDSC payable 30.20 (no CDSC withheld line: nothing more was collected); paid to
 * it on March's due date, the 10th NYSE business day after 2025-03-31 (April 1–4, 7–11, 14):
 * 2025-04-14.
 */
describe('a restatement that changes the CDSC credited on an Other Distributor s shares owes and pays it the difference', () => {
  let tdb: TestDatabase;
  let db: Database;
  let march: Journal;
  let mc: MonthlyCalculationReport;
  const before = process.env.PLAN12B_FINRA_CAP_STOP;
  beforeAll(async () => {
    delete process.env.PLAN12B_FINRA_CAP_STOP;
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    await importNetAssets(
      db,
      'na-2025-02.csv',
      netAssetsRows('2025-02-03', '2025-03-31', { [FUND]: '36500000.00', [FUND2]: '3650000.00' }),
    );
    await importProviderAssets(
      db,
      'pa-2025-02.csv',
      providerAssetsRows('2025-02-03', '2025-03-31', '10000000.00'),
    );
    await importTransactions(
      db,
      'r2.csv',
      Buffer.from(
        [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2025-02-10,R5,A2,${FUND},B,redeem,100,12,,`,
          `2025-02-14,R2,A1,${FUND},B,redeem,200,12,,`,
        ].join('\n'),
      ),
    );
    await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
    await importGrossSales(
      db,
      'gs.csv',
      Buffer.from(`month,portfolio,class,gross_sales\n2025-01,${FUND},B,360800.00\n`),
    );
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    await closeMonth(db, '2025-02', MONTH_CLOSE_STEPS);
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from(`date,portfolio,class,net_assets\n2025-01-15,${FUND},B,35040000.00`),
      { restate: true },
    );
    const close = await closeMonth(db, '2025-03', MONTH_CLOSE_STEPS);
    march = close.parts.journal as Journal;
    mc = close.parts['monthly-calculation'] as MonthlyCalculationReport;
  });
  afterAll(async () => {
    if (before !== undefined) process.env.PLAN12B_FINRA_CAP_STOP = before;
    await db.close();
    await tdb.drop();
  });

  it('February as sealed: 130.00 withheld, all credited to the fund; the Other Distributor owed 0.00', async () => {
    const feb = (await loadCloseResult(db, '2025-02', 'monthly-calculation')) as MonthlyCalculationReport;
    const fund = feb.portfolios.find((p) => p.portfolio === FUND)!;
    expect([fund.cdscCollected, fund.earnedCdsc, fund.cdscCreditedToFund]).toEqual([
      '80.00',
      '0.00',
      '80.00',
    ]);
    expect(fund.otherDistributorsCdsc).toEqual([
      { distributor: OTHER, cdscCollected: '50.00', cdscCreditedToFund: '50.00', cdsc: '0.00' },
    ]);
    const j = (await loadCloseResult(db, '2025-02', 'journal')) as Journal;
    const alc = byAccount(j.lines.filter((l) => l.portfolio === FUND && l.entry.startsWith('ALC-')));
    expect([alc[WITHHELD], alc[TO_FUND], alc[OTHERS_OWN]]).toEqual([13000n, -13000n, undefined]);
  });

  it('March reports the Other Distributor s change: owed + 30.20, credited − 30.20, collected 0.00', () => {
    expect(mc.priorPeriodCdscToFundAdjustments).toEqual([
      {
        month: '2025-02',
        portfolioId: mc.portfolios.find((p) => p.portfolio === FUND)!.portfolioId,
        portfolio: FUND,
        cdscCollectedDifference: '0.00',
        cdscCreditedToFundDifference: '0.00',
        otherDistributors: [
          {
            distributor: OTHER,
            cdscCollectedDifference: '0.00',
            cdscCreditedToFundDifference: '-30.20',
            cdscDifference: '30.20',
          },
        ],
      },
    ]);
    // no payee's Earned CDSC changed in February
    expect((mc.priorPeriodAdjustments ?? []).filter((a) => a.month === '2025-02')).toEqual([]);
  });

  it('the March journal: fund 30.20 back, the Other Distributor owed and paid 30.20, every entry balanced', () => {
    const feb = march.lines.filter((l) => l.entry.startsWith('PPA-') && l.memo.includes('of 2025-02 '));
    expect(byAccount(feb)).toEqual({ [TO_FUND]: 3020n, [OTHERS_OWN]: -3020n });
    const paid = march.lines.filter((l) => l.account === OTHERS_OWN && l.entry.startsWith('PAY-'));
    expect(paid.map((l) => [l.date, l.debit, l.credit])).toEqual([['2025-04-14', '30.20', '0.00']]);
    expect(
      march.lines.filter((l) => l.entry === paid[0]!.entry && l.account === 'Cash').map((l) => l.credit),
    ).toEqual(['30.20']);
    const totals = new Map<string, [bigint, bigint]>();
    for (const l of march.lines) {
      const t = totals.get(l.entry) ?? [0n, 0n];
      totals.set(l.entry, [t[0] + cents(l.debit), t[1] + cents(l.credit)]);
    }
    for (const [entry, [d, c]] of totals) expect([entry, d]).toEqual([entry, c]);
  });

  it('across February and March: the fund holds 80.00 + 19.80 = 99.80, the Other Distributor 30.20 paid', async () => {
    const j = (await loadCloseResult(db, '2025-02', 'journal')) as Journal;
    const both = [...j.lines, ...march.lines].filter((l) => l.portfolio === FUND);
    const total = byAccount(both);
    expect(total[TO_FUND]).toBe(-9980n);
    expect(total[WITHHELD]).toBe(13000n);
    expect(total[OTHERS_OWN]).toBe(0n);
  });
});
