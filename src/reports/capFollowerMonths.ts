import { closedMonthsInOrder } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { loadGrossSales } from '../store/finraCapRepository.js';

/**
 * FINRA Rule 2341 (SPEC §10) with SPEC §12: the remaining amount of a class's cap runs from month
 * to month, so a restated closed month changes the room — and the ABSC the cap allowed — in every
 * later month of that class's ledger. The closed months after the earliest restated one (before
 * `month`, the month reporting the adjustments) that were not restated themselves are recomputed
 * too, for the classes with a cap ledger only (gross sales recorded) and for their ABSC only (the
 * service fee is never cut): what they allow now less what they sealed is their own prior-period
 * adjustment, so that what the Fund pays in all stays what the ledger allows.
 */
export async function capFollowerMonths(
  q: Queryable,
  month: string,
  restated: readonly string[],
): Promise<{ readonly months: string[]; readonly classKeys: ReadonlySet<string> }> {
  const none = { months: [], classKeys: new Set<string>() };
  if (restated.length === 0) return none;
  const sales = await loadGrossSales(q);
  if (sales.length === 0) return none;
  const first = [...restated].sort()[0]!;
  const restatedSet = new Set(restated);
  const months = (await closedMonthsInOrder(q)).filter((m) => m > first && m < month && !restatedSet.has(m));
  return { months, classKeys: new Set(sales.map((s) => `${s.portfolioId}|${s.class}`)) };
}
