import type { Queryable } from './database.js';

/**
 * Reads of one read-only snapshot (src/store/readSnapshot.ts), each asked of the store once: the
 * same SQL with the same parameters reads the same rows for as long as the snapshot lasts (a
 * read-only transaction creates, writes and advances nothing), so a second asking is answered
 * with a copy of the first answer. For work that asks the same of the store twice on purpose —
 * `what-if` computes each month before and after the rate change from the same inputs: Class B's
 * Monthly Calculation read the month's ledger, holdings and redemptions twice (SPEC §11: an answer
 * in seconds). Each caller gets rows of its own (a copy), so one that sorts or edits its rows
 * changes nothing another reads. Reads a chunk at a time (`textRowChunks`, `copyTextSlices`:
 * issue 14, bounded memory) and anything that is not a read pass through, never kept.
 */
export function rememberedReads(q: Queryable): Queryable {
  const answers = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let answer = answers.get(key) as Promise<T> | undefined;
    if (answer === undefined) {
      answer = read();
      answers.set(key, answer);
      // a failed read is not an answer: asked again, it is read again
      answer.catch(() => answers.delete(key));
    }
    return answer.then((a) => structuredClone(a));
  };
  const remembered: Queryable = {
    // a statement that is not a read (a staged table's CREATE, ANALYZE, DROP) runs every time
    query: <R>(sql: string, params: readonly unknown[] = []) =>
      READ.test(sql)
        ? once(`query\0${sql}\0${JSON.stringify(params, bigintAsText)}`, () => q.query<R>(sql, params))
        : q.query<R>(sql, params),
    exec: (sql) => q.exec(sql),
    copyIn: (table, columns, rows) => q.copyIn(table, columns, rows),
    copyOut: (sql) => once(`copyOut\0${sql}`, () => q.copyOut(sql)),
    textRows: (sql) => once(`textRows\0${sql}`, () => q.textRows(sql)),
    textRowChunks: (sql, size) => q.textRowChunks(sql, size),
  };
  const slices = q.copyTextSlices;
  if (slices !== undefined) remembered.copyTextSlices = (sql, size) => slices.call(q, sql, size);
  return remembered;
}

/** A statement that only reads: SELECT, WITH … SELECT, VALUES, TABLE. */
const READ = /^\s*(SELECT|WITH|VALUES|TABLE)\b/i;

/** A parameter's text in the key: JSON has no bigint. */
function bigintAsText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}
