import { monthEnd } from '../calendar/isoDate.js';
import type { Quarter } from '../calendar/quarter.js';
import type { PriorPeriodAdjustment } from '../close/priorPeriodAdjustments.js';
import {
  EXPENDITURE_PURPOSES,
  type ExpenditurePurpose,
  PURPOSE_LABELS,
} from '../governance/expenditurePurpose.js';
import { LEDGER_CDSC_CLASS } from '../governance/finraAggregateCap.js';
import { formatCents, parseCents } from '../money/cents.js';
import { compareCodeUnits, compareNames } from '../registry/nameOrder.js';
import type { Registry } from '../registry/registry.js';
import { loadClosedPeriods } from '../store/closedPeriodsRepository.js';
import type { Queryable } from '../store/database.js';
import { loadExpenditures } from '../store/expendituresRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { sealedPart } from '../store/sealedResultsRepository.js';
import { instrumentLabel } from './boardReportGovernance.js';
import { feesAsRead } from './feesAsRead.js';
import { loadClassSeries } from './feesReport.js';
import {
  type ClassCapLedger,
  capStopMode,
  classCapLedgers,
  creditedToFundBetween,
  creditedToFundWarning,
} from './finraCapLedger.js';
import { capClassStatus, type FinraCapClass } from './finraCapReport.js';
import type { AdjustmentsPart } from './priorPeriodFeeAdjustments.js';

/**
 * What the governance records say for the board report (issue 12 items 1 and 4), read through an
 * interface so that the report does not depend on how approvals and continuance are kept. Absent,
 * the report says "no approvals recorded" and "no continuance deadlines recorded".
 */
export interface BoardReportGovernance {
  approvalsBetween(q: Queryable, from: string, to: string): Promise<readonly BoardApprovalLine[]>;
  continuanceDeadlines(q: Queryable, asOf: string): Promise<readonly ContinuanceDeadlineLine[]>;
  /**
   * Doubts the quarter's Board votes raise about the Board itself (Rule 12b-1(c)), and plans in
   * effect without the shareholder vote Rule 12b-1(b)(1) asks, as warnings; `registry` is the
   * report's own (derived once).
   */
  boardDoubtsBetween?(q: Queryable, from: string, to: string, registry: Registry): Promise<readonly string[]>;
}
export interface BoardApprovalLine {
  readonly date: string;
  readonly body: string;
  readonly subject: string;
  readonly scope: string;
  readonly vote: string;
  readonly approved: boolean;
}
export interface ContinuanceDeadlineLine {
  readonly instrument: string;
  readonly deadline: string;
  readonly status: string;
  /** where the deadline comes from, in words: the instrument's text, the Rule's year, the last vote (Plan §7) */
  readonly source: string;
}

/**
 * A class's FINRA cap at quarter end, with its status in words: `exhausted`, `exhaustedOn` and
 * `exhaustions` as `finra-cap` gives them (`exhaustedOn`: the first day of the exhaustion still
 * running at quarter end, else null; `exhaustions`: every one, with its end), and `status`
 * — what holds at quarter end: "exhausted; ABSC stopped D" for the exhaustion still running,
 * else "within the cap", naming an exhaustion that new gross sales ended within the quarter.
 */
export interface BoardReportCapClass extends FinraCapClass {
  readonly status: string;
  /**
   * the deferred sales charges collected in the quarter's months after the cap was exhausted
   * (FINRA 2341(d)(2); DOMAIN §3.4: "credited to the fund"), "0.00" when none — a Class B CDSC of
   * them is paid as Earned CDSC instead under PLAN12B_FINRA_CAP_STOP=warn (`cdscCreditedToFund`)
   */
  readonly deferredCreditedToFund: string;
}

export interface BoardReportInstrument {
  readonly instrument: string;
  /** every Registrant whose portfolios the schedule lists in force, `; ` between them */
  readonly registrant: string;
  readonly schedule: string;
  readonly inForceSince: string;
  readonly portfolios: number;
  readonly classes: number;
}
export interface BoardReportFees {
  readonly portfolio: string;
  readonly class: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
}
/** A prior-period fee adjustment a close of the quarter's months reported (SPEC §12). */
export interface BoardReportAdjustment extends PriorPeriodAdjustment {
  /** the quarter's month whose close reported it (and paid it); `month` is the closed month it adjusts */
  readonly reportedIn: string;
}
interface FeeTotals {
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
}
export interface BoardReportExpenditure {
  readonly portfolio: string;
  readonly class: string;
  readonly period: string;
  readonly purpose: ExpenditurePurpose;
  readonly purposeLabel: string;
  readonly description: string;
  readonly amount: string;
}
export interface BoardReportPurposeTotal {
  readonly purpose: ExpenditurePurpose;
  readonly purposeLabel: string;
  readonly amount: string;
}

