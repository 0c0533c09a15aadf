import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { type CliRun, runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, pgliteCopyOf, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { startWatchedCli, type WatchedCli } from '../support/watchedCli.js';

/**
 * The races of issue 9, made certain: the first command is held at a fault point
 * (PLAN12B_FAULT=NAME:hold) until SIGUSR2, the second is started and seen waiting for the
 * writer lock (its "waiting … in use by process N" line), and only then is the first released.
 * The first is a process of its own (the built CLI, spawned); the second runs in the test's own
 * process ({@link runCliInProcess}): two processes still, as the lock sees them, at the cost of
 * one spawn.
 */

/** A command run in this process beside the spawned one, watched on stderr as {@link start} is. */
function startInProcess(
  args: readonly string[],
  env: Record<string, string>,
): { saw(text: string): Promise<void>; readonly done: Promise<CliRun> } {
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const done = runCliInProcess(args, env, (soFar) => {
    stderr = soFar;
    for (const w of waiters.splice(0)) {
      if (stderr.includes(w.text)) w.resolve();
      else waiters.push(w);
    }
  });
  return {
    done,
    saw: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void done.then(
          (r) => {
            if (!stderr.includes(text))
              reject(
                new Error(`never saw "${text}"; exit ${r.code}, stdout: ${r.stdout}, stderr: ${r.stderr}`),
              );
          },
          (e) => reject(e),
        );
      }),
  };
}

/** `close --month` held at a fault point until released with SIGUSR2. */
async function heldClose(db: string, month: string, point: string): Promise<WatchedCli> {
  const close = startWatchedCli(['--db', db, 'close', '--month', month], { PLAN12B_FAULT: `${point}:hold` });
  await close.saw(`fault point ${point} reached`);
  return close;
}

function netAssetsCsv(dir: string, name: string, rows: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, ['date,portfolio,class,net_assets', ...rows].join('\n'));
  return file;
}

/**
 * Exhibit 002 and AIM Value Fund C at 36,500,000.00 a day from 2007-01-02 to 2007-02-28, imported
 * through the import pipeline as `exhibit import` and `net-assets import` run it, on one open store.
 */
async function importHistory(tdb: TestDatabase, dir: string): Promise<void> {
  const exhibit = seedFiles().find((f) => f.includes('002_'))!;
  const na = netAssetsCsv(
    dir,
    'na.csv',
    businessDaysBetween('2007-01-02', '2007-02-28').map((d) => `${d},AIM Value Fund,C,36500000.00`),
  );
  const db = await tdb.open();
  try {
    expect(
      (await importExhibits(db, [{ fileName: exhibit, bytes: readFileSync(exhibit) }])).imported,
    ).toHaveLength(1);
    await importNetAssets(db, na, readFileSync(na));
  } finally {
    await db.close();
  }
}

/** The PGlite store with the history, built once per file (then copied: each test races on its own). */
let pgliteHistory: Promise<TestDatabase> | undefined;

/** A store of its own holding the history (importHistory); the races are the tests' subject. */
async function setUp(
  dialect: 'pglite' | 'postgres',
): Promise<{ tdb: TestDatabase; db: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-race-'));
  let tdb: TestDatabase;
  if (dialect === 'pglite') {
    pgliteHistory ??= (async () => {
      const built = await freshDatabase('pglite');
      await importHistory(built, mkdtempSync(join(tmpdir(), 'plan12b-race-')));
      return built;
    })();
    tdb = await pgliteCopyOf((await pgliteHistory).target);
  } else {
    tdb = await freshDatabase(dialect);
    await importHistory(tdb, dir);
  }
  return { tdb, db: tdb.target, dir };
}
afterAll(async () => {
  await (await pgliteHistory)?.drop();
});

const closes = async (db: string) =>
  (await runCliInProcess(['--db', db, 'audit', 'log', '--action', 'month.close', '--json'])).json<{
    records: { subject: string }[];
  }>().records;

// The waiting command outwaits any held close, however loaded the machine (the test's timeout ends it).
const WAIT = { PLAN12B_LOCK_WAIT_SECONDS: '600' };

