import { keptHoldingsAsSealed } from '../audit/monthInputsDigest.js';
import { monthEnd } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { sealedInputsDigests } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { keptHoldingsText, type StoredExhibitAHoldings } from '../store/exhibitAHoldingsRepository.js';

/** Per transaction: each closed month's kept holdings, read as sealed or not (a close asks more than once). */
const asSealedByTransaction = new WeakMap<Queryable, Map<string, boolean | null>>();

/**
 * SPEC §12 (a closed month is locked; what was changed outside plan12b is exit 69): a close reads
 * Exhibit A's holdings an earlier close kept (`exhibit_a_holdings`) instead of recounting the lots.
 * A row changed by SQL with its totals kept — two distributors' Free Shares swapped — passed every
 * check of the close, which sealed results paid by it (hostile5; only `audit verify` named the
 * table). So each kept row a close relies on is checked against the seal of the closed month that
 * kept it (the first closed month whose end is on or after the row's date: its digest covers the
 * rows after the month before's end). Where that seal still holds, the row is as kept; where it no
 * longer does, the rows the close relies on from that month are recounted from the Class B ledger
 * and one that differs is refused. (A seal can no longer hold without this row having changed — a
 * later close that kept a row for a date of that month, a row the close does not read changed —
 * and then the recount, equal, lets the close go on.)
 */
export async function refuseKeptHoldingsContradicted(
  q: Queryable,
  found: ReadonlyMap<string, StoredExhibitAHoldings>,
  recount: (
    requests: ReadonlyMap<string, readonly string[]>,
  ) => Promise<ReadonlyMap<string, ReadonlyMap<string, StoredExhibitAHoldings>>>,
): Promise<void> {
  if (found.size === 0) return;
  const sealed = await sealedInputsDigests(q);
  const byMonth = new Map<string, string[]>();
  for (const key of found.keys()) {
    const date = key.slice(key.lastIndexOf('|') + 1);
    const covering = sealed.find((s) => monthEnd(s.month) >= date);
    if (covering === undefined) continue; // dated in the month being closed: this close kept it
    byMonth.set(covering.month, [...(byMonth.get(covering.month) ?? []), key]);
  }
  const cache = asSealedByTransaction.get(q) ?? new Map<string, boolean | null>();
  asSealedByTransaction.set(q, cache);
  for (const [month, keys] of byMonth) {
    if (!cache.has(month))
      cache.set(
        month,
        await keptHoldingsAsSealed(q, month, sealed.find((s) => s.month === month)!.inputsDigest),
      );
    if (cache.get(month) !== false) continue;
    const requests = new Map<string, string[]>();
    for (const key of keys) {
      const bar = key.lastIndexOf('|');
      const pid = key.slice(0, bar);
      requests.set(pid, [...(requests.get(pid) ?? []), key.slice(bar + 1)]);
    }
    const recounted = await recount(requests);
    for (const [pid, dates] of requests)
      for (const date of dates) {
        const now = recounted.get(pid)?.get(date);
        if (now === undefined || keptHoldingsText(now) !== keptHoldingsText(found.get(`${pid}|${date}`)!))
          throw new Plan12bError(
            'DATABASE',
            `${pid} ${date}: the Exhibit A holdings kept in exhibit_a_holdings are not as the close of ${month} sealed them, and a recount from the Class B ledger differs: the table was changed outside plan12b`,
            'run `plan12b audit verify` to find what changed, and restore the database from a backup',
          );
      }
  }
}