/** One of the quarter's months and whether its close sealed it (SPEC §12: only then is it paid). */
export interface BoardReportMonth {
  readonly month: string;
  readonly closed: boolean;
}

export interface BoardReport {
  readonly quarter: string;
  readonly from: string;
  readonly to: string;
  /** the quarter's three months in order, each closed or not: an open month's figures are not sealed */
  readonly months: readonly BoardReportMonth[];
  readonly instruments: BoardReportInstrument[];
  readonly fees: BoardReportFees[];
  readonly feesTotal: FeeTotals;
  /** the prior-period adjustments the closes of the quarter's months reported (paid with them) */
  readonly priorPeriodAdjustments: BoardReportAdjustment[];
  readonly priorPeriodAdjustmentsTotal: FeeTotals;
  /** what the Fund paid for the quarter's months: `feesTotal` + `priorPeriodAdjustmentsTotal` */
  readonly paidTotal: FeeTotals;
  readonly expenditures: BoardReportExpenditure[];
  readonly expendituresByPurpose: BoardReportPurposeTotal[];
  readonly expendituresTotal: string;
  readonly finraCap: BoardReportCapClass[];
  /** null: no approvals source in this build ("no approvals recorded") */
  readonly approvals: readonly BoardApprovalLine[] | null;
  readonly continuance: readonly ContinuanceDeadlineLine[] | null;
  readonly warnings: string[];
}

const sum = (xs: readonly string[]) => formatCents(xs.reduce((a, x) => a + parseCents(x), 0n));
const totals = (rows: readonly FeeTotals[]): FeeTotals => ({
  distributionFee: sum(rows.map((f) => f.distributionFee)),
  serviceFee: sum(rows.map((f) => f.serviceFee)),
  totalFee: sum(rows.map((f) => f.totalFee)),
});

/**
 * SPEC §12, Plan §8: a restatement of a closed month reaches the board as the prior-period
 * adjustment the next close reported and paid — the `adjustments` part each close of the
 * quarter's months sealed, one line per class and month adjusted, the portfolio by its name at
 * quarter end.
 */
async function adjustmentsReportedIn(
  q: Queryable,
  registry: Registry,
  quarter: Quarter,
): Promise<BoardReportAdjustment[]> {
  const out: BoardReportAdjustment[] = [];
  for (const reportedIn of quarter.months) {
    const part = (await sealedPart(q, reportedIn, 'adjustments')) as AdjustmentsPart | undefined;
    for (const a of part?.adjustments ?? []) {
      const pid = registry.identities.resolveOn(a.portfolio, monthEnd(a.month));
      out.push({
        reportedIn,
        month: a.month,
        portfolio: pid === undefined ? a.portfolio : registry.identities.nameOn(pid, quarter.last),
        class: a.class,
        distributionFee: a.distributionFee,
        serviceFee: a.serviceFee,
        totalFee: formatCents(parseCents(a.distributionFee) + parseCents(a.serviceFee)),
      });
    }
  }
  return out;
}

/**
 * `plan12b board-report --quarter 2025Q4` (Plan §3, §8; SPEC §10): the written report the board
 * reviews each quarter — instruments in force at quarter end, the fees of the quarter per
 * portfolio and class, the amounts spent by purpose, the FINRA cap status, the approvals and votes
 * of the quarter and the continuance deadlines ahead.
 */
