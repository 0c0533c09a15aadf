/**
 * `plan12b transfers statement --assignee --month` (Agreement EIGHTH; SPEC §8): an Assignee's
 * statement across portfolios, from the same inputs as the month's Monthly Calculation — its
 * portions, the weights they were split by, its DOI-range shares and the lots and redemption
 * pieces behind them — as JSON, CSV and a printable PDF.
 */
import { toCsv } from '../cli/csvOut.js';
import { nextMonth } from '../close/closeOrder.js';
import { Plan12bError } from '../errors.js';
import { formatCents, parseCents } from '../money/cents.js';
import { closedMonthsInOrder } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { netAssetsFiguresAtClose } from '../store/netAssetsRepository.js';
import { closedMonthRecord, sealedPart, sealedPartsAfter } from '../store/sealedResultsRepository.js';
import {
  type AssigneeAdjustmentLine,
  type AssigneeStatement,
  assigneeStatement,
} from '../transfers/assigneeStatement.js';
import type { Transfer } from '../transfers/transfer.js';
import {
  type MonthlyCalculationReport,
  monthlyCalculationInputs,
  priorPeriodPayeeAdjustments,
} from './monthlyCalculationReport.js';
import { type AdjustmentSince, adjustmentsSince } from './sealedOrRecomputed.js';

/**
 * `basis` (SPEC §12: reading a closed month shows its sealed results, the adjustments since beside
 * them): `open`; `sealed` for a closed month — computed from the inputs it was sealed with (net
 * assets restated since its close keep their figure at the close; the due date its close sealed),
 * and checked line by line against the portions its sealed Monthly Calculation paid; `recomputed`
 * where that check fails (the statement is today's data, and `note` says where it differs).
 */
export type AssigneeStatementReport = AssigneeStatement & {
  readonly basis: 'open' | 'sealed' | 'recomputed';
  readonly close?: {
    readonly closedAt: string;
    readonly closedBy: string;
    readonly resultsHash: string | null;
  };
  readonly note?: string;
  readonly adjustmentsSince?: readonly AdjustmentSince[];
  /**
   * a closed month: the Assignee's own part of the adjustments of this month that later closes
   * reported (and paid with their months: each such month's `priorPeriodAdjustments`)
   */
  readonly assigneeAdjustmentsSince?: readonly AssigneeAdjustmentSince[];
  /**
   * an open month after the next to close: the Assignee's part of the restatements of closed
   * months recorded since the last close, which the next close reports and pays (SPEC §12: a
   * prior-period adjustment of the next open month) — not this month's, and not final until then
   */
  readonly pendingAdjustments?: AssigneePendingAdjustments;
};

/**
 * SPEC §12: what is pending for an Assignee when its statement is of an open month that is not the
 * next to close. The restatements recorded since the last close are adjustments of the next open
 * month, `reportedIn`; they are not in this month's `payable`, and may change (another
 * restatement, a withdrawn exhibit) until that month closes: `final` is false.
 */
export interface AssigneePendingAdjustments {
  /** the next month to close: its close reports them, and the Fund pays them with its payment */
  readonly reportedIn: string;
  readonly final: false;
  readonly lines: readonly AssigneePendingAdjustment[];
  /** Σ lines' adjustment */
  readonly total: string;
}

export type AssigneePendingAdjustment = Pick<
  AssigneeAdjustmentLine,
  | 'adjustsMonth'
  | 'portfolioId'
  | 'portfolio'
  | 'transferId'
  | 'twelveB1Adjustment'
  | 'cdscAdjustment'
  | 'adjustment'
>;

/** SPEC §12: the Assignee's part of a later close's prior-period adjustment of this month. */
export type AssigneeAdjustmentSince = Pick<
  AssigneeAdjustmentLine,
  'portfolioId' | 'portfolio' | 'transferId' | 'twelveB1Adjustment' | 'cdscAdjustment' | 'adjustment'
> & { readonly reportedIn: string };

