import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { Plan12bError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { withActor } from '../../src/store/actor.js';
import type { Database } from '../../src/store/database.js';
import { type CliRun, runCliInProcess } from '../support/cli.js';
import { freshDatabase, serverUrl, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { startWatchedCli } from '../support/watchedCli.js';

/**
 * SPEC §12 with concurrent users on a PostgreSQL server (one writer at a time: the advisory lock;
 * every import all-or-nothing and idempotent; a closed month's inputs sealed). Each store: the AIM
 * plan (seed 002) and AIM Value Fund C at 36,500,000.00 on every business day of January 2007.
 * Class C pays 0.75% + 0.25% a year: 36,500,000.00 × 1.00% / 365 = 1,000.00 a day. January 2007
 * has 20 business days (the NYSE closed on the 1st, on the 2nd for President Ford, on the 15th);
 * its fees run from the 3rd (the first row) to the 31st, 29 days: 29,000.00.
 *
 * The races are made certain without sleeps: several connections of this process import at once
 * (each its own server session, so the lock sees separate writers), or one command is a process
 * of its own, held at a fault point (PLAN12B_FAULT, src/close/faultPoint.ts) until SIGUSR2 or
 * killed there with SIGKILL.
 */

// a waiting command outwaits any held one, however loaded the machine (the test's timeout ends it)
const WAIT = { PLAN12B_LOCK_WAIT_SECONDS: '600' };

function netAssets(portfolio: string, amount: string, from = '2007-01-02', to = '2007-01-31'): Buffer {
  return Buffer.from(
    [
      'date,portfolio,class,net_assets',
      ...businessDaysBetween(from, to).map((d) => `${d},${portfolio},C,${amount}`),
    ].join('\n'),
  );
}

async function setUp(): Promise<{ tdb: TestDatabase; dir: string }> {
  const tdb = await freshDatabase('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-server-race-'));
  const db = await tdb.open();
  try {
    await withActor('test setup', async () => {
      const exhibit = seedFiles().find((f) => f.includes('002_'))!;
      await importExhibits(db, [{ fileName: exhibit, bytes: readFileSync(exhibit) }]);
      await importNetAssets(db, 'value.csv', netAssets('AIM Value Fund', '36500000.00'));
    });
  } finally {
    await db.close();
  }
  return { tdb, dir };
}

/** The class-months of a range as `fees --json` prints them: [portfolio, class, month, total fee]. */
async function fees(target: string, from: string, to: string): Promise<string[][]> {
  const r = await runCliInProcess(['--db', target, 'fees', '--from', from, '--to', to, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return r
    .json<{ classes: { portfolio: string; class: string; month: string; totalFee: string }[] }>()
    .classes.map((c) => [c.portfolio, c.class, c.month, c.totalFee]);
}

const auditLog = async (target: string) =>
  (await runCliInProcess(['--db', target, 'audit', 'log', '--json'])).json<{
    records: { action: string; subject: string; actor: string }[];
  }>().records;

const verify = async (target: string) => (await runCliInProcess(['--db', target, 'audit', 'verify'])).code;

/** A command in this process, resolved once it has said that it waits for the writer lock. */
function startInProcessWaiting(args: readonly string[]): { waiting: Promise<void>; done: Promise<CliRun> } {
  let seen!: () => void;
  const waiting = new Promise<void>((r) => {
    seen = r;
  });
  const done = runCliInProcess(args, WAIT, (stderr) => {
    if (stderr.includes('waiting up to 600 s for the database')) seen();
  });
  void done.then(() => seen());
  return { waiting, done };
}

describe.skipIf(!seedsAvailable || !serverUrl)('imports at once on a PostgreSQL server', () => {
  it('the same file four times, a contradicting one and another class’s: one of the two values wins whole, the file once, the other class always', async () => {
    const { tdb } = await setUp();
    const connections: Database[] = [];
    for (let i = 0; i < 6; i++) connections.push(await tdb.open());
    // AIM Balanced Fund C for February: its own class, never in conflict with anyone
    const same = netAssets('AIM Value Fund', '36500000.00', '2007-02-01', '2007-02-28');
    const contradicting = netAssets('AIM Value Fund', '73000000.00', '2007-02-01', '2007-02-28');
    const other = netAssets('AIM Balanced Fund', '36500000.00', '2007-02-01', '2007-02-28');
    const imports: [string, Buffer][] = [
      ['feb.csv', same],
      ['feb.csv', same],
      ['feb.csv', same],
      ['feb.csv', same],
      ['feb-doubled.csv', contradicting],
      ['balanced-feb.csv', other],
    ];
    const results = await withActor('Racing Clerk', () =>
      Promise.allSettled(imports.map(([file, bytes], i) => importNetAssets(connections[i]!, file, bytes))),
    );
    for (const c of connections) await c.close();

    // February 2007: 19 business days (Presidents' Day the 19th), 28 days of fees.
    const outcome = results.map((r) =>
      r.status === 'fulfilled'
        ? `${r.value.inserted} new, ${r.value.unchanged} unchanged`
        : r.reason instanceof Plan12bError
          ? `exit ${r.reason.exitCode}`
          : `bug: ${String(r.reason)}`,
    );
    const doubledWon = outcome[4] === '19 new, 0 unchanged';
    if (doubledWon) {
      // every feb.csv contradicts what is recorded (67); 28 days × 2,000.00
      expect(outcome).toEqual([
        'exit 67',
        'exit 67',
        'exit 67',
        'exit 67',
        '19 new, 0 unchanged',
        '19 new, 0 unchanged',
      ]);
    } else {
      // one feb.csv recorded it (which one is the race's), the others found it recorded; the doubled one contradicts it
      expect(outcome.slice(0, 4).sort()).toEqual([
        '0 new, 19 unchanged',
        '0 new, 19 unchanged',
        '0 new, 19 unchanged',
        '19 new, 0 unchanged',
      ]);
      expect(outcome.slice(4)).toEqual(['exit 67', '19 new, 0 unchanged']);
    }
    expect(await fees(tdb.target, '2007-02-01', '2007-02-28')).toEqual([
      ['AIM Balanced Fund', 'C', '2007-02', '28000.00'],
      ['AIM Value Fund', 'C', '2007-02', doubledWon ? '56000.00' : '28000.00'],
    ]);
    // one audit record per change, none for the unchanged or the refused
    const log = await auditLog(tdb.target);
    expect(
      log
        .slice(2)
        .map((r) => [r.action, r.subject, r.actor])
        .sort(),
    ).toEqual([
      ['net-assets.import', 'balanced-feb.csv', 'Racing Clerk'],
      ['net-assets.import', doubledWon ? 'feb-doubled.csv' : 'feb.csv', 'Racing Clerk'],
    ]);
    expect(await verify(tdb.target)).toBe(0);
    await tdb.drop();
  });

  it('an import held before its commit while a close of its month waits: the close seals it', async () => {
    const { tdb, dir } = await setUp();
    const file = join(dir, 'balanced.csv');
    writeFileSync(file, netAssets('AIM Balanced Fund', '36500000.00'));
    const imp = startWatchedCli(['--db', tdb.target, 'net-assets', 'import', file], {
      PLAN12B_FAULT: 'import:net-assets:hold',
    });
    await imp.saw('fault point import:net-assets reached');
    const close = startInProcessWaiting(['--db', tdb.target, 'close', '--month', '2007-01', '--json']);
    await close.waiting;
    imp.child.kill('SIGUSR2');
    expect((await imp.done).code).toBe(0);
    const closed = await close.done;
    expect(closed.code, closed.stderr).toBe(0);
    // both classes in the seal, 29 days × 1,000.00 each
    const sealed = closed.json<{ parts: { fees: { classes: { portfolio: string; totalFee: string }[] } } }>();
    expect(sealed.parts.fees.classes.map((c) => [c.portfolio, c.totalFee])).toEqual([
      ['AIM Balanced Fund', '29000.00'],
      ['AIM Value Fund', '29000.00'],
    ]);
    expect((await auditLog(tdb.target)).map((r) => r.action)).toEqual([
      'exhibit.import',
      'net-assets.import',
      'net-assets.import',
      'month.close',
    ]);
    expect(await verify(tdb.target)).toBe(0);
    await tdb.drop();
  });

  it('an import killed (SIGKILL) after writing its rows, before its audit record: nothing of it stays, and it runs again', async () => {
    const { tdb, dir } = await setUp();
    const file = join(dir, 'balanced.csv');
    writeFileSync(file, netAssets('AIM Balanced Fund', '36500000.00'));
    const before = await auditLog(tdb.target);
    const feesBefore = await fees(tdb.target, '2007-01-01', '2007-01-31');
    expect(feesBefore).toEqual([['AIM Value Fund', 'C', '2007-01', '29000.00']]);

    const imp = startWatchedCli(['--db', tdb.target, 'net-assets', 'import', file], {
      PLAN12B_FAULT: 'import:net-assets',
    });
    await imp.saw('fault point import:net-assets reached');
    imp.child.kill('SIGKILL');
    expect((await imp.done).signal).toBe('SIGKILL');

    expect(await auditLog(tdb.target)).toEqual(before);
    expect(await fees(tdb.target, '2007-01-01', '2007-01-31')).toEqual(feesBefore);
    expect(await verify(tdb.target)).toBe(0);
    // the dead process's lock went with its session: the next import runs (waiting, if the server
    // has not yet seen the session end)
    const again = await runCliInProcess(['--db', tdb.target, 'net-assets', 'import', file, '--json'], WAIT);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json<{ inserted: number }>().inserted).toBe(20);
    expect(await fees(tdb.target, '2007-01-01', '2007-01-31')).toEqual([
      ['AIM Balanced Fund', 'C', '2007-01', '29000.00'],
      ['AIM Value Fund', 'C', '2007-01', '29000.00'],
    ]);
    expect(await verify(tdb.target)).toBe(0);
    await tdb.drop();
  });
});
