import { distributorStretches, type Stretch, servingDistributorIn } from '../allocation/exclusivePeriods.js';
import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';
import { formatCents, parseCents } from '../money/cents.js';
import { loadDistributorTerms } from '../store/classBStore.js';
import type { Queryable } from '../store/database.js';
import { restatedMonthsReportedIn } from '../store/sealedResultsRepository.js';
import type { MonthlyCalculation, Payee } from '../transfers/monthlyCalculation.js';
import { monthPayables } from '../transfers/monthPayables.js';
import { paymentDueDate } from '../transfers/paymentDueDate.js';
import type { CdscToFundAdjustment, PayeeAdjustment } from '../transfers/priorPeriodPayeeAdjustments.js';
import { theDistributor } from './distributorShareReport.js';
import { type FeesReport, feesReport } from './feesReport.js';
import { type MonthlyCalculationReport, monthlyCalculationReport } from './monthlyCalculationReport.js';
import { type ClassFeeAdjustment, priorPeriodFeeAdjustments } from './priorPeriodFeeAdjustments.js';

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
/** FINRA 2341(d)(2): where the CDSC collected after the cap is used up goes — to the fund, not a payee. */
export const CDSC_CREDITED_TO_FUND = 'Class B CDSC credited to the fund (FINRA 2341(d)(2))';
/**
 * SPEC §6: what the Fund owes an Other Distributor of the CDSC on shares issued in its term — its
 * own, not the Monthly Calculation's payees' (no Assignee shares it).
 */
export function otherDistributorCdscAccount(distributor: string): string {
  return `Payable to ${distributor} — CDSC (Other Distributor, its own shares)`;
}

/**
 * Agreement EIGHTH(C), SPEC §12: the journal of a month and its Monthly Calculation agree — each
 * payee's payable and its due date. For each portfolio: at month end the accrued Class B
 * Distribution Fees are allocated to each payee's payable (the Distributor, each Other
 * Distributor, each Assignee paid directly or its depository; what is owed on to an Assignee
 * whose notice has not arrived stays with the Distributor), and so is the Earned CDSC withheld —
 * the CDSC withheld is all that was collected, the part credited to the fund after the FINRA 2341
 * cap was used up booked to {@link CDSC_CREDITED_TO_FUND} (FINRA 2341(d)(2));
 * a restatement of a closed month reported this month is booked as a prior-period adjustment
 * (`PPA-`, dated at month end), split among the same parties as the original amounts and added to
 * their payables — the change in the CDSC credited to the fund (the cap's room changed) to
 * {@link CDSC_CREDITED_TO_FUND}, the change in the CDSC collected to the CDSC withheld; on the Monthly Calculation's due date each payable is paid
 * ({@link monthPayables}).
 * @param accruedCents each portfolio's Class B Distribution Fees as the journal accrued them
 * @param adjustments the Monthly Calculation's prior-period adjustments (per restated month and party)
 */
