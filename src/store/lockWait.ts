/**
 * How long a command waits for another one to finish with the data folder (src/store/writerLock.ts),
 * or for a query server that is starting on it (src/store/onDemandServe.ts):
 * $PLAN12B_LOCK_WAIT_SECONDS, else 30 s. Its own module: the CLI's fast path reads it before
 * anything else is loaded.
 */
export function lockWaitMs(): number {
  const v = Number(process.env.PLAN12B_LOCK_WAIT_SECONDS);
  return (Number.isFinite(v) && v >= 0 ? v : 30) * 1000;
}
