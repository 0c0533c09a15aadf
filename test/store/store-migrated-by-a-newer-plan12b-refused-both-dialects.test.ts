import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { registrySnapshotPath } from '../../src/store/registrySnapshotFile.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase } from '../support/databases.js';

/**
 * SPEC §11 (one schema, versioned migrations): a store a newer build of plan12b migrated past this
 * build's last version is refused with exit 69 (the database cannot be opened by this build), the
 * same on PGlite and on a server, before anything is written. Hostile run: with a
 * `schema_migration` row of version 999 beside this build's 34, `init --json` answered
 * `"schemaVersion": 34, "applied": []`, and `fees`, `audit verify` and every write ran on it.
 */

const newer = CURRENT_SCHEMA_VERSION + 1;

const migrationRows = async (db: { query<T>(sql: string): Promise<T[]> }) =>
  (await db.query<{ version: number }>('SELECT version FROM schema_migration ORDER BY version')).map((r) =>
    Number(r.version),
  );

describe.each(dialects)('a store migrated by a newer plan12b (%s)', (dialect) => {
  it('is refused by every command with exit 69, naming both versions; nothing is written', async () => {
    const store = await freshDatabase(dialect);
    const db = await store.open();
    await db.query(`INSERT INTO schema_migration (version, name) VALUES (${newer}, 'from a newer plan12b')`);
    const before = await migrationRows(db);
    const err = await migrate(db).catch((e: unknown) => e);
    await db.close();
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).exitCode).toBe(69);
    expect((err as Plan12bError).message).toContain(`schema version ${newer}`);
    expect((err as Plan12bError).message).toContain(`(version ${CURRENT_SCHEMA_VERSION})`);

    for (const args of [
      ['init', '--json'],
      ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--json'],
      ['settings', 'set', 'approvals.enforce', 'true', '--json'],
      ['audit', 'verify', '--json'],
    ]) {
      const run = await runCliInProcess(['--db', store.target, ...args]);
      expect({ args, code: run.code }).toEqual({ args, code: 69 });
      expect(run.stderr).toContain('newer than this build of plan12b knows');
    }
    const after = await store.open();
    expect(await migrationRows(after)).toEqual(before);
    expect(await after.query('SELECT seq FROM audit_log')).toEqual([]);
    await after.close();
    await store.drop();
  });

  it('is refused before a migration this build has and the store lacks is applied', async () => {
    const store = await freshDatabase(dialect);
    const db = await store.open();
    const last = Math.max(...MIGRATIONS.map((m) => m.version));
    // the newest migration of this build taken out again, a newer one in its place
    await db.query(`DELETE FROM schema_migration WHERE version = ${last}`);
    await db.query(`INSERT INTO schema_migration (version, name) VALUES (${newer}, 'from a newer plan12b')`);
    const before = await migrationRows(db);
    const err = await migrate(db).catch((e: unknown) => e);
    expect((err as Plan12bError).exitCode).toBe(69);
    expect(await migrationRows(db)).toEqual(before);
    await db.close();
    await store.drop();
  });
});

/**
 * The embedded store's registry snapshot (src/store/registrySnapshotFile.ts) answers `schedule`
 * without opening the store. A command refused for the newer schema still closed the store, and
 * its close wrote a snapshot: `schedule` then answered (exit 0) where the server refuses (69).
 */
describe('a store migrated by a newer plan12b (pglite, its registry snapshot)', () => {
  it('leaves no registry snapshot, so schedule is refused as every command is', async () => {
    const store = await freshDatabase('pglite');
    const db = await store.open();
    await db.query(`INSERT INTO schema_migration (version, name) VALUES (${newer}, 'from a newer plan12b')`);
    await db.close();
    const refused = await runCliInProcess(['--db', store.target, 'exhibit', 'list', '--json']);
    expect(refused.code).toBe(69);
    expect(existsSync(registrySnapshotPath(store.target))).toBe(false);
    for (let i = 0; i < 2; i++) {
      const schedule = await runCliInProcess([
        '--db',
        store.target,
        'schedule',
        '--as-of',
        '2025-06-30',
        '--json',
      ]);
      expect(schedule.code).toBe(69);
    }
    await store.drop();
  });
});
