import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../../src/api/server.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { serverUrl } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture, netAssetsCsv } from './apiFixture.js';

/**
 * SPEC §11–§12, concurrent users on a PostgreSQL server: `plan12b serve` (started in this process,
 * asked over HTTP) lends each request one of a few connections, and a write waits for the writer lock (the advisory lock another process —
 * a CLI close, an import — holds) for as long as that one takes. Writes waiting must not take
 * every connection: the API still reads (and authenticates) meanwhile, the writes run one after
 * another once the lock is free, each audited with its token's actor, beside a CLI write on the
 * same database, and the audit chain verifies.
 *
 * Before the fix, six uploads during another process's write took all three connections, each
 * polling for the lock, and every other request — a viewer's GET /api/fees — waited with them.
 *
 * The store (test/api/apiFixture.ts): the AIM plan (seed 002) and AIM Value Fund C at
 * 36,500,000.00 every business day from 2006-12-01 to 2007-02-28, non-business days carried.
 * Class C pays 0.75% distribution and 0.25% service fee a year: 36,500,000.00 × 1.00% / 365 =
 * 1,000.00 a day (750.00 + 250.00).
 */

/** AIM Balanced Fund C, as netAssetsCsv writes AIM Value Fund C (covered by the plan alike). */
const balancedFund = (csv: Buffer) =>
  Buffer.from(csv.toString().replaceAll('AIM Value Fund,', 'AIM Balanced Fund,'));

