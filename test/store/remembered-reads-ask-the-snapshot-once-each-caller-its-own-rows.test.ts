import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/store/database.js';
import { rememberedReads } from '../../src/store/rememberedReads.js';

/**
 * src/store/rememberedReads.ts: inside one read-only snapshot the same read reads the same rows, so
 * `what-if` asks each of a month's reads once for its before and after. What a caller gets is its
 * own copy; a failed read and chunked reads are asked again each time.
 */

/** A store that counts what it is asked and answers from a table of its own. */
function countingStore() {
  const asked: string[] = [];
  let failNext = false;
  const q: Queryable = {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      asked.push(`query ${sql} [${params.map(String).join(',')}]`);
      if (failNext) {
        failNext = false;
        throw new Error('connection lost');
      }
      return [{ sql, n: params[0] ?? null }] as R[];
    },
    async exec(sql) {
      asked.push(`exec ${sql}`);
    },
    async copyIn() {
      asked.push('copyIn');
      return 0;
    },
    async copyOut(sql) {
      asked.push(`copyOut ${sql}`);
      return 'a\tb\n';
    },
    async textRows(sql) {
      asked.push(`textRows ${sql}`);
      return [['1', null]];
    },
    async *textRowChunks(sql) {
      asked.push(`textRowChunks ${sql}`);
      yield [['1']];
    },
  };
  return { q, asked, failOnce: () => (failNext = true) };
}

describe('remembered reads', () => {
  it('ask the store once for the same read, and again for another', async () => {
    const store = countingStore();
    const r = rememberedReads(store.q);
    expect(await r.query('SELECT $1', [1])).toEqual([{ sql: 'SELECT $1', n: 1 }]);
    expect(await r.query('SELECT $1', [1])).toEqual([{ sql: 'SELECT $1', n: 1 }]);
    // other parameters (a bigint among them) are another read
    expect(await r.query('SELECT $1', [2n])).toEqual([{ sql: 'SELECT $1', n: 2n }]);
    expect(await r.textRows('SELECT x')).toEqual([['1', null]]);
    expect(await r.textRows('SELECT x')).toEqual([['1', null]]);
    expect(await r.copyOut('SELECT y')).toBe('a\tb\n');
    expect(await r.copyOut('SELECT y')).toBe('a\tb\n');
    // 6 reads asked, 4 distinct: query(1), query(2n), textRows, copyOut
    expect(store.asked).toEqual([
      'query SELECT $1 [1]',
      'query SELECT $1 [2]',
      'textRows SELECT x',
      'copyOut SELECT y',
    ]);
  });

  it('hand each caller rows of its own', async () => {
    const store = countingStore();
    const r = rememberedReads(store.q);
    const first = await r.textRows('SELECT x');
    first[0]![0] = 'edited';
    first.push(['added', null]);
    expect(await r.textRows('SELECT x')).toEqual([['1', null]]);
    const rows = await r.query<{ n: number }>('SELECT $1', [1]);
    rows[0]!.n = 99;
    expect(await r.query('SELECT $1', [1])).toEqual([{ sql: 'SELECT $1', n: 1 }]);
    expect(store.asked).toHaveLength(2);
  });

  it('ask again after a failed read, and pass writes and chunked reads through every time', async () => {
    const store = countingStore();
    const r = rememberedReads(store.q);
    store.failOnce();
    await expect(r.query('SELECT 1')).rejects.toThrow('connection lost');
    expect(await r.query('SELECT 1')).toEqual([{ sql: 'SELECT 1', n: null }]);
    await r.exec('SET x = 1');
    await r.exec('SET x = 1');
    // a statement through query() that is not a read: run each time, never answered from memory
    await r.query('CREATE TEMPORARY TABLE t (k text)');
    await r.query('CREATE TEMPORARY TABLE t (k text)');
    for (let i = 0; i < 2; i++)
      for await (const chunk of r.textRowChunks('SELECT z')) expect(chunk).toEqual([['1']]);
    expect(store.asked).toEqual([
      'query SELECT 1 []',
      'query SELECT 1 []',
      'exec SET x = 1',
      'exec SET x = 1',
      'query CREATE TEMPORARY TABLE t (k text) []',
      'query CREATE TEMPORARY TABLE t (k text) []',
      'textRowChunks SELECT z',
      'textRowChunks SELECT z',
    ]);
  });
});
