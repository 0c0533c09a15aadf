import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';

/**
 * `plan12b serve` serves the dashboard's files from web/dist to anyone who can reach it, before
 * any token is asked. A path that climbs out of that folder — `..` written encoded, doubly encoded,
 * with backslashes, with a doubled slash — must never answer a file beside it (the store's folder,
 * its discovery file with the run credential, sit beside the data, not in web/dist, but the
 * attack is the same). Sent over a real socket, as written (a URL parser would have folded a
 * plain `..` before the server saw it). The attack held: each is the index, a 400 or a 404.
 */
describe('paths climbing out of the dashboard folder', () => {
  const top = mkdtempSync(join(tmpdir(), 'plan12b-hostile7-web-'));
  const root = join(top, 'dist');
  let server: ReturnType<typeof serve>;
  let port: number;
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>plan12b</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(top, 'secret.txt'), 'THE-SECRET');
    // no request below reaches the store
    const { app } = createApp({} as ApiStore, { webRoot: root });
    await new Promise<void>((ok) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok());
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    rmSync(top, { recursive: true, force: true });
  });

  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      req.end();
    });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%252fsecret.txt',
    '/%5c..%5csecret.txt',
    '/..\\secret.txt',
    '//../secret.txt',
    '/assets/../../secret.txt',
  ])('%s never answers the file beside web/dist', async (path) => {
    const res = await get(path);
    expect(res.body, `${path}: ${res.status}`).not.toContain('THE-SECRET');
    expect([200, 400, 404], path).toContain(res.status);
  });

  it('still serves the dashboard own files', async () => {
    expect((await get('/assets/app.js')).body).toBe('console.log(1)');
  });
});