export function monthlyCalculationEntries(
  calculations: readonly MonthlyCalculation[],
  accruedCents: ReadonlyMap<string, bigint>,
  next: () => number,
  adjustments: readonly PayeeAdjustment[] = [],
  dueDate: string | null = null,
  /** the journal's month (needed when no portfolio has Class B fees in it, only adjustments) */
  journalMonth: string | null = null,
  /** FINRA 2341(d)(2): the restated months' changes in the CDSC collected and credited to the fund */
  cdscToFund: readonly CdscToFundAdjustment[] = [],
): JournalLine[] {
  const lines: JournalLine[] = [];
  for (const [portfolioId, cents] of accruedCents)
    if (cents !== 0n && !calculations.some((mc) => mc.portfolioId === portfolioId))
      throw new Error(
        `Class B Distribution Fees of ${portfolioId} accrued but no Monthly Calculation allocates them`,
      );
  const due = calculations[0]?.dueDate ?? dueDate;
  if (due === null) {
    if (adjustments.length > 0 || cdscToFund.length > 0)
      throw new Error('prior-period adjustments need the due date');
    return lines;
  }
  // signed: a negative debit is a credit (an adjustment recovering an amount overpaid)
  const line = signedLineTo(lines);
  const payableAccount = (payee: string, role: string, part: '12b-1' | 'CDSC') =>
    `Payable to ${payee} — ${part} (${role})`;
  const payables = monthPayables(calculations, adjustments, due);
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
    // FINRA 2341(d)(2), standing rule 2: the CDSC withheld from redemption proceeds (all collected)
    // = what the payees are paid + what is credited to the fund, each taken on its own (a Monthly
    // Calculation without `cdscCollected` credited none: all collected is paid)
    let paidCdsc = 0n;
    for (const p of mc.payees) paidCdsc += parseCents(p.cdsc);
    const creditedToFund = mc.cdscCreditedToFund === undefined ? 0n : parseCents(mc.cdscCreditedToFund);
    const collected = mc.cdscCollected === undefined ? paidCdsc : parseCents(mc.cdscCollected);
    if (collected !== paidCdsc + creditedToFund)
      throw new Error(
        `${mc.portfolio} ${mc.month}: the CDSC collected ${formatCents(collected)} is not what the payees are paid (${formatCents(paidCdsc)}) plus what is credited to the fund (${formatCents(creditedToFund)})`,
      );
    // SPEC §6: the CDSC on an Other Distributor's shares, withheld too — owed to it, but for the
    // part credited to the fund after the class's cap was used up; each part checked on its own
    let othersCollected = 0n;
    let othersCredited = 0n;
    for (const o of mc.otherDistributorsCdsc ?? []) {
      const c = parseCents(o.cdscCollected);
      const f = parseCents(o.cdscCreditedToFund);
      if (c !== parseCents(o.cdsc) + f)
        throw new Error(
          `${mc.portfolio} ${mc.month}: ${o.distributor}'s CDSC collected ${o.cdscCollected} is not what it is owed (${o.cdsc}) plus what is credited to the fund (${o.cdscCreditedToFund})`,
        );
      othersCollected += c;
      othersCredited += f;
    }
    line(who, end, allocation, CLASS_B_ACCRUED, accrued, memo);
    line(who, end, allocation, CDSC_WITHHELD, collected + othersCollected, memo);
    line(
      who,
      end,
      allocation,
      CDSC_CREDITED_TO_FUND,
      -(creditedToFund + othersCredited),
      `${mc.month} Monthly Calculation: CDSC collected after the FINRA 2341 cap was used up, credited to the fund, not paid as Earned CDSC`,
    );
    for (const o of mc.otherDistributorsCdsc ?? [])
      line(
        who,
        end,
        allocation,
        otherDistributorCdscAccount(o.distributor),
        -parseCents(o.cdsc),
        `${mc.month}: CDSC on Commission Shares issued in ${o.distributor}'s term, owed to it (SPEC §6)`,
      );
    for (const p of mc.payees) {
      const note = owedOnNote(p.owedOn);
      line(
        who,
        end,
        allocation,
        payableAccount(p.payee, p.role, '12b-1'),
        -parseCents(p.twelveB1),
        memo + note,
      );
      line(who, end, allocation, payableAccount(p.payee, p.role, 'CDSC'), -parseCents(p.cdsc), memo + note);
    }
  }
  // SPEC §12: each restated month's adjustment, per portfolio, booked in this month to the payables
  // of the same parties (routed as this month pays them), the expense and CDSC differences beside.
  const reportedIn = journalMonth ?? calculations[0]?.month ?? null;
  if (reportedIn === null) {
    if (adjustments.length > 0 || cdscToFund.length > 0)
      throw new Error('prior-period adjustments need the month they are booked in');
    return lines;
  }
  const groups = new Map<string, PayeeAdjustment[]>();
  const firstOf = new Map<string, { portfolioId: string; portfolio: string; month: string }>();
  for (const a of adjustments) {
    const k = `${a.portfolioId}\u0000${a.month}`;
    groups.set(k, [...(groups.get(k) ?? []), a]);
    if (!firstOf.has(k)) firstOf.set(k, a);
  }
  const toFundOf = new Map<string, CdscToFundAdjustment>();
  /** SPEC §6: the prior-period changes owed to Other Distributors on their own shares, paid below */
  const othersOwed: {
    who: { portfolio: string; class: string };
    distributor: string;
    month: string;
    owed: bigint;
  }[] = [];
  for (const a of cdscToFund) {
    const k = `${a.portfolioId}\u0000${a.month}`;
    if (toFundOf.has(k))
      throw new Error(`${a.portfolio} ${a.month}: two changes in the CDSC credited to the fund`);
    toFundOf.set(k, a);
    if (!groups.has(k)) groups.set(k, []);
    if (!firstOf.has(k)) firstOf.set(k, a);
  }
  for (const [k, group] of groups) {
    const first = firstOf.get(k)!;
    const mc = calculations.find((c) => c.portfolioId === first.portfolioId);
    const who = { portfolio: mc?.portfolio ?? first.portfolio, class: 'B' };
    const end = monthEnd(reportedIn);
    const entry = `PPA-${reportedIn}-${String(next()).padStart(6, '0')}`;
    const memo = `prior-period adjustment of ${first.month} (restated), reported in ${reportedIn} (SPEC §12)`;
    // the same routing as the payables below, this group's adjustments alone
    const zero = (p: Payee): Payee => ({
      ...p,
      twelveB1: '0.00',
      cdsc: '0.00',
      owedOn: '0.00',
      total: '0.00',
    });
    const routed = monthPayables(
      mc ? [{ ...mc, distributionFee: '0.00', earnedCdsc: '0.00', payees: mc.payees.map(zero) }] : [],
      group,
      due,
    );
    line(
      who,
      end,
      entry,
      `12b-1 distribution fee expense — prior-period adjustment`,
      sumOf(group, (a) => a.twelveB1Difference),
      memo,
    );
    // FINRA 2341(d)(2): the CDSC withheld changes by what was collected, the fund's credit by its
    // own change, the payees by the Earned CDSC's — each taken on its own and checked
    // (collected = earned + credited to the fund)
    const earnedDifference = sumOf(group, (a) => a.cdscDifference);
    const toFund = toFundOf.get(k);
    const creditedDifference = toFund === undefined ? 0n : parseCents(toFund.cdscCreditedToFundDifference);
    const collectedDifference =
      toFund === undefined ? earnedDifference : parseCents(toFund.cdscCollectedDifference);
    if (collectedDifference !== earnedDifference + creditedDifference)
      throw new Error(
        `${who.portfolio} ${first.month}: the prior-period change in the CDSC collected ${formatCents(collectedDifference)} is not the payees' change in Earned CDSC (${formatCents(earnedDifference)}) plus the change in what is credited to the fund (${formatCents(creditedDifference)})`,
      );
    // SPEC §6: the CDSC on each Other Distributor's shares, its parts changed the same way
    let othersCollected = 0n;
    let othersCredited = 0n;
    for (const o of toFund?.otherDistributors ?? []) {
      const c = parseCents(o.cdscCollectedDifference);
      const f = parseCents(o.cdscCreditedToFundDifference);
      if (c !== parseCents(o.cdscDifference) + f)
        throw new Error(
          `${who.portfolio} ${first.month}: the prior-period change in ${o.distributor}'s CDSC collected ${o.cdscCollectedDifference} is not the change in what it is owed (${o.cdscDifference}) plus in what is credited to the fund (${o.cdscCreditedToFundDifference})`,
        );
      othersCollected += c;
      othersCredited += f;
    }
    line(who, end, entry, CDSC_WITHHELD, collectedDifference + othersCollected, memo);
    line(
      who,
      end,
      entry,
      CDSC_CREDITED_TO_FUND,
      -(creditedDifference + othersCredited),
      `${memo}: the CDSC credited to the fund after the FINRA 2341 cap was used up changed (FINRA 2341(d)(2))`,
    );
    for (const o of toFund?.otherDistributors ?? []) {
      const owed = parseCents(o.cdscDifference);
      line(
        who,
        end,
        entry,
        otherDistributorCdscAccount(o.distributor),
        -owed,
        `${memo}: the CDSC on Commission Shares issued in ${o.distributor}'s term, owed to it (SPEC §6)`,
      );
      othersOwed.push({ who, distributor: o.distributor, month: first.month, owed });
    }
    for (const p of routed) {
      const note = owedOnNote(p.owedOn);
      line(
        who,
        end,
        entry,
        payableAccount(p.payee, p.role, '12b-1'),
        -parseCents(p.adjustmentTwelveB1),
        memo + note,
      );
      line(
        who,
        end,
        entry,
        payableAccount(p.payee, p.role, 'CDSC'),
        -parseCents(p.adjustmentCdsc),
        memo + note,
      );
    }
  }
  for (const p of payables) {
    const total = parseCents(p.payable);
    if (total === 0n) continue;
    const who = { portfolio: p.portfolio, class: 'B' };
    const entry = `PAY-${reportedIn}-${String(next()).padStart(6, '0')}`;
    const adjusted = p.adjustmentTwelveB1 !== '0.00' || p.adjustmentCdsc !== '0.00';
    const payMemo = `payment of the ${reportedIn} Monthly Calculation${adjusted ? ' with prior-period adjustments' : ''} to ${p.payee}, due ${p.dueDate}`;
    line(
      who,
      p.dueDate,
      entry,
      payableAccount(p.payee, p.role, '12b-1'),
      parseCents(p.twelveB1) + parseCents(p.adjustmentTwelveB1),
      payMemo,
    );
    line(
      who,
      p.dueDate,
      entry,
      payableAccount(p.payee, p.role, 'CDSC'),
      parseCents(p.cdsc) + parseCents(p.adjustmentCdsc),
      payMemo,
    );
    line(who, p.dueDate, entry, 'Cash', -total, payMemo);
  }
  // SPEC §6: each Other Distributor's own CDSC, paid with the month's CDSC on the due date
  for (const mc of calculations)
    for (const o of mc.otherDistributorsCdsc ?? []) {
      const owed = parseCents(o.cdsc);
      if (owed === 0n) continue;
      const who = { portfolio: mc.portfolio, class: 'B' };
      const entry = `PAY-${reportedIn}-${String(next()).padStart(6, '0')}`;
      const payMemo = `payment of the ${mc.month} CDSC on Commission Shares issued in ${o.distributor}'s term to it, due ${mc.dueDate}`;
      line(who, mc.dueDate, entry, otherDistributorCdscAccount(o.distributor), owed, payMemo);
      line(who, mc.dueDate, entry, 'Cash', -owed, payMemo);
    }
  for (const o of othersOwed) {
    if (o.owed === 0n) continue;
    const entry = `PAY-${reportedIn}-${String(next()).padStart(6, '0')}`;
    const payMemo = `payment of the prior-period adjustment of ${o.month} (the CDSC on Commission Shares issued in ${o.distributor}'s term) to it, due ${due}`;
    line(o.who, due, entry, otherDistributorCdscAccount(o.distributor), o.owed, payMemo);
    line(o.who, due, entry, 'Cash', -o.owed, payMemo);
  }
  return lines;
}

