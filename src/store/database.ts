import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import type { Client as PgClient } from 'pg';
import { Plan12bError } from '../errors.js';
import { unprintableReason } from '../import/statedText.js';
import { type CopyValue, decodeCopyRows } from './copyText.js';
import { COPY_CHUNK_ROWS, encodeCopyRowsBytes } from './copyTextBytes.js';
import { defaultDatabaseTarget, isServerUrl } from './databaseTarget.js';
import { fullFileSystem } from './fullFileSystem.js';
import { initialClusterFor } from './initialCluster.js';
import { copyRowChunksOfPages, copyTextSlicesOfPages, pgliteCopy, textOfPages } from './pgliteCopyDevice.js';
import { installPgliteMemoryPool, keepClosedStoreMemory, type WasmMemory } from './pgliteMemoryPool.js';
import { readOnlyFolder } from './readOnlyFolder.js';
import { removeRegistrySnapshot } from './registrySnapshotFile.js';
import { currentRunningCommand } from './runningCommand.js';
import { lockHolderOfSession, thisSessionName } from './serverSessionName.js';
import { writerLockDeadline } from './writeDeadline.js';
import {
  canonicalDataFolder,
  dataFolderLockPath,
  inUseError,
  lockDataFolder,
  Mutex,
  waitingNotice,
} from './writerLock.js';

export { setRunningCommand } from './runningCommand.js';

/** What the store needs of a PostgreSQL connection: the same SQL runs on PGlite and a server. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk write: `COPY table (columns) FROM` the rows (or text already in COPY text format, see
   * copyText.ts, as a string or as its UTF-8 bytes: copyTextBytes.ts). Many times faster than
   * INSERTs for large sets; inside a transaction it is part of it. Returns the rows copied.
   */
  copyIn(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]> | string | Uint8Array,
  ): Promise<number>;
  /** Bulk read: `COPY (sql) TO` the client, in COPY text format (decode with copyText.ts). */
  copyOut(sql: string): Promise<string>;
  /**
   * A large read's rows as text fields (null for NULL), by the store's faster path, measured
   * (docs/PERFORMANCE.md, "Bulk paths"): COPY on PGlite, where `query()` builds an object per row
   * across the WebAssembly bridge (3.5× slower); the wire protocol's text rows on a server, where
   * the driver's row parser beats decoding COPY text in JavaScript. The SQL takes no parameters.
   */
  textRows(sql: string): Promise<(string | null)[][]>;
  /**
   * The rows of textRows, the same in the same order, handed over a chunk at a time, so that a
   * read of a whole month (a million transactions) never holds its rows at once (issue 14: bounded
   * memory). On a server a cursor of the transaction (FETCH, {@link TEXT_ROW_CHUNK_ROWS} rows at a
   * time; outside a transaction the rows come in one chunk); on PGlite one COPY, whose text is
   * decoded {@link TEXT_ROW_CHUNK_BYTES} at a time (FETCH through PGlite's `query()` was 4×
   * slower, docs/PERFORMANCE.md). The SQL takes no parameters.
   */
  textRowChunks(sql: string, size?: TextRowChunkSize): AsyncIterable<(string | null)[][]>;
  /**
   * PGlite only: the COPY text of textRowChunks' read, undecoded, in slices of whole lines, for a
   * reader that works on the bytes (the inputs digest, audit/copyTextRowsJson.ts). A server has
   * none: there the driver's rows are the faster read.
   */
  copyTextSlices?(sql: string, size?: TextRowChunkSize): AsyncIterable<Uint8Array>;
}

/** How much {@link Queryable.textRowChunks} hands over at a time (smaller in tests). */
export interface TextRowChunkSize {
  /** rows per FETCH on a server */
  readonly rows?: number;
  /** bytes of COPY text decoded at a time on PGlite */
  readonly bytes?: number;
}

/** Rows per FETCH of {@link Queryable.textRowChunks} on a server. */
export const TEXT_ROW_CHUNK_ROWS = 50_000;
/** Bytes of COPY text decoded at a time by {@link Queryable.textRowChunks} on PGlite. */
export const TEXT_ROW_CHUNK_BYTES = 4 * 2 ** 20;

