import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

// test/support/storeSnapshot.ts keeps a handle's table list from its last snapshot: a table that
// comes or goes afterwards must still show, as it did when every snapshot read the list anew.
describe('storeSnapshot with the table list kept', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('a row written, a table created, a table dropped: each changes the snapshot; nothing written, none', async () => {
    const first = await storeSnapshot(db);
    expect(Object.keys(first)).toContain('audit_log');
    expect(Object.keys(first)).not.toContain('schema_migration');
    expect(await storeSnapshot(db)).toEqual(first);

    await db.query("INSERT INTO setting (key, value, recorded_by) VALUES ('snapshot.test', 'x', 'test')");
    const written = await storeSnapshot(db);
    expect(written).not.toEqual(first);
    expect(written.setting).not.toBe(first.setting);

    await db.query('CREATE TABLE extra_rows (n integer)');
    const created = await storeSnapshot(db);
    expect(created).toEqual({ ...written, extra_rows: '0 rows 0' });
    await db.query('INSERT INTO extra_rows VALUES (1)');
    expect((await storeSnapshot(db)).extra_rows).toMatch(/^1 rows /);

    await db.query('DROP TABLE extra_rows');
    expect(await storeSnapshot(db)).toEqual(written);
  });
});
