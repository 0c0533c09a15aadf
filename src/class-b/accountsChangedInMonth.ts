import type { ClassBMonthResult } from './monthPass.js';
import type { MonthTransactionColumns } from './monthPassColumns.js';

/**
 * Which accounts of a chunk the month changed (issue 14 item 1): those with a transaction in the
 * month, and those with a conversion to Class A at its end (SPEC §6). Only these need a stored
 * state at the month end; the others' latest stored state is still exact. Indexes are the
 * accounts' places in the chunk's state (the pass keeps the accounts in the order it read them).
 * @example
 *   // accounts 7, 9, 12; a purchase of 9 in the month, a conversion of 12 at its end
 *   accountsChangedInMonth(result, transactions) // → [false, true, true]
 */
export function accountsChangedInMonth(
  result: ClassBMonthResult,
  transactions: MonthTransactionColumns,
): boolean[] {
  const keys = result.state.accounts.key;
  const changed = new Set<number>();
  for (let t = 0; t < transactions.count; t++) changed.add(transactions.account[t]!);
  for (let c = 0; c < result.conversions.count; c++) changed.add(result.conversions.account[c]!);
  return Array.from(keys, (k) => changed.has(k));
}
