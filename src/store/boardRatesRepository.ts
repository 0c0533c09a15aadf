import type { BoardRate } from '../registry/boardRate.js';
import type { Queryable } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

/** Board-set current rates (SPEC §2): recorded once, never edited. */

export async function loadBoardRates(q: Queryable): Promise<BoardRate[]> {
  const rows = await typed(q)
    .selectFrom('board_rate')
    .select([
      'portfolio_name',
      'class',
      'effective_date',
      'distribution_fee_pct',
      'service_fee_pct',
      'reason',
    ])
    .orderBy('effective_date')
    .orderBy(inByteOrder('portfolio_name'))
    .orderBy(inByteOrder('class'))
    .execute();
  return rows.map(boardRateOfRow);
}

/** Records a rate under the name the portfolio had on its effective date. */
export async function insertBoardRate(
  q: Queryable,
  rate: BoardRate & { portfolioNameThen: string; recordedBy: string },
): Promise<void> {
  await typed(q)
    .insertInto('board_rate')
    .values({
      portfolio_name: rate.portfolioNameThen,
      class: rate.class,
      effective_date: rate.effectiveDate,
      distribution_fee_pct: rate.distributionFeePct,
      service_fee_pct: rate.serviceFeePct,
      reason: rate.reason,
      recorded_by: rate.recordedBy,
    })
    .execute();
}

/**
 * The Board-set rates recorded since the audit log began (migration 5; every one since has its
 * `rates.set` record), for `audit verify` (SPEC §12).
 */
export async function boardRatesSinceTheLog(q: Queryable): Promise<BoardRate[]> {
  const rows = await q.query<BoardRateRow>(
    `SELECT portfolio_name, class, effective_date, distribution_fee_pct, service_fee_pct, reason
       FROM board_rate
      WHERE recorded_at >= coalesce((SELECT applied_at FROM schema_migration WHERE version = 5), '-infinity')
      ORDER BY effective_date, portfolio_name COLLATE "C", class COLLATE "C"`,
  );
  return rows.map(boardRateOfRow);
}

interface BoardRateRow {
  portfolio_name: string;
  class: string;
  effective_date: string;
  distribution_fee_pct: string | null;
  service_fee_pct: string | null;
  reason: string | null;
}

/** A board_rate row as the registry reads it. */
function boardRateOfRow(r: BoardRateRow): BoardRate {
  return {
    portfolio: r.portfolio_name,
    class: r.class,
    effectiveDate: r.effective_date,
    distributionFeePct: r.distribution_fee_pct,
    serviceFeePct: r.service_fee_pct,
    reason: r.reason,
  };
}
