import { envNumber } from '../envNumber.js';

/**
 * The longest wait a timer can hold: Node fires a setTimeout above 2^31-1 ms after 1 ms, so a
 * longer wait would end at once (src/store/writerLock.ts Mutex, a server's queued writes).
 */
export const MAX_LOCK_WAIT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/**
 * How long a command waits for another one to finish with the data folder (src/store/writerLock.ts),
 * or for a query server that is starting on it (src/store/onDemandServe.ts):
 * $PLAN12B_LOCK_WAIT_SECONDS (0 to {@link MAX_LOCK_WAIT_SECONDS}; anything else is a usage error,
 * src/envNumber.ts), else 30 s. Its own module: the CLI's fast path reads it before anything else
 * is loaded.
 */
export function lockWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  return (
    envNumber('PLAN12B_LOCK_WAIT_SECONDS', 30, { min: 0, max: MAX_LOCK_WAIT_SECONDS, unit: 'seconds' }, env) *
    1000
  );
}
