import type { Database, Queryable } from '../../src/store/database.js';

/**
 * The store lent to the command: every statement goes to `db`, and after the first one has been
 * answered (inside the command's transaction, if it opened one) `afterFirst` runs to its end.
 */
export function holdAfterFirstStatement(db: Database, afterFirst: () => Promise<void>): Database {
  let pending: (() => Promise<void>) | undefined = afterFirst;
  const after = async <T>(result: T): Promise<T> => {
    const run = pending;
    pending = undefined;
    if (run) await run();
    return result;
  };
  const hooked = (q: Queryable): Queryable => ({
    query: async (sql, params) => after(await q.query(sql, params)),
    exec: async (sql) => after(await q.exec(sql)),
    copyIn: async (table, columns, rows) => after(await q.copyIn(table, columns, rows)),
    copyOut: async (sql) => after(await q.copyOut(sql)),
    textRows: async (sql) => after(await q.textRows(sql)),
    async *textRowChunks(sql, size) {
      let first = true;
      for await (const chunk of q.textRowChunks(sql, size)) {
        if (first) await after(undefined);
        first = false;
        yield chunk;
      }
    },
  });
  return {
    ...hooked(db),
    dialect: db.dialect,
    target: db.target,
    transaction: (fn, opts) => db.transaction((tx) => fn(hooked(tx)), opts),
    withWriterLock: (fn) => db.withWriterLock(fn),
    close: () => db.close(),
  };
}
