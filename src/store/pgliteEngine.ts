import type { PGlite } from '@electric-sql/pglite';
import { pgliteCopyDevice } from './pgliteCopyDevice.js';

/**
 * What the embedded store needs of PGlite: statements, COPY's bytes in and out, and PGlite's
 * transactions. database.ts makes the store's `Queryable` of it; COPY's two ways (plan12b's device
 * or PGlite's /dev/blob) are decided here, once.
 */
export interface PgliteEngine {
  query(sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; affectedRows: number }>;
  exec(sql: string): Promise<void>;
  /** Runs `statement` (`COPY table (columns) FROM $FILE`) with `bytes` as the file; the rows copied. */
  copyFrom(statement: string, bytes: Uint8Array): Promise<number>;
  /** `COPY (sql) TO` a file: what it wrote, as pages in order. */
  copyTo(sql: string): Promise<Uint8Array[]>;
  transaction<T>(fn: (tx: PgliteEngine) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type PgliteQueries = Pick<PGlite, 'query' | 'exec'>;

/**
 * PGlite's statements as the store asks for them. COPY goes through plan12b's device (pgliteCopyDevice.ts) or, where that
 * cannot be made (or `blobCopy`), through PGlite's /dev/blob: the query's `blob` option is read by
 * COPY FROM, and what COPY TO writes comes back as the result's blob.
 */
export function pgliteEngine(db: PGlite, opts: { blobCopy: boolean }): PgliteEngine {
  const device = opts.blobCopy ? undefined : pgliteCopyDevice(db);
  const engineOf = (q: PgliteQueries): Omit<PgliteEngine, 'transaction' | 'close'> => ({
    async query(sql, params) {
      const res = await q.query(sql, params as unknown[]);
      return { rows: res.rows, affectedRows: res.affectedRows ?? 0 };
    },
    async exec(sql) {
      await q.exec(sql);
    },
    async copyFrom(statement, bytes) {
      const res =
        device === undefined
          ? await q.query(statement.replace('$FILE', "'/dev/blob'"), [], { blob: new Blob([bytes]) })
          : await device.copyFrom(bytes, (path) => q.query(statement.replace('$FILE', `'${path}'`)));
      return res.affectedRows ?? 0;
    },
    async copyTo(sql) {
      if (device !== undefined) return device.copyTo((path) => q.query(`COPY (${sql}) TO '${path}'`));
      const res = await q.query(`COPY (${sql}) TO '/dev/blob'`);
      return res.blob ? [new Uint8Array(await res.blob.arrayBuffer())] : [];
    },
  });
  return {
    ...engineOf(db),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          ...engineOf(tx),
          transaction: () => Promise.reject(new Error('nested transaction')),
          close: () => Promise.reject(new Error('close the store, not its transaction')),
        }),
      ),
    close: () => db.close(),
  };
}
