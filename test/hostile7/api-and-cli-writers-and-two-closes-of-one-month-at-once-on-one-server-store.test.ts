import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { type ApiFixture, apiFixture } from '../api/apiFixture.js';
import { runCliAsync, runCliInProcess } from '../support/cli.js';
import { serverUrl } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Standing rule 3 with every kind of writer at once on one PostgreSQL server store (SPEC §12):
 * `plan12b serve`'s API (uploads by two tokens, a close job) and the CLI (a close in a process of
 * its own, imports in this one), all started together. December 2006 is closed twice at once —
 * by the API and by the CLI — while March and April 2007 are imported: one close seals December,
 * the other is refused 67 (already closed) with nothing written; every import lands whole, each
 * file with one audit record naming its actor; the file sent by the API and by the CLI is
 * recorded once (the later one finds every row unchanged); `audit verify` finds nothing.
 * (The attack held: the writer lock serialises the API's turn and the CLI's processes.)
 *
 * The store (test/api/apiFixture.ts): seed 002, AIM Value Fund C at 36,500,000.00 a business day,
 * 2006-12-01 to 2007-02-28; six Class A classes of seed 002 begin in March. By hand: March 2007
 * has 22 business days (Thu 1, Fri 2, then four full weeks 5–30: 2 + 4 × 5); April 2007 has 20
 * (21 weekdays, 2–30, less Good Friday, April 6): 42 rows a class.
 */
describe.skipIf(!seedsAvailable || !serverUrl)('API and CLI writers on one server store at once', () => {
  let f: ApiFixture;
  let dir: string;
  const wait = process.env.PLAN12B_LOCK_WAIT_SECONDS;
  beforeAll(async () => {
    // every writer outwaits the others, however loaded the machine
    process.env.PLAN12B_LOCK_WAIT_SECONDS = '600';
    f = await apiFixture('postgres');
    dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile7-writers-'));
  });
  afterAll(async () => {
    if (wait === undefined) delete process.env.PLAN12B_LOCK_WAIT_SECONDS;
    else process.env.PLAN12B_LOCK_WAIT_SECONDS = wait;
    await f?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('seals December once, refuses the other close 67, records every file once, and verifies', async () => {
    const env = { PLAN12B_LOCK_WAIT_SECONDS: '600' };
    const cli = (...a: string[]) => ['--db', f.tdb.target, '--actor', 'hostile7 clerk', ...a];
    const file = (name: string, bytes: Buffer) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    // each file a class of its own from March 2007 (a class begins with its first row), so that
    // the files land in any order
    const classFile = (portfolio: string) =>
      Buffer.from(
        [
          'date,portfolio,class,net_assets',
          ...businessDaysBetween('2007-03-01', '2007-04-30').map((d) => `${d},${portfolio},A,1000000.00`),
        ].join('\n'),
      );
    const byApi = [
      'AIM Balanced Fund',
      'AIM Basic Balanced Fund',
      'AIM Global Utilities Fund',
      'AIM Value II Fund',
    ];
    const byCli = ['AIM Select Equity Fund', 'AIM Small Cap Equity Fund'];
    const name = (portfolio: string) => `${portfolio.replaceAll(' ', '-').toLowerCase()}.csv`;
    const upload = (portfolio: string, token: string) =>
      f
        .request('POST', `/api/imports/net-assets?fileName=${name(portfolio)}`, {
          token,
          body: classFile(portfolio),
          type: 'text/csv',
        })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { inserted: number } }));

    const cliClose = runCliAsync(cli('close', '--month', '2006-12', '--json'), env);
    const apiClose = f.request('POST', '/api/close', {
      token: f.tokens.operator,
      type: 'application/json',
      body: '{"month":"2006-12"}',
    });
    const uploads = Promise.all(
      byApi.map((p, i) => upload(p, i % 2 === 0 ? f.tokens.operator : f.tokens.admin)),
    );
    const cliImports = Promise.all(
      // the API's first file, sent by the CLI too
      [...byCli, byApi[0]!].map((p) =>
        runCliInProcess(cli('net-assets', 'import', file(name(p), classFile(p)), '--json'), env),
      ),
    );
    const [closeRun, closeAnswer, uploaded, imported] = await Promise.all([
      cliClose,
      apiClose,
      uploads,
      cliImports,
    ]);
    expect(closeAnswer.status).toBe(202);
    const job = (await closeAnswer.json()) as { id: string };
    await f.jobs.settle();
    const finished = f.jobs.get(job.id)!;

    // one close sealed December, the other refused as already closed (67), whichever came first
    const outcomes = [
      closeRun.code === 0 ? 'sealed' : `exit ${closeRun.code}`,
      finished.state === 'sealed' ? 'sealed' : `exit ${finished.error?.exit}`,
    ].sort();
    expect(outcomes, `${closeRun.stderr} ${JSON.stringify(finished.error)}`).toEqual(['exit 67', 'sealed']);

    for (const u of uploaded) expect(u.status, JSON.stringify(u.body)).toBe(200);
    for (const r of imported) expect(r.code, r.stderr).toBe(0);
    // the file two writers sent: one recorded its 42 days (22 in March, 20 in April), the other
    // found them recorded
    const twice = [uploaded[0]!.body.inserted, imported[2]!.json<{ inserted: number }>().inserted].sort();
    expect(twice).toEqual([0, 42]);

    const rows = await f.store.use((db) =>
      db.query<{ n: string }>(`SELECT count(*)::text AS n FROM net_assets WHERE date >= '2007-03-01'`),
    );
    // six classes of 42 days each
    expect(rows[0]!.n).toBe(String(6 * (22 + 20)));

    const log = await f.store.use((db) => loadAuditLog(db));
    expect(log.filter((r) => r.action === 'month.close').map((r) => r.subject)).toEqual(['2006-12']);
    const files = log.filter((r) => r.action === 'net-assets.import').map((r) => r.subject);
    // each file recorded once, the March file that two writers sent included
    expect(
      files
        .map((s) => s.replace(/^.*\//, ''))
        .filter((s) => s !== 'na.csv')
        .sort(),
    ).toEqual([...byApi, ...byCli].map(name).sort());
    const verify = await runCliInProcess(['--db', f.tdb.target, 'audit', 'verify']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});
