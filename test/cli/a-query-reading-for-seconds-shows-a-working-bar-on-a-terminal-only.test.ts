import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CliContext, withReadSnapshot } from '../../src/cli/context.js';
import { startProgress } from '../../src/cli/progress.js';
import { workingBarCells } from '../../src/cli/workingBar.js';
import type { Database, Queryable } from '../../src/store/database.js';
import { fakeTerminal } from '../support/fakeTerminal.js';

/**
 * Standing rule 7: long work shows progress on a terminal and stays quiet when piped. A query that
 * read for 6–8 s showed nothing until its answer. Its read (withReadSnapshot) now draws a working
 * bar on a terminal once it has taken a second: the command, a block moving to and fro and the
 * seconds so far, cleared before the answer. Piped, under --json, or for a read of less than a
 * second, nothing. The store here is a stand-in whose one query takes the time the test gives it
 * (fake timers: no real waiting).
 */
function storeTaking(ms: number): Database {
  const q = {
    async query() {
      await vi.advanceTimersByTimeAsync(ms);
      return [{ answer: 1 }];
    },
    transaction: (fn: (q: Queryable) => Promise<unknown>) => fn(q as unknown as Queryable),
  };
  return q as unknown as Database;
}

function context(opts: { interactive: boolean; json?: boolean; readMs: number }) {
  const { stream, drawn } = fakeTerminal();
  const store = storeTaking(opts.readMs);
  const ctx: CliContext = {
    dbTarget: 'unused',
    workload: 'query',
    out: () => {},
    err: () => {},
    interactive: opts.interactive,
    jsonAnswer: opts.json === true,
    progressStream: stream,
    lendStore: (fn) => fn(store),
  };
  return { ctx, drawn };
}

const read = (ctx: CliContext) => withReadSnapshot(ctx, (q) => q.query<{ answer: number }>('SELECT 1'));

describe('a query reading for seconds', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws a working bar with the seconds so far on a terminal, and clears it before the answer', async () => {
    vi.useFakeTimers();
    const { ctx, drawn } = context({ interactive: true, readMs: 3_100 });
    expect(await read(ctx)).toEqual([{ answer: 1 }]);
    const text = drawn();
    // drawn from 1 s, every 250 ms: at 1.00, 1.25, … 3.00 s (9 times), then cleared
    const frames = text.split('\r\x1b[2K').filter((f) => f !== '');
    expect(frames.length).toBe(9);
    expect(frames[0]).toBe(`plan12b: reading the store [${workingBarCells(0)}] 1 s`);
    expect(frames.at(-1)).toBe(`plan12b: reading the store [${workingBarCells(8)}] 3 s`);
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('gives the line up to a bar of the command its own, at once and for good', async () => {
    vi.useFakeTimers();
    const { ctx, drawn } = context({ interactive: true, readMs: 1_600 });
    let before = '';
    const answer = await withReadSnapshot(ctx, async (q) => {
      // 1.6 s: drawn at 1.00, 1.25, 1.50 s
      await q.query('SELECT 1');
      // a what-if starts its months bar (progress.ts): the working bar is cleared
      const own = startProgress(ctx, 'what-if: months', 12, 1);
      before = drawn();
      own.stop();
      // 1.6 s more: nothing more of the working bar
      return q.query('SELECT 1');
    });
    expect(answer).toEqual([{ answer: 1 }]);
    expect(before.split('\r\x1b[2K').filter((f) => f.startsWith('plan12b: reading')).length).toBe(3);
    expect(drawn().split('plan12b: reading the store').length - 1).toBe(3);
  });

  it('draws nothing when piped, under --json, or for a read of less than a second', async () => {
    vi.useFakeTimers();
    for (const given of [
      { interactive: false, readMs: 5_000 },
      { interactive: true, json: true, readMs: 5_000 },
      { interactive: true, readMs: 900 },
    ]) {
      const { ctx, drawn } = context(given);
      expect(await read(ctx)).toEqual([{ answer: 1 }]);
      expect(drawn(), JSON.stringify(given)).toBe('');
    }
  });

  it('moves a block of four cells across twenty and back', () => {
    expect(workingBarCells(0)).toBe(`████${' '.repeat(16)}`);
    expect(workingBarCells(16)).toBe(`${' '.repeat(16)}████`);
    expect(workingBarCells(17)).toBe(`${' '.repeat(15)}████ `);
    // 2 × 16 ticks: back where it started
    expect(workingBarCells(32)).toBe(workingBarCells(0));
  });
});
