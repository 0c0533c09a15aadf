import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { initialClusterFor } from '../../src/store/initialCluster.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';

/**
 * SPEC §11 (one schema, versioned migrations): a new embedded store starts from PostgreSQL's
 * initial cluster made at build time (src/store/initialCluster.ts) instead of running initdb for
 * each store. What it holds once migrated must be what initdb and the same migrations make: the
 * same database and roles, the same relations in every schema (the system catalogs included),
 * the same columns, defaults, constraints and indexes, the same settings, the same migrations
 * recorded.
 */

const dir = mkdtempSync(join(tmpdir(), 'plan12b-initial-cluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The catalog, as rows of text: what two stores of one schema have alike. */
async function catalogOf(db: Database): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => db.query(sql);
  return {
    databases: await q(
      `SELECT datname, pg_encoding_to_char(encoding) AS encoding, datcollate, datctype, datlocprovider::text,
              datallowconn, datconnlimit FROM pg_database ORDER BY datname`,
    ),
    databaseSettings: await q('SELECT setdatabase, setrole, setconfig FROM pg_db_role_setting ORDER BY 1, 2'),
    roles: await q('SELECT rolname, rolsuper, rolcreatedb, rolcanlogin FROM pg_roles ORDER BY rolname'),
    relations: await q(
      `SELECT n.nspname, c.relname, c.relkind::text, c.relpersistence::text
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ORDER BY 1, 2`,
    ),
    columns: await q(
      `SELECT table_schema, table_name, ordinal_position, column_name, data_type, numeric_precision,
              numeric_scale, column_default, is_nullable, is_identity, is_generated
         FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2, 3`,
    ),
    constraints: await q(
      `SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
    ),
    indexes: await q(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
    ),
    functions: await q(
      `SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args, md5(p.prosrc) AS src
         FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1, 2`,
    ),
    triggers: await q(
      `SELECT tgrelid::regclass::text AS rel, tgname, pg_get_triggerdef(oid) AS def
         FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
    ),
    extensions: await q('SELECT extname, extversion FROM pg_extension ORDER BY extname'),
    settings: await q('SELECT name, setting, source FROM pg_settings ORDER BY name'),
    migrations: await q('SELECT version, name FROM schema_migration ORDER BY version'),
  };
}

async function migratedCatalog(
  folder: string,
): Promise<{ applied: number[]; catalog: Record<string, unknown[]> }> {
  const db = await openDatabase(folder, { workload: 'long-work' });
  try {
    const applied = await migrate(db);
    return { applied, catalog: await catalogOf(db) };
  } finally {
    await db.close();
  }
}

describe('a new store started from the initial cluster', () => {
  it('holds once migrated what initdb and the same migrations make', async () => {
    const fromCluster = join(dir, 'from-cluster');
    const fromInitdb = join(dir, 'from-initdb');
    // the build made the cluster, and a new folder is started from it
    expect(initialClusterFor(fromCluster)).toBeInstanceOf(Blob);
    expect(initialClusterFor(fromInitdb, { PLAN12B_INITIAL_CLUSTER: 'initdb' })).toBeUndefined();

    const a = await migratedCatalog(fromCluster);
    const before = process.env.PLAN12B_INITIAL_CLUSTER;
    process.env.PLAN12B_INITIAL_CLUSTER = 'initdb';
    let b: Awaited<ReturnType<typeof migratedCatalog>>;
    try {
      b = await migratedCatalog(fromInitdb);
    } finally {
      if (before === undefined) delete process.env.PLAN12B_INITIAL_CLUSTER;
      else process.env.PLAN12B_INITIAL_CLUSTER = before;
    }

    // every migration of this build applied to each, in order
    const all = MIGRATIONS.map((m) => m.version).sort((x, y) => x - y);
    expect(a.applied).toEqual(all);
    expect(b.applied).toEqual(all);
    // plan12b's own tables are there (a catalog compared empty would prove nothing)
    expect(a.catalog.relations).toContainEqual({
      nspname: 'public',
      relname: 'schema_migration',
      relkind: 'r',
      relpersistence: 'p',
    });
    expect(a.catalog.migrations).toHaveLength(MIGRATIONS.length);
    for (const part of Object.keys(b.catalog))
      expect({ part, rows: a.catalog[part] }).toEqual({ part, rows: b.catalog[part] });
  });

  it('is never loaded over a folder that holds a cluster', () => {
    // the folder the first test started and migrated holds PG_VERSION now
    expect(initialClusterFor(join(dir, 'from-cluster'))).toBeUndefined();
  });
});
