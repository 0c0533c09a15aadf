import { faultPoint } from '../close/faultPoint.js';
import { appendAudit } from '../store/auditLog.js';
import { type ClosedPeriods, loadClosedPeriods } from '../store/closedPeriodsRepository.js';
import type { Database, Isolation, Queryable } from '../store/database.js';

/** What a state-changing command wrote, for its one audit record; null when it changed nothing. */
export interface StateChangeAudit {
  readonly subject: string;
  readonly contentHash: string;
  readonly detail?: string;
}

/**
 * The door for every state-changing command that is not a feed (rates set, provider terminate
 * and assign, exhibit import, close, …): under the writer lock, in one transaction, with the
 * closed periods read under that lock, and one audit record with the actor when it changed
 * something.
 */
export async function runStateChange<T>(
  db: Database,
  action: string,
  fn: (tx: Queryable, closed: ClosedPeriods) => Promise<{ result: T; audit: StateChangeAudit | null }>,
  opts: { isolation?: Isolation } = {},
): Promise<T> {
  return db.withWriterLock(() =>
    db.transaction(async (tx) => {
      const closed = await loadClosedPeriods(tx);
      const { result, audit } = await fn(tx, closed);
      if (audit) {
        await faultPoint(`change:${action}`);
        await appendAudit(tx, { action, ...audit });
      }
      return result;
    }, opts),
  );
}