export async function boardReport(
  q: Queryable,
  quarter: Quarter,
  governance?: BoardReportGovernance,
): Promise<BoardReport> {
  const registry = await loadRegistry(q);
  const warnings: string[] = [];

  // One line per instrument and schedule, told apart by the instrument's key: two instruments may
  // share a title (the Class K and Class R "Amended and Restated Master Distribution Plan"); those
  // are labelled with their classes, as the continuance deadlines are.
  const instrumentKeyOf = (documentId: string) =>
    registry.instruments.find((i) => i.documentIds.includes(documentId))?.key ?? documentId;
  // A class whose Plan was terminated (Plan §9) or lapsed for want of continuance (Plan §7, with
  // approvals enforced) has no instrument in force: its entry stays listed by the schedule, with
  // the reason no fee is due (`stopped`), but the board is not told it is in force.
  const inForce = registry.scheduleAsOf(quarter.last).entries.filter((e) => e.stopped === null);
  const keysByTitle = new Map<string, Set<string>>();
  for (const e of inForce)
    keysByTitle.set(
      e.instrument,
      (keysByTitle.get(e.instrument) ?? new Set()).add(instrumentKeyOf(e.document.id)),
    );
  // Plan §§5–6: with approvals enforced, a schedule version approved after its effective date is in
  // force for a class only from that approval ("effective immediately upon the receipt" of the
  // votes), as `schedule` and `fees` read it — the line says so, not the document's effective date
  const approvedFrom = new Map(
    registry.pending.flatMap((p) =>
      p.governsFrom === null ? [] : [[`${p.documentId}|${p.portfolioId}|${p.class}`, p.governsFrom] as const],
    ),
  );
  const inForceSince = (e: (typeof inForce)[number]) =>
    approvedFrom.get(`${e.document.id}|${e.portfolioId}|${e.class}`) ?? e.inForceSince;
  const byInstrument = new Map<
    string,
    Omit<BoardReportInstrument, 'inForceSince'> & {
      inForceSince: string;
      keys: Set<string>;
      pids: Set<string>;
      registrants: Set<string>;
    }
  >();
  for (const e of inForce) {
    const instrumentKey = instrumentKeyOf(e.document.id);
    const key = `${instrumentKey}\u0000${e.schedule}`;
    let i = byInstrument.get(key);
    if (!i) {
      i = {
        instrument:
          (keysByTitle.get(e.instrument)?.size ?? 0) > 1
            ? instrumentLabel(e.instrument, instrumentKey)
            : e.instrument,
        registrant: e.registrant ?? '',
        schedule: e.schedule,
        inForceSince: inForceSince(e),
        portfolios: 0,
        classes: 0,
        keys: new Set(),
        pids: new Set(),
        registrants: new Set(),
      };
      byInstrument.set(key, i);
    }
    if (e.registrant) i.registrants.add(e.registrant);
    // the earliest of its classes in force at quarter end
    if (inForceSince(e) < i.inForceSince) i.inForceSince = inForceSince(e);
    i.keys.add(`${e.portfolioId}|${e.class}`);
    i.pids.add(e.portfolioId);
  }
  const instruments = [...byInstrument.values()]
    // a master schedule lists the portfolios of several Registrants: every one is named, in the
    // schedule's order, never only the first (Schedule A-1 of the Class B Agreement: ten)
    .map(({ keys, pids, registrants, ...i }) => ({
      ...i,
      registrant: [...registrants].join('; '),
      portfolios: pids.size,
      classes: keys.size,
    }))
    .sort((a, b) => compareNames(a.instrument, b.instrument) || compareNames(a.schedule, b.schedule));

  // SPEC §12: the quarter's closed months as sealed (what was paid); adjustments reach later months
  const { report: feeMonths } = await feesAsRead(
    q,
    { from: quarter.first, to: quarter.last },
    { recompute: false },
  );
  warnings.push(...feeMonths.warnings);
  const feeByClass = new Map<string, { portfolio: string; class: string; d: bigint; s: bigint }>();
  for (const m of feeMonths.classes) {
    const key = `${m.portfolioId}|${m.class}`;
    const f = feeByClass.get(key) ?? {
      // the name at quarter end, as the expenditures and adjustments give it (SPEC §2)
      portfolio: registry.identities.nameOn(m.portfolioId, quarter.last),
      class: m.class,
      d: 0n,
      s: 0n,
    };
    f.d += parseCents(m.distributionFee);
    f.s += parseCents(m.serviceFee);
    feeByClass.set(key, f);
  }
  const fees = [...feeByClass.values()]
    .sort((a, b) => compareNames(a.portfolio, b.portfolio) || compareNames(a.class, b.class))
    .map((f) => ({
      portfolio: f.portfolio,
      class: f.class,
      distributionFee: formatCents(f.d),
      serviceFee: formatCents(f.s),
      totalFee: formatCents(f.d + f.s),
    }));

  const priorPeriodAdjustments = await adjustmentsReportedIn(q, registry, quarter);
  const feesTotal = totals(fees);
  const priorPeriodAdjustmentsTotal = totals(priorPeriodAdjustments);

  const spent = await loadExpenditures(q, { from: quarter.first, to: quarter.last });
  const expenditures = spent
    .map((e) => ({
      // SPEC §2: one portfolio, one name in the report — the one it bears at quarter end
      portfolio: registry.identities.nameOn(e.portfolioId, quarter.last),
      class: e.class,
      period: e.period,
      purpose: e.purpose as ExpenditurePurpose,
      purposeLabel: PURPOSE_LABELS[e.purpose as ExpenditurePurpose] ?? e.purpose,
      description: e.description,
      amount: e.amount,
    }))
    .sort(
      (a, b) =>
        compareNames(a.portfolio, b.portfolio) ||
        compareNames(a.class, b.class) ||
        EXPENDITURE_PURPOSES.indexOf(a.purpose) - EXPENDITURE_PURPOSES.indexOf(b.purpose) ||
        compareCodeUnits(a.period, b.period),
    );
  const expendituresByPurpose = EXPENDITURE_PURPOSES.flatMap((p) => {
    const of = expenditures.filter((e) => e.purpose === p);
    return of.length === 0
      ? []
      : [{ purpose: p, purposeLabel: PURPOSE_LABELS[p], amount: sum(of.map((e) => e.amount)) }];
  });

  const series = await loadClassSeries(q, registry, { to: quarter.last }, []);
  const ledgers = await classCapLedgers(q, registry, series, quarter.months[2]!).catch((e: Error) => {
    warnings.push(`FINRA cap status not computed: ${e.message}`);
    return [];
  });

  // SPEC §12: the board must not read an open month's figures as paid; the report says which are closed
  const closed = await loadClosedPeriods(q);
  return {
    quarter: quarter.label,
    from: quarter.first,
    to: quarter.last,
    months: quarter.months.map((month) => ({ month, closed: closed.months.has(month) })),
    instruments,
    fees,
    feesTotal,
    priorPeriodAdjustments,
    priorPeriodAdjustmentsTotal,
    paidTotal: totals([feesTotal, priorPeriodAdjustmentsTotal]),
    expenditures,
    expendituresByPurpose,
    expendituresTotal: sum(expenditures.map((e) => e.amount)),
    finraCap: ledgers.map((l) => ({
      ...capClassStatus(l),
      status: capStatusAtQuarterEnd(l, quarter.first),
      deferredCreditedToFund: formatCents(creditedToFundBetween(l, quarter.months[0]!, quarter.months[2]!)),
    })),
    approvals: governance ? await governance.approvalsBetween(q, quarter.first, quarter.last) : null,
    continuance: governance ? await governance.continuanceDeadlines(q, quarter.last) : null,
    // the fees' cap warnings already name each exhaustion; the ledger adds the deferred sales
    // charges credited to the fund in the quarter's months (not those of earlier quarters, which
    // their own reports told), in the fees' words so that each is said once
    warnings: [
      ...new Set([
        ...warnings,
        ...((await governance?.boardDoubtsBetween?.(q, quarter.first, quarter.last, registry)) ?? []),
        ...ledgers.flatMap((l) => {
          const credited = creditedToFundBetween(l, quarter.months[0]!, quarter.months[2]!);
          return credited > 0n ? [creditedToFundWarning(l, credited)] : [];
        }),
      ]),
    ],
  };
}

