import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import type { Database, Queryable, TransactionOptions } from '../../src/store/database.js';
import { readSnapshot, readsOnlyInSnapshots } from '../../src/store/readSnapshot.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * The read snapshot rule (docs/ARCHITECTURE.md; SPEC §11, §12): a query's statements run in one
 * REPEATABLE READ, READ ONLY transaction; a snapshot asked for inside one joins it; a store lent to
 * a forwarded query refuses a statement outside a snapshot as a bug.
 */

/** A Database that records the transactions it is asked for and the statements run. */
function recordingDatabase(): { db: Database; log: string[] } {
  const log: string[] = [];
  const q = (where: string): Queryable => ({
    query: async (sql) => {
      log.push(`${where}: ${sql}`);
      return [];
    },
    exec: async () => {},
    copyIn: async () => 0,
    copyOut: async () => '',
    textRows: async () => [],
    async *textRowChunks() {},
  });
  const db: Database = {
    ...q('outside'),
    dialect: 'postgres',
    target: 'recording',
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: TransactionOptions) {
      log.push(`BEGIN ${JSON.stringify(opts ?? {})}`);
      const out = await fn(q('in'));
      log.push('COMMIT');
      return out;
    },
    withWriterLock: (fn) => fn(),
    close: async () => {},
  };
  return { db, log };
}

describe('readSnapshot', () => {
  it('opens one repeatable read, read only transaction; a snapshot inside it joins it', async () => {
    const { db, log } = recordingDatabase();
    await readSnapshot(db, async (q) => {
      await q.query('SELECT 1');
      await readSnapshot(q, (inner) => inner.query('SELECT 2'));
    });
    expect(log).toEqual([
      'BEGIN {"isolation":"repeatable read","readOnly":true}',
      'in: SELECT 1',
      'in: SELECT 2',
      'COMMIT',
    ]);
  });

  it('a lent store refuses a statement outside a snapshot as a bug, and reads inside one', async () => {
    const { db, log } = recordingDatabase();
    const lent = readsOnlyInSnapshots(db);
    expect(() => lent.query('SELECT 1')).toThrow(InternalError);
    expect(() => lent.textRows('SELECT 1')).toThrow(/outside one snapshot/);
    await readSnapshot(lent, (q) => q.query('SELECT 3'));
    expect(log).toEqual(['BEGIN {"isolation":"repeatable read","readOnly":true}', 'in: SELECT 3', 'COMMIT']);
  });
});

describe.each(dialects)('a read snapshot on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('may not write: a query that writes fails on both stores alike as a bug (70), and nothing is written', async () => {
    // read_only_sql_transaction (25006) inside a read is plan12b's bug, not a store that accepts
    // no writes (69, which a write command gets from such a store)
    const err = await readSnapshot(db, (q) =>
      q.query("INSERT INTO setting (key, value, recorded_by) VALUES ('x', 'y', 'test')"),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalError);
    expect((err as InternalError).exitCode).toBe(70);
    expect((err as InternalError).causeError).toMatchObject({ code: '25006' });
    expect(await db.query("SELECT 1 FROM setting WHERE key = 'x'")).toEqual([]);
  });

  it('reads with a cursor and COPY inside it', async () => {
    const sql = 'SELECT g::text FROM generate_series(1, 5) g';
    const chunks = await readSnapshot(db, async (q) => {
      const out: (string | null)[][][] = [];
      for await (const chunk of q.textRowChunks(sql, { rows: 2, bytes: 4 })) out.push(chunk);
      return { out, copy: await q.copyOut(sql) };
    });
    expect(chunks.out.flat()).toEqual([['1'], ['2'], ['3'], ['4'], ['5']]);
    expect(chunks.copy).toBe('1\n2\n3\n4\n5\n');
  });
});
