import type { ClassBMonthResult, MonthPassContext } from './monthPass.js';
import { compileMonthPass } from './monthPass.js';
import type { ClassBLedgerState, MonthTransactionColumns } from './monthPassColumns.js';

/** A chunk of accounts (e.g. 100,000) with their month's transactions. */
export interface ClassBMonthChunk {
  readonly state: ClassBLedgerState;
  readonly transactions: MonthTransactionColumns;
}

/**
 * Applies a month chunk by chunk: the caller's iterator reads the next chunk only when the last
 * one's result has been taken, so one chunk (and its result) is in memory at a time whatever the
 * number of accounts. The terms are compiled once for the month.
 * @example for (const r of applyMonthByChunks(ctx, chunksOf(store))) write(r)
 */
export function* applyMonthByChunks(
  ctx: MonthPassContext,
  chunks: Iterable<ClassBMonthChunk>,
): Generator<ClassBMonthResult> {
  const pass = compileMonthPass(ctx);
  for (const c of chunks) yield pass.apply(c.state, c.transactions);
}

/** {@link applyMonthByChunks} for chunks read asynchronously (a store's cursor). */
export async function* applyMonthByChunksAsync(
  ctx: MonthPassContext,
  chunks: AsyncIterable<ClassBMonthChunk>,
): AsyncGenerator<ClassBMonthResult> {
  const pass = compileMonthPass(ctx);
  for await (const c of chunks) yield pass.apply(c.state, c.transactions);
}
