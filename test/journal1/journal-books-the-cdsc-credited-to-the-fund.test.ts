import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import type { CliContext } from '../../src/cli/context.js';
import { printMonthlyCalculationText } from '../../src/cli/monthlyCalculationText.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { type Journal, type JournalLine, monthJournal } from '../../src/reports/journal.js';
import { monthlyCalculationCsvRows } from '../../src/reports/monthlyCalculationCsv.js';
import {
  type MonthlyCalculationReport,
  monthlyCalculationReport,
} from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { ALPHA, buildPayeesComplex, FUND, SUMMIT } from '../transfers/payeesComplexFixture.js';

const WITHHELD = 'Class B CDSC withheld from redemption proceeds';
const TO_FUND = 'Class B CDSC credited to the fund (FINRA 2341(d)(2))';

/** The Monthly Calculation allocation entry's CDSC lines of FUND: account → debit or −credit. */
function cdscLines(lines: readonly JournalLine[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    if (l.portfolio !== FUND || !l.entry.startsWith('ALC-')) continue;
    if (l.account !== WITHHELD && l.account !== TO_FUND && !l.account.endsWith('— CDSC (Distributor)'))
      if (!l.account.endsWith('— CDSC (Assignee)')) continue;
    out[l.account] = l.debit !== '0.00' ? l.debit : `-${l.credit}`;
  }
  return out;
}

async function setUp(grossSales: string, extraRedemption: string | null) {
  const tdb = await freshDatabase('pglite');
  const db = await tdb.open();
  await buildPayeesComplex(db);
  if (extraRedemption !== null)
    await importTransactions(
      db,
      'r2.csv',
      Buffer.from(
        `date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver\n${extraRedemption}\n`,
      ),
    );
  await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
  await importGrossSales(
    db,
    'gs.csv',
    Buffer.from(`month,portfolio,class,gross_sales\n2025-01,${FUND},B,${grossSales}\n`),
  );
  return { tdb, db };
}

/**
 * FINRA 2341(d)(2) under PLAN12B_FINRA_CAP_STOP=stop (the default): the CDSC collected after the
 * cap is used up is credited to the fund — the journal books it, so the CDSC withheld from
 * redemption proceeds (the whole collected) = paid to the Distributor and Assignees + credited
 * to the fund, each line computed on its own.
 *
 * By hand (payeesComplexFixture, as test/domain3/cdsc-after-the-finra-cap-*): R1 2025-01-15,
 * CDSC 5% × min(1,000.00, 1,200.00) = 50.00 (P1, DOI 2024-02-01, in Alpha's range); gross sales
 * 480.00 → room 6.25% × 480.00 = 30.00; 30.00 counted, 50.00 − 30.00 = 20.00 credited to the fund.
 * Earned CDSC 30.00: Alpha 50% × 30.00 = 15.00, Summit 30.00 − 15.00 = 15.00.
 * Journal: debit CDSC withheld 50.00 = credit Summit 15.00 + Alpha 15.00 + fund 20.00.
 */
