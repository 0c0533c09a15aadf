import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { CURRENT_SCHEMA_VERSION, migrate } from '../../src/store/migrations.js';
import { emptyPgliteStore, serverUrl } from '../support/databases.js';

/**
 * `--db` naming a database (or `?schema=`) that holds someone else's tables of plan12b's names is
 * refused before anything is created (exit 64), as a folder of other files is (README); tables of
 * other names are left beside plan12b's own. Hostile run: a server
 * database holding tables `audit_log` and `net_assets` of its own answered a net-assets import
 * with exit 70 ("a bug in plan12b … nothing was written") after plan12b had created
 * `schema_migration`, `exhibit_document`, `portfolio_name` and `board_rate` in it.
 */

const tablesOf = async (db: { query<T>(sql: string): Promise<T[]> }) =>
  (
    await db.query<{ relname: string }>(
      `SELECT c.relname FROM pg_catalog.pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' ORDER BY c.relname`,
    )
  ).map((r) => r.relname);

async function expectRefused(target: string): Promise<void> {
  const db = await openDatabase(target);
  try {
    const err = await migrate(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).exitCode).toBe(64);
    expect((err as Plan12bError).message).toContain('not a plan12b store');
    expect((err as Plan12bError).message).toContain('audit_log');
    // nothing of plan12b's was created beside them
    expect(await tablesOf(db)).toEqual(['audit_log', 'net_assets']);
  } finally {
    await db.close();
  }
}

describe('a database of other tables', () => {
  it('embedded: a store folder whose database holds tables but no plan12b schema is refused, nothing created', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'plan12b-foreign-')), 'db');
    await emptyPgliteStore(target); // a new store's database (a copy of the run's initdb)
    const db = await openDatabase(target);
    await db.query('CREATE TABLE audit_log (x integer)');
    await db.query('CREATE TABLE net_assets (y text)');
    await db.close();
    await expectRefused(target);
  });

  it.skipIf(!serverUrl)(
    'server: a schema holding audit_log and net_assets of its own is refused, nothing created',
    async () => {
      const schema = `h_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.query(`CREATE TABLE ${schema}.audit_log (x integer)`);
        await admin.query(`CREATE TABLE ${schema}.net_assets (y text)`);
        const u = new URL(serverUrl!);
        u.searchParams.set('schema', schema);
        await expectRefused(u.toString());
      } finally {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      }
    },
    120_000,
  );

  it('tables of other names stay beside the store plan12b makes', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'plan12b-shared-')), 'db');
    await emptyPgliteStore(target);
    const db = await openDatabase(target);
    try {
      await db.query('CREATE TABLE harness_results (x integer)');
      await db.query('INSERT INTO harness_results VALUES (7)');
      expect((await migrate(db)).at(-1)).toBe(CURRENT_SCHEMA_VERSION);
      expect(await tablesOf(db)).toContain('harness_results');
      expect(await tablesOf(db)).toContain('audit_log');
      expect(await db.query<{ x: number }>('SELECT x FROM harness_results')).toEqual([{ x: 7 }]);
    } finally {
      await db.close();
    }
  });

  it('an empty database is still made a store, to the current version', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'plan12b-empty-')), 'db');
    await emptyPgliteStore(target);
    const db = await openDatabase(target);
    try {
      expect((await migrate(db)).at(-1)).toBe(CURRENT_SCHEMA_VERSION);
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