let cursorCount = 0;

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  readonly isolation?: Isolation;
  readonly readOnly?: boolean;
}

export interface Database extends Queryable {
  readonly dialect: 'pglite' | 'postgres';
  readonly target: string;
  /**
   * Runs fn in one transaction: all of it is written, or none of it. `readOnly`: the transaction
   * may write nothing (a query's snapshot, `readSnapshot.ts`).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /**
   * Runs fn holding the database's writer lock (SPEC §12: one writer at a time): on a server a
   * PostgreSQL advisory lock of this schema, waited for a bounded time; on PGlite the data folder
   * is already this process's alone, and writers inside the process take turns.
   */
  withWriterLock<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * A server session that has ended under this store (a restart, a terminated backend, a broken
   * socket): nothing it is asked will be answered, so a long-lived holder (`plan12b serve`'s pool,
   * src/api/apiStore.ts) opens another. Embedded PGlite has no session to lose: absent.
   */
  connectionLost?(): boolean;
  close(): Promise<void>;
}

/** Numerics, dates and bigints come back as strings: precision is never lost (cf. Drizzle). */
const PG_OIDS = { NUMERIC: 1700, INT8: 20, DATE: 1082 } as const;

export { defaultDatabaseTarget, isServerUrl } from './databaseTarget.js';

/**
 * PGlite's own start parameters (its defaults, see `PGlite.defaultStartParams` in its source), with
 * the shared buffer pool sized for the workload. PostgreSQL zeroes the whole pool at start: at the
 * server default of 128 MB that alone is about 0.35 s of a command's start, while a query reads a
 * few MB (the data folder is read through the operating system's page cache either way), so a
 * query starts with 16 MB. `PLAN12B_PGLITE_SHARED_BUFFERS=256MB` sets it for any workload.
 */
const PGLITE_START_PARAMS = [
  '--single',
  '-F',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
];
/**
 * What a command does with the store: answer a `query` with a few statements (start quickly), or
 * `long-work` — a close, an import, the server — which gets PostgreSQL's own default pool.
 */
export type StoreWorkload = 'query' | 'long-work';
const PGLITE_SHARED_BUFFERS: Record<StoreWorkload, string> = { query: '16MB', 'long-work': '128MB' };

function pgliteStartParams(workload: StoreWorkload): string[] {
  const buffers = process.env.PLAN12B_PGLITE_SHARED_BUFFERS ?? PGLITE_SHARED_BUFFERS[workload];
  if (!/^\d+(kB|MB|GB)$/.test(buffers))
    throw new Plan12bError(
      'USAGE',
      `PLAN12B_PGLITE_SHARED_BUFFERS must be a size such as 16MB or 1GB, not "${buffers}"`,
      'set it to a whole number of kB, MB or GB (256MB for a bulk load), or unset it for the default',
    );
  // A single-user backend: a handful of connection slots is all it has.
  return [...PGLITE_START_PARAMS, '-c', `shared_buffers=${buffers}`, '-c', 'max_connections=10'];
}

/**
 * PostgreSQL text cannot hold a NUL character: a statement or a parameter with one would fail in
 * the database as a protocol or encoding error (PGlite: SQLSTATE 08P01 or 22021), which reads as
 * the database's fault or a bug. Every text reaching the store comes from a command's arguments, a
 * request or a file (files with NUL bytes are refused as binary first), so one here is the
 * question's: exit 64 / HTTP 400, with what to do.
 */
function refuseNulText(sql: string, params: readonly unknown[]): void {
  if (sql.includes('\0') || params.some((p) => typeof p === 'string' && p.includes('\0')))
    throw new Plan12bError(
      'USAGE',
      'a text given to plan12b holds a NUL character, which it cannot keep or look up',
      'remove the NUL (\\0) from the name, date or text and ask again',
    );
}

