import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';
import { formatCents, parseCents } from '../money/cents.js';
import type { Queryable } from '../store/database.js';
import { feesReport } from './feesReport.js';

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

/**
 * The month's 12b-1 journal: each day's accrual (debit the class's 12b-1 expense, credit the
 * payable to the Distributor), one per fee, and the payment of the month's payable on the payment
 * date (the 10th NYSE business day after month end unless told otherwise). Every entry balances.
 */
export async function monthJournal(
  q: Queryable,
  month: string,
  opts: { paymentBusinessDays?: number } = {},
): Promise<Journal> {
  const from = monthStart(month);
  const to = monthEnd(month);
  const fees = await feesReport(q, { from, to, daily: true });
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
      lines.push({
        date: d.date,
        entry,
        account: `Payable to Distributor — ${kind}`,
        ...who,
        debit: '0.00',
        credit: amount,
        memo,
      });
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
