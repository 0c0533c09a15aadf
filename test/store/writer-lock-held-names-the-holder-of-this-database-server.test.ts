import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { freshDatabase, serverUrl } from '../support/databases.js';

/**
 * The writer lock on a PostgreSQL server is an advisory lock of the database (src/store/database.ts):
 * two databases of one server can each have a holder of the same key. When a command gives up
 * waiting, the process it names must be the one holding the lock of *its* database, not a process
 * of another database that happens to hold the same key.
 */

/** The lock's keys, computed here independently: class 0x12b1, FNV-1a (31 bits) of the schema. */
function lockKeysOf(target: string): [number, number] {
  const schema = new URL(target).searchParams.get('schema') ?? 'public';
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(schema, 'utf8')) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [0x12b1, h & 0x7fffffff];
}

async function clientOf(target: string): Promise<pg.Client> {
  const u = new URL(target);
  u.searchParams.delete('schema');
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  return c;
}

describe.skipIf(!serverUrl)('the writer lock held: the message names this database’s holder', () => {
  const clients: pg.Client[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  });

  it('names the process of its own database, not the holders of the same key in another', async () => {
    const mine = await freshDatabase('postgres');
    const other = await freshDatabase('postgres');
    const keys = lockKeysOf(mine.target);
    expect(lockKeysOf(other.target)).toEqual(keys);

    // Four sessions of the other database hold the same key (shared), one of this database holds it.
    for (let i = 0; i < 4; i++) {
      const c = await clientOf(other.target);
      clients.push(c);
      await c.query('SELECT pg_advisory_lock_shared($1, $2)', keys);
    }
    const holder = await clientOf(mine.target);
    clients.push(holder);
    await holder.query('SELECT pg_advisory_lock($1, $2)', keys);
    const holderPid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;

    const before = process.env.PLAN12B_LOCK_WAIT_SECONDS;
    process.env.PLAN12B_LOCK_WAIT_SECONDS = '0';
    const db = await mine.open();
    try {
      const err = await db.withWriterLock(async () => 'acquired').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Plan12bError);
      expect((err as Plan12bError).message).toContain(`in use by process ${holderPid}`);
    } finally {
      if (before === undefined) delete process.env.PLAN12B_LOCK_WAIT_SECONDS;
      else process.env.PLAN12B_LOCK_WAIT_SECONDS = before;
      await db.close();
    }
  });
});