export async function assigneeStatementReport(
  q: Queryable,
  assignee: string,
  month: string,
): Promise<AssigneeStatementReport> {
  const record = await closedMonthRecord(q, month);
  const sealedMc =
    record === null
      ? undefined
      : ((await sealedPart(q, month, 'monthly-calculation')) as MonthlyCalculationReport | undefined);
  const { inputs, transfers, registry, distributor, dueDate } = await monthlyCalculationInputs(
    q,
    month,
    record === null
      ? {}
      : {
          figuresAtClose: await netAssetsFiguresAtClose(q, [month]),
          ...(sealedMc ? { instructedDueDate: sealedMc.dueDate } : {}),
        },
  );
  if (!transfers.some((t) => t.assignee === assignee)) {
    const known = [...new Set(transfers.map((t) => t.assignee))].sort();
    throw new Plan12bError(
      'NOT_FOUND',
      `no Transfer names the Assignee "${assignee}"`,
      known.length > 0
        ? `Assignees recorded: ${known.join(', ')} (\`plan12b transfers list\`)`
        : 'import the Transfers first: `plan12b transfers import FILE`',
    );
  }
  // SPEC §12: the prior-period adjustments paid with this month — a closed month's as its close
  // sealed them, an open month's as its close would report them now
  const adjustmentsPaid =
    record === null
      ? await priorPeriodPayeeAdjustments(q, month, distributor)
      : (sealedMc?.priorPeriodAdjustments ?? []);
  const computed = assigneeStatement(
    assignee,
    month,
    inputs,
    transfers,
    (pid, date) => registry.identities.nameOn(pid, date),
    adjustmentsPaid,
  );
  // a month with no line for the Assignee still names the Distributor and the payment date
  const statement = { ...computed, distributor, dueDate };
  if (record === null) {
    const pending = await pendingAdjustmentsOf(q, month, assignee, distributor, transfers);
    return { ...statement, basis: 'open', ...(pending === undefined ? {} : { pendingAdjustments: pending }) };
  }
  const close = { closedAt: record.closedAt, closedBy: record.closedBy, resultsHash: record.resultsHash };
  const adjustments = await adjustmentsSince(q, month);
  const assigneeAdjustmentsSince = await assigneeAdjustmentsOf(q, month, assignee);
  const differences =
    sealedMc === undefined ? ['its close sealed no Monthly Calculation'] : unlikeSealed(statement, sealedMc);
  return differences.length === 0
    ? { ...statement, basis: 'sealed', close, adjustmentsSince: adjustments, assigneeAdjustmentsSince }
    : {
        ...statement,
        basis: 'recomputed',
        close,
        note: `not as sealed: ${differences.slice(0, 3).join('; ')}${differences.length > 3 ? `; and ${differences.length - 3} more` : ''}`,
        adjustmentsSince: adjustments,
        assigneeAdjustmentsSince,
      };
}

/**
 * SPEC §12: for an open month after the next to close, the Assignee's part of the prior-period
 * adjustments the next close would report now (as that month's own statement shows them); none
 * for the next month to close itself (they are its `priorPeriodAdjustments`) or with nothing pending.
 */
async function pendingAdjustmentsOf(
  q: Queryable,
  month: string,
  assignee: string,
  distributor: string,
  transfers: readonly Transfer[],
): Promise<AssigneePendingAdjustments | undefined> {
  const last = (await closedMonthsInOrder(q)).at(-1);
  if (last === undefined) return undefined;
  const next = nextMonth(last);
  if (month <= next) return undefined;
  const mine = new Set(transfers.filter((t) => t.assignee === assignee).map((t) => t.id));
  const lines = (await priorPeriodPayeeAdjustments(q, next, distributor))
    .filter((a) => a.role === 'Assignee' && a.payee === assignee && mine.has(a.transferId ?? ''))
    .map(
      (a): AssigneePendingAdjustment => ({
        adjustsMonth: a.month,
        portfolioId: a.portfolioId,
        portfolio: a.portfolio,
        transferId: a.transferId!,
        twelveB1Adjustment: a.twelveB1Difference,
        cdscAdjustment: a.cdscDifference,
        adjustment: a.difference,
      }),
    );
  if (lines.length === 0) return undefined;
  const total = lines.reduce((sum, a) => sum + parseCents(a.adjustment), 0n);
  return { reportedIn: next, final: false, lines, total: formatCents(total) };
}

