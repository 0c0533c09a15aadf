import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { type Journal, type JournalLine, monthJournal } from '../../src/reports/journal.js';
import {
  type MonthlyCalculationReport,
  monthlyCalculationReport,
} from '../../src/reports/monthlyCalculationReport.js';
import { loadCloseResult } from '../../src/store/closeRepository.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  ALPHA,
  BETA,
  buildPayeesComplex,
  FUND,
  FUND2,
  netAssetsRows,
  OTHER,
  providerAssetsRows,
  SUMMIT,
} from '../transfers/payeesComplexFixture.js';

const WITHHELD = 'Class B CDSC withheld from redemption proceeds';
const TO_FUND = 'Class B CDSC credited to the fund (FINRA 2341(d)(2))';
const cents = (s: string) => BigInt(s.replace('.', ''));

/** account → signed amount (a debit positive, a credit negative), in cents */
function byAccount(lines: readonly JournalLine[]): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const l of lines) out[l.account] = (out[l.account] ?? 0n) + cents(l.debit) - cents(l.credit);
  return out;
}

/** every entry's debits and credits, summed on their own */
function entryTotals(lines: readonly JournalLine[]): Map<string, [bigint, bigint]> {
  const out = new Map<string, [bigint, bigint]>();
  for (const l of lines) {
    const t = out.get(l.entry) ?? [0n, 0n];
    out.set(l.entry, [t[0] + cents(l.debit), t[1] + cents(l.credit)]);
  }
  return out;
}

/**
 * FINRA 2341(d)(2) with SPEC §12: a restatement that changes how much of a closed month's CDSC is
 * credited to the fund. A back-dated redemption cannot do it — the transactions feed refuses a
 * transaction dated in a closed month — so the restatement is of net assets, which changes the
 * ABSC the cap allowed and so the next month's room (settings: prime + 1.00, 365 days, defaults).
 * Worked by hand on the payees complex (payeesComplexFixture: FUND class B 36,500,000.00 →
 * 36,500,000.00 × 0.75% / 365 = 750.00 a day, 2025-01-02 … 31 = 30 days; R1 2025-01-15, CDSC
 * 50.00 on P1). Prime 7.50 → 8.50% a year.
 *
 * 2025-01 (month 1): gross sales 360,800.00 → 6.25% × 360,800.00 = 22,550.00; opening 0.00, no
 *   interest; R1's 50.00 counts first → 22,500.00 left; ABSC 30 × 750.00 = 22,500.00, all allowed
 *   → closing 0.00: the cap used up on the last day of January. Nothing credited to the fund.
 * R2 2025-02-14: A1 redeems 200 @ 12.00 — P1's 200 shares left (cost 3,000.00 − 1,000.00 =
 *   2,000.00), DOI 2024-02-01, past its first anniversary: 4% × min(2,000.00, 2,400.00) = 80.00,
 *   Summit's, in Alpha's DOI range (50% of the Earned CDSC).
 * 2025-02 (month 2), as closed: opening 0.00, interest 0.00, no sales → R2's 80.00 all credited to
 *   the fund; Earned CDSC 0.00; the ABSC does not accrue (fee 0.00).
 * Restated in 2025-03: 2025-01-15 net assets 36,500,000.00 → 35,040,000.00, ABSC
 *   35,040,000.00 × 0.75% / 365 = 720.00 (−30.00); service 35,040,000.00 × 0.25% / 365 = 240.00
 *   (−10.00). 2025-01: ABSC 22,470.00, closing 22,500.00 − 22,470.00 = 30.00.
 *   2025-02: interest 30.00 × 8.50% × 28 / 365 = 0.1956… → 0.20; room 30.20: R2 counted 30.20,
 *   credited 80.00 − 30.20 = 49.80; Earned 30.20 → Alpha 50% = 15.10, Summit 30.20 − 15.10 = 15.10.
 *   ABSC room after R2: 0.00 (fee still 0.00).
 * The 2025-03 journal's prior-period entries:
 *   2025-01 (restated): 12b-1 −30.00 by the computation of 2024-12-31 (FUND 600 : 200 → Summit
 *     75%): Summit's share −22.50, Other −7.50; of Summit's, Alpha 40% × (P1 300 of Summit's 600
 *     shares in its range = 50%) × −22.50 = −4.50, Beta 10% × −22.50 = −2.25, Summit
 *     −22.50 + 4.50 + 2.25 = −15.75. Credit the expense 30.00; debit the payables 15.75 + 7.50 +
 *     4.50 + 2.25 = 30.00. Service −10.00 (a day after Summit's term end): credit the expense 10.00,
 *     debit Other's service-fee payable 10.00. No CDSC change.
 *   2025-02 (through the cap): collected 80.00 − 80.00 = 0.00 (no CDSC withheld line); credited to
 *     the fund 49.80 − 80.00 = −30.20 → debit the fund's account 30.20; Earned +30.20 → credit
 *     Summit's CDSC payable 15.10 and Alpha's 15.10. 30.20 = 15.10 + 15.10.
 */
