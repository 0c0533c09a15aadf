import { InternalError } from '../errors.js';
import type { Database, Queryable } from './database.js';

/**
 * Every read-only query answers from ONE snapshot of the database (SPEC §11, §12: concurrent
 * users): its statements run in one REPEATABLE READ, READ ONLY transaction, so a write committed
 * by another process while the query runs (an import, a close) is seen whole or not at all — never
 * lots after a redemption beside redemptions from before it, or a month's status from before a close
 * beside its results from after. On a PostgreSQL server the snapshot is taken at the transaction's
 * first statement and holds to its end; on PGlite the transaction holds the one connection, so no
 * other request's write lands between its statements (`plan12b serve`). Cursors
 * (`textRowChunks`) and COPY reads work inside it.
 *
 * Given a transaction's Queryable (a query already inside one, or a close reading with the
 * snapshot it writes from), fn runs in that transaction: snapshots nest by joining.
 */
export function readSnapshot<T>(q: Queryable, fn: (q: Queryable) => Promise<T>): Promise<T> {
  if (!isDatabase(q)) return fn(q);
  return q.transaction(fn, { isolation: 'repeatable read', readOnly: true }).catch((err: unknown) => {
    // read_only_sql_transaction inside a read: a query that tried to write is a bug in plan12b
    // (exit 70), not a database that accepts no writes (exit 69, what a write command gets)
    if ((err as { code?: unknown } | null)?.code === '25006') throw new InternalError(err as Error);
    throw err;
  });
}

/** A Database (it can open a transaction), not a transaction's own Queryable. */
function isDatabase(q: Queryable): q is Database {
  return typeof (q as Partial<Database>).transaction === 'function';
}

/**
 * `db` for a caller that may only read, and only in snapshots (a query command `plan12b serve`
 * answers for the CLI): a statement outside a transaction is a bug — a read that could mix the
 * state before and after another's write — refused as one (exit 70), whichever command it is.
 */
export function readsOnlyInSnapshots(db: Database): Database {
  const outside = (): never => {
    throw new InternalError(new Error('a query read the store outside one snapshot (readSnapshot)'));
  };
  return {
    dialect: db.dialect,
    target: db.target,
    query: outside,
    exec: outside,
    copyIn: outside,
    copyOut: outside,
    textRows: outside,
    textRowChunks: outside,
    transaction: (fn, opts) => db.transaction(fn, opts),
    withWriterLock: outside,
    close: outside,
  };
}
