import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/database.js';
import { setRunningCommand } from '../../src/store/runningCommand.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * The writer lock on a server is an advisory lock keyed by the schema's name; advisory locks are
 * per database, but `pg_locks` lists every database's. Found while racing an import and a close
 * on a shared server: the waiting close said "in use by process N (plan12b: plan12b demo)" — a
 * demo building another database with the same schema name — instead of the import that held
 * its own. The holder named must be the one in this database.
 */
describe.skipIf(!dialects.includes('postgres'))('the holder of a server store’s writer lock', () => {
  const opened: Database[] = [];
  const stores: TestDatabase[] = [];
  afterEach(async () => {
    setRunningCommand('plan12b');
    delete process.env.PLAN12B_LOCK_WAIT_SECONDS;
    for (const db of opened.splice(0)) await db.close();
    for (const s of stores.splice(0)) await s.drop();
  });

  it('is the one holding it in this database, whatever other databases hold under the same key', async () => {
    const releases: (() => void)[] = [];
    const held: Promise<unknown>[] = [];
    // four stores; each one's lock held by a command named after it (its application_name)
    for (let i = 0; i < 4; i++) {
      const store = await freshDatabase('postgres');
      stores.push(store);
      setRunningCommand(`holder ${i}`);
      const db = await openDatabase(store.target);
      opened.push(db);
      let entered!: () => void;
      const inside = new Promise<void>((res) => {
        entered = res;
      });
      const release = new Promise<void>((res) => releases.push(res));
      held.push(
        db.withWriterLock(async () => {
          entered();
          await release;
        }),
      );
      await inside;
    }
    process.env.PLAN12B_LOCK_WAIT_SECONDS = '0';
    for (const i of [3, 0, 2, 1]) {
      setRunningCommand('waiter');
      const waiter = await openDatabase(stores[i]!.target);
      opened.push(waiter);
      const err = await waiter.withWriterLock(async () => 'not refused').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(
        // the holding command's own process (this one), not its server backend's id
        new RegExp(`in use by process ${process.pid} \\(holder ${i}\\)$`),
      );
    }
    for (const r of releases) r();
    await Promise.all(held);
  });
});
