import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  sql,
} from 'kysely';
import type { Queryable } from './database.js';
import type { DB } from './tables.js';

/**
 * Kysely, the typed query builder, speaking through one of our connections (PGlite or a server,
 * inside or outside a transaction): the same typed query runs on both stores. Transactions stay
 * ours (Database.transaction), so a repository is always handed the connection it must use.
 */
class QueryableConnection implements DatabaseConnection {
  constructor(private readonly q: Queryable) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const rows = await this.q.query<R>(compiled.sql, compiled.parameters as unknown[]);
    return { rows };
  }
  // biome-ignore lint/correctness/useYield: streaming is not offered on these connections
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported; use a repository bulk path');
  }
}

class QueryableDriver implements Driver {
  constructor(private readonly q: Queryable) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new QueryableConnection(this.q);
  }
  async beginTransaction(): Promise<void> {
    throw new Error('open transactions with Database.transaction, not Kysely');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

function dialectOn(q: Queryable): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new QueryableDriver(q),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

const builders = new WeakMap<Queryable, Kysely<DB>>();

/** The typed query builder on this connection (one per connection, made on first use). */
export function typed(q: Queryable): Kysely<DB> {
  let k = builders.get(q);
  if (!k) {
    k = new Kysely<DB>({ dialect: dialectOn(q) });
    builders.set(q, k);
  }
  return k;
}

/**
 * ORDER BY a text column in byte order — code point order, as JavaScript's `<` compares and as
 * PGlite's own collation ("C") sorts — whatever the collation of the server's database (issue 14:
 * both stores give the same results). A server created with a language's collation (en_US.UTF-8,
 * ICU's en-US) would otherwise put "b1" before "B2", and the lists, reports and the sealed
 * detail they feed would differ from the embedded store's.
 * @example typed(q).selectFrom('class_b_account').select('account').orderBy(inByteOrder('account'))
 */
export function inByteOrder(column: string) {
  return sql`${sql.ref(column)} collate "C"`;
}