describe('the journal books the CDSC credited to the fund after the FINRA cap (50.00 = 30.00 + 20.00)', () => {
  let tdb: TestDatabase;
  let db: Database;
  const before = process.env.PLAN12B_FINRA_CAP_STOP;
  beforeAll(async () => {
    delete process.env.PLAN12B_FINRA_CAP_STOP;
    ({ tdb, db } = await setUp('480.00', null));
  });
  afterAll(async () => {
    if (before !== undefined) process.env.PLAN12B_FINRA_CAP_STOP = before;
    await db.close();
    await tdb.drop();
  });

  it('the Monthly Calculation carries 50.00 collected and 20.00 credited to the fund', async () => {
    const mc = await monthlyCalculationReport(db, '2025-01');
    const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
    expect(fund.earnedCdsc).toBe('30.00');
    expect(fund.cdscCollected).toBe('50.00');
    expect(fund.cdscCreditedToFund).toBe('20.00');
    // the CSV's payee lines of FUND (Summit, Other Distributor LLC, Alpha, Beta) carry both
    const csv = monthlyCalculationCsvRows(mc).lines.filter((l) => l.portfolio === FUND);
    expect(csv.length).toBeGreaterThan(0);
    for (const l of csv) expect([l.cdscCollected, l.cdscCreditedToFund]).toEqual(['50.00', '20.00']);
    // the text says it within 80 columns, every line of it (the due date and totals too)
    const out: string[] = [];
    const ctx = { out: (t: string) => out.push(t), err: () => {}, textWidth: 80 } as unknown as CliContext;
    printMonthlyCalculationText(ctx, mc);
    const said = out.join('\n').split('\n');
    expect(said.filter((l) => [...l].length > 80)).toEqual([]);
    // the totals wrapped between clauses, each figure beside its label
    expect(said.filter((l) => l.startsWith('Due ')).length).toBe(1);
    expect(said.join('\n')).toMatch(
      /^Due \S+\. Totals: Distribution Fees [\d.]+;\n {2}Distributor's 12b-1 Share [\d.]+; Earned CDSC 30\.00$/m,
    );
    expect(said.join(' ')).toContain(
      `${FUND}: CDSC collected 50.00 = Earned CDSC 30.00 + credited to the fund 20.00 (FINRA 2341(d)(2), the cap used up)`,
    );
  });

  it('the journal debits 50.00 withheld and credits 15.00 + 15.00 payable and 20.00 to the fund', async () => {
    const journal = await db.transaction((q) => monthJournal(q, '2025-01'));
    expect(cdscLines(journal.lines)).toEqual({
      [WITHHELD]: '50.00',
      [TO_FUND]: '-20.00',
      [`Payable to ${SUMMIT} — CDSC (Distributor)`]: '-15.00',
      [`Payable to ${ALPHA} — CDSC (Assignee)`]: '-15.00',
    });
  });

  it('the sealed Monthly Calculation and journal carry it, and the seal verifies', async () => {
    const close = await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS, { first: true });
    const mc = close.parts['monthly-calculation'] as MonthlyCalculationReport;
    const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
    expect([fund.cdscCollected, fund.cdscCreditedToFund]).toEqual(['50.00', '20.00']);
    expect(cdscLines((close.parts.journal as Journal).lines)[TO_FUND]).toBe('-20.00');
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });
});

/**
 * Two redemptions straddling the moment the cap is used up. R1 2025-01-15 as above: 50.00 (P1).
 * R2 2025-01-20: A1 redeems 300 more @ 12.00, oldest first — the 200 P1 shares left, 5% ×
 * min(2,000.00, 2,400.00) = 100.00 (in Alpha's range), then 100 of P2 (DOI 2024-09-03, outside
 * it), 5% × min(1,000.00, 1,200.00) = 50.00. Collected 50.00 + 100.00 + 50.00 = 200.00.
 * Gross sales 1,600.00 → room 6.25% × 1,600.00 = 100.00, used in the order collected: R1 50.00
 * counted (room 50.00 left), R2-P1 50.00 counted and 50.00 credited, R2-P2 all 50.00 credited.
 * Credited to the fund 50.00 + 50.00 = 100.00; Earned 50.00 + 50.00 + 0.00 = 100.00.
 * Alpha 50% × (50.00 + 50.00) = 50.00 (only P1 pieces are in its range); Summit 100.00 − 50.00 = 50.00.
 * Journal: debit withheld 200.00 = credit Summit 50.00 + Alpha 50.00 + fund 100.00.
 */
describe('a month whose two redemptions straddle the moment the FINRA cap is used up', () => {
  let tdb: TestDatabase;
  let db: Database;
  const before = process.env.PLAN12B_FINRA_CAP_STOP;
  beforeAll(async () => {
    delete process.env.PLAN12B_FINRA_CAP_STOP;
    ({ tdb, db } = await setUp('1600.00', `2025-01-20,R2,A1,${FUND},B,redeem,300,12,,`));
  });
  afterAll(async () => {
    if (before !== undefined) process.env.PLAN12B_FINRA_CAP_STOP = before;
    await db.close();
    await tdb.drop();
  });

  it('the journal debits 200.00 withheld and credits 50.00 + 50.00 payable and 100.00 to the fund', async () => {
    const mc = await monthlyCalculationReport(db, '2025-01');
    const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
    expect([fund.cdscCollected, fund.earnedCdsc, fund.cdscCreditedToFund]).toEqual([
      '200.00',
      '100.00',
      '100.00',
    ]);
    const journal = await db.transaction((q) => monthJournal(q, '2025-01', { monthlyCalculation: mc }));
    expect(cdscLines(journal.lines)).toEqual({
      [WITHHELD]: '200.00',
      [TO_FUND]: '-100.00',
      [`Payable to ${SUMMIT} — CDSC (Distributor)`]: '-50.00',
      [`Payable to ${ALPHA} — CDSC (Assignee)`]: '-50.00',
    });
  });
});
