import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseRefusal } from '../../src/store/databaseRefusal.js';
import { type ApiFixture, apiFixture, netAssetsCsv } from '../api/apiFixture.js';
import { freshDatabase, serverUrl } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * A PostgreSQL server ends plan12b's sessions under it — restarted, failed over, an idle-session
 * timeout, an administrator's pg_terminate_backend. Each command in flight is refused as a
 * database condition (69, HTTP 503), nothing written; what comes after must work again:
 *
 * - a store whose connection was lost at BEGIN answered every later transaction "nested
 *   transaction", a bug (exit 70, HTTP 500), since its BEGIN stood outside the block that ends
 *   the transaction; now it says again that the connection was lost (69);
 * - `plan12b serve` kept its lost connections in its pool for good: every request after a server
 *   restart was refused (503, or 500 as above) until serve itself was restarted. A connection
 *   found lost is now replaced by a new one before it is lent, so reads and uploads answer again.
 */

/** Ends every session of the database `target` names but the caller's, and waits until they are gone. */
async function terminateSessions(target: string): Promise<number> {
  const c = new pg.Client({ connectionString: target });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND application_name LIKE 'plan12b %'`,
    );
    for (const { pid } of rows) await c.query('SELECT pg_terminate_backend($1)', [pid]);
    // gone, not only told to go (a backend ends between statements)
    for (;;) {
      const left = await c.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])', [
        rows.map((r) => r.pid),
      ]);
      if (left.rowCount === 0) return rows.length;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await c.end();
  }
}

describe.skipIf(!serverUrl)('a store whose server session was terminated', () => {
  it('refuses each later transaction as the lost connection it is (69), never "nested transaction"', async () => {
    const tdb = await freshDatabase('postgres');
    const db = await tdb.open();
    try {
      expect(await terminateSessions(tdb.target)).toBe(1);
      for (let i = 0; i < 2; i++) {
        const err = await db
          .transaction(async (tx) => tx.query('SELECT 1'))
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).message).not.toBe('nested transaction');
        expect(databaseRefusal(err)?.message).toMatch(/^the connection to the database was lost/);
      }
    } finally {
      await db.close().catch(() => {});
      await tdb.drop();
    }
  });
});

describe.skipIf(!serverUrl || !seedsAvailable)(
  'plan12b serve after its server sessions were terminated',
  () => {
    let f: ApiFixture;
    beforeAll(async () => {
      f = await apiFixture('postgres');
    });
    afterAll(async () => {
      await f?.close();
    });

    it('answers reads and records an upload with its token actor again', async () => {
      const fees = () => f.request('GET', '/api/fees?from=2007-01-01&to=2007-01-31');
      const before = await fees();
      expect(before.status).toBe(200);
      const expected = await before.json();
      // the fixture's store keeps 3 connections (test/api/apiFixture.ts)
      expect(await terminateSessions(f.tdb.target)).toBe(3);

      for (let i = 0; i < 4; i++) {
        const r = await fees();
        expect(r.status, await r.clone().text()).toBe(200);
        expect(await r.json()).toEqual(expected);
      }
      const upload = await f.request('POST', '/api/imports/net-assets?fileName=march.csv', {
        token: f.tokens.operator,
        body: netAssetsCsv('2007-03-01', '2007-03-30'),
        type: 'text/csv',
      });
      expect(upload.status, await upload.clone().text()).toBe(200);
      const log = await f.request('GET', '/api/audit/log', { token: f.tokens.auditor });
      expect(log.status).toBe(200);
      const records = (
        (await log.json()) as { records: { action: string; subject: string; actor: string }[] }
      ).records;
      expect(records.at(-1)).toMatchObject({
        action: 'net-assets.import',
        subject: 'march.csv',
        actor: 'token:operator (operator)',
      });
      const verified = await f.request('GET', '/api/audit/verify', { token: f.tokens.auditor });
      expect(verified.status).toBe(200);
    });
  },
);
