import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { serverUrl } from '../support/databases.js';

/**
 * SPEC §12 (one writer at a time) on a server: the writer lock is PostgreSQL's advisory lock of
 * the store's schema. It was keyed by the URL's `?schema=` ("public" without one), so two URLs
 * naming one store differently — `?schema=foo`, and no `?schema=` on a database or role whose
 * search_path is `foo` (here: the connection's `options=-c search_path=foo`) — took two locks.
 * Hostile run: two `prime-rate import`s of the same file through the two URLs both ran, both
 * reported "4 new" and both appended an audit record, where one must wait (exit 69 after
 * PLAN12B_LOCK_WAIT_SECONDS) and the other find the file unchanged.
 */

const name = `t_lock_${randomBytes(5).toString('hex')}`;

afterAll(async () => {
  if (!serverUrl) return;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await c.end();
});

describe.skipIf(!serverUrl)('the writer lock of a server store named two ways', () => {
  it('?schema=NAME and a search_path of NAME take the same lock: the second writer waits', async () => {
    const bySchema = new URL(serverUrl!);
    bySchema.searchParams.set('schema', name);
    const bySearchPath = new URL(serverUrl!);
    bySearchPath.searchParams.set('options', `-c search_path=${name}`);

    const a = await openDatabase(bySchema.toString());
    await migrate(a);
    const b = await openDatabase(bySearchPath.toString());
    // the same store: what one sees, the other sees
    expect(await b.query<{ s: string }>('SELECT current_schema() AS s')).toEqual([{ s: name }]);

    const wait = process.env.PLAN12B_LOCK_WAIT_SECONDS;
    process.env.PLAN12B_LOCK_WAIT_SECONDS = '0';
    try {
      const second = await a.withWriterLock(() => b.withWriterLock(async () => 'both held').catch((e) => e));
      expect(second).toBeInstanceOf(Plan12bError);
      expect((second as Plan12bError).exitCode).toBe(69);
      expect((second as Plan12bError).message).toMatch(/is in use by process/);
      // and the other way round
      const first = await b.withWriterLock(() => a.withWriterLock(async () => 'both held').catch((e) => e));
      expect((first as Plan12bError).exitCode).toBe(69);
      // once released, either takes it
      expect(await b.withWriterLock(async () => 'b alone')).toBe('b alone');
    } finally {
      if (wait === undefined) delete process.env.PLAN12B_LOCK_WAIT_SECONDS;
      else process.env.PLAN12B_LOCK_WAIT_SECONDS = wait;
      await a.close();
      await b.close();
    }
  });
});
