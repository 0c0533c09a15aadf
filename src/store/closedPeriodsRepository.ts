import { monthOf } from '../calendar/isoDate.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * Closed periods (SPEC §12): the months sealed by `close`. Read under the writer lock, so that a
 * month cannot close between the check and the write it guards.
 */
export interface ClosedPeriods {
  readonly months: ReadonlySet<string>;
  /** the latest closed month, or null */
  readonly latest: string | null;
  /** the closed month that holds this date, or null */
  closedMonthOf(date: string): string | null;
}

export function closedPeriodsOf(months: Iterable<string>): ClosedPeriods {
  const set = new Set(months);
  const latest = [...set].sort().at(-1) ?? null;
  return {
    months: set,
    latest,
    closedMonthOf: (date) => (set.has(monthOf(date)) ? monthOf(date) : null),
  };
}

export async function loadClosedPeriods(q: Queryable): Promise<ClosedPeriods> {
  const rows = await typed(q).selectFrom('closed_month').select('month').execute();
  return closedPeriodsOf(rows.map((r) => r.month));
}