async function openPglite(path: string, workload: StoreWorkload): Promise<Database> {
  const identity = (v: string) => v;
  let release = () => {};
  if (path !== ':memory:') {
    const abs = resolve(path);
    if (!existsSync(dirname(abs))) mkdirSync(dirname(abs), { recursive: true });
    release = await lockDataFolder(
      path,
      dataFolderLockPath(abs),
      `${currentRunningCommand()}, since ${new Date().toISOString()}`,
    );
    try {
      refuseFolderOfOtherFiles(path);
    } catch (e) {
      release();
      throw e;
    }
  }
  let db: PGlite;
  installPgliteMemoryPool();
  try {
    // the folder by its real path: PGlite's file system cannot open a data folder through a link
    const folder = path === ':memory:' ? undefined : canonicalDataFolder(path);
    db = await PGlite.create(folder, {
      loadDataDir: initialClusterFor(folder),
      startParams: pgliteStartParams(workload),
      parsers: {
        [pgliteTypes.NUMERIC]: identity,
        [pgliteTypes.INT8]: identity,
        [pgliteTypes.DATE]: identity,
      },
    });
  } catch (e) {
    release();
    throw e;
  }
  const writers = new Mutex();
  // PLAN12B_PGLITE_COPY=blob: COPY through PGlite's /dev/blob (a diagnostic; the same bytes, slower)
  const copy = pgliteCopy(db, { blobCopy: process.env.PLAN12B_PGLITE_COPY === 'blob' });
  const copyOutText = async (q: { query: PGlite['query'] }, sql: string): Promise<string> =>
    textOfPages(await copy.to(q, sql));
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      refuseNulText(sql, params);
      const res = await q.query<R>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async copyIn(table, columns, rows) {
      const statement = copyFromStatement(table, columns, '$FILE');
      let n = 0;
      for (const text of copyTextChunks(rows))
        n += await copy.from(q, statement, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
      return n;
    },
    copyOut: (sql) => copyOutText(q, sql),
    async textRows(sql) {
      return decodeCopyRows(await copyOutText(q, sql));
    },
    async *textRowChunks(sql, size) {
      yield* copyRowChunksOfPages(await copy.to(q, sql), size?.bytes ?? TEXT_ROW_CHUNK_BYTES);
    },
    async *copyTextSlices(sql, size) {
      yield* copyTextSlicesOfPages(await copy.to(q, sql), size?.bytes ?? TEXT_ROW_CHUNK_BYTES);
    },
  });
  return {
    dialect: 'pglite',
    target: path,
    ...wrap(db),
    // PGlite runs one transaction at a time and every snapshot is the whole database's; a read-only
    // one is marked so all the same, so that a query that writes fails on both stores alike.
    transaction: (fn, opts) =>
      db.transaction(async (tx) => {
        if (opts?.readOnly) await tx.query('SET TRANSACTION READ ONLY');
        return fn(wrap(tx));
      }),
    withWriterLock: (fn) => writers.run(fn),
    async close() {
      // PGlite's module (a protected field): its memory is kept for the next open once closed
      const memory = (db as unknown as { mod?: { wasmMemory?: WasmMemory } }).mod?.wasmMemory;
      if (path === ':memory:') {
        await db.close();
        keepClosedStoreMemory(memory);
        return;
      }
      // The registry snapshot beside the folder (issue 13 item 4): its inputs are read while the
      // store is open, and it is stamped after PGlite has closed the folder, before the lock goes.
      // A snapshot that cannot be written is no answer lost: its readers open the store.
      const { registrySnapshotAtClose } = await import('./registrySnapshotWriter.js');
      const stamp = await registrySnapshotAtClose(wrap(db), path);
      let closed = false;
      try {
        await db.close();
        closed = true;
        keepClosedStoreMemory(memory);
      } finally {
        try {
          if (closed) stamp();
          else removeRegistrySnapshot(path);
        } catch {}
        release();
      }
    },
  };
}

/**
 * A server by URL. `?schema=NAME` selects (and creates) a schema, so that tests and several
 * complexes can share one database. `existing`: the store must be there already (a query: SPEC
 * §11, as an embedded folder that does not exist is not found) — the schema is not created, and
 * a database or schema without plan12b's schema is refused (exit 66) with nothing created.
 */