/**
 * A journal line of a signed amount: a positive one is a debit, a negative one a credit (an
 * adjustment recovering an amount overpaid); nothing for zero.
 */
function signedLineTo(lines: JournalLine[]) {
  return (
    who: { portfolio: string; class: string },
    date: string,
    entry: string,
    account: string,
    debit: bigint,
    memo: string,
  ): void => {
    if (debit === 0n) return;
    lines.push({
      date,
      entry,
      account,
      ...who,
      debit: formatCents(debit > 0n ? debit : 0n),
      credit: formatCents(debit < 0n ? -debit : 0n),
      memo,
    });
  };
}

/** Agreement TENTH: the payable of a Class B service fee owed to an Other Distributor. */
function otherServiceFeeAccount(distributor: string): string {
  return `Payable to ${distributor} — service fee (Other Distributor)`;
}

/**
 * Agreement TENTH, SPEC §12: the Other Distributors' parts of a restated month's Class B service fee
 * adjustment, by name, as the Monthly Calculation splits it by the days each served (the rest is
 * the Distributor's). The split must add up to the class's adjustment the journal books — two
 * computations of the same whole (the fees recomputed, the Monthly Calculation recomputed).
 */
function otherServiceFeeAdjustments(
  report: MonthlyCalculationReport | undefined,
  a: ClassFeeAdjustment,
): Map<string, bigint> {
  const parts = (report?.priorPeriodServiceFeeAdjustments ?? []).filter(
    (x) => x.month === a.month && x.portfolioId === a.portfolioId,
  );
  const out = new Map<string, bigint>();
  if (parts.length === 0) return out;
  let sum = 0n;
  for (const x of parts) {
    const cents = parseCents(x.difference);
    sum += cents;
    if (x.role === 'Other Distributor') out.set(x.distributor, (out.get(x.distributor) ?? 0n) + cents);
  }
  if (sum !== a.serviceCents)
    throw new Error(
      `${a.portfolio} ${a.month}: the Monthly Calculation splits ${formatCents(sum)} of the Class B service fee's prior-period adjustment among the distributors, the fees recomputed give ${formatCents(a.serviceCents)}`,
    );
  return out;
}

