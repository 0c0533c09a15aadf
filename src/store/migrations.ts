import { faultPoint } from '../close/faultPoint.js';
import { Plan12bError } from '../errors.js';
import type { Database, Queryable } from './database.js';
import { API_TOKEN_MIGRATION } from './schema/apiTokenSchema.js';
import { APPROVAL_DOCUMENTS_MIGRATION } from './schema/approvalDocumentsSchema.js';
import { AUDIT_ANCHOR_MIGRATION } from './schema/auditAnchorSchema.js';
import { AUDIT_HEAD_MIGRATION } from './schema/auditHeadSchema.js';
import { AUDIT_MIGRATION } from './schema/auditSchema.js';
import { CLASS_B_REFERENCES_MIGRATION } from './schema/classBReferencesSchema.js';
import { CLASS_B_MIGRATION } from './schema/classBSchema.js';
import { CLASS_B_TERMS_MIGRATION } from './schema/classBTermsSchema.js';
import { CLASS_B_TRANSACTION_INDEXES_MIGRATION } from './schema/classBTransactionIndexesSchema.js';
import { CLOSED_MONTH_RESTATEMENTS_MIGRATION } from './schema/closedMonthRestatementsSchema.js';
import { CLOSE_RESULT_TEXT_ORDER_MIGRATION } from './schema/closeResultTextOrderSchema.js';
import { CLOSE_MIGRATION } from './schema/closeSchema.js';
import { DISTRIBUTOR_TERM_RECORDS_MIGRATION } from './schema/distributorTermRecordsSchema.js';
import { EXHIBIT_A_HOLDINGS_MIGRATION } from './schema/exhibitAHoldingsSchema.js';
import { EXHIBIT_STATEMENT_MIGRATION } from './schema/exhibitStatementSchema.js';
import { EXHIBIT_WITHDRAWAL_MIGRATION } from './schema/exhibitWithdrawalSchema.js';
import { EXPENDITURES_MIGRATION, FINRA_CAP_MIGRATION } from './schema/finraCapSchema.js';
import { FREE_SHARE_ATTRIBUTION_MIGRATION } from './schema/freeShareAttributionSchema.js';
import { APPROVALS_MIGRATION, TERMINATIONS_MIGRATION } from './schema/governanceSchema.js';
import { LEDGER_LAST_HELD_MIGRATION } from './schema/ledgerLastHeldSchema.js';
import { LEDGER_STATE_PACKED_MIGRATION } from './schema/ledgerStatePackedSchema.js';
import { LEDGER_STATE_MIGRATION } from './schema/ledgerStateSchema.js';
import { LEDGER_STATE_TEXT_MIGRATION } from './schema/ledgerStateTextSchema.js';
import { OMNIBUS_MIGRATION } from './schema/omnibusSchema.js';
import { SERVICE_FEES_MIGRATION } from './schema/serviceFeesSchema.js';
import { TRANSFER_ENDS_MIGRATION } from './schema/transferEndsSchema.js';
import { TRANSFER_NOTICE_BY_COMMAND_MIGRATION } from './schema/transferNoticeByCommandSchema.js';
import { TRANSFERS_MIGRATION } from './schema/transfersSchema.js';

