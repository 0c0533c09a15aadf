import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import { Plan12bError } from '../errors.js';

/** What the store needs of a PostgreSQL connection: the same SQL runs on PGlite and a server. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly dialect: 'pglite' | 'postgres';
  readonly target: string;
  /** Runs fn in one transaction: all of it is written, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Numerics, dates and bigints come back as strings: precision is never lost (cf. Drizzle). */
const PG_OIDS = { NUMERIC: 1700, INT8: 20, DATE: 1082 } as const;

export function isServerUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

export function defaultDatabaseTarget(): string {
  return process.env.PLAN12B_DB ?? './plan12b-data';
}

async function openPglite(path: string): Promise<Database> {
  const identity = (v: string) => v;
  const db = await PGlite.create(path === ':memory:' ? undefined : path, {
    parsers: { [pgliteTypes.NUMERIC]: identity, [pgliteTypes.INT8]: identity, [pgliteTypes.DATE]: identity },
  });
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<R>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    dialect: 'pglite',
    target: path,
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}

/**
 * A server by URL. `?schema=NAME` selects (and creates) a schema, so that tests and several
 * complexes can share one database.
 */
async function openServer(url: string): Promise<Database> {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  const identity = (v: string) => v;
  const client = new pg.Client({
    connectionString: u.toString(),
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
      `cannot connect to ${u.host}: ${(err as Error).message}`,
      'check that the PostgreSQL server is running and the URL is right',
    );
  }
  client.on('error', () => {});
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Plan12bError('USAGE', `bad schema name ${schema}`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
  }
  const q: Queryable = {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const res = await client.query(sql, params as unknown[]);
      return res.rows as R[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
  let inTransaction = false;
  return {
    dialect: 'postgres',
    target: url,
    ...q,
    async transaction(fn) {
      if (inTransaction) throw new Error('nested transaction');
      inTransaction = true;
      await client.query('BEGIN');
      try {
        const out = await fn(q);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        inTransaction = false;
      }
    },
    close: () => client.end(),
  };
}

export async function openDatabase(target: string = defaultDatabaseTarget()): Promise<Database> {
  if (isServerUrl(target)) return openServer(target);
  try {
    return await openPglite(target);
  } catch (err) {
    throw new Plan12bError(
      'DATABASE',
      `cannot open the embedded database at ${target}: ${(err as Error).message}`,
      'check the path given by --db or $PLAN12B_DB, or run `plan12b init`',
    );
  }
}
