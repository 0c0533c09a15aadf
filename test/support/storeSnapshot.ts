import type { Queryable } from '../../src/store/database.js';

/**
 * What the store holds, table by table: the row count and a hash of every row's text. Two
 * snapshots are equal when nothing was written, updated or deleted — a row deleted and inserted
 * again in place changes the hash too (its serial id or timestamps change). Every table of the
 * store's schema is read, so a write anywhere shows. One statement reads them all (a round trip
 * per table made the hostile-input and feed-contract suites spend most of their time here). The
 * tables come from pg_class (information_schema's views cost 4× the CPU on PGlite), and each
 * table's hash is the sum of its rows' 64-bit hashes (`hashtextextended`): no sort and no string
 * of the whole table as md5 of the ordered rows needed, and still any row's change shows (but
 * for a chance of 2^-64).
 */
export async function storeSnapshot(q: Queryable): Promise<Record<string, string>> {
  const tables = await q.query<{ table_name: string }>(
    `SELECT c.relname AS table_name FROM pg_catalog.pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        AND c.relname <> 'schema_migration'
      ORDER BY c.relname`,
  );
  if (tables.length === 0) return {};
  const rows = await q.query<{ t: string; n: string; h: string }>(
    tables
      .map(
        ({ table_name: t }) =>
          `SELECT '${t}' AS t, count(*)::text AS n, coalesce(sum(hashtextextended(x::text, 0)), 0)::text AS h FROM "${t}" AS x`,
      )
      .join('\nUNION ALL\n'),
  );
  const out: Record<string, string> = {};
  for (const { t, n, h } of rows) out[t] = `${n} rows ${h}`;
  return out;
}
export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
}

export async function auditCount(q: Queryable): Promise<number> {
  const [r] = await q.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log');
  return Number(r!.n);
}

/** The newest `n` audit records, oldest first. */
export async function newestAudit(q: Queryable, n: number): Promise<AuditEntry[]> {
  const rows = await q.query<AuditEntry>('SELECT actor, action FROM audit_log ORDER BY seq DESC LIMIT $1', [
    n,
  ]);
  return rows.reverse();
}

/**
 * Closes a month the way the store records it, without running the whole close: the contract
 * tests need a closed month, not its results.
 */
export async function markMonthClosed(q: Queryable, month: string): Promise<void> {
  await q.query(
    "INSERT INTO closed_month (month, closed_by) VALUES ($1, 'contract test') ON CONFLICT DO NOTHING",
    [month],
  );
}