describe.skipIf(!seedsAvailable || !serverUrl)('API writes waiting for another writer (server)', () => {
  let f: ApiFixture;
  let other: Database;
  let server: RunningServer;
  /** a request to `plan12b serve` over HTTP, as a client sends it */
  const request = (
    method: string,
    path: string,
    opts: { token?: string; body?: Buffer; type?: string } = {},
  ) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${opts.token ?? f.tokens.viewer}`,
        ...(opts.type ? { 'content-type': opts.type } : {}),
      },
      ...(opts.body ? { body: opts.body } : {}),
    });
  const lockWait = process.env.PLAN12B_LOCK_WAIT_SECONDS;
  beforeAll(async () => {
    // every waiting writer outwaits the held lock, however loaded the machine
    process.env.PLAN12B_LOCK_WAIT_SECONDS = '600';
    f = await apiFixture('postgres');
    other = await f.tdb.open();
    // `plan12b serve` on the same database, in this process, with three connections
    server = await startServer({
      dbTarget: f.tdb.target,
      port: 0,
      host: '127.0.0.1',
      connections: 3,
      logger: pino({ level: 'silent' }),
      rateLimit: { perSecond: 0, burst: 0 },
    });
  });
  afterAll(async () => {
    if (lockWait === undefined) delete process.env.PLAN12B_LOCK_WAIT_SECONDS;
    else process.env.PLAN12B_LOCK_WAIT_SECONDS = lockWait;
    await server?.close();
    await other?.close();
    await f?.close();
  });

  it('leave a connection to read with; then run one by one, each audited, beside a CLI write', async () => {
    // another writer (as a CLI close would) holds the writer lock until told to let go
    let letGo!: () => void;
    const held = new Promise<void>((r) => {
      letGo = r;
    });
    let taken!: () => void;
    const lockTaken = new Promise<void>((r) => {
      taken = r;
    });
    const holding = other.withWriterLock(async () => {
      taken();
      await held;
    });
    await lockTaken;

    // the writers' notices ("waiting up to … for the database …"), written on this process's stderr
    let noticed!: () => void;
    const aWriterWaits = new Promise<void>((r) => {
      noticed = r;
    });
    const write = process.stderr.write.bind(process.stderr);
    const watch = vi.spyOn(process.stderr, 'write').mockImplementation(((
      chunk: string | Uint8Array,
      ...rest: never[]
    ) => {
      if (String(chunk).includes('waiting up to')) noticed();
      return write(chunk, ...rest);
    }) as typeof process.stderr.write);

    // six uploads of one file (three connections), and a CLI import of another class's March on
    // the same database: whatever order they run in, each is accepted
    const uploads = Array.from({ length: 6 }, () =>
      request('POST', '/api/imports/net-assets?fileName=march.csv', {
        token: f.tokens.operator,
        body: netAssetsCsv('2007-03-01', '2007-03-31'),
        type: 'text/csv',
      }),
    );
    // once one upload waits for the lock, the others are waiting for it or for a connection
    await aWriterWaits;
    // A viewer reads while they all wait: January 2007, 31 days (1 January carried from 29 December)
    // × 1,000.00 = 31,000.00 (23,250.00 + 7,750.00). The guard only ends a failing test.
    let guard: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      request('GET', '/api/fees?from=2007-01-01&to=2007-01-31').then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { classes: { portfolio: string; class: string; totalFee: string }[] },
      })),
      new Promise<'still waiting'>((r) => {
        guard = setTimeout(() => r('still waiting'), 60_000);
      }),
    ]);
    clearTimeout(guard);
    watch.mockRestore();
    // a CLI write on the same database, waiting for the lock as the uploads do
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-api-writers-'));
    const balanced = join(dir, 'balanced-march.csv');
    writeFileSync(balanced, balancedFund(netAssetsCsv('2007-03-01', '2007-03-31')));
    let cliWaits!: () => void;
    const cliWaiting = new Promise<void>((r) => {
      cliWaits = r;
    });
    const cli = runCliInProcess(
      ['--db', f.tdb.target, '--actor', 'CLI Clerk', 'net-assets', 'import', balanced],
      {},
      (stderr) => {
        if (stderr.includes('waiting up to')) cliWaits();
      },
    );
    await cliWaiting;

    letGo();
    await holding;
    const responses = await Promise.all(uploads);
    const statuses = responses.map((r) => r.status);
    const answers = (await Promise.all(responses.map((r) => r.json()))) as {
      inserted: number;
      unchanged: number;
    }[];
    const cliRun = await cli;

    expect(answered).not.toBe('still waiting');
    if (answered === 'still waiting') return;
    expect(answered.status).toBe(200);
    expect(answered.body.classes.map((c) => [c.portfolio, c.class, c.totalFee])).toEqual([
      ['AIM Value Fund', 'C', '31000.00'],
    ]);

    // March 2007 has 22 business days: the first upload to run records them, the others find
    // them recorded (idempotent), whichever that is
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.map((a) => [a.inserted, a.unchanged]).sort()).toEqual([
      [0, 22],
      [0, 22],
      [0, 22],
      [0, 22],
      [0, 22],
      [22, 0],
    ]);
    expect(cliRun.code, cliRun.stderr).toBe(0);
    const log = await f.store.use((db) => loadAuditLog(db));
    const imports = log.filter((r) => r.action === 'net-assets.import' && r.subject !== 'na.csv');
    expect(imports.map((r) => [r.subject, r.actor]).sort()).toEqual([
      ['balanced-march.csv', 'CLI Clerk'],
      ['march.csv', 'token:operator (operator)'],
    ]);
    expect((await runCliInProcess(['--db', f.tdb.target, 'audit', 'verify'])).code).toBe(0);

    // Money: March 2007, 31 days × 1,000.00 for each of the two classes, each day once.
    const fees = await request('GET', '/api/fees?from=2007-03-01&to=2007-03-31');
    expect(fees.status).toBe(200);
    expect(
      (
        (await fees.json()) as { classes: { portfolio: string; class: string; totalFee: string }[] }
      ).classes.map((c) => [c.portfolio, c.class, c.totalFee]),
    ).toEqual([
      ['AIM Balanced Fund', 'C', '31000.00'],
      ['AIM Value Fund', 'C', '31000.00'],
    ]);
  });
});
