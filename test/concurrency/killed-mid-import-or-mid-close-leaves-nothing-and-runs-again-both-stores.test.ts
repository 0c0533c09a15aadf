import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { withActor } from '../../src/store/actor.js';
import { dataFolderLockPath } from '../../src/store/dataFolderLockPath.js';
import { runCliInProcess } from '../support/cli.js';
import {
  dialects,
  freshDatabase,
  pgliteCopyOf,
  serverCopyOf,
  type TestDatabase,
} from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { type ServedQueries, servedQueries } from '../support/servedQueries.js';
import { startWatchedCli } from '../support/watchedCli.js';

/**
 * SPEC §12 (every import all-or-nothing; one writer at a time) against a process killed with
 * SIGKILL while it works, on both stores. The store: the AIM plan (seed 002) and AIM Value Fund C
 * on every business day of January 2007 (counted by the calendar: only whole-or-nothing is asserted
 * here, no amount).
 *
 * An import is killed in each phase it tells on a terminal (reading, checking, writing rows: the
 * CLI draws its bars only on a terminal, so it runs under `script`, a pseudo-terminal, and is
 * killed when its bar for the phase is drawn); a close is killed at its fault points (after its
 * checks, after its first sealed part, and after the seal is written, before its commit). After
 * each kill: the store opens, the audit log is what it was (or, for a kill racing the import's
 * last milliseconds, has that import whole), `audit verify` passes, and the same command run again
 * succeeds without waiting — the dead process's lock file (PGlite) is taken over, its server
 * session's advisory lock went with it.
 *
 * The store is built once per dialect and copied for each test (a copy of its PGlite folder, or
 * CREATE DATABASE … TEMPLATE on the server): every test starts from the same state, as when each
 * built its own. After a kill, the store is opened in the test's process (a dead process's lock
 * taken over, as a command's open takes it over) and kept open for the checks (the audit log, the
 * rows, `audit verify`: test/support/servedQueries.ts); it is closed before the command runs again.
 */

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');
// a waiting command outwaits the server noticing a dead session, however loaded the machine
const WAIT = { PLAN12B_LOCK_WAIT_SECONDS: '600' };
const linux = process.platform === 'linux' && existsSync('/usr/bin/script');

