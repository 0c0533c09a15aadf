import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth, loadCloseResult } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { formatCents, parseCents } from '../../src/money/cents.js';
import type { Journal } from '../../src/reports/journal.js';
import type { MonthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
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

/**
 * SPEC §12: "a restatement touching a closed month is recorded as a prior-period adjustment of the
 * next open month, split among the same parties as the original amounts", and "the journal of a
 * month and its Monthly Calculation agree: each payee's payable and its due date". So February's
 * sealed journal books January's restatement as payables of February, due with February's payments.
 *
 * January 2025 (closed): FUND 36,500,000.00 a day → 750.00 (30 days, 22,500.00). Restated on the
 * 15th to 37,000,000.00 → 760.27: +10.27. January's split (governed by the 2024-12-31 computation,
 * Summit 75% / Other 25%; in Summit's share Alpha 20%, Beta 10%, Summit's own 70%):
 *   original 22,500.00: Summit 16,875.00 → own 11,812.50, Alpha 3,375.00, Beta 1,687.50; Other 5,625.00
 *   restated 22,510.27: 2,251,027 × 75% = 1,688,270.25, × 25% = 562,756.75 → Summit 1,688,270,
 *     Other 562,757 (the larger remainder); Summit's 1,688,270 × 70/20/10 = 1,181,789 / 337,654 / 168,827
 *   adjustments: own +5.39, Alpha +1.54, Beta +0.77, Other +2.57 (= 10.27).
 * February is closed with a due date the Distributor instructs, 2025-03-20 (the 10th business day
 * would be 2025-03-14): every payee, its adjustment included, is paid then.
 */
const adjustmentCents = new Map([
  [SUMMIT, 1_181_789n - 1_181_250n],
  [ALPHA, 337_654n - 337_500n],
  [BETA, 168_827n - 168_750n],
  [OTHER, 562_757n - 562_500n],
]);
const DUE = '2025-03-20';

describe.each(dialects)("February's sealed journal books January's restatement on %s", (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let journal: Journal;
  let mc: MonthlyCalculationReport;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await buildPayeesComplex(db);
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from(`date,portfolio,class,net_assets\n2025-01-15,${FUND},B,37000000.00`),
      { restate: true },
    );
    await importNetAssets(
      db,
      'na-2025-02.csv',
      netAssetsRows('2025-02-03', '2025-02-28', { [FUND]: '36500000.00', [FUND2]: '3650000.00' }),
    );
    await importProviderAssets(
      db,
      'pa-2025-02.csv',
      providerAssetsRows('2025-02-03', '2025-02-28', '10000000.00'),
    );
    await closeMonth(db, '2025-02', MONTH_CLOSE_STEPS, { instructedDueDate: DUE });
    journal = (await loadCloseResult(db, '2025-02', 'journal')) as Journal;
    mc = (await loadCloseResult(db, '2025-02', 'monthly-calculation')) as MonthlyCalculationReport;
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('books the adjustment at month end: the expense of 10.27 and each party its share', () => {
    expect([...adjustmentCents.values()].reduce((s, c) => s + c, 0n)).toBe(76_027n - 75_000n);
    const ppa = journal.lines.filter((l) => l.entry.startsWith('PPA-2025-02-'));
    expect(ppa.every((l) => l.date === '2025-02-28' && l.portfolio === FUND && l.class === 'B')).toBe(true);
    const net = (f: (account: string) => boolean) =>
      ppa.filter((l) => f(l.account)).reduce((s, l) => s + parseCents(l.credit) - parseCents(l.debit), 0n);
    expect(net((a) => a === '12b-1 distribution fee expense — prior-period adjustment')).toBe(-1_027n);
    // the 12b-1 payables (the service fee's adjustment is the last test's)
    for (const [payee, cents] of adjustmentCents)
      expect(net((a) => a.startsWith(`Payable to ${payee} —`) && !a.includes('— service fee'))).toBe(cents);
  });

  it("pays each payee February's amount plus its adjustment on the instructed due date, as the Monthly Calculation lists", () => {
    expect(mc.dueDate).toBe(DUE);
    const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
    for (const calc of mc.portfolios)
      for (const p of calc.payees) {
        const expected = parseCents(p.total) + (calc === fund ? (adjustmentCents.get(p.payee) ?? 0n) : 0n);
        const paid = journal.lines
          .filter(
            (l) =>
              l.entry.startsWith('PAY-') &&
              l.portfolio === calc.portfolio &&
              l.account.startsWith(`Payable to ${p.payee} —`) &&
              // the Monthly Calculation's 12b-1 and CDSC payables: not a Class B service fee owed
              // to an Other Distributor for the days it served (Agreement TENTH, the last test)
              !l.account.includes('— service fee'),
          )
          .reduce((s, l) => s + parseCents(l.debit) - parseCents(l.credit), 0n);
        expect([calc.portfolio, p.payee, paid]).toEqual([calc.portfolio, p.payee, expected]);
        const listed = mc.payables!.find((x) => x.portfolioId === calc.portfolioId && x.payee === p.payee)!;
        expect([listed.payable, listed.dueDate]).toEqual([formatCents(expected), DUE]);
      }
    const payDates = new Set(
      journal.lines
        .filter((l) => l.entry.startsWith('PAY-') && l.class === 'B' && /Monthly Calculation/.test(l.memo))
        .map((l) => l.date),
    );
    expect([...payDates]).toEqual([DUE]);
    expect(journal.totalDebits).toBe(journal.totalCredits);
  });

  /**
   * The service fee of January's 15th: 36,500,000.00 → 37,000,000.00 × 0.25% / 365 = 253.4246… →
   * 253.42, +3.42 over 250.00, booked in February to the service fee expense. February's own service
   * fee, 28 days × 250.00 = 7,000.00 (Feb 1–2 carry January 31st), is owed to the distributor serving
   * those days (Agreement TENTH does not survive the term end, FIFTEENTH(B)): Summit's term ended
   * before 2024-12-31 (the computation governing January splits 75% / 25%), so Other Distributor LLC,
   * paid on the 10th NYSE business day after February 28: March 14 (3, 4, 5, 6, 7, 10, 11, 12, 13, 14).
   * Every service fee cent booked is paid that day: 7,000.00 + 3.42. The restated day, January
   * 15th, was served by Other Distributor LLC too, so its 3.42 is Other's (calc11: the adjustment
   * goes to the distributor of the restated day, as the day's own fee did): 7,000.00 + 3.42 =
   * 7,003.42 to Other, none to the Distributor's service fee payable.
   */
  it("books the service fee's adjustment and pays February's service fee to the Other Distributor serving it", () => {
    const ppa = journal.lines.filter(
      (l) => l.entry.startsWith('PPA-2025-02-') && /service fee/.test(l.account),
    );
    expect(
      ppa
        .filter((l) => l.account === '12b-1 service fee expense — prior-period adjustment')
        .map((l) => [l.date, l.portfolio, l.class, l.debit, l.credit]),
    ).toEqual([['2025-02-28', FUND, 'B', '3.42', '0.00']]);
    const payableCredit = ppa
      .filter((l) => l.account.startsWith('Payable to '))
      .reduce((s, l) => s + parseCents(l.credit) - parseCents(l.debit), 0n);
    expect(payableCredit).toBe(342n);
    expect(
      ppa.filter((l) => l.account.startsWith('Payable to ')).map((l) => [l.account, l.debit, l.credit]),
    ).toEqual([[`Payable to ${OTHER} — service fee (Other Distributor)`, '0.00', '3.42']]);
    const paid = journal.lines.filter(
      (l) =>
        l.entry.startsWith('PAY-') &&
        l.portfolio === FUND &&
        l.account.startsWith('Payable to ') &&
        l.account.includes('— service fee'),
    );
    expect(
      paid
        .filter((l) => l.account === `Payable to ${OTHER} — service fee (Other Distributor)`)
        .map((l) => [l.date, l.debit]),
    ).toEqual([['2025-03-14', formatCents(28n * 25_000n + 342n)]]);
    expect(new Set(paid.map((l) => l.date))).toEqual(new Set(['2025-03-14']));
    expect(paid.reduce((s, l) => s + parseCents(l.debit) - parseCents(l.credit), 0n)).toBe(
      28n * 25_000n + 342n,
    );
  });
});