async function openServer(url: string, opts: { existing?: boolean } = {}): Promise<Database> {
  // Loaded here, not at start-up: a command on the embedded store never needs the driver.
  const { default: pg } = await import('pg');
  const u = serverUrlOf(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema) refuseSchemaName(schema);
  const identity = (v: string) => v;
  const client = new pg.Client({
    connectionString: u.toString(),
    application_name: thisSessionName(currentRunningCommand()),
    connectionTimeoutMillis: connectTimeoutMs(u),
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === PG_OIDS.NUMERIC || oid === PG_OIDS.INT8 || oid === PG_OIDS.DATE
          ? identity
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  try {
    await client.connect();
  } catch (err) {
    throw new Plan12bError(
      'DATABASE',
      `cannot connect to ${u.host}: ${
        (err as Error).message === 'timeout expired'
          ? `no answer in ${connectTimeoutMs(u) / 1000} s (connect_timeout in the URL, or $PGCONNECT_TIMEOUT, sets how long)`
          : (err as Error).message
      }`,
      'check that the PostgreSQL server is running and the URL is right',
    );
  }
  client.on('error', () => {});
  let storeSchema: string;
  try {
    storeSchema = await settleServerSession(client, url, schema, opts.existing === true);
  } catch (err) {
    // a refusal after connecting ends the connection: an open socket kept the process alive
    // after its error was printed (a `?schema=` of another's name hung the command for good)
    await client.end().catch(() => {});
    throw err;
  }
  return serverDatabase(client, url, storeSchema);
}

/**
 * How long connecting may take: the URL's `connect_timeout` (seconds, as libpq reads it; 0 waits
 * for ever), else $PGCONNECT_TIMEOUT, else 30 s. node-postgres waits for ever by default: a URL
 * whose port accepts connections and never answers (a proxy, a tunnel to nowhere, another
 * service) hung the command for good instead of saying the database cannot be reached (exit 69).
 */
export function connectTimeoutMs(u: URL, env: NodeJS.ProcessEnv = process.env): number {
  for (const v of [u.searchParams.get('connect_timeout'), env.PGCONNECT_TIMEOUT]) {
    if (v === null || v === undefined || v.trim() === '') continue;
    const seconds = Number(v);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  }
  return 30_000;
}

/**
 * `--db postgres://…` parsed: a URL that is not one (a port above 65535, a bad escape) is the
 * command line's fault (exit 64), not a bug.
 */
function serverUrlOf(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Plan12bError(
      'USAGE',
      `the database ${redactUrl(url)} is not a valid URL`,
      'write it as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME], the port 1–65535 and reserved characters %-encoded',
    );
  }
}

/**
 * A `?schema=` plan12b can create and name without quoting: lower-case letters, digits and
 * underscores, not PostgreSQL's own (`pg_…`, information_schema), at most 63 bytes.
 */
function refuseSchemaName(schema: string): void {
  if (
    /^[a-z_][a-z0-9_]*$/.test(schema) &&
    !schema.startsWith('pg_') &&
    schema !== 'information_schema' &&
    schema.length <= 63
  )
    return;
  throw new Plan12bError(
    'USAGE',
    `bad schema name ${JSON.stringify(schema)} in the database URL`,
    "a plan12b schema's name is lower-case letters, digits and underscores (at most 63), not starting with pg_ nor information_schema",
  );
}

async function settleServerSession(
  client: PgClient,
  url: string,
  schema: string | null,
  existing: boolean,
): Promise<string> {
  // The session speaks as PGlite does, whatever the server's or the database's own defaults: a
  // database set to DateStyle 'SQL, DMY' printed dates as 03/12/2025 (and the import stopped, exit
  // 70), one set to standard_conforming_strings off would read a backslash in a quoted name as an
  // escape (sqlTextLiteral doubles quotes only), and timestamps would print in its time zone.
  // Its time limits too (below). Names come in any script: a database that cannot hold them all
  // (LATIN1, SQL_ASCII) is refused before anything is read or written (on LATIN1 even the
  // migrations failed, as a bug: exit 70). One round trip for both.
  const settled = (await client.query(
    `${SERVER_SESSION_SETTINGS}; SELECT current_setting('server_encoding') AS encoding, current_schema() AS schema`,
  )) as unknown as { rows: { encoding?: string; schema?: string | null }[] }[];
  const { encoding, schema: defaultSchema } = settled[settled.length - 1]!.rows[0]!;
  if (encoding !== 'UTF8') {
    await client.end().catch(() => {});
    throw new Plan12bError(
      'DATABASE',
      `the database ${redactUrl(url)} is encoded ${encoding}: plan12b keeps names in any script and needs a UTF8 database`,
      "create one with CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0, and point --db at it",
    );
  }
  if (schema) {
    if (!existing) await createSchemaIfMissing(client, schema);
    await client.query(`SET search_path TO ${schema}`);
  }
  if (existing) await requireServerStore(client, url, schema);
  // the schema the store's tables are in: the one named, else the first of the search path
  return schema ?? defaultSchema ?? 'public';
}

/**
 * A query reads a store that exists (SPEC §11: the same answer on both stores): a database or
 * `?schema=` without plan12b's schema — a mistyped name, a URL without a database that libpq
 * takes for the user's own — is not found (exit 66), as a missing embedded folder is; answering
 * from a store migrated on the spot printed empty fees as if there were none, and left plan12b's
 * tables in a database that never was a store.
 */
async function requireServerStore(client: PgClient, url: string, schema: string | null): Promise<void> {
  const { rows } = await client.query(
    `SELECT current_database() AS database, to_regclass('schema_migration') IS NOT NULL AS ours,
            $1::text IS NULL OR EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS schema_exists`,
    [schema],
  );
  const r = rows[0] as { database: string; ours: boolean; schema_exists: boolean };
  if (r.ours) return;
  throw new Plan12bError(
    'NOT_FOUND',
    `there is no plan12b database at ${redactUrl(url)}: ${
      schema === null
        ? `the database ${r.database} holds no plan12b store`
        : r.schema_exists
          ? `the schema ${schema} of the database ${r.database} holds no plan12b store`
          : `the database ${r.database} has no schema ${schema}`
    }`,
    'check --db (or $PLAN12B_DB); a new store is made by `plan12b init --db URL` or by the first import; nothing was created',
  );
}

async function serverDatabase(client: PgClient, url: string, storeSchema: string): Promise<Database> {
  const copyStreams = await import('pg-copy-streams');
  let inTransaction = false;
  // The session ended under us (the server restarted, the backend was terminated, the socket
  // broke): the driver says so once, and the client answers nothing again.
  let lost = false;
  client.on('error', () => {
    lost = true;
  });
  client.on('end', () => {
    lost = true;
  });
  // every column as its text, rows as arrays (the driver's parser, no object per row)
  const textRowsOf = async (text: string) =>
    (await client.query({ text, rowMode: 'array', types: { getTypeParser: () => textField } })).rows as (
      | string
      | null
    )[][];
  const q: Queryable = {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      refuseNulText(sql, params);
      const res = await client.query(sql, params as unknown[]);
      return res.rows as R[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async copyIn(table, columns, rows) {
      const statement = copyFromStatement(table, columns, 'STDIN');
      let n = 0;
      for (const text of copyTextChunks(rows)) {
        const stream = client.query(copyStreams.from(statement));
        const bytes =
          typeof text === 'string'
            ? Buffer.from(text, 'utf8')
            : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
        await pipeline(Readable.from([bytes]), stream);
        n += stream.rowCount;
      }
      return n;
    },
    async copyOut(sql) {
      const stream = client.query(copyStreams.to(`COPY (${sql}) TO STDOUT`));
      const parts: Buffer[] = [];
      for await (const chunk of stream) parts.push(chunk as Buffer);
      // Decoded once, whole: a chunk may end inside a multi-byte character.
      return Buffer.concat(parts).toString('utf8');
    },
    textRows: textRowsOf,
    async *textRowChunks(sql, size) {
      const fetchRows = size?.rows ?? TEXT_ROW_CHUNK_ROWS;
      // a cursor lives in a transaction: outside one the rows come whole
      if (!inTransaction) {
        yield await textRowsOf(sql);
        return;
      }
      const cursor = `plan12b_rows_${++cursorCount}`;
      await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`);
      // the next FETCH is asked for before a chunk is handed over: the server reads it while the
      // caller works on this one (measured in docs/PERFORMANCE.md, "Two cores for the month")
      const fetchNext = () => {
        const p = textRowsOf(`FETCH ${fetchRows} FROM ${cursor}`);
        p.catch(() => {});
        return p;
      };
      let next: Promise<(string | null)[][]> | undefined = fetchNext();
      try {
        while (next !== undefined) {
          const rows: (string | null)[][] = await next;
          next = rows.length < fetchRows ? undefined : fetchNext();
          if (rows.length > 0) yield rows;
        }
      } finally {
        // a FETCH asked for and not taken (the caller stopped) ends before the cursor is closed
        if (next !== undefined) await next.catch(() => {});
        // after an error the transaction is aborted, and its end closes the cursor anyway
        await client.query(`CLOSE ${cursor}`).catch(() => {});
      }
    },
  };
  const writers = new Mutex();
  // The writer lock: one advisory lock per schema, so that complexes in other schemas of one
  // database do not wait for each other. Keyed by the schema the session's tables are in, not by
  // how the URL names it: a URL without ?schema= on a database whose search_path is `foo` and one
  // with ?schema=foo name one store, and took two locks — two writers at once, each importing the
  // same file as "4 new" with an audit record of its own.
  const lockKey = advisoryKey(storeSchema);
  return {
    dialect: 'postgres',
    target: url,
    ...q,
    withWriterLock: (fn) =>
      writers.run(async () => {
        const deadline = writerLockDeadline();
        let noticed = false;
        for (;;) {
          const [r] = (
            await client.query('SELECT pg_try_advisory_lock($1, $2) AS ok', [ADVISORY_CLASS, lockKey])
          ).rows as { ok: boolean }[];
          if (r?.ok) break;
          const expired = Date.now() >= deadline;
          if (expired || !noticed) {
            const holder = (
              await client.query(
                // advisory locks are per database, pg_locks lists every database's: the holder
                // is the one here, not another database's with a schema of the same name
                `SELECT l.pid, a.application_name FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                  WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.granted
                    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
                [ADVISORY_CLASS, lockKey],
              )
            ).rows[0] as { pid: number; application_name: string | null } | undefined;
            const who = holder ? lockHolderOfSession(holder.pid, holder.application_name) : undefined;
            if (expired) throw inUseError(redactUrl(url), who);
            noticed = true;
            // what is left of the wait, in whole seconds (a CLI command: all of it)
            waitingNotice(redactUrl(url), who, Math.max(0, Math.ceil((deadline - Date.now()) / 1000) * 1000));
          }
          await new Promise((res) => setTimeout(res, 50));
        }
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, $2)', [ADVISORY_CLASS, lockKey]).catch(() => {});
        }
      }),
    async transaction(fn, opts) {
      if (inTransaction) throw new Error('nested transaction');
      inTransaction = true;
      const modes = [
        ...(opts?.isolation ? [`ISOLATION LEVEL ${opts.isolation.toUpperCase()}`] : []),
        ...(opts?.readOnly ? ['READ ONLY'] : []),
      ];
      // The BEGIN inside the block that ends the transaction: a BEGIN refused (the connection
      // gone) left the flag set, and every later transaction of this store was "nested", a bug.
      try {
        await client.query(['BEGIN', ...modes].join(' '));
        try {
          const out = await fn(q);
          await client.query('COMMIT');
          return out;
        } catch (err) {
          // The error that stopped the transaction is the answer: a ROLLBACK that fails too (the
          // connection is gone) must not put its own error in its place — nothing was committed.
          await client.query('ROLLBACK').catch(() => {});
          throw err;
        }
      } finally {
        inTransaction = false;
      }
    },
    connectionLost: () => lost,
    close: () => client.end(),
  };
}