/** The Assignee's rows of the prior-period adjustments of `month` that later closes sealed. */
async function assigneeAdjustmentsOf(
  q: Queryable,
  month: string,
  assignee: string,
): Promise<AssigneeAdjustmentSince[]> {
  const out: AssigneeAdjustmentSince[] = [];
  for (const part of await sealedPartsAfter(q, month, 'monthly-calculation'))
    for (const a of (part.content as MonthlyCalculationReport).priorPeriodAdjustments ?? [])
      if (a.month === month && a.role === 'Assignee' && a.payee === assignee)
        out.push({
          reportedIn: part.month,
          portfolioId: a.portfolioId,
          portfolio: a.portfolio,
          transferId: a.transferId ?? '',
          twelveB1Adjustment: a.twelveB1Difference,
          cdscAdjustment: a.cdscDifference,
          adjustment: a.difference,
        });
  return out;
}

/** Where a statement's portions differ from those the sealed Monthly Calculation paid, one phrase each. */
function unlikeSealed(statement: AssigneeStatement, mc: MonthlyCalculationReport): string[] {
  const out: string[] = [];
  for (const line of statement.lines) {
    const sealed = mc.portfolios
      .find((p) => p.portfolioId === line.portfolioId)
      ?.assignees.find((a) => a.transferId === line.transferId);
    if (sealed === undefined)
      out.push(`${line.portfolio} Transfer ${line.transferId}: not in the sealed Monthly Calculation`);
    else
      for (const field of ['twelveB1Portion', 'cdscPortion', 'owedOnToAssignee'] as const)
        if (sealed[field] !== line[field])
          out.push(
            `${line.portfolio} Transfer ${line.transferId}: ${field} ${line[field]}, sealed ${sealed[field]}`,
          );
  }
  for (const p of mc.portfolios)
    for (const a of p.assignees)
      if (
        a.assignee === statement.assignee &&
        !statement.lines.some((l) => l.portfolioId === p.portfolioId && l.transferId === a.transferId)
      )
        out.push(`${p.portfolio} Transfer ${a.transferId}: sealed, not in the statement`);
  return out;
}

export const ASSIGNEE_STATEMENT_COLUMNS = [
  'assignee',
  'month',
  'portfolio',
  'transfer_id',
  'row',
  'from',
  'to',
  'days',
  'distribution_fee',
  'distributor_12b1_share',
  'counted_on',
  'doi',
  'issuing_portfolio',
  'lots',
  'lot_id',
  'txn_id',
  'doi_range_shares',
  'distributor_shares',
  'weight_pct',
  'earned_cdsc',
  'portion_pct',
  'exact_portion',
  'twelve_b1_portion',
  'cdsc_portion',
  'total',
  // SPEC §8: whom the Fund pays, and what the Distributor is paid and owes on to the Assignee
  'pay_to',
  'owed_on_to_assignee',
  // SPEC §12: the closed month a prior-period adjustment row adjusts (`adjustment`, `adjusted-since`)
  'adjusts_month',
  'reported_in',
] as const;

export type CsvRow = Partial<Record<(typeof ASSIGNEE_STATEMENT_COLUMNS)[number], string | number | null>>;

/**
 * One CSV: per portfolio and Transfer a `portion` row (the amounts), its `segment` rows (one per
 * Exhibit A computation, with the weight applied) and their `period` rows (one per count), the
 * `lot` rows of its DOI-range shares at each count, its `cdsc-piece` rows; then a `total` row (the
 * month's own portions); then, when the month pays prior-period adjustments, an `adjustment` row
 * each and a `payable` row (what the Fund pays on the due date); then, for a closed month, the
 * `adjusted-since` rows (its adjustments later closes reported); for an open month after the next
 * to close, the `pending-adjustment` rows (what the next close, `reported_in`, would pay).
 */
export function assigneeStatementCsv(s: AssigneeStatement & Partial<AssigneeStatementReport>): string {
  return `${toCsv(ASSIGNEE_STATEMENT_COLUMNS, assigneeStatementRows(s))}\n`;
}

