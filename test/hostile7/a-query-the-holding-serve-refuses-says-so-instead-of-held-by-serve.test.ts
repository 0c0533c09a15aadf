import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdentity } from '../../src/buildIdentity.js';
import { forwardToServe } from '../../src/cli/serveForward.js';
import { dataFolderLockPath } from '../../src/store/dataFolderLockPath.js';
import { type ServeDiscovery, writeServeDiscovery } from '../../src/store/serveDiscovery.js';
import { lockFileText } from '../../src/store/writerLock.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Issue 13 item 4, left by hostile6: a query on an embedded folder that `plan12b serve` holds is
 * asked of that server; any answer but a 200 made the CLI run the line in-process, where the
 * folder's lock — held by that very server — refused it at once as "held by plan12b serve … it
 * answers query commands for the CLI" (69): the server's own answer (its run credential refused,
 * a database it cannot read, a bug: 500, exit 70) was never shown, and the message said the
 * opposite of what had happened. Now, when the server that refused is the folder's lock holder,
 * the CLI prints its refusal — named as the server's, with its message — and exits with the exit
 * code of its error document (69 when it has none); a server that does not hold the lock (a
 * stale discovery file whose port another process answers) is still ignored, the line run
 * in-process. A fake server stands in for serve; this process holds the lock as serve would.
 */
describe('a forwarded query the holding serve refuses', () => {
  let tdb: TestDatabase;
  let fake: Server;
  let port: number;
  let answer: { status: number; body: string } = { status: 500, body: '' };

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    fake = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((ok) => fake.listen(0, '127.0.0.1', ok));
    port = (fake.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((ok) => fake.close(ok));
    rmSync(dataFolderLockPath(tdb.target), { force: true });
    await tdb.drop();
  });

  const line = ['--db', '', 'schedule', '--as-of', '2025-06-30'];
  const discovery = (): ServeDiscovery => ({
    pid: process.pid,
    host: '127.0.0.1',
    port,
    credential: 'p12b_run_not-the-credential',
    build: buildIdentity() ?? 'unbuilt',
    db: resolve(tdb.target),
    startedAt: new Date().toISOString(),
  });
  const errorDocument = (code: string, exit: number, message: string) =>
    JSON.stringify({ error: { code, exit, message, hint: 'see the server log', problems: [] } });
  const forward = async (...more: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await forwardToServe(
      [...line.map((a) => (a === '' ? tdb.target : a)), ...more],
      {},
      { out: (t) => out.push(t), err: (t) => err.push(t) },
    );
    return { code, out: out.join(''), err: err.join('') };
  };

  it('prints the refusal of the serve that holds the folder, with its exit code', async () => {
    writeServeDiscovery(tdb.target, discovery());
    writeFileSync(dataFolderLockPath(tdb.target), lockFileText('plan12b serve'));

    answer = { status: 500, body: errorDocument('INTERNAL', 70, 'internal error: boom') };
    const bug = await forward();
    expect(bug.code).toBe(70);
    expect(bug.err).toContain(`plan12b serve (process ${process.pid}, http://127.0.0.1:${port})`);
    expect(bug.err).toContain('refused this query (HTTP 500): internal error: boom');
    expect(bug.err).not.toContain('answers query commands for the CLI');

    answer = { status: 401, body: errorDocument('UNAUTHORIZED', 75, 'the token is not known') };
    const credential = await forward();
    expect(credential.code).toBe(75);
    expect(credential.err).toContain('refused this query (HTTP 401): the token is not known');
    // --json: the error document on stdout too, as the CLI prints its own
    const asJson = await forward('--json');
    expect(asJson.code).toBe(75);
    expect(JSON.parse(asJson.out)).toMatchObject({
      error: { code: 'UNAUTHORIZED', exit: 75, message: expect.stringContaining('the token is not known') },
    });

    // an answer that is not an error document: said as the status, exit 69 (the store not reachable)
    answer = { status: 502, body: '<html>bad gateway</html>' };
    const other = await forward();
    expect(other.code).toBe(69);
    expect(other.err).toContain('refused this query (HTTP 502)');
  });

  it('still runs the line in-process when the server that refused does not hold the folder', async () => {
    rmSync(dataFolderLockPath(tdb.target), { force: true });
    writeServeDiscovery(tdb.target, discovery());
    answer = { status: 401, body: errorDocument('UNAUTHORIZED', 75, 'the token is not known') };
    expect((await forward()).code).toBeUndefined();
  });
});