/** What every server session is set to on connecting ({@link openServer}). */
export const SERVER_SESSION_SETTINGS = [
  "SET datestyle = 'ISO, YMD'",
  "SET intervalstyle = 'postgres'",
  "SET timezone = 'UTC'",
  'SET standard_conforming_strings = on',
  // a close holds its transaction open while it computes between statements, and a month's COPY
  // takes as long as it takes: no time limit of the database's stops them half-way (as pg_dump sets)
  'SET statement_timeout = 0',
  'SET lock_timeout = 0',
  'SET idle_in_transaction_session_timeout = 0',
].join('; ');

/** Every field as the server sent it, text (null stays null: the driver does not parse it). */
const textField = (v: string) => v;

const COPY_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function copyFromStatement(table: string, columns: readonly string[], source: string): string {
  for (const name of [table, ...columns])
    if (!COPY_IDENTIFIER.test(name)) throw new Error(`COPY: bad identifier ${JSON.stringify(name)}`);
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}

/** The rows as COPY text (UTF-8 bytes), a bounded number of rows per piece (text given is one piece). */
function* copyTextChunks(
  rows: Iterable<readonly CopyValue[]> | string | Uint8Array,
): Generator<string | Uint8Array> {
  if (typeof rows === 'string' || rows instanceof Uint8Array) {
    if (rows.length > 0) yield rows;
    return;
  }
  let part: (readonly CopyValue[])[] = [];
  for (const row of rows) {
    part.push(row);
    if (part.length >= COPY_CHUNK_ROWS) {
      yield encodeCopyRowsBytes(part);
      part = [];
    }
  }
  if (part.length > 0) yield encodeCopyRowsBytes(part);
}

