import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { databaseRefusal } from '../../src/store/databaseRefusal.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, serverUrl } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12 and docs/ARCHITECTURE.md "Errors": a connection to the server lost during a write (its
 * backend terminated by the server's owner, a restart) is the database's condition — exit 69, the
 * transaction not committed, nothing written — not a bug of plan12b (exit 70). node-postgres
 * reports a connection error that came while the client was idle only on the next query ("Client
 * has encountered a connection error and is not queryable"), and the transaction's ROLLBACK, which
 * failed the same way, put its own error in place of the one that stopped the write.
 *
 * The server alone has connections; PGlite runs in the process. No timing luck: the write is held
 * at a fault point (until SIGUSR2) while its backend is terminated and seen gone.
 */

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');

/** Terminates every other backend of the store's database, and waits until they are gone. */
async function terminateOtherBackends(target: string): Promise<number> {
  const u = new URL(target);
  u.searchParams.delete('schema');
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND application_name LIKE 'plan12b%'`,
    );
    for (const { pid } of rows) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    // gone, not only told to go (a condition looked at again, not a sleep)
    for (;;) {
      const left = await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])', [
        rows.map((r) => r.pid),
      ]);
      if (left.rows.length === 0) break;
      await new Promise((r) => setImmediate(r));
    }
    return rows.length;
  } finally {
    await admin.end();
  }
}

describe.skipIf(!serverUrl || !seedsAvailable)('a server connection lost mid-write', () => {
  it('is the database’s condition (69), whichever message node-postgres gives', () => {
    const e = databaseRefusal(new Error('Client has encountered a connection error and is not queryable'));
    expect(e?.code).toBe('DATABASE');
    expect(e?.exitCode).toBe(ERROR_CODES.DATABASE.exit);
    expect(e?.message).toMatch(/connection to the database was lost/);
    // plan12b's own: a query on a client it closed itself stays a bug
    expect(databaseRefusal(new Error('Client was closed and is not queryable'))).toBeUndefined();
  });

  it('rates set held in its transaction, its backend terminated: exit 69, nothing written, the next write works', async () => {
    const tdb = await freshDatabase('postgres');
    const db = tdb.target;
    const plan = seedFiles().find((f) => f.includes('002_'))!;
    expect((await runCliInProcess(['--db', db, 'exhibit', 'import', plan])).code).toBe(0);
    const audit = async () => (await runCliInProcess(['--db', db, 'audit', 'log', '--json'])).stdout;
    const before = await audit();
    const rate = ['rates', 'set', '--portfolio', 'AIM Value Fund', '--class', 'C', '--from', '2007-01-02'];

    const child = spawn(process.execPath, [bin, '--db', db, ...rate, '--service-fee', '0.20'], {
      env: { ...process.env, PLAN12B_FAULT: 'change:rates.set:hold', PLAN12B_AUTO_SERVE: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const held = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('fault point change:rates.set reached')) resolve();
      });
      child.on('close', (code) =>
        reject(new Error(`ended (exit ${code}) before its fault point: ${stderr}`)),
      );
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await held;
    expect(await terminateOtherBackends(db)).toBeGreaterThan(0);
    child.kill('SIGUSR2');
    const code = await exited;

    expect({ code, stderr }).toMatchObject({ code: ERROR_CODES.DATABASE.exit });
    expect(stderr).toMatch(/connection to the database was lost/);
    expect(stderr).not.toMatch(/internal error/);
    expect(await audit()).toBe(before);
    expect((await runCliInProcess(['--db', db, 'audit', 'verify'])).code).toBe(0);
    const again = await runCliInProcess(['--db', db, ...rate, '--service-fee', '0.20', '--json']);
    expect(again.code).toBe(0);
    expect(again.json<{ recorded: boolean }>().recorded).toBe(true);
    await tdb.drop();
  });
});
