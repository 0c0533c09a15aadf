import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `plan12b serve` end to end (issue 13 item 1): a token made with `plan12b tokens create`, the
 * server started on a free port of 127.0.0.1, /openapi.json fetched, a request with and without
 * the token; SIGTERM stops it cleanly.
 */
describe('plan12b serve, spawned', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('serves /openapi.json and answers a token holder, on a free port of 127.0.0.1', async () => {
    const created = await runCliAsync([
      '--db',
      tdb.target,
      'tokens',
      'create',
      '--name',
      'e2e',
      '--role',
      'viewer',
      '--json',
    ]);
    expect(created.code).toBe(0);
    const { token } = created.json<{ token: string }>();
    const listed = await runCliAsync(['--db', tdb.target, 'tokens', 'list', '--json']);
    expect(listed.json()).toMatchObject({ tokens: [{ name: 'e2e', role: 'viewer', revokedAt: null }] });
    expect(listed.stdout).not.toContain(token); // stored hashed, never shown again

    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'plan12b.js'), '--db', tdb.target, 'serve', '--port', '0', '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PLAN12B_LOG_LEVEL: 'warn' },
      },
    );
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const { url } = JSON.parse(line) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string; paths: object };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/api/registry/schedule');
      expect((await fetch(`${url}/api/months`)).status).toBe(401);
      const months = await fetch(`${url}/api/months`, { headers: { authorization: `Bearer ${token}` } });
      // nothing closed and no net assets recorded: no month is the next to close (SPEC §12)
      expect(await months.json()).toEqual({ months: [], nextToClose: null });
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