/**
 * CREATE SCHEMA IF NOT EXISTS, when another process may be creating it at the same moment: IF NOT
 * EXISTS does not make two creations atomic, and the one that loses stops on pg_namespace's unique
 * index (23505) or as a duplicate schema (42P06) — the schema is there all the same.
 */
async function createSchemaIfMissing(client: PgClient, schema: string): Promise<void> {
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw err;
    const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (rows.length === 0) throw err;
  }
}

/** The advisory lock's first key: "12b1". */
const ADVISORY_CLASS = 0x12b1;

/** A stable 31-bit key for a schema name (FNV-1a). */
function advisoryKey(schema: string): number {
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(schema, 'utf8')) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h & 0x7fffffff;
}

/** A server URL without its password, to name it in a message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    // not a URL Node reads (a port above 65535): the password cut out all the same
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):.*@/i, '$1@');
  }
}

/**
 * What `--db` (or $PLAN12B_DB) may name besides a postgres:// URL: a folder that is an embedded
 * store, or a new or empty one to become one (`:memory:`, tests' store, keeps nothing). Refused as
 * the command line's fault, before anything is created:
 * - an empty name, which PGlite takes for a store in memory: every write would be lost on exit;
 * - another kind of URL (`mysql://…`), which would become a folder named "mysql:";
 * - a file: the store’s files would be mixed into it (a folder of other files too, refused once its
 *   lock is held: `refuseFolderOfOtherFiles`);
 * - a name holding a control character or line break (src/import/statedText.ts).
 */