/**
 * The one schema, in versioned steps. A migration never changes once released: a change to the
 * schema is a new step. `plan12b init` (and every command that opens the store) applies the
 * missing ones, each in its own transaction.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'registry: exhibits, board-set rates, portfolio names',
    sql: `
      CREATE TABLE exhibit_document (
        id            text PRIMARY KEY,            -- SHA-256 of the file's bytes
        file_name     text NOT NULL,
        kind          text NOT NULL,
        title         text NOT NULL,
        effective_date date NOT NULL,
        parsed        jsonb NOT NULL,
        byte_length   integer NOT NULL,
        imported_at   timestamptz NOT NULL DEFAULT now(),
        imported_by   text NOT NULL
      );
      CREATE TABLE board_rate (
        portfolio_name  text NOT NULL,
        class           text NOT NULL,
        effective_date  date NOT NULL,
        distribution_fee_pct numeric(12,6),
        service_fee_pct numeric(12,6),
        reason          text,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        recorded_by     text NOT NULL,
        PRIMARY KEY (portfolio_name, class, effective_date)
      );
      CREATE TABLE portfolio_name (
        name_key      text PRIMARY KEY,            -- lower case, whitespace collapsed
        portfolio_id  text NOT NULL,
        name          text NOT NULL
      );
      CREATE INDEX portfolio_name_by_id ON portfolio_name (portfolio_id);
    `,
  },
  {
    version: 2,
    name: 'net assets per class per day, restatements, closed months',
    sql: `
      CREATE TABLE net_assets (
        portfolio_id   text NOT NULL,
        class          text NOT NULL,
        date           date NOT NULL,
        net_assets     numeric(20,2) NOT NULL CHECK (net_assets >= 0),
        portfolio_name text NOT NULL,             -- the name the feed used
        import_id      integer NOT NULL,
        PRIMARY KEY (portfolio_id, class, date)
      );
      CREATE TABLE feed_import (
        id            serial PRIMARY KEY,
        feed          text NOT NULL,
        file_name     text NOT NULL,
        content_hash  text NOT NULL,
        rows          integer NOT NULL,
        inserted      integer NOT NULL,
        restated      integer NOT NULL,
        imported_at   timestamptz NOT NULL DEFAULT now(),
        imported_by   text NOT NULL
      );
      CREATE TABLE net_assets_restatement (
        id            serial PRIMARY KEY,
        portfolio_id  text NOT NULL,
        class         text NOT NULL,
        date          date NOT NULL,
        old_net_assets numeric(20,2) NOT NULL,
        new_net_assets numeric(20,2) NOT NULL,
        restated_at   timestamptz NOT NULL DEFAULT now(),
        restated_by   text NOT NULL,
        import_id     integer NOT NULL,
        closed_month  text                        -- the closed month it touches, flagged for a prior-period adjustment
      );
      CREATE TABLE closed_month (
        month         text PRIMARY KEY,           -- YYYY-MM
        closed_at     timestamptz NOT NULL DEFAULT now(),
        closed_by     text NOT NULL
      );
    `,
  },
  SERVICE_FEES_MIGRATION,
  CLASS_B_MIGRATION,
  AUDIT_MIGRATION,
  TRANSFERS_MIGRATION,
  CLOSE_MIGRATION,
  CLASS_B_TERMS_MIGRATION,
  OMNIBUS_MIGRATION,
  CLOSED_MONTH_RESTATEMENTS_MIGRATION,
  DISTRIBUTOR_TERM_RECORDS_MIGRATION,
  TRANSFER_ENDS_MIGRATION,
  AUDIT_ANCHOR_MIGRATION,
  FREE_SHARE_ATTRIBUTION_MIGRATION,
  API_TOKEN_MIGRATION,
  EXHIBIT_WITHDRAWAL_MIGRATION,
  FINRA_CAP_MIGRATION,
  EXPENDITURES_MIGRATION,
  APPROVALS_MIGRATION,
  TERMINATIONS_MIGRATION,
  CLASS_B_TRANSACTION_INDEXES_MIGRATION,
  LEDGER_STATE_MIGRATION,
  EXHIBIT_A_HOLDINGS_MIGRATION,
  LEDGER_STATE_PACKED_MIGRATION,
  CLASS_B_REFERENCES_MIGRATION,
  LEDGER_STATE_TEXT_MIGRATION,
  AUDIT_HEAD_MIGRATION,
  TRANSFER_NOTICE_BY_COMMAND_MIGRATION,
  APPROVAL_DOCUMENTS_MIGRATION,
  CLOSE_RESULT_TEXT_ORDER_MIGRATION,
  LEDGER_LAST_HELD_MIGRATION,
  EXHIBIT_STATEMENT_MIGRATION,
];

/** The schema version this build of plan12b migrates to. */
export const CURRENT_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

export async function schemaVersion(db: Database): Promise<number> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const rows = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migration');
  return rows[0]?.v ?? 0;
}

/**
 * The store has every migration of this build: one query, no DDL. Every command opens the store
 * through {@link migrate}, so the common case (nothing to apply) must cost next to nothing.
 */
async function schemaIsCurrent(db: Database): Promise<boolean> {
  let row: { n: number | string; top: number | string | null } | undefined;
  try {
    [row] = await db.query<{ n: number | string; top: number | string | null }>(
      `SELECT count(*) FILTER (WHERE version = ANY($1::int[]))::int AS n, max(version) AS top
         FROM schema_migration`,
      [MIGRATIONS.map((m) => m.version)],
    );
  } catch {
    return false; // no schema_migration table yet: a new store
  }
  refuseNewerSchema(row?.top == null ? 0 : Number(row.top));
  return Number(row?.n) === MIGRATIONS.length;
}

/**
 * The store holds exactly this build's schema: every migration of it, none of a newer build. What
 * the embedded store's registry snapshot is written for (src/store/registrySnapshotWriter.ts): a
 * store refused as newer must not leave one that answers `schedule` without opening it.
 */
