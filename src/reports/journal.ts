import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';
import { formatCents, parseCents } from '../money/cents.js';
import type { Queryable } from '../store/database.js';
import type { MonthlyCalculation } from '../transfers/monthlyCalculation.js';
import { paymentDueDate } from '../transfers/paymentDueDate.js';
import { type FeesReport, feesReport } from './feesReport.js';
import { type MonthlyCalculationReport, monthlyCalculationReport } from './monthlyCalculationReport.js';

/** One line of a general-ledger entry a fund accountant posts. */
export interface JournalLine {
  readonly date: string;
  readonly entry: string;
  readonly account: string;
  readonly portfolio: string;
  readonly class: string;
  readonly debit: string;
  readonly credit: string;
  readonly memo: string;
}

export interface Journal {
  readonly month: string;
  readonly paymentDate: string;
  readonly lines: JournalLine[];
  readonly totalDebits: string;
  readonly totalCredits: string;
  readonly warnings: string[];
}

export const JOURNAL_COLUMNS = [
  'date',
  'entry',
  'account',
  'portfolio',
  'class',
  'debit',
  'credit',
  'memo',
] as const;

/** Where a Class B day's Distribution Fee waits for the Monthly Calculation to say whose it is. */
export const CLASS_B_ACCRUED = 'Class B distribution fee accrued — allocated by the Monthly Calculation';
const CDSC_WITHHELD = 'Class B CDSC withheld from redemption proceeds';

/**
 * Agreement EIGHTH(C), SPEC §12: the journal of a month and its Monthly Calculation agree — each
 * payee's payable and its due date. For each portfolio: at month end the accrued Class B
 * Distribution Fees are allocated to each payee's payable (the Distributor, each Other
 * Distributor, each Assignee paid directly or its depository; what is owed on to an Assignee
 * whose notice has not arrived stays with the Distributor), and so is the Earned CDSC withheld;
 * on the Monthly Calculation's due date each payable is paid.
 * @param accruedCents each portfolio's Class B Distribution Fees as the journal accrued them
 */
export function monthlyCalculationEntries(
  calculations: readonly MonthlyCalculation[],
  accruedCents: ReadonlyMap<string, bigint>,
  next: () => number,
): JournalLine[] {
  const lines: JournalLine[] = [];
  for (const [portfolioId, cents] of accruedCents)
    if (cents !== 0n && !calculations.some((mc) => mc.portfolioId === portfolioId))
      throw new Error(
        `Class B Distribution Fees of ${portfolioId} accrued but no Monthly Calculation allocates them`,
      );
  for (const mc of calculations) {
    const accrued = accruedCents.get(mc.portfolioId) ?? 0n;
    if (accrued !== parseCents(mc.distributionFee))
      throw new Error(
        `${mc.portfolio} ${mc.month}: the journal accrued ${formatCents(accrued)} of Class B Distribution Fees, the Monthly Calculation allocates ${mc.distributionFee}`,
      );
    const who = { portfolio: mc.portfolio, class: 'B' };
    const end = monthEnd(mc.month);
    const allocation = `ALC-${mc.month}-${String(next()).padStart(6, '0')}`;
    const memo = `${mc.month} Monthly Calculation (EIGHTH(C)): Distributor's 12b-1 Share, Other Distributors, Assignees`;
    const line = (date: string, entry: string, account: string, debit: bigint, credit: bigint, m = memo) =>
      lines.push({
        date,
        entry,
        account,
        ...who,
        debit: formatCents(debit),
        credit: formatCents(credit),
        memo: m,
      });
    let cdsc = 0n;
    for (const p of mc.payees) cdsc += parseCents(p.cdsc);
    if (accrued > 0n) line(end, allocation, CLASS_B_ACCRUED, accrued, 0n);
    if (cdsc > 0n) line(end, allocation, CDSC_WITHHELD, cdsc, 0n);
    for (const p of mc.payees) {
      const twelveB1 = parseCents(p.twelveB1);
      const earned = parseCents(p.cdsc);
      const note =
        p.owedOn !== '0.00'
          ? `; ${p.owedOn} of it owed on to Assignees (notice of Transfer not received)`
          : '';
      if (twelveB1 > 0n)
        line(end, allocation, `Payable to ${p.payee} — 12b-1 (${p.role})`, 0n, twelveB1, memo + note);
      if (earned > 0n)
        line(end, allocation, `Payable to ${p.payee} — CDSC (${p.role})`, 0n, earned, memo + note);
    }
    for (const p of mc.payees) {
      const total = parseCents(p.total);
      if (total === 0n) continue;
      const entry = `PAY-${mc.month}-${String(next()).padStart(6, '0')}`;
      const payMemo = `payment of the ${mc.month} Monthly Calculation to ${p.payee}, due ${p.dueDate}`;
      const twelveB1 = parseCents(p.twelveB1);
      const earned = parseCents(p.cdsc);
      if (twelveB1 > 0n)
        line(p.dueDate, entry, `Payable to ${p.payee} — 12b-1 (${p.role})`, twelveB1, 0n, payMemo);
      if (earned > 0n)
        line(p.dueDate, entry, `Payable to ${p.payee} — CDSC (${p.role})`, earned, 0n, payMemo);
      line(p.dueDate, entry, 'Cash', 0n, total, payMemo);
    }
  }
  return lines;
}