function checkEmbeddedTarget(target: string): void {
  const next =
    'name a folder for the embedded store (a new or empty one, or the store’s own) or a postgres:// URL';
  if (target.trim() === '')
    throw new Plan12bError('USAGE', 'the database (--db or $PLAN12B_DB) is empty', next);
  if (target === ':memory:') return;
  // a folder named with a line break or an escape sequence would be created as named, and every
  // message naming it would forge a line or repaint the terminal (input files are refused alike)
  const unprintable = unprintableReason(target);
  if (unprintable !== null)
    throw new Plan12bError('USAGE', `the database (--db or $PLAN12B_DB) ${unprintable}`, next);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target))
    throw new Plan12bError('USAGE', `the database ${redactUrl(target)} is not a postgres:// URL`, next);
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat === undefined) return; // a new folder: PGlite creates it
  if (!stat.isDirectory())
    throw new Plan12bError('USAGE', `the database ${target} is a file, not a folder`, next);
}

/**
 * What a PostgreSQL data folder holds at its top. A new store's folder is loaded entry by entry
 * from the initial cluster (src/store/initialCluster.ts), `PG_VERSION` among the last (the 993rd
 * of initdb.tar.gz's 998 entries): a folder of these names only, without it, is a store whose
 * making was stopped (a kill, a full disk), not a folder of the user's files.
 */
