import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { withActor } from '../../src/store/actor.js';
import { dataFolderLockPath } from '../../src/store/dataFolderLockPath.js';
import { serveDiscoveryPath } from '../../src/store/serveDiscovery.js';
import { runCliAsync, runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { startWatchedCli } from '../support/watchedCli.js';

/**
 * Standing rule 3 with `plan12b serve` on an embedded store: never two PostgreSQL instances on one
 * PGlite folder. A `serve` started while a CLI import holds the folder waits for it (then serves
 * what the import wrote); a `serve` killed with SIGKILL leaves its lock file and discovery file
 * behind, and the next commands — a query that would have been forwarded to it, an import — take
 * the folder over without the user deleting a file. (A write while serve runs is refused at once:
 * test/cli/cli-query-via-serve-prints-what-in-process-prints.test.ts.)
 */
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');
const WAIT = { PLAN12B_LOCK_WAIT_SECONDS: '600' };

/** `plan12b serve --port 0 --json`, resolved with its address once it listens. */
function startServe(target: string): {
  child: ChildProcessWithoutNullStreams;
  url: Promise<string>;
  stderr: () => string;
} {
  const child = spawn(process.execPath, [bin, '--db', target, 'serve', '--port', '0', '--json'], {
    env: { ...process.env, ...WAIT },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      stdout += c;
      const m = /"url":"([^"]+)"/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on('close', () => reject(new Error(`serve ended before listening: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

const january = (portfolio: string) =>
  [
    'date,portfolio,class,net_assets',
    ...businessDaysBetween('2007-01-02', '2007-01-31').map((d) => `${d},${portfolio},C,36500000.00`),
  ].join('\n');

describe.skipIf(!seedsAvailable)('serve and the CLI on one PGlite folder', () => {
  it('serve started during an import waits for it; killed, it leaves the folder to the next commands', async () => {
    const tdb = await freshDatabase('pglite');
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-conc-serve-'));
    const db = await tdb.open();
    try {
      await withActor('test setup', async () => {
        const exhibit = seedFiles().find((f) => f.includes('002_'))!;
        await importExhibits(db, [{ fileName: exhibit, bytes: readFileSync(exhibit) }]);
      });
    } finally {
      await db.close();
    }
    const value = join(dir, 'value.csv');
    writeFileSync(value, january('AIM Value Fund'));
    const days = businessDaysBetween('2007-01-02', '2007-01-31').length;

    // An import holds the folder (its rows written, not committed); serve waits for it.
    const imp = startWatchedCli(['--db', tdb.target, 'net-assets', 'import', value, '--json'], {
      ...WAIT,
      PLAN12B_FAULT: 'import:net-assets:hold',
    });
    await imp.saw('fault point import:net-assets reached');
    const serve = startServe(tdb.target);
    await new Promise<void>((resolve, reject) => {
      const look = () =>
        serve.stderr().includes('waiting up to 600 s for the database') ? resolve() : undefined;
      serve.child.stderr.on('data', look);
      serve.child.on('close', () => reject(new Error(`serve ended: ${serve.stderr()}`)));
      look();
    });
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
    imp.child.kill('SIGUSR2');
    const ri = await imp.done;
    expect(ri.code, ri.stderr).toBe(0);
    expect(JSON.parse(ri.stdout).inserted).toBe(days);
    await serve.url;
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(true);

    // A query is answered through serve; then serve is killed, leaving its files behind.
    const through = await runCliAsync(['--db', tdb.target, 'audit', 'log', '--json'], {
      PLAN12B_AUTO_SERVE: 'off',
    });
    expect(through.code, through.stderr).toBe(0);
    serve.child.kill('SIGKILL');
    await new Promise((r) => serve.child.once('close', r));
    expect(existsSync(dataFolderLockPath(tdb.target))).toBe(true);
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(true);

    // The next query does not wait on (or forward to) the dead server; the next import neither.
    const query = await runCliAsync(['--db', tdb.target, 'audit', 'log', '--json'], WAIT);
    expect(query.code, query.stderr).toBe(0);
    expect(query.stderr).not.toContain('waiting');
    expect(JSON.parse(query.stdout).records.map((r: { action: string }) => r.action)).toEqual([
      'exhibit.import',
      'net-assets.import',
    ]);
    const balanced = join(dir, 'balanced.csv');
    writeFileSync(balanced, january('AIM Balanced Fund'));
    // the import and the verification after the query: `main` as the CLI runs it, in this process
    // (no forward to skip: a write is never forwarded; the query spawned above took the folder over)
    const again = await runCliInProcess(
      ['--db', tdb.target, 'net-assets', 'import', balanced, '--json'],
      WAIT,
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('waiting');
    expect(JSON.parse(again.stdout).inserted).toBe(days);
    expect((await runCliInProcess(['--db', tdb.target, 'audit', 'verify'], WAIT)).code).toBe(0);
    expect(existsSync(dataFolderLockPath(tdb.target))).toBe(false);
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
    await tdb.drop();
  });
});
