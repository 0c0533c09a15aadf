/**
 * `plan12b transfers statement --assignee --month` (Agreement EIGHTH; SPEC §8): an Assignee's
 * statement across portfolios, from the same inputs as the month's Monthly Calculation — its
 * portions, the weights they were split by, its DOI-range shares and the lots and redemption
 * pieces behind them — as JSON, CSV and a printable PDF.
 */
import { toCsv } from '../cli/csvOut.js';
import { Plan12bError } from '../errors.js';
import type { Queryable } from '../store/database.js';
import { closedMonthRecord } from '../store/sealedResultsRepository.js';
import { type AssigneeStatement, assigneeStatement } from '../transfers/assigneeStatement.js';
import { monthlyCalculationInputs } from './monthlyCalculationReport.js';

/**
 * `basis`: `open`, or `recomputed` for a closed month — computed from today's data, so a
 * restatement since the close shows here, while the sealed Monthly Calculation keeps what was paid
 * and the next month's shows the difference (SPEC §12).
 */
export type AssigneeStatementReport = AssigneeStatement & { readonly basis: 'open' | 'recomputed' };

export async function assigneeStatementReport(
  q: Queryable,
  assignee: string,
  month: string,
): Promise<AssigneeStatementReport> {
  const { inputs, transfers, registry } = await monthlyCalculationInputs(q, month);
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
  const statement = assigneeStatement(assignee, month, inputs, transfers, (pid, date) =>
    registry.identities.get(pid) ? registry.identities.nameOn(pid, date) : pid,
  );
  return { ...statement, basis: (await closedMonthRecord(q, month)) === null ? 'open' : 'recomputed' };
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
] as const;

type CsvRow = Partial<Record<(typeof ASSIGNEE_STATEMENT_COLUMNS)[number], string | number | null>>;

/**
 * One CSV: per portfolio and Transfer a `portion` row (the amounts), its `segment` rows (one per
 * Exhibit A computation, with the weight applied) and their `period` rows (one per count), the
 * `lot` rows of its DOI-range shares at each count, its `cdsc-piece` rows; then a `total` row.
 */
export function assigneeStatementCsv(s: AssigneeStatement): string {
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
  });
  return `${toCsv(ASSIGNEE_STATEMENT_COLUMNS, rows)}\n`;
}