describe('a restatement that changes the CDSC credited to the fund books the fund account, not the CDSC withheld', () => {
  let tdb: TestDatabase;
  let db: Database;
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
        `date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver\n2025-02-14,R2,A1,${FUND},B,redeem,200,12,,\n`,
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
  });
  afterAll(async () => {
    if (before !== undefined) process.env.PLAN12B_FINRA_CAP_STOP = before;
    await db.close();
    await tdb.drop();
  });

  it('2025-02 computed again: 80.00 collected = 30.20 earned + 49.80 credited, and the change is reported', async () => {
    const feb = await monthlyCalculationReport(db, '2025-02', { withAdjustments: false });
    const fund = feb.portfolios.find((p) => p.portfolio === FUND)!;
    expect([fund.cdscCollected, fund.earnedCdsc, fund.cdscCreditedToFund]).toEqual([
      '80.00',
      '30.20',
      '49.80',
    ]);
    const mar = await monthlyCalculationReport(db, '2025-03');
    expect(mar.priorPeriodCdscToFundAdjustments).toEqual([
      {
        month: '2025-02',
        portfolioId: fund.portfolioId,
        portfolio: FUND,
        cdscCollectedDifference: '0.00',
        cdscCreditedToFundDifference: '-30.20',
      },
    ]);
    // the payees' part of it: the Earned CDSC's change, 15.10 + 15.10 = 30.20
    const cdsc = (mar.priorPeriodAdjustments ?? [])
      .filter((a) => a.month === '2025-02' && a.portfolio === FUND)
      .map((a) => [a.payee, a.cdscDifference]);
    expect(cdsc).toEqual([
      [SUMMIT, '15.10'],
      [ALPHA, '15.10'],
    ]);
  });

  /** the 2025-03 journal's prior-period entries, worked by hand above */
  function checkPriorPeriodEntries(journal: Journal) {
    const ppa = journal.lines.filter((l) => l.entry.startsWith('PPA-') && l.portfolio === FUND);
    const entries = [...new Set(ppa.map((l) => l.entry))];
    expect(entries).toHaveLength(3);
    const of = (month: string, what: RegExp) =>
      byAccount(ppa.filter((l) => l.memo.includes(`of ${month} `) && what.test(l.account)));
    expect(of('2025-01', /service fee/)).toEqual({
      '12b-1 service fee expense — prior-period adjustment': -1000n,
      [`Payable to ${OTHER} — service fee (Other Distributor)`]: 1000n,
    });
    expect(of('2025-01', /distribution fee|— 12b-1 \(|CDSC/)).toEqual({
      '12b-1 distribution fee expense — prior-period adjustment': -3000n,
      [`Payable to ${SUMMIT} — 12b-1 (Distributor)`]: 1575n,
      [`Payable to ${OTHER} — 12b-1 (Other Distributor)`]: 750n,
      [`Payable to ${ALPHA} — 12b-1 (Assignee)`]: 450n,
      [`Payable to ${BETA} — 12b-1 (Assignee)`]: 225n,
    });
    // the fund's credit given back 30.20, the CDSC withheld untouched, the payees paid their 30.20
    expect(of('2025-02', /./)).toEqual({
      [TO_FUND]: 3020n,
      [`Payable to ${SUMMIT} — CDSC (Distributor)`]: -1510n,
      [`Payable to ${ALPHA} — CDSC (Assignee)`]: -1510n,
    });
    expect(ppa.some((l) => l.account === WITHHELD)).toBe(false);
    // debits = credits in every entry, each side summed on its own
    for (const [entry, [debits, credits]] of entryTotals(journal.lines))
      expect([entry, debits]).toEqual([entry, credits]);
  }

  it('the 2025-03 journal debits the fund account 30.20 and credits Summit 15.10 and Alpha 15.10', async () => {
    const mc = await monthlyCalculationReport(db, '2025-03');
    checkPriorPeriodEntries(
      await db.transaction((q) => monthJournal(q, '2025-03', { monthlyCalculation: mc })),
    );
  });

  it('sealed: across the three journals the fund account holds 49.80 and the CDSC withheld 80.00 of 2025-02', async () => {
    const close = await closeMonth(db, '2025-03', MONTH_CLOSE_STEPS);
    const march = close.parts.journal as Journal;
    checkPriorPeriodEntries(march);
    expect(
      (close.parts['monthly-calculation'] as MonthlyCalculationReport).priorPeriodCdscToFundAdjustments,
    ).toHaveLength(1);
    const feb = (await loadCloseResult(db, '2025-02', 'journal')) as Journal;
    const fundLines = (j: Journal) => j.lines.filter((l) => l.portfolio === FUND);
    // 2025-02's allocation: withheld 80.00, credited to the fund 80.00 (nothing earned)
    expect([byAccount(fundLines(feb))[WITHHELD], byAccount(fundLines(feb))[TO_FUND]]).toEqual([
      8000n,
      -8000n,
    ]);
    const both = [...fundLines(feb), ...fundLines(march)];
    // the restated 2025-02: credited 49.80 (a credit), withheld 80.00 (a debit), earned 30.20 paid
    expect(byAccount(both)[TO_FUND]).toBe(-4980n);
    expect(byAccount(both)[WITHHELD]).toBe(8000n);
  });
});
