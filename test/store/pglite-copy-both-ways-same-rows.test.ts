import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, type Queryable } from '../../src/store/database.js';
import { emptyPgliteStore } from '../support/databases.js';
import { hostile } from '../support/hostileStrings.js';

// PGlite's COPY (pgliteCopy, src/store/pgliteCopyDevice.ts) takes one of
// two ways: plan12b's device file, or PGlite's /dev/blob (PLAN12B_PGLITE_COPY=blob, and where the
// device cannot be made). Through the store's Queryable both ways store the same rows and read
// them back the same — as text, as rows, and as row chunks of any slice size — inside a
// transaction and outside one; a bad COPY refuses the whole of it either way.

/**
 * Each way's store in a folder of its own holding a new store's database (a copy of the run's
 * initdb: an initdb in memory cost ~3 s of CPU). The way COPY takes is the same for either kind
 * of store.
 */
async function openWith(copy: 'device' | 'blob', folder: string): Promise<Database> {
  const before = process.env.PLAN12B_PGLITE_COPY;
  if (copy === 'blob') process.env.PLAN12B_PGLITE_COPY = 'blob';
  else delete process.env.PLAN12B_PGLITE_COPY;
  try {
    await emptyPgliteStore(folder);
    return await openDatabase(folder, { workload: 'query' });
  } finally {
    if (before === undefined) delete process.env.PLAN12B_PGLITE_COPY;
    else process.env.PLAN12B_PGLITE_COPY = before;
  }
}

async function chunksOf(q: Queryable, sql: string, bytes: number) {
  const out: (string | null)[][][] = [];
  for await (const c of q.textRowChunks(sql, { bytes })) out.push(c);
  return out;
}

describe('PGlite COPY through the device and through /dev/blob', () => {
  const stores: Record<'device' | 'blob', Database | undefined> = { device: undefined, blob: undefined };
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-copy-ways-'));
  beforeAll(async () => {
    for (const way of ['device', 'blob'] as const) {
      const db = await openWith(way, join(dir, way));
      await db.exec('CREATE TABLE r (id serial PRIMARY KEY, n integer NOT NULL, t text NOT NULL, u text)');
      stores[way] = db;
    }
  });
  afterAll(async () => {
    await stores.device?.close();
    await stores.blob?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores and reads back the same rows either way', async () => {
    const rowsOf = fc.array(fc.tuple(fc.integer(), hostile, fc.option(hostile, { nil: null })), {
      minLength: 1,
      maxLength: 30,
    });
    await fc.assert(
      fc.asyncProperty(rowsOf, fc.integer({ min: 1, max: 200 }), async (rows, sliceBytes) => {
        const seen: unknown[] = [];
        for (const way of ['device', 'blob'] as const) {
          const db = stores[way]!;
          await db.exec('TRUNCATE r RESTART IDENTITY');
          expect(await db.transaction((tx) => tx.copyIn('r', ['n', 't', 'u'], rows))).toBe(rows.length);
          const sql = 'SELECT n, t, u FROM r ORDER BY id';
          const text = await db.copyOut(sql);
          const whole = await db.textRows(sql);
          const chunks = await chunksOf(db, sql, sliceBytes);
          const inTx = await db.transaction(async (tx) => [
            await tx.textRows(sql),
            await chunksOf(tx, sql, sliceBytes),
          ]);
          expect(chunks.flat()).toEqual(whole);
          expect(inTx).toEqual([whole, chunks]);
          expect(whole.map((r) => [Number(r[0]), r[1], r[2]])).toEqual(rows);
          seen.push([text, whole, chunks]);
        }
        expect(seen[1]).toEqual(seen[0]);
      }),
      { numRuns: 40, seed: 28 },
    );
  });

  it('refuses a bad COPY whole either way, and the store goes on', async () => {
    for (const way of ['device', 'blob'] as const) {
      const db = stores[way]!;
      await db.exec('TRUNCATE r RESTART IDENTITY');
      const bad = new TextEncoder().encode('1\ta\t\\N\nnot a number\tb\t\\N\n');
      await expect(
        db.transaction((tx) => tx.copyIn('r', ['n', 't', 'u'], bad)),
        way,
      ).rejects.toThrow(/integer/);
      expect(await db.textRows('SELECT count(*) FROM r'), way).toEqual([['0']]);
      expect(await db.copyIn('r', ['n', 't', 'u'], [[1, 'a', null]]), way).toBe(1);
    }
  });
});
