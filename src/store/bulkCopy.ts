import { decodeCopyRows } from './copyText.js';
import type { Queryable } from './database.js';

/**
 * Bulk paths of the store (issue 14 item 3): large reads and writes through COPY instead of
 * per-row query results and INSERT parameters. On PGlite, reading a million rows through `query()`
 * builds a JavaScript object per row inside the WebAssembly bridge; COPY hands back one block of
 * text. The same SQL runs on both stores (`Queryable.copyIn` / `copyOut`, database.ts).
 */

/** The rows of a query, read through COPY: every field its text form, or null. */
export async function copyRowsOut(q: Queryable, sql: string): Promise<(string | null)[][]> {
  return decodeCopyRows(await q.copyOut(sql));
}

let stagingCount = 0;

/**
 * Copies keys into a temporary staging table, runs fn with its name, and drops it: a set of
 * thousands of keys is joined to a table once instead of looked up key by key (idempotency
 * checks, what is already recorded). The table is this session's alone (a temporary table), and
 * its name unique within the process.
 */
export async function withStagedKeys<T>(
  q: Queryable,
  keys: readonly string[],
  fn: (table: string) => Promise<T>,
): Promise<T> {
  const table = `plan12b_staged_keys_${process.pid}_${++stagingCount}`;
  await q.query(`CREATE TEMPORARY TABLE ${table} (key text NOT NULL)`);
  try {
    await q.copyIn(
      table,
      ['key'],
      Array.from(new Set(keys), (k) => [k]),
    );
    await q.query(`ANALYZE ${table}`);
    return await fn(table);
  } finally {
    // After an error the transaction is aborted and its rollback drops the table anyway.
    await q.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  }
}