describe.skipIf(!seedsAvailable).each(dialects)('races with a month close (%s)', (dialect) => {
  it('two closes of one month: one seal, and the second refused cleanly (67 already closed)', async () => {
    const { tdb, db } = await setUp(dialect);
    const first = await heldClose(db, '2007-01', 'close:fees');
    const second = startInProcess(['--db', db, 'close', '--month', '2007-01'], WAIT);
    await second.saw('waiting up to 600 s for the database');
    first.child.kill('SIGUSR2');
    const a = await first.done;
    const b = await second.done;
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^2007-01 closed and sealed by /);
    expect(b.code).toBe(67);
    expect(b.stderr).toContain('2007-01 is already closed');
    expect((await closes(db)).map((r) => r.subject)).toEqual(['2007-01']);
    expect((await runCliInProcess(['--db', db, 'audit', 'verify'])).code).toBe(0);
    await tdb.drop();
  });

  it('a restatement during the close waits for it, and its prior-period adjustment is kept', async () => {
    const { tdb, db, dir } = await setUp(dialect);
    const close = await heldClose(db, '2007-01', 'close:journal');
    // Wednesday 2007-01-10: 36,500,000.00 → 40,150,000.00, one day at 0.75% and 0.25% / 365:
    // 825.00 − 750.00 = +75.00 distribution fee, 275.00 − 250.00 = +25.00 service fee.
    const fix = netAssetsCsv(dir, 'fix.csv', ['2007-01-10,AIM Value Fund,C,40150000.00']);
    const restate = startInProcess(['--db', db, 'net-assets', 'import', fix, '--restate', '--json'], WAIT);
    await restate.saw('waiting up to 600 s for the database');
    close.child.kill('SIGUSR2');
    expect((await close.done).code).toBe(0);
    const r = await restate.done;
    expect(r.code).toBe(0);
    // It ran after the seal: the restatement is of a closed month, flagged for the next close.
    expect(JSON.parse(r.stdout).restated).toEqual([expect.objectContaining({ closedMonth: '2007-01' })]);
    const feb = await runCliInProcess(['--db', db, 'close', '--month', '2007-02', '--json']);
    expect(feb.code).toBe(0);
    expect(
      feb.json<{ parts: { adjustments: { adjustments: unknown[] } } }>().parts.adjustments.adjustments,
    ).toEqual([
      {
        month: '2007-01',
        portfolio: 'AIM Value Fund',
        class: 'C',
        distributionFee: '75.00',
        serviceFee: '25.00',
        totalFee: '100.00',
      },
    ]);
    // The sealed January is unchanged, and verify undoes the recorded restatement to check it.
    expect((await runCliInProcess(['--db', db, 'audit', 'verify'])).code).toBe(0);
    await tdb.drop();
  });

  it('a row dated in the month being closed, imported during the close, is refused (68), not left outside the seal', async () => {
    const { tdb, db, dir } = await setUp(dialect);
    const close = await heldClose(db, '2007-01', 'close:monthly-calculation');
    const late = netAssetsCsv(dir, 'late.csv', ['2007-01-31,AIM Balanced Fund,C,1000000.00']);
    const imp = startInProcess(['--db', db, 'net-assets', 'import', late], WAIT);
    await imp.saw('waiting up to 600 s for the database');
    close.child.kill('SIGUSR2');
    expect((await close.done).code).toBe(0);
    const r = await imp.done;
    expect(r.code).toBe(68);
    expect(r.stderr).toContain('late.csv:2: date: 2007-01 is closed');
    const log = (await runCliInProcess(['--db', db, 'audit', 'log', '--json'])).json<{
      records: { action: string }[];
    }>().records;
    expect(log.map((x) => x.action)).toEqual(['exhibit.import', 'net-assets.import', 'month.close']);
    expect((await runCliInProcess(['--db', db, 'audit', 'verify'])).code).toBe(0);
    await tdb.drop();
  });
});

describe.skipIf(!seedsAvailable || !dialects.includes('pglite'))('two processes on one PGlite folder', () => {
  it('the second refuses at once with "in use by process N" when told not to wait; the held close is not lost', async () => {
    const { tdb, db } = await setUp('pglite');
    const first = await heldClose(db, '2007-01', 'close:service-fees');
    const second = await runCliInProcess(['--db', db, 'close', '--month', '2007-01'], {
      PLAN12B_LOCK_WAIT_SECONDS: '0',
    });
    expect(second.code).toBe(69);
    expect(second.stderr).toContain(`is in use by process ${first.child.pid} (plan12b close`);
    first.child.kill('SIGUSR2');
    const a = await first.done;
    expect(a.code).toBe(0);
    // What the first printed as sealed is still there afterwards (issue 9: it was lost, 4 of 4).
    const hash = /results hash ([0-9a-f]{64})/.exec(a.stdout)![1];
    const log = (
      await runCliInProcess(['--db', db, 'audit', 'log', '--action', 'month.close', '--json'])
    ).json<{
      records: { subject: string; contentHash: string }[];
    }>().records;
    expect(log).toEqual([expect.objectContaining({ subject: '2007-01', contentHash: hash })]);
    expect((await runCliInProcess(['--db', db, 'close', '--month', '2007-01'])).code).toBe(67);
    expect((await runCliInProcess(['--db', db, 'audit', 'verify'])).code).toBe(0);
    await tdb.drop();
  });
});
