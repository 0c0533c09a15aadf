import type { CopyValue } from './copyText.js';
import type { Queryable } from './database.js';

/**
 * Bulk paths of the store (issue 14 item 3): large reads and writes through COPY instead of
 * per-row query results and INSERT parameters. On PGlite, reading a million rows through `query()`
 * builds a JavaScript object per row inside the WebAssembly bridge; COPY hands back one block of
 * text. The same SQL runs on both stores (`Queryable.copyIn` / `copyOut`, database.ts).
 */

let stagingCount = 0;

/**
 * Copies rows into a temporary staging table, runs fn with its name, and drops it: a set of
 * thousands of keys is joined to a table once instead of looked up key by key (idempotency
 * checks: what is already recorded). The table is this session's alone (a temporary table), its
 * name unique within the process. `columns`: name → SQL type.
 */
export async function withStagedRows<T>(
  q: Queryable,
  columns: Readonly<Record<string, string>>,
  rows: Iterable<readonly CopyValue[]>,
  fn: (table: string) => Promise<T>,
): Promise<T> {
  const table = `plan12b_staged_${process.pid}_${++stagingCount}`;
  const names = Object.keys(columns);
  await q.query(
    `CREATE TEMPORARY TABLE ${table} (${names.map((n) => `${n} ${columns[n]} NOT NULL`).join(', ')})`,
  );
  try {
    await q.copyIn(table, names, rows);
    await q.query(`ANALYZE ${table}`);
    return await fn(table);
  } finally {
    // After an error the transaction is aborted, and its rollback drops the table anyway.
    await q.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  }
}

/** withStagedRows for one text key column, `key` (duplicates staged once). */
export function withStagedKeys<T>(
  q: Queryable,
  keys: readonly string[],
  fn: (table: string) => Promise<T>,
): Promise<T> {
  // a row at a time, as COPY takes them (a million keys never built as arrays at once)
  const distinct = new Set(keys);
  return withStagedRows(
    q,
    { key: 'text' },
    (function* () {
      for (const k of distinct) yield [k];
    })(),
    fn,
  );
}
