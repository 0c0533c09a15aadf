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
import {
  type MonthlyCalculationReport,
  monthlyCalculationReport,
} from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { ALPHA, buildPayeesComplex, FUND, OTHER, SUMMIT } from '../transfers/payeesComplexFixture.js';

const WITHHELD = 'Class B CDSC withheld from redemption proceeds';
const TO_FUND = 'Class B CDSC credited to the fund (FINRA 2341(d)(2))';
const OTHERS_OWN = `Payable to ${OTHER} — CDSC (Other Distributor, its own shares)`;
const cents = (s: string) => BigInt(s.replace('.', ''));

/** account → signed cents (a debit positive, a credit negative) */
function byAccount(lines: readonly JournalLine[]): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const l of lines) out[l.account] = (out[l.account] ?? 0n) + cents(l.debit) - cents(l.credit);
  return out;
}

/**
 * SPEC §6: "other pieces' CDSC belongs to the Other Distributor whose term for that portfolio holds
 * the DOI". The Fund withholds every CDSC from redemption proceeds (Agreement FOURTH(D)); the
 * Distributor's Earned CDSC is its own and its Assignees' (EIGHTH); the CDSC on shares issued in
 * an Other Distributor's term is owed to that Other Distributor under its own agreement (the
 * successor clause carries FOURTH, DOMAIN §5.2) — not a part of the Earned CDSC, so no Assignee
 * shares it. The FINRA 2341 cap is the class's, whoever sold the shares: the ledger counts every
 * CDSC of the class, and what it credits to the fund comes out of whichever piece it falls on.
 *
 * By hand (payeesComplexFixture: P1 2024-02-01 A1 Summit's, in Alpha's DOI range, Alpha 50% of
 * the Earned CDSC; P3 2024-12-02 A2 200 @ 10.00 = 2,000.00, the Other Distributor's term):
 *   R3 2025-01-10 A2 redeems 100 @ 12.00 → P3: cost 2,000.00 × 100/200 = 1,000.00; 5% × min(1,000.00,
 *      1,200.00) = 50.00 (Other's)
 *   R1 2025-01-15 (the fixture's) → P1: 5% × min(1,000.00, 1,200.00) = 50.00 (Summit's)
 *   R4 2025-01-21 A2 redeems 50 @ 12.00 → P3's 100 left: cost 1,000.00 × 50/100 = 500.00;
 *      5% × min(500.00, 600.00) = 25.00 (Other's)
 * Collected 50.00 + 50.00 + 25.00 = 125.00. Gross sales 1,040.00 → room 6.25% × 1,040.00 = 65.00
 * (first month: no interest), used in the order collected: R3 50.00 counted (15.00 left); R1
 * 15.00 counted, 35.00 credited; R4 all 25.00 credited. Credited 35.00 + 25.00 = 60.00 = 125.00 −
 * 65.00. No room left for the ABSC: January's Distribution Fee of FUND is 0.00.
 *   Distributor: collected 50.00 = Earned 15.00 + credited 35.00; Alpha 50% × 15.00 = 7.50,
 *     Summit 15.00 − 7.50 = 7.50.
 *   Other Distributor: collected 50.00 + 25.00 = 75.00 = owed 50.00 + credited 25.00.
 * Journal, month-end allocation of FUND: debit withheld 125.00 = credit the fund 60.00 + Summit
 * 7.50 + Alpha 7.50 + the Other Distributor's own 50.00 (60.00 + 7.50 + 7.50 + 50.00 = 125.00).
 * Paid on the due date, the 10th NYSE business day after 2025-01-31 (Feb 3–7, 10–14): 2025-02-14 —
 * the Other Distributor 50.00.
 */
