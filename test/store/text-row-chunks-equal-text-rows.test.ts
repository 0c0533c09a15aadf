import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable, TextRowChunkSize } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Issue 14 (bounded memory): `textRowChunks` hands a large read over a chunk at a time (a cursor
 * on a server, slices of the COPY text on PGlite). Put back together, the chunks are `textRows`:
 * the same rows, the same strings, the same order — whatever the chunk size, even a slice shorter
 * than one line, and with multi-byte characters at a slice's edge.
 */
const hostile = fc.option(
  fc.oneof(
    fc.string({ unit: fc.constantFrom('\t', '\n', '\r', '\\', 'N', '.', 'a', 'é', '€', '𝄞', ' ') }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('', '\\N', '\\.', 'NULL'),
  ),
  { nil: null },
);

async function collect(q: Queryable, sql: string, size?: TextRowChunkSize) {
  const chunks: (string | null)[][][] = [];
  for await (const c of q.textRowChunks(sql, size)) chunks.push(c);
  return chunks;
}

describe.each(dialects)('textRowChunks on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const data = fc
    .sample(fc.tuple(hostile, hostile), { numRuns: 200, seed: 14 })
    .map(([a, b], n) => [String(n), a, b]);
  const sql = 'SELECT n::text AS key, a, b FROM chunk_probe ORDER BY chunk_probe.n';
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await db.query('CREATE TABLE chunk_probe (n integer PRIMARY KEY, a text, b text)');
    await db.transaction((tx) => tx.copyIn('chunk_probe', ['n', 'a', 'b'], data));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('gives the rows of textRows, chunk after chunk, at any chunk size', async () => {
    const whole = await db.textRows(sql);
    expect(whole).toEqual(data);
    for (const size of [undefined, { rows: 1, bytes: 1 }, { rows: 3, bytes: 7 }, { rows: 64, bytes: 300 }]) {
      // a cursor needs a transaction on a server: in one, the rows come in chunks of `rows`
      const inTx = await db.transaction((tx) => collect(tx, sql, size));
      expect(inTx.flat()).toEqual(whole);
      if (dialect === 'postgres' && size) expect(inTx.length).toBe(Math.ceil(whole.length / size.rows));
      if (dialect === 'pglite' && size) expect(inTx.length).toBeGreaterThan(1);
      expect((await collect(db, sql, size)).flat()).toEqual(whole);
    }
  });

  it('gives no chunk for no rows, and leaves the transaction usable', async () => {
    await db.transaction(async (tx) => {
      expect(await collect(tx, 'SELECT n::text FROM chunk_probe WHERE n < 0', { rows: 2, bytes: 4 })).toEqual(
        [],
      );
      // a read stopped after its first chunk closes its cursor; the next statement runs
      for await (const c of tx.textRowChunks(sql, { rows: 5, bytes: 50 })) {
        expect(c.length).toBeGreaterThan(0);
        break;
      }
      expect(await tx.textRows('SELECT count(*)::text FROM chunk_probe')).toEqual([[String(data.length)]]);
    });
  });
});