/**
 * The month's 12b-1 journal: each day's accrual (debit the class's 12b-1 expense, credit the
 * payable), one per fee, and the payment of the month's payable on the payment date (the 10th NYSE
 * business day after month end unless told otherwise). A Class B Distribution Fee is credited to
 * {@link CLASS_B_ACCRUED} and allocated and paid as the Monthly Calculation says
 * ({@link monthlyCalculationEntries}). Every entry balances.
 */
export async function monthJournal(
  q: Queryable,
  month: string,
  opts: {
    paymentBusinessDays?: number;
    instructedDueDate?: string | null;
    /**
     * the month's Monthly Calculation when already computed: a close computes it once, before the
     * journal, so that the sealed journal pays each of its payees what it says, on its due date
     */
    monthlyCalculation?: MonthlyCalculationReport;
    /** the month's daily fees of every class when already accrued (a close accrues them once) */
    fees?: FeesReport;
  } = {},
): Promise<Journal> {
  const from = monthStart(month);
  const to = monthEnd(month);
  const instructedDueDate = opts.instructedDueDate ?? null;
  if (opts.monthlyCalculation !== undefined) {
    const due = paymentDueDate(month, instructedDueDate);
    if (opts.monthlyCalculation.month !== month || opts.monthlyCalculation.dueDate !== due)
      throw new Error(
        `the journal of ${month} (due ${due}) was given the Monthly Calculation of ${opts.monthlyCalculation.month} due ${opts.monthlyCalculation.dueDate}`,
      );
  }
  const fees = opts.fees ?? (await feesReport(q, { from, to, daily: true }));
  if (fees.daily === undefined || fees.from !== from || fees.to !== to)
    throw new Error(`the journal of ${month} needs that month's daily fees`);
  const classBAccrued = new Map<string, bigint>();
  const paymentDate = businessDayAfter(to, opts.paymentBusinessDays ?? 10);
  const lines: JournalLine[] = [];
  const payable = new Map<
    string,
    { portfolio: string; class: string; distributionCents: bigint; serviceCents: bigint }
  >();
  let n = 0;
  for (const d of fees.daily ?? []) {
    const who = { portfolio: d.portfolio, class: d.class };
    const key = `${d.portfolioId}|${d.class}`;
    const p = payable.get(key) ?? { ...who, distributionCents: 0n, serviceCents: 0n };
    for (const [kind, amount] of [
      ['distribution fee', d.distributionFee],
      ['service fee', d.serviceFee],
    ] as const) {
      const cents = parseCents(amount);
      if (cents === 0n) continue;
      const entry = `ACR-${month}-${String(++n).padStart(6, '0')}`;
      const memo = `12b-1 ${kind} accrual on net assets ${d.netAssets} at ${kind === 'distribution fee' ? d.distributionFeePct : d.serviceFeePct}%`;
      lines.push({
        date: d.date,
        entry,
        account: `12b-1 ${kind} expense`,
        ...who,
        debit: amount,
        credit: '0.00',
        memo,
      });
      const classB = d.class === 'B' && kind === 'distribution fee';
      if (classB) classBAccrued.set(d.portfolioId, (classBAccrued.get(d.portfolioId) ?? 0n) + cents);
      lines.push({
        date: d.date,
        entry,
        account: classB ? CLASS_B_ACCRUED : `Payable to Distributor — ${kind}`,
        ...who,
        debit: '0.00',
        credit: amount,
        memo,
      });
      if (classB) continue;
      if (kind === 'distribution fee') p.distributionCents += cents;
      else p.serviceCents += cents;
    }
    payable.set(key, p);
  }
  for (const p of payable.values()) {
    const total = p.distributionCents + p.serviceCents;
    if (total === 0n) continue;
    const entry = `PAY-${month}-${String(++n).padStart(6, '0')}`;
    const memo = `payment of ${month} 12b-1 fees to the Distributor`;
    const who = { portfolio: p.portfolio, class: p.class };
    if (p.distributionCents > 0n)
      lines.push({
        date: paymentDate,
        entry,
        account: 'Payable to Distributor — distribution fee',
        ...who,
        debit: formatCents(p.distributionCents),
        credit: '0.00',
        memo,
      });
    if (p.serviceCents > 0n)
      lines.push({
        date: paymentDate,
        entry,
        account: 'Payable to Distributor — service fee',
        ...who,
        debit: formatCents(p.serviceCents),
        credit: '0.00',
        memo,
      });
    lines.push({
      date: paymentDate,
      entry,
      account: 'Cash',
      ...who,
      debit: '0.00',
      credit: formatCents(total),
      memo,
    });
  }
  if (classBAccrued.size > 0) {
    const report =
      opts.monthlyCalculation ?? (await monthlyCalculationReport(q, month, { instructedDueDate }));
    lines.push(...monthlyCalculationEntries(report.portfolios, classBAccrued, () => ++n));
  }
  let debits = 0n;
  let credits = 0n;
  const perEntry = new Map<string, bigint>();
  for (const l of lines) {
    const d = parseCents(l.debit);
    const c = parseCents(l.credit);
    debits += d;
    credits += c;
    perEntry.set(l.entry, (perEntry.get(l.entry) ?? 0n) + d - c);
  }
  for (const [entry, balance] of perEntry)
    if (balance !== 0n) throw new Error(`journal entry ${entry} does not balance (${formatCents(balance)})`);
  if (debits !== credits) throw new Error('journal does not balance');
  return {
    month,
    paymentDate,
    lines,
    totalDebits: formatCents(debits),
    totalCredits: formatCents(credits),
    warnings: fees.warnings,
  };
}