/** Every (portfolio, class) of seed 002's Schedule A: the AIM plan's 27 class-schedules. */
async function scheduleClasses(target: string): Promise<[string, string][]> {
  const r = await runCliInProcess(['--db', target, 'schedule', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return r
    .json<{ entries: { portfolio: string; class: string }[] }>()
    .entries.map((e) => [e.portfolio, e.class]);
}

/** The store every test of a dialect starts from (copied, never changed itself). */
async function setUp(dialect: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const tdb = await freshDatabase(dialect);
  const db = await tdb.open();
  try {
    await withActor('test setup', async () => {
      const exhibit = seedFiles().find((f) => f.includes('002_'))!;
      await importExhibits(db, [{ fileName: exhibit, bytes: readFileSync(exhibit) }]);
      const january = [
        'date,portfolio,class,net_assets',
        ...businessDaysBetween('2007-01-02', '2007-01-31').map((d) => `${d},AIM Value Fund,C,36500000.00`),
      ].join('\n');
      await importNetAssets(db, 'value.csv', Buffer.from(january));
    });
  } finally {
    await db.close();
  }
  return tdb;
}

const auditActions = async (checks: ServedQueries) =>
  (await checks.run(['audit', 'log', '--json']))
    .json<{ records: { action: string; subject: string }[] }>()
    .records.map((r) => `${r.action} ${r.subject}`);

const verify = async (checks: ServedQueries) => (await checks.run(['audit', 'verify'])).code;

async function netAssetRows(checks: ServedQueries): Promise<number> {
  const [row] = (await checks.sql('SELECT count(*) AS n FROM net_assets')) as { n: string }[];
  return Number(row!.n);
}

/** Advisory locks held in the server database of `target` (the writer lock is one). */
async function advisoryLocksHeld(target: string): Promise<number> {
  const c = new pg.Client({ connectionString: target });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
        WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`,
    );
    return Number(r.rows[0]!.n);
  } finally {
    await c.end();
  }
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the CLI on a pseudo-terminal (`script`) and kills it with SIGKILL once it has drawn `text`
 * (a phase's progress bar). Resolves with what it drew.
 */
function killWhenDrawn(args: readonly string[], text: string): Promise<string> {
  const line = ['exec', process.execPath, bin, ...args]
    .map((a, i) => (i === 0 ? a : shellQuote(a)))
    .join(' ');
  const tty = spawn('script', ['-qfec', line, '/dev/null'], { env: { ...process.env, ...WAIT } });
  let drawn = '';
  let killed = false;
  return new Promise((resolve, reject) => {
    tty.stdout.on('data', (chunk) => {
      drawn += chunk;
      if (killed || !drawn.includes(text)) return;
      killed = true;
      // `exec`: the CLI is the only child of script's process
      const children = readFileSync(`/proc/${tty.pid}/task/${tty.pid}/children`, 'utf8').trim().split(/\s+/);
      for (const pid of children.filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
    });
    tty.on('close', () => (killed ? resolve(drawn) : reject(new Error(`never drew "${text}": ${drawn}`))));
  });
}

describe.skipIf(!seedsAvailable || !linux).each(dialects)(
  'a command killed while it works (%s)',
  (dialect) => {
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-conc-kill-'));
    const file = join(dir, 'year.csv');
    const january = businessDaysBetween('2007-01-02', '2007-01-31').length;
    let source: TestDatabase;
    let rows = 0;
    /** the audit log of the store every test starts from */
    let before: string[] = [];
    beforeAll(async () => {
      source = await setUp(dialect);
      // every class of the plan on every business day of 2007: 27 × 251 rows (enough for the bars,
      // which a file of fewer than 1,000 rows does not draw)
      const classes = await scheduleClasses(source.target);
      expect(classes).toHaveLength(27);
      const days = businessDaysBetween('2007-02-01', '2007-12-31');
      writeFileSync(
        file,
        [
          'date,portfolio,class,net_assets',
          ...days.flatMap((d) => classes.map(([p, c]) => `${d},${p},${c},1000000.00`)),
        ].join('\n'),
      );
      rows = days.length * classes.length;
      const checks = servedQueries(source.target);
      try {
        before = await auditActions(checks);
      } finally {
        await checks.release();
      }
    });
    afterAll(async () => {
      await source?.drop();
      rmSync(dir, { recursive: true, force: true });
    });
    /** a store of the test's own holding what {@link source} holds */
    const copyOfSource = () =>
      dialect === 'pglite' ? pgliteCopyOf(source.target) : serverCopyOf(source.target);

    it.each(['reading rows', 'checking rows', 'writing rows'])(
      'an import of many rows killed while %s: nothing half-written, verified, and it runs again at once',
      async (phase) => {
        const tdb = await copyOfSource();
        const checks = servedQueries(tdb.target);

        const drawn = await killWhenDrawn(['--db', tdb.target, 'net-assets', 'import', file], phase);
        expect(drawn).toContain(phase);

        // Whole or nothing: killed before its commit (the rule), or — only when killed while writing,
        // racing its last milliseconds — committed whole with its one audit record.
        const after = await auditActions(checks);
        const landed = after.length > before.length;
        if (phase !== 'writing rows') expect(landed).toBe(false);
        expect(after).toEqual(landed ? [...before, 'net-assets.import year.csv'] : before);
        expect(await netAssetRows(checks)).toBe(january + (landed ? rows : 0));
        expect(await verify(checks)).toBe(0);
        await checks.release();

        // Again: the dead process's lock is no holder to wait for (PGlite: a stale lock file taken
        // over; server: its session, and its advisory lock, gone — waited for if not yet noticed).
        const again = await runCliInProcess(
          ['--db', tdb.target, 'net-assets', 'import', file, '--json'],
          WAIT,
        );
        expect(again.code, again.stderr).toBe(0);
        if (dialect === 'pglite') expect(again.stderr).not.toContain('waiting');
        expect(again.json<{ inserted: number }>().inserted).toBe(landed ? 0 : rows);
        expect(await auditActions(checks)).toEqual([...before, 'net-assets.import year.csv']);
        expect(await netAssetRows(checks)).toBe(january + rows);
        expect(await verify(checks)).toBe(0);
        await checks.release();
        if (dialect === 'pglite') expect(existsSync(dataFolderLockPath(tdb.target))).toBe(false);
        else expect(await advisoryLocksHeld(tdb.target)).toBe(0);
        await tdb.drop();
      },
    );

    it.each(['close:checked', 'close:fees', 'close:sealed'])(
      'a close killed at %s: the month stays open, verified, and it closes again at once',
      async (fault) => {
        const tdb = await copyOfSource();
        const checks = servedQueries(tdb.target);
        const close = startWatchedCli(['--db', tdb.target, 'close', '--month', '2007-01'], {
          ...WAIT,
          PLAN12B_FAULT: fault,
        });
        await close.saw(`fault point ${fault} reached`);
        close.child.kill('SIGKILL');
        expect((await close.done).signal).toBe('SIGKILL');

        expect(await auditActions(checks)).toEqual(before);
        const shown = await checks.run(['close', 'show', '--month', '2007-01']);
        expect(shown.code).not.toBe(0);
        expect(await verify(checks)).toBe(0);
        await checks.release();

        const again = await runCliInProcess(
          ['--db', tdb.target, 'close', '--month', '2007-01', '--json'],
          WAIT,
        );
        expect(again.code, again.stderr).toBe(0);
        if (dialect === 'pglite') expect(again.stderr).not.toContain('waiting');
        expect(again.json<{ month: string }>().month).toBe('2007-01');
        expect(await auditActions(checks)).toEqual([...before, 'month.close 2007-01']);
        expect(await verify(checks)).toBe(0);
        await checks.release();
        if (dialect === 'pglite') expect(existsSync(dataFolderLockPath(tdb.target))).toBe(false);
        else expect(await advisoryLocksHeld(tdb.target)).toBe(0);
        await tdb.drop();
      },
    );
  },
);
