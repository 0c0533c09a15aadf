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
 * for a chance of 2^-64). A handle's table list is kept from its last snapshot and checked by a
 * fingerprint in the same statement: one statement per snapshot while no table comes or goes.
 */
export async function storeSnapshot(q: Queryable): Promise<Record<string, string>> {
  const known = tablesSeen.get(q);
  if (known !== undefined) {
    // the tables this handle had last time, hashed in the one statement with a fingerprint of the
    // schema's table list: if a table came or went, the list is read again (the same answer as a
    // fresh read, one round trip fewer when nothing changed — 500+ snapshots a run)
    const rows = await q
      .query<{ t: string; n: string; h: string }>(
        [TABLE_LIST_FINGERPRINT, ...known.tables.map(tableHash)].join('\nUNION ALL\n'),
      )
      .catch(() => []); // a table gone since: read the list again
    const fingerprint = rows.find((r) => r.t === '');
    if (fingerprint !== undefined && `${fingerprint.n} ${fingerprint.h}` === known.fingerprint)
      return snapshotOf(rows);
  }
  const listed = await q.query<{ table_name: string }>(
    `SELECT c.relname AS table_name FROM pg_catalog.pg_class c WHERE ${STORE_TABLES} ORDER BY c.relname`,
  );
  const tables = listed.map((r) => r.table_name);
  const rows = await q.query<{ t: string; n: string; h: string }>(
    [TABLE_LIST_FINGERPRINT, ...tables.map(tableHash)].join('\nUNION ALL\n'),
  );
  const fingerprint = rows.find((r) => r.t === '')!;
  tablesSeen.set(q, { tables, fingerprint: `${fingerprint.n} ${fingerprint.h}` });
  return snapshotOf(rows);
}

/** The store's tables in pg_class: its schema's tables but the migrations' bookkeeping. */
const STORE_TABLES = `c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
  AND c.relname <> 'schema_migration'`;
/** The first row of a snapshot's statement: how many store tables, and a sum of their names' hashes. */
const TABLE_LIST_FINGERPRINT = `SELECT '' AS t, count(*)::text AS n, coalesce(sum(hashtextextended(c.relname::text, 0)), 0)::text AS h
  FROM pg_catalog.pg_class c WHERE ${STORE_TABLES}`;
const tableHash = (t: string) =>
  `SELECT '${t}' AS t, count(*)::text AS n, coalesce(sum(hashtextextended(x::text, 0)), 0)::text AS h FROM "${t}" AS x`;
/** Per store handle: the tables its last snapshot listed, and their fingerprint then. */
const tablesSeen = new WeakMap<Queryable, { tables: readonly string[]; fingerprint: string }>();

function snapshotOf(rows: readonly { t: string; n: string; h: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { t, n, h } of rows) if (t !== '') out[t] = `${n} rows ${h}`; // '': the fingerprint
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