describe('the CDSC on an Other Distributor s shares: withheld, owed to it, or credited to the fund after the cap', () => {
  let tdb: TestDatabase;
  let db: Database;
  const before = process.env.PLAN12B_FINRA_CAP_STOP;
  beforeAll(async () => {
    delete process.env.PLAN12B_FINRA_CAP_STOP;
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    await importTransactions(
      db,
      'r3.csv',
      Buffer.from(
        [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2025-01-10,R3,A2,${FUND},B,redeem,100,12,,`,
          `2025-01-21,R4,A2,${FUND},B,redeem,50,12,,`,
        ].join('\n'),
      ),
    );
    await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
    await importGrossSales(
      db,
      'gs.csv',
      Buffer.from(`month,portfolio,class,gross_sales\n2025-01,${FUND},B,1040.00\n`),
    );
  });
  afterAll(async () => {
    if (before !== undefined) process.env.PLAN12B_FINRA_CAP_STOP = before;
    await db.close();
    await tdb.drop();
  });

  it('the Monthly Calculation: Distributor 50.00 = 15.00 + 35.00, Other 75.00 = 50.00 + 25.00, the cap s 60.00', async () => {
    const mc = await monthlyCalculationReport(db, '2025-01');
    const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
    expect(fund.distributionFee).toBe('0.00');
    expect([fund.cdscCollected, fund.earnedCdsc, fund.cdscCreditedToFund]).toEqual([
      '50.00',
      '15.00',
      '35.00',
    ]);
    expect(fund.otherDistributorsCdsc).toEqual([
      { distributor: OTHER, cdscCollected: '75.00', cdscCreditedToFund: '25.00', cdsc: '50.00' },
    ]);
    expect(fund.assignees.find((a) => a.assignee === ALPHA)!.cdscPortion).toBe('7.50');
    expect(fund.distributorEarnedCdscPortion).toBe('7.50');
    // the Other Distributor's CDSC is no payee's: the payees are paid the Earned CDSC only
    expect(fund.payees.reduce((s, p) => s + cents(p.cdsc), 0n)).toBe(1500n);
    // the cap's warning names 60.00: the Distributor's 35.00 + the Other Distributor's 25.00
    // (the fees' cap warning says the class's whole; the Monthly Calculation's splits it by whose)
    expect(
      mc.warnings.filter((w) => w.startsWith(`${FUND} class B: `) && /credited to the fund/.test(w)),
    ).toEqual([
      `${FUND} class B: 60.00 of deferred sales charges collected after the FINRA cap was exhausted are credited to the fund`,
      `${FUND} class B: 60.00 of CDSC collected in 2025-01 after the FINRA 2341 cap was exhausted is credited to the fund, not paid as Earned CDSC (35.00 of the Distributor's; 25.00 on ${OTHER}'s shares, not paid to it)`,
    ]);
    const out: string[] = [];
    const ctx = { out: (t: string) => out.push(t), err: () => {}, textWidth: 80 } as unknown as CliContext;
    printMonthlyCalculationText(ctx, mc);
    const said = out.join('\n').split('\n');
    expect(said.filter((l) => !l.startsWith('Due ') && [...l].length > 80)).toEqual([]);
    expect(said.join(' ')).toContain(
      `${FUND}: CDSC on ${OTHER}'s shares collected 75.00 = owed to it 50.00 + credited to the fund 25.00 (SPEC §6; not Earned CDSC)`,
    );
  });

  function checkJournal(journal: Journal) {
    const alc = journal.lines.filter((l) => l.portfolio === FUND && l.entry.startsWith('ALC-'));
    expect(byAccount(alc)).toEqual({
      [WITHHELD]: 12500n,
      [TO_FUND]: -6000n,
      [`Payable to ${SUMMIT} — CDSC (Distributor)`]: -750n,
      [`Payable to ${ALPHA} — CDSC (Assignee)`]: -750n,
      [OTHERS_OWN]: -5000n,
    });
    const paid = journal.lines.filter((l) => l.account === OTHERS_OWN && l.entry.startsWith('PAY-'));
    expect(paid.map((l) => [l.date, l.debit])).toEqual([['2025-02-14', '50.00']]);
    const cash = journal.lines.filter((l) => l.entry === paid[0]!.entry && l.account === 'Cash');
    expect(cash.map((l) => l.credit)).toEqual(['50.00']);
    // the Other Distributor's own CDSC account is settled: 50.00 credited, 50.00 paid
    expect(byAccount(journal.lines.filter((l) => l.account === OTHERS_OWN))[OTHERS_OWN]).toBe(0n);
    // debits = credits in every entry, each side summed on its own
    const totals = new Map<string, [bigint, bigint]>();
    for (const l of journal.lines) {
      const t = totals.get(l.entry) ?? [0n, 0n];
      totals.set(l.entry, [t[0] + cents(l.debit), t[1] + cents(l.credit)]);
    }
    for (const [entry, [d, c]] of totals) expect([entry, d]).toEqual([entry, c]);
  }

  it('the journal: withheld 125.00 = fund 60.00 + Summit 7.50 + Alpha 7.50 + Other 50.00, Other paid 50.00', async () => {
    const mc = await monthlyCalculationReport(db, '2025-01');
    checkJournal(await db.transaction((q) => monthJournal(q, '2025-01', { monthlyCalculation: mc })));
  });

  it('the sealed Monthly Calculation and journal carry it, and the seal verifies', async () => {
    const close = await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS, { first: true });
    const fund = (close.parts['monthly-calculation'] as MonthlyCalculationReport).portfolios.find(
      (p) => p.portfolio === FUND,
    )!;
    expect(fund.otherDistributorsCdsc?.map((o) => o.cdsc)).toEqual(['50.00']);
    checkJournal(close.parts.journal as Journal);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });
});