const CLUSTER_ENTRIES = new Set([
  'base',
  'global',
  'pg_commit_ts',
  'pg_dynshmem',
  'pg_hba.conf',
  'pg_ident.conf',
  'pg_logical',
  'pg_multixact',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat',
  'pg_stat_tmp',
  'pg_subtrans',
  'pg_tblspc',
  'pg_twophase',
  'pg_wal',
  'pg_xact',
  'postgresql.auto.conf',
  'postgresql.conf',
  'postmaster.opts',
  'postmaster.pid',
]);

/**
 * A folder of other files is refused as the command line's fault (the store's files would be mixed
 * into it) — asked only once the folder's lock is held: a folder another plan12b process is
 * creating a store in holds PostgreSQL's files before its PG_VERSION is written, and a second
 * command started meanwhile waits for that process, as for any other holder, rather than taking
 * the half-made store for someone else's folder (exit 64). With the lock held, a folder of PostgreSQL's
 * files only and no PG_VERSION is a store whose making was stopped: named as such (exit 69).
 */
function refuseFolderOfOtherFiles(target: string): void {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat === undefined || !stat.isDirectory()) return;
  if (existsSync(join(target, 'PG_VERSION'))) return;
  const entries = readdirSync(target);
  if (entries.length > 0 && entries.every((name) => CLUSTER_ENTRIES.has(name)))
    throw new Plan12bError(
      'DATABASE',
      `the embedded store ${target} was left half-made: it holds PostgreSQL's files but not PG_VERSION, the last of them written, so the command that was creating it was stopped before it finished`,
      `nothing was recorded in it: remove the folder (rm -r ${target}) and run the command again`,
    );
  if (entries.length > 0)
    throw new Plan12bError(
      'USAGE',
      `the database ${target} is a folder of other files, not a plan12b store`,
      'name a folder for the embedded store (a new or empty one, or the store’s own) or a postgres:// URL',
    );
}

/** What went wrong opening a folder: PGlite's file-system errors carry an errno, no message. */
function openFailure(err: unknown): string {
  const e = err as { message?: unknown; errno?: unknown } | undefined;
  if (typeof e?.message === 'string' && e.message !== '') return e.message;
  if (typeof e?.errno === 'number') return `file system error (errno ${e.errno})`;
  return String(err);
}

export async function openDatabase(
  target: string = defaultDatabaseTarget(),
  opts: {
    workload?: StoreWorkload;
    /** a query's store: on a server, refused as not found unless it is there (nothing created) */
    existing?: boolean;
  } = {},
): Promise<Database> {
  if (isServerUrl(target)) return openServer(target, { existing: opts.existing === true });
  checkEmbeddedTarget(target);
  try {
    return await openPglite(target, opts.workload ?? 'long-work');
  } catch (err) {
    if (err instanceof Plan12bError) throw err;
    const mode = target === ':memory:' ? null : readOnlyFolder(target);
    if (mode !== null)
      throw new Plan12bError(
        'DATABASE',
        `cannot open the embedded database at ${target}: the folder is read-only (${mode}), and the embedded store writes to its folder even to answer a query`,
        `make it writable (chmod -R u+w ${target}), or copy it to a writable place and name the copy with --db; nothing was written`,
      );
    const free = target === ':memory:' ? null : fullFileSystem(target);
    if (free !== null)
      throw new Plan12bError(
        'DATABASE',
        `cannot open the embedded database at ${target}: the file system holding it is full (${free.toLocaleString('en-US')} bytes free), and the embedded store writes to its folder even to open it (${openFailure(err)})`,
        'free space on that file system (or copy the store to a larger one and name the copy with --db) and run the command again; nothing was written',
      );
    throw new Plan12bError(
      'DATABASE',
      `cannot open the embedded database at ${target}: ${openFailure(err)}`,
      'check the path given by --db or $PLAN12B_DB, or run `plan12b init`',
    );
  }
}