export async function storeSchemaIsThisBuilds(q: Queryable): Promise<boolean> {
  try {
    const [row] = await q.query<{ n: number | string; top: number | string | null }>(
      `SELECT count(*) FILTER (WHERE version = ANY($1::int[]))::int AS n, max(version) AS top
         FROM schema_migration`,
      [MIGRATIONS.map((m) => m.version)],
    );
    return Number(row?.n) === MIGRATIONS.length && Number(row?.top ?? 0) <= CURRENT_SCHEMA_VERSION;
  } catch {
    return false;
  }
}

/**
 * SPEC §11 (one schema, versioned migrations): a store that a newer build of plan12b migrated
 * past this build's last version holds tables and rules this build does not know; reading it
 * could give wrong answers and writing it could break what the newer build relies on. It is
 * refused before anything is read or written (exit 69: the database cannot be opened by this
 * build), on PGlite and on a server alike.
 */
function refuseNewerSchema(storeVersion: number): void {
  if (storeVersion <= CURRENT_SCHEMA_VERSION) return;
  throw new Plan12bError(
    'DATABASE',
    `the database is at schema version ${storeVersion}, newer than this build of plan12b knows (version ${CURRENT_SCHEMA_VERSION}): it was migrated by a newer plan12b`,
    "run the newer plan12b that migrated it (plan12b init --json shows a build's schema version); nothing was written",
  );
}

/** The relations plan12b's migrations create by name (tables, indexes, views, sequences). */
function migrationRelationNames(): Set<string> {
  const names = new Set<string>(['schema_migration']);
  for (const m of MIGRATIONS)
    for (const [, name] of m.sql.matchAll(
      /\bCREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|VIEW|MATERIALIZED\s+VIEW|SEQUENCE)\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/gi,
    ))
      names.add(name!.toLowerCase());
  return names;
}

/**
 * A database (or `?schema=`) given by --db that holds tables of plan12b's names but no plan12b
 * schema is someone else's: migrating it would stop half-way on the first such table
 * (`audit_log`), leaving the tables created before it, and every later command would fail (exit
 * 70). It is refused before anything is created, as a folder of other files is (exit 64). Tables
 * of other names are left alone, beside plan12b's own (a database shared with other software).
 * plan12b creates its `schema_migration` table before any other, so a store being created by
 * another process at the same moment is never taken for another's.
 */
async function refuseAnotherSchemasTables(db: Database): Promise<void> {
  const [row] = await db.query<{ ours: boolean; tables: string[] | string | null }>(
    `SELECT to_regclass(quote_ident(current_schema()) || '.schema_migration') IS NOT NULL AS ours,
            (SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_catalog.pg_class c
              WHERE c.relnamespace = current_schema()::regnamespace
                AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'i', 'S')) AS tables`,
  );
  if (row === undefined || row.ours || row.tables === null) return;
  const tables = Array.isArray(row.tables) ? row.tables : row.tables.replace(/^\{|\}$/g, '').split(',');
  const ours = migrationRelationNames();
  const clashing = tables.filter((t) => ours.has(t));
  if (clashing.length === 0) return;
  throw new Plan12bError(
    'USAGE',
    `the database is not a plan12b store: its schema holds ${clashing.length} other table${clashing.length === 1 ? '' : 's'} or index${clashing.length === 1 ? '' : 'es'} of plan12b's names (${clashing.slice(0, 5).join(', ')}${clashing.length > 5 ? ', …' : ''}) and no plan12b schema`,
    'give --db a new database, or a schema of its own (append ?schema=NAME to the URL); nothing was written',
  );
}

/**
 * Applies the missing migrations (every version not yet applied, in order); returns them.
 *
 * Under the writer lock (SPEC §12: one writer at a time), looked at again once held: two processes
 * opening a new or older server database at once both created its tables, and all but one stopped
 * with exit 70 (`duplicate key … pg_type_typname_nsp_index`, `relation … already exists`). On
 * PGlite the folder is already this process's alone; the lock is then the process's own turn.
 */
export async function migrate(db: Database): Promise<number[]> {
  if (await schemaIsCurrent(db)) return [];
  return db.withWriterLock(() => migrateHoldingWriterLock(db));
}

async function migrateHoldingWriterLock(db: Database): Promise<number[]> {
  if (await schemaIsCurrent(db)) return [];
  await refuseAnotherSchemasTables(db);
  await schemaVersion(db);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migration')).map((r) =>
      Number(r.version),
    ),
  );
  refuseNewerSchema(Math.max(0, ...done));
  if (MIGRATIONS.every((m) => done.has(m.version))) return [];
  const applied: number[] = [];
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
    // each migration is its own transaction: a process stopped here leaves the store at that version
    await faultPoint(`migrate:${m.version}`);
  }
  return applied;
}
