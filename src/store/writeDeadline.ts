import { AsyncLocalStorage } from 'node:async_hooks';
import { lockWaitMs } from './lockWait.js';

/**
 * When a write must have the writer lock by (SPEC §12: one writer at a time, a bounded wait). A CLI
 * command waits `PLAN12B_LOCK_WAIT_SECONDS` from the moment it asks for the lock. A write of
 * `plan12b serve` first waits for its turn among the server's writes (src/api/apiStore.ts) and
 * then, on a PostgreSQL server, for the lock another process holds: both out of one wait, the one
 * the CLI has, so that the deadline set when the request arrived is the one the lock honours.
 */
const deadlines = new AsyncLocalStorage<number>();

/** Runs fn with the writer lock to be had by `deadline` (ms since the epoch). */
export function withWriteDeadline<T>(deadline: number, fn: () => Promise<T>): Promise<T> {
  return deadlines.run(deadline, fn);
}

/** The deadline of the write running here: the one set for it, else the wait from now. */
export function writerLockDeadline(): number {
  return deadlines.getStore() ?? Date.now() + lockWaitMs();
}