/** The lines of {@link assigneeStatementCsv} (and of `transfers statement --xlsx`), in order. */
export function assigneeStatementRows(s: AssigneeStatement & Partial<AssigneeStatementReport>): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const l of s.lines) {
    const base = { assignee: s.assignee, month: s.month, portfolio: l.portfolio, transfer_id: l.transferId };
    rows.push({
      ...base,
      row: 'portion',
      distribution_fee: l.distributionFee,
      distributor_12b1_share: l.distributor12b1Share,
      earned_cdsc: l.earnedCdsc,
      portion_pct: [l.twelveB1PortionPct ?? '', l.cdscPortionPct ?? ''].join('/'),
      twelve_b1_portion: l.twelveB1Portion,
      cdsc_portion: l.cdscPortion,
      total: l.total,
      pay_to: l.payTo,
      owed_on_to_assignee: l.owedOnToAssignee,
    });
    for (const g of l.segments) {
      rows.push({
        ...base,
        row: 'segment',
        from: g.from,
        to: g.to,
        days: g.days,
        distribution_fee: g.distributionFee,
        distributor_12b1_share: g.distributor12b1Share,
        weight_pct: g.weightPct,
        exact_portion: g.exactPortion,
        twelve_b1_portion: g.twelveB1Portion,
      });
      for (const p of g.periods)
        rows.push({
          ...base,
          row: 'period',
          from: p.from,
          to: p.to,
          days: p.days,
          distribution_fee: p.distributionFee,
          counted_on: p.countedOn,
          doi_range_shares: p.doiRangeShares,
          distributor_shares: p.distributorShares,
          weight_pct: p.doiRangeFractionPct,
          portion_pct: p.inForce ? l.twelveB1PortionPct : '0',
        });
    }
    for (const c of l.doiRangeCounts)
      for (const lot of c.lots)
        rows.push({
          ...base,
          row: 'lot',
          counted_on: c.countedOn,
          doi: lot.doi,
          issuing_portfolio: lot.issuingPortfolio,
          lots: lot.lots,
          doi_range_shares: lot.shares,
          distributor_shares: c.distributorShares,
        });
    for (const p of l.cdscPieces)
      rows.push({
        ...base,
        row: 'cdsc-piece',
        from: p.date,
        to: p.date,
        doi: p.doi,
        issuing_portfolio: p.issuingPortfolio,
        lot_id: p.lotId,
        txn_id: p.txnId,
        earned_cdsc: p.earnedCdsc,
        portion_pct: p.portionPct,
        exact_portion: p.exactPortion,
      });
  }
  rows.push({
    assignee: s.assignee,
    month: s.month,
    portfolio: 'Total',
    row: 'total',
    twelve_b1_portion: s.totals.twelveB1Portion,
    cdsc_portion: s.totals.cdscPortion,
    total: s.totals.total,
    ...(s.priorPeriodAdjustments.length === 0 ? { owed_on_to_assignee: s.totals.owedOnToAssignee } : {}),
  });
  if (s.priorPeriodAdjustments.length > 0) {
    for (const a of s.priorPeriodAdjustments)
      rows.push({
        assignee: s.assignee,
        month: s.month,
        portfolio: a.portfolio,
        transfer_id: a.transferId,
        row: 'adjustment',
        twelve_b1_portion: a.twelveB1Adjustment,
        cdsc_portion: a.cdscAdjustment,
        total: a.adjustment,
        pay_to: a.payTo,
        owed_on_to_assignee: a.owedOnToAssignee,
        adjusts_month: a.adjustsMonth,
      });
    rows.push({
      assignee: s.assignee,
      month: s.month,
      portfolio: 'Total',
      row: 'payable',
      total: s.totals.payable,
      owed_on_to_assignee: s.totals.owedOnToAssignee,
    });
  }
  // SPEC §12: pending for the next close, not this month's payable (`reported_in` that month)
  for (const a of s.pendingAdjustments?.lines ?? [])
    rows.push({
      assignee: s.assignee,
      month: s.month,
      portfolio: a.portfolio,
      transfer_id: a.transferId,
      row: 'pending-adjustment',
      twelve_b1_portion: a.twelveB1Adjustment,
      cdsc_portion: a.cdscAdjustment,
      total: a.adjustment,
      adjusts_month: a.adjustsMonth,
      reported_in: s.pendingAdjustments!.reportedIn,
    });
  for (const a of s.assigneeAdjustmentsSince ?? [])
    rows.push({
      assignee: s.assignee,
      month: s.month,
      portfolio: a.portfolio,
      transfer_id: a.transferId,
      row: 'adjusted-since',
      twelve_b1_portion: a.twelveB1Adjustment,
      cdsc_portion: a.cdscAdjustment,
      total: a.adjustment,
      adjusts_month: s.month,
      reported_in: a.reportedIn,
    });
  return rows;
}
