import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdentity } from '../../src/buildIdentity.js';
import { forwardToServe } from '../../src/cli/serveForward.js';
import {
  type ServeDiscovery,
  serveDiscoveryPath,
  writeServeDiscovery,
} from '../../src/store/serveDiscovery.js';
import { runCliAsync } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Issue 13 item 4: a discovery file that no longer leads to a live `plan12b serve` of this build
 * is ignored — the command runs in-process, as if the file were not there — and removed when its
 * process is gone. Fake servers stand in for a server that refuses the connection, refuses the
 * credential, or would answer a CLI of another build.
 */
describe('a stale discovery file of plan12b serve', () => {
  let tdb: TestDatabase;
  let fake: Server;
  let fakePort: number;
  let fakeRequests = 0;
  let fakeStatus = 401;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    fake = createServer((req, res) => {
      fakeRequests++;
      req.resume();
      req.on('end', () => {
        res.writeHead(fakeStatus, { 'content-type': 'application/json' });
        // a note on stderr written between two parts of the table
        res.end(
          JSON.stringify({
            exitCode: 0,
            stdout: 'head\nbody\n',
            stderr: 'note: between\n',
            sequence: [
              ['stdout', 5],
              ['stderr', 14],
              ['stdout', 5],
            ],
          }),
        );
      });
    });
    await new Promise<void>((ok) => fake.listen(0, '127.0.0.1', ok));
    fakePort = (fake.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((ok) => fake.close(ok));
    await tdb.drop();
  });

  const line = () => ['--db', tdb.target, 'schedule', '--as-of', '2025-06-30'];
  const silent = { out: () => {}, err: () => {} };
  const discovery = (over: Partial<ServeDiscovery>): ServeDiscovery => ({
    pid: process.pid,
    host: '127.0.0.1',
    port: fakePort,
    credential: 'p12b_run_not-the-credential',
    build: buildIdentity() ?? 'unbuilt',
    db: resolve(tdb.target),
    startedAt: new Date().toISOString(),
    ...over,
  });
  /** the id of a process that has ended */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

  it('is removed when its process is gone, and the line runs in-process', async () => {
    writeServeDiscovery(tdb.target, discovery({ pid: deadPid() }));
    const before = fakeRequests;
    expect(await forwardToServe(line(), {}, silent)).toBeUndefined();
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
    expect(fakeRequests).toBe(before); // nothing was asked
  });

  it('is ignored, and kept, when the server refuses the connection or the credential', async () => {
    // a port nobody listens on: one that was free a moment ago
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    writeServeDiscovery(tdb.target, discovery({ port: freePort }));
    expect(await forwardToServe(line(), {}, silent)).toBeUndefined();
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(true);

    writeServeDiscovery(tdb.target, discovery({}));
    fakeStatus = 401;
    const before = fakeRequests;
    expect(await forwardToServe(line(), {}, silent)).toBeUndefined();
    expect(fakeRequests).toBe(before + 1);
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(true);
  });

  it('is not asked by a CLI of another build, nor for another folder, nor on a PostgreSQL URL', async () => {
    fakeStatus = 200;
    const before = fakeRequests;
    writeServeDiscovery(tdb.target, discovery({ build: '0.0.0+another-build' }));
    expect(await forwardToServe(line(), {}, silent)).toBeUndefined();
    writeServeDiscovery(tdb.target, discovery({ db: resolve(tdb.target, '..', 'another-folder') }));
    expect(await forwardToServe(line(), {}, silent)).toBeUndefined();
    expect(
      await forwardToServe(
        ['--db', 'postgres://127.0.0.1/none', 'schedule', '--as-of', '2025-06-30'],
        {},
        silent,
      ),
    ).toBeUndefined();
    expect(fakeRequests).toBe(before);
    // the same file, of this build and folder: a 200 answer is printed as the server gave it, in
    // the order the command wrote it
    writeServeDiscovery(tdb.target, discovery({}));
    const writes: string[] = [];
    const code = await forwardToServe(
      line(),
      {},
      {
        out: (t) => writes.push(`1:${t}`),
        err: (t) => writes.push(`2:${t}`),
      },
    );
    expect({ code, writes }).toEqual({ code: 0, writes: ['1:head\n', '2:note: between\n', '1:body\n'] });
  });

  it('does not stop the real CLI: with the file of a process gone, it answers in-process and removes the file', async () => {
    writeServeDiscovery(tdb.target, discovery({ pid: deadPid() }));
    const run = await runCliAsync([...line(), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ asOf: '2025-06-30', count: 0 });
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
  });
});