/**
 * FINRA 2341(d)(2): the ABSC stops while the remaining amount is exhausted, and new gross sales
 * make room again; the board is told what holds at quarter end (the ledger runs through it), and
 * of an exhaustion that ended within the quarter.
 */
export function capStatusAtQuarterEnd(l: ClassCapLedger, quarterFirst: string): string {
  const running = l.exhaustions.find((e) => e.resumedOn === null);
  if (running) return `exhausted; ABSC stopped ${running.from}`;
  const exhausted = l.months.at(-1)?.exhausted ?? false;
  if (exhausted) return 'exhausted; nothing remains for the ABSC';
  const ended = l.exhaustions.filter((e) => e.resumedOn !== null && e.resumedOn >= quarterFirst).at(-1);
  return ended
    ? `within the cap; ABSC stopped ${ended.from}, accrued again from ${ended.resumedOn} after new gross sales`
    : 'within the cap';
}

/** The board report as one CSV table: a line per item, the section named on each. */
export const BOARD_REPORT_CSV_COLUMNS = [
  'section',
  'portfolio',
  'class',
  'item',
  'detail',
  'amount',
] as const;

export function boardReportLines(
  r: BoardReport,
): Record<(typeof BOARD_REPORT_CSV_COLUMNS)[number], string>[] {
  const line = (
    section: string,
    portfolio: string,
    cls: string,
    item: string,
    detail: string,
    amount: string,
  ) => ({
    section,
    portfolio,
    class: cls,
    item,
    detail,
    amount,
  });
  return [
    ...r.instruments.map((i) =>
      line(
        'instruments in force',
        '',
        '',
        i.instrument,
        `${i.schedule}, in force since ${i.inForceSince}; ${i.portfolios} portfolios, ${i.classes} classes`,
        '',
      ),
    ),
    ...r.fees.flatMap((f) => [
      line('fees paid', f.portfolio, f.class, 'distribution fee', r.quarter, f.distributionFee),
      line('fees paid', f.portfolio, f.class, 'service fee', r.quarter, f.serviceFee),
    ]),
    ...r.priorPeriodAdjustments.flatMap((a) => [
      line(
        'prior-period adjustments',
        a.portfolio,
        a.class,
        'distribution fee',
        `${a.month}, reported in ${a.reportedIn}`,
        a.distributionFee,
      ),
      line(
        'prior-period adjustments',
        a.portfolio,
        a.class,
        'service fee',
        `${a.month}, reported in ${a.reportedIn}`,
        a.serviceFee,
      ),
    ]),
    ...r.expenditures.map((e) =>
      line(
        'amounts spent',
        e.portfolio,
        e.class,
        e.purpose,
        [e.period, e.description].filter(Boolean).join(' '),
        e.amount,
      ),
    ),
    ...r.expendituresByPurpose.map((p) =>
      line('amounts spent by purpose', '', '', p.purpose, p.purposeLabel, p.amount),
    ),
    ...r.finraCap.map((c) =>
      line(
        'FINRA cap',
        c.portfolio,
        c.class,
        c.exhausted ? 'exhausted' : 'remaining',
        c.status.startsWith('within the cap; ') || c.status.startsWith('exhausted; ')
          ? c.status.slice(c.status.indexOf('; ') + 2)
          : `ledger from ${c.firstMonth}`,
        c.remaining,
      ),
    ),
    // FINRA 2341(d)(2): what the quarter collected after the cap was exhausted, as a line of its own
    ...r.finraCap
      .filter((c) => c.deferredCreditedToFund !== '0.00')
      .map((c) =>
        c.class === LEDGER_CDSC_CLASS && capStopMode() === 'warn'
          ? line(
              'FINRA cap',
              c.portfolio,
              c.class,
              'deferred sales charges collected after the cap was exhausted',
              `${r.quarter}: paid as Earned CDSC (Agreement FOURTH(D); PLAN12B_FINRA_CAP_STOP=warn); FINRA 2341(d)(2) would credit them to the fund`,
              c.deferredCreditedToFund,
            )
          : line(
              'FINRA cap',
              c.portfolio,
              c.class,
              'deferred sales charges credited to the fund',
              `${r.quarter}: collected after the cap was exhausted (FINRA 2341(d)(2))`,
              c.deferredCreditedToFund,
            ),
      ),
    ...(r.approvals ?? []).map((a) =>
      line(
        'approvals and votes',
        '',
        '',
        `${a.date} ${a.body}`,
        `${a.subject} (${a.scope}): ${a.vote}; ${a.approved ? 'approved' : 'not approved'}`,
        '',
      ),
    ),
    ...(r.continuance ?? []).map((c) =>
      line(
        'continuance deadlines',
        '',
        '',
        c.instrument,
        c.deadline === ''
          ? c.status
          : `${c.status}; deadline ${c.deadline}${c.source ? ` (${c.source})` : ''}`,
        '',
      ),
    ),
  ];
}
