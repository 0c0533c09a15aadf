import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTimeoutMs } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';

/**
 * SPEC §11, a server by URL: a `--db` whose host and port accept a connection and never answer —
 * a wrong port of another service, a proxy or a tunnel with nothing behind it — is "the database
 * cannot be reached" (exit 69) within the URL's `connect_timeout` (seconds, as libpq; else
 * $PGCONNECT_TIMEOUT, else 30 s). Hostile run: node-postgres waits for ever by default, and
 * `plan12b fees` and `plan12b init` against such a port never ended.
 */

let silent: Server;
let port = 0;
const sockets: Socket[] = [];

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket); // accepted, and never a byte in answer
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe('a server URL whose port never answers', () => {
  it.each([
    ['a query', ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--json']],
    ['a write', ['init', '--json']],
  ])(
    '%s: exit 69 after connect_timeout, naming the wait',
    async (_what, args) => {
      const url = `postgres://someone@127.0.0.1:${port}/db?connect_timeout=1`;
      const run = await runCliInProcess(['--db', url, ...args]);
      expect(run.code).toBe(69);
      expect(run.stderr).toContain(`cannot connect to 127.0.0.1:${port}: no answer in 1 s`);
    },
    60_000,
  );

  it('waits 30 s unless the URL or $PGCONNECT_TIMEOUT says otherwise (0: for ever, as libpq)', () => {
    const u = (q = '') => new URL(`postgres://u@h/db${q}`);
    expect(connectTimeoutMs(u(), {})).toBe(30_000);
    expect(connectTimeoutMs(u('?connect_timeout=5'), {})).toBe(5_000);
    expect(connectTimeoutMs(u('?connect_timeout=0'), {})).toBe(0);
    expect(connectTimeoutMs(u(), { PGCONNECT_TIMEOUT: '7' })).toBe(7_000);
    expect(connectTimeoutMs(u('?connect_timeout=2'), { PGCONNECT_TIMEOUT: '7' })).toBe(2_000);
    expect(connectTimeoutMs(u('?connect_timeout=soon'), {})).toBe(30_000);
  });
});