/** What a payee's memo adds when part of its payment is owed on to an Assignee (EIGHTH(B)). */
function owedOnNote(owedOn: string): string {
  return owedOn !== '0.00' ? `; ${owedOn} of it owed on to Assignees (notice of Transfer not received)` : '';
}

function sumOf(xs: readonly PayeeAdjustment[], f: (a: PayeeAdjustment) => string): bigint {
  return xs.reduce((s, a) => s + parseCents(f(a)), 0n);
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
    {
      portfolio: string;
      class: string;
      distributionCents: bigint;
      serviceCents: bigint;
      /** Agreement TENTH: a Class B service fee of days an Other Distributor served, by name */
      otherServiceCents?: Map<string, bigint>;
    }
  >();
  // Agreement TENTH: a Class B day's service fee is owed to the distributor serving that day — after
  // the Distributor's term ends (E) the Other Distributor's (TENTH does not survive, FIFTEENTH(B))
  const classBDays = (fees.daily ?? []).some((d) => d.class.toUpperCase() === 'B');
  const terms = await loadDistributorTerms(q);
  const theOne = theDistributor(terms) ?? 'Distributor';
  // the Distributor's payables under its recorded name, as the Monthly Calculation's 12b-1 payables
  // are named (calc12); a complex with no distributor recorded keeps "Payable to Distributor — …".
  // A month sealed before keeps its own text: a seal hashes the journal as it stored it.
  const distributorAccount = (kind: 'distribution fee' | 'service fee') =>
    terms.length === 0 ? `Payable to Distributor — ${kind}` : `Payable to ${theOne} — ${kind} (Distributor)`;
  const stretchesOf = new Map<string, Stretch[]>();
  const servingOn = (portfolioId: string, date: string): string | null => {
    if (!classBDays || terms.length === 0) return null;
    let stretches = stretchesOf.get(portfolioId);
    if (stretches === undefined) {
      stretches = distributorStretches(terms, portfolioId);
      stretchesOf.set(portfolioId, stretches);
    }
    const who = servingDistributorIn(stretches, theOne, date).distributor;
    return who === theOne ? null : who;
  };
  // SPEC §4: a class's month goes under the portfolio's name in force at the month's end, as
  // `fees` and the Monthly Calculation show it; each day's accrual keeps that day's name.
  const monthEndName = new Map(fees.classes.map((c) => [`${c.portfolioId}|${c.class}`, c.portfolio]));
  let n = 0;
  for (const d of fees.daily ?? []) {
    const who = { portfolio: d.portfolio, class: d.class };
    const key = `${d.portfolioId}|${d.class}`;
    const p = payable.get(key) ?? {
      portfolio: monthEndName.get(key) ?? d.portfolio,
      class: d.class,
      distributionCents: 0n,
      serviceCents: 0n,
    };
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
      const other =
        d.class.toUpperCase() === 'B' && kind === 'service fee' ? servingOn(d.portfolioId, d.date) : null;
      lines.push({
        date: d.date,
        entry,
        account: classB
          ? CLASS_B_ACCRUED
          : other !== null
            ? otherServiceFeeAccount(other)
            : distributorAccount(kind),
        ...who,
        debit: '0.00',
        credit: amount,
        memo,
      });
      if (classB) continue;
      if (other !== null) {
        p.otherServiceCents ??= new Map();
        p.otherServiceCents.set(other, (p.otherServiceCents.get(other) ?? 0n) + cents);
      } else if (kind === 'distribution fee') p.distributionCents += cents;
      else p.serviceCents += cents;
    }
    payable.set(key, p);
  }
  // SPEC §12: a restatement of a closed month reported this month, booked as a prior-period
  // adjustment of this month — each class's fee difference (the Class B Distribution Fee goes by
  // the Monthly Calculation, below) to the expense and to the Distributor's payable, paid with the
  // month's fees. Signed: a negative difference is a credit to the expense.
  const signed = signedLineTo(lines);
  // the Monthly Calculation's payables — the month's Class B fees, and any restatement of a closed
  // month it reports as a prior-period adjustment (SPEC §12)
  const feeAdjustments = await priorPeriodFeeAdjustments(q, month);
  const report =
    opts.monthlyCalculation !== undefined ||
    classBAccrued.size > 0 ||
    (await restatedMonthsReportedIn(q, month, 'net_assets_restatement')).length > 0 ||
    (await restatedMonthsReportedIn(q, month, 'exhibit_withdrawal_restatement')).length > 0
      ? (opts.monthlyCalculation ?? (await monthlyCalculationReport(q, month, { instructedDueDate })))
      : undefined;
  for (const a of feeAdjustments) {
    const distribution = a.class === 'B' ? 0n : a.distributionCents;
    if (distribution === 0n && a.serviceCents === 0n) continue;
    const key = `${a.portfolioId}|${a.class}`;
    const p = payable.get(key) ?? {
      portfolio: a.portfolio,
      class: a.class,
      distributionCents: 0n,
      serviceCents: 0n,
    };
    const who = { portfolio: p.portfolio, class: p.class };
    const entry = `PPA-${month}-${String(++n).padStart(6, '0')}`;
    const memo = `prior-period adjustment of ${a.month} (${a.throughFinraCap ? 'its FINRA cap room changed by an earlier restated month' : 'restated'}), reported in ${month} (SPEC §12)`;
    signed(who, to, entry, '12b-1 distribution fee expense — prior-period adjustment', distribution, memo);
    signed(who, to, entry, '12b-1 service fee expense — prior-period adjustment', a.serviceCents, memo);
    signed(who, to, entry, distributorAccount('distribution fee'), -distribution, memo);
    // Agreement TENTH: a Class B service fee's adjustment goes to the distributor serving each
    // restated day, as the Monthly Calculation splits it (the same day rule as the month itself)
    const others =
      a.class.toUpperCase() === 'B' ? otherServiceFeeAdjustments(report, a) : new Map<string, bigint>();
    let toOthers = 0n;
    for (const [other, cents] of others) {
      signed(who, to, entry, otherServiceFeeAccount(other), -cents, memo);
      p.otherServiceCents ??= new Map();
      p.otherServiceCents.set(other, (p.otherServiceCents.get(other) ?? 0n) + cents);
      toOthers += cents;
    }
    signed(who, to, entry, distributorAccount('service fee'), -(a.serviceCents - toOthers), memo);
    p.distributionCents += distribution;
    p.serviceCents += a.serviceCents - toOthers;
    payable.set(key, p);
  }
  for (const p of payable.values()) {
    const total = p.distributionCents + p.serviceCents;
    const who = { portfolio: p.portfolio, class: p.class };
    if (total !== 0n) {
      const entry = `PAY-${month}-${String(++n).padStart(6, '0')}`;
      const memo = `payment of ${month} 12b-1 fees to the Distributor`;
      signed(who, paymentDate, entry, distributorAccount('distribution fee'), p.distributionCents, memo);
      signed(who, paymentDate, entry, distributorAccount('service fee'), p.serviceCents, memo);
      signed(who, paymentDate, entry, 'Cash', -total, memo);
    }
    for (const [other, cents] of [...(p.otherServiceCents ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (cents === 0n) continue;
      const entry = `PAY-${month}-${String(++n).padStart(6, '0')}`;
      const memo = `payment of ${month} Class B service fee to ${other}, the Other Distributor serving those days (Agreement TENTH)`;
      signed(who, paymentDate, entry, otherServiceFeeAccount(other), cents, memo);
      signed(who, paymentDate, entry, 'Cash', -cents, memo);
    }
  }
  if (report !== undefined) {
    lines.push(
      ...monthlyCalculationEntries(
        report.portfolios,
        classBAccrued,
        () => ++n,
        report.priorPeriodAdjustments ?? [],
        report.dueDate,
        month,
        report.priorPeriodCdscToFundAdjustments ?? [],
      ),
    );
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
