import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { serverUrl } from '../support/databases.js';

/**
 * SPEC §11: `--db postgres://…` is answered as an embedded folder is. Hostile runs on a server:
 * - `?schema=Foo` (upper case) printed "bad schema name Foo" and then never ended: the connection
 *   made before the refusal stayed open (the same with `?schema=pg_catalog`, which exited 70 —
 *   "unacceptable schema name" — and hung too);
 * - a port above 65535 stopped with exit 70 ("Invalid URL", a bug) instead of the command line's
 *   fault (64);
 * - a query on a database or schema that holds no plan12b store (a mistyped `?schema=`, a URL
 *   without a database name, which libpq takes for the user's own) created plan12b's tables there
 *   and answered empty fees, where a missing embedded folder is not found (66) and nothing is made.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const schemaUrl = (schema: string) => {
  const u = new URL(serverUrl!);
  u.searchParams.set('schema', schema);
  return u.toString();
};

/** The CLI as a process of its own, which must end by itself (one still running at 60 s is killed). */
function ends(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'plan12b.js'), ...args], {
      env: { ...process.env, PLAN12B_AUTO_SERVE: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`plan12b ${args.join(' ')} did not end in 600 s; it said: ${stderr}`));
    }, 600_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const made: string[] = [];
async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
afterAll(async () => {
  if (made.length > 0)
    await admin(async (c) => {
      for (const s of made) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    });
});

const schemaExists = (name: string) =>
  admin(
    async (c) => (await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name])).rows.length > 0,
  );
const tablesIn = (name: string) =>
  admin(
    async (c) =>
      (await c.query('SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1', [name])).rows[0]
        .n as number,
  );

describe.skipIf(!serverUrl)('mistakes in a server URL', () => {
  it.each([
    ['an upper-case schema', () => schemaUrl('Foo'), /bad schema name "Foo"/],
    ['a schema of PostgreSQL’s own', () => schemaUrl('pg_catalog'), /bad schema name "pg_catalog"/],
  ])(
    '%s: exit 64, and the process ends',
    async (_what, url, message) => {
      for (const args of [
        ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--json'],
        ['init', '--json'],
      ]) {
        const run = await ends(['--db', url(), ...args]);
        expect({ code: run.code, stderr: run.stderr }).toMatchObject({
          code: 64,
          stderr: expect.stringMatching(message),
        });
      }
    },
    180_000,
  );

  it('a port above 65535: exit 64, the URL named without its password', async () => {
    const u = new URL(serverUrl!);
    const bad = `postgres://someone:pa55w0rd@${u.hostname}:99999/db`;
    const run = await runCliInProcess(['--db', bad, 'fees', '--from', '2025-01-01', '--to', '2025-01-31']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('is not a valid URL');
    expect(run.stderr).toContain(`postgres://someone@${u.hostname}:99999/db`);
    expect(run.stderr).not.toContain('pa55w0rd');
  });
});

describe.skipIf(!serverUrl)('a query on a server database that holds no plan12b store', () => {
  it('a schema that does not exist: exit 66, and the schema is not created', async () => {
    const name = `t_typo_${randomBytes(5).toString('hex')}`;
    made.push(name);
    for (const args of [
      ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--json'],
      ['audit', 'verify', '--json'],
      ['exhibit', 'list', '--json'],
    ]) {
      const run = await runCliInProcess(['--db', schemaUrl(name), ...args]);
      expect({ args, code: run.code }).toEqual({ args, code: 66 });
      expect(run.stderr).toContain(`has no schema ${name}`);
    }
    expect(await schemaExists(name)).toBe(false);
  });

  it('a schema of other tables: exit 66, no table of plan12b is created; init then makes the store', async () => {
    const name = `t_empty_${randomBytes(5).toString('hex')}`;
    made.push(name);
    await admin((c) => c.query(`CREATE SCHEMA ${name}; CREATE TABLE ${name}.notes (x int)`));
    const run = await runCliInProcess([
      '--db',
      schemaUrl(name),
      'schedule',
      '--as-of',
      '2025-06-30',
      '--json',
    ]);
    expect(run.code).toBe(66);
    expect(run.stderr).toContain(`the schema ${name} of the database`);
    expect(await tablesIn(name)).toBe(1);

    // a write still makes a new store there, and queries then answer from it
    expect((await runCliInProcess(['--db', schemaUrl(name), 'init', '--json'])).code).toBe(0);
    const after = await runCliInProcess([
      '--db',
      schemaUrl(name),
      'schedule',
      '--as-of',
      '2025-06-30',
      '--json',
    ]);
    expect(after.code).toBe(0);
    expect(await tablesIn(name)).toBeGreaterThan(1);
  });
});
