import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingEmbeddedStore } from '../../src/store/databaseTarget.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

/**
 * A query names a store by --db (or $PLAN12B_DB, or ./plan12b-data). A mistyped folder used to be
 * created on the spot, migrated, and answered from: "0 entries", "no fees" — as if the complex had
 * none. A query on a folder that does not exist, or is empty, is now "not found" (66), says
 * what to do, and creates nothing; a write (`init`, an import) still makes a new store there.
 */
describe('a query on a store that does not exist', () => {
  const root = mkdtempSync(join(tmpdir(), 'plan12b-no-store-'));

  it('is not found (66), names the folder, and creates nothing', async () => {
    const db = join(root, 'typo');
    for (const args of [
      ['schedule', '--as-of', '2006-01-01', '--json'],
      ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--json'],
      ['audit', 'verify', '--json'],
    ]) {
      const run = await runCliInProcess(['--db', db, ...args], { PLAN12B_REGISTRY_SNAPSHOT: 'on' });
      expect(run.code, args.join(' ')).toBe(66);
      const doc = JSON.parse(run.stdout) as { error: { code: string; message: string; hint: string } };
      expect(doc.error.code).toBe('NOT_FOUND');
      expect(doc.error.message).toBe(`there is no plan12b database at ${db}: the folder does not exist`);
      expect(doc.error.hint).toContain('plan12b init');
      expect(existsSync(db)).toBe(false);
    }
  });

  it('an empty folder holds no store: not found, and left empty', async () => {
    const db = join(root, 'empty');
    mkdirSync(db);
    const run = await runCliInProcess(['--db', db, 'fees', '--from', '2025-01-01', '--to', '2025-01-31']);
    expect(run.code).toBe(66);
    expect(run.stderr).toContain(`there is no plan12b database at ${db}: the folder is empty`);
    expect(existsSync(join(db, 'PG_VERSION'))).toBe(false);
  });

  it('a store that exists answers the same query (0)', async () => {
    // a migrated store, as `plan12b init` makes one (init making one: store/database-target-…)
    const store = await freshDatabase('pglite');
    const run = await runCliInProcess([
      '--db',
      store.target,
      'fees',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).classes).toEqual([]);
    await store.drop();
  });

  it('a server URL and a store in memory are not folders to look for', () => {
    const fs = { existsSync: () => false, readdirSync: () => [] };
    expect(missingEmbeddedStore('postgres://u@h/db', fs)).toBeUndefined();
    expect(missingEmbeddedStore(':memory:', fs)).toBeUndefined();
    expect(missingEmbeddedStore('/x/y', fs)).toBe(
      'there is no plan12b database at /x/y: the folder does not exist',
    );
  });
});
