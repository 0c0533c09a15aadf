import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdentity } from '../../src/buildIdentity.js';
import { onDemandServeBinFor } from '../../src/cli/main.js';
import { forwardToServe } from '../../src/cli/serveForward.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { STEP_ASIDE_PATH, spawnOnDemandServe, startingMarkerPath } from '../../src/store/onDemandServe.js';
import { processAlive } from '../../src/store/processAlive.js';
import { readRegistrySnapshotBody, registrySnapshotPath } from '../../src/store/registrySnapshotFile.js';
import {
  readServeDiscovery,
  type ServeDiscovery,
  serveDiscoveryPath,
} from '../../src/store/serveDiscovery.js';
import { postToServe } from '../../src/store/servePost.js';
import { accrualSampleAvailable, accrualSampleDir } from '../accrual/support/accrualSample.js';
import { runCliAsync, runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * Issue 13 item 4: the query server started on demand (src/store/onDemandServe.ts). End to end,
 * with real processes — what is under test is processes: one that outlives the command that
 * started it, answers the next commands, and gives the folder up to whatever else needs it.
 * The rest of the suite runs with PLAN12B_AUTO_SERVE=off (vitest.config.ts); here it is on.
 */
const ON = { PLAN12B_AUTO_SERVE: 'on', PLAN12B_AUTO_SERVE_IDLE_SECONDS: '600' };
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');

/** Polls for a condition of the world outside this process (a file, a process), up to a generous deadline. */
async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const serverOf = (target: string) =>
  until('the on-demand server to listen', () => readServeDiscovery(target));
const gone = (pid: number) => until(`process ${pid} to end`, () => !processAlive(pid));

describe.skipIf(!seedsAvailable || !accrualSampleAvailable)('the query server started on demand', () => {
  let tdb: TestDatabase;
  const fees = () => ['--db', tdb.target, 'fees', '--from', '2008-01-01', '--to', '2008-03-31', '--json'];
  let expected: string;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    // the history through the import pipeline, as `exhibit import` and `net-assets import` run it,
    // on one open store (not a PGlite start per file): how the CLI imports is other files' subject
    const db = await tdb.open();
    try {
      for (const f of seedFiles())
        expect((await importExhibits(db, [{ fileName: f, bytes: readFileSync(f) }])).imported).toHaveLength(
          1,
        );
      const na = join(accrualSampleDir, 'net-assets.csv');
      await importNetAssets(db, na, readFileSync(na));
    } finally {
      await db.close();
    }
    // what the command prints in-process, where no server can be involved
    const ref = await runCliInProcess(fees());
    expect(ref.code, ref.stderr).toBe(0);
    expected = ref.stdout;
    expect(JSON.parse(expected).classes.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    // whatever test failed, no server of this file outlives it
    const serving = readServeDiscovery(tdb.target);
    if (serving) {
      process.kill(serving.pid, 'SIGTERM');
      await gone(serving.pid);
    }
    await tdb.drop();
  });

  it('is started by a query that opened the store, answers the next ones, and gives the folder up to a write', async () => {
    const first = await runCliAsync(fees(), ON);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(expected);
    // the command has ended (its output was read to the end): the server it started lives on
    const serving = await serverOf(tdb.target);
    expect(serving.onDemand).toBe(true);
    expect(serving.host).toBe('127.0.0.1');
    expect(processAlive(serving.pid)).toBe(true);
    // the server writes its discovery file first and then removes the starting marker (a query in
    // between finds the server either way): on a busy machine the second step may come a moment later
    await until('the starting marker to go', () => !existsSync(startingMarkerPath(tdb.target)));

    // the next queries, four at once through the CLI's fast path (bin/plan12b.js's first step, run
    // here): each is answered by the server (not undefined: nothing ran in-process) with what the
    // in-process run printed, and the server is still the same process
    const again = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        let out = '';
        const code = await forwardToServe(
          fees(),
          { ...process.env, ...ON },
          {
            out: (t) => {
              out += t;
            },
            err: () => {},
          },
        );
        return { code, out };
      }),
    );
    for (const r of again) {
      expect(r.code).toBe(0);
      expect(r.out).toBe(expected);
    }
    // and one spawned, as a user runs it
    const spawned = await runCliAsync(fees(), ON);
    expect(spawned.code, spawned.stderr).toBe(0);
    expect(spawned.stdout).toBe(expected);
    expect(readServeDiscovery(tdb.target)?.pid).toBe(serving.pid);
    expect(processAlive(serving.pid)).toBe(true);

    // only its own credential may ask it to go; the API's routes are not served
    expect(
      (await postToServe({ ...serving, credential: 'p12b_not-its-credential' }, STEP_ASIDE_PATH))?.status,
    ).toBe(404);
    expect((await postToServe(serving, '/api/imports/net-assets'))?.status).toBe(404);
    expect(processAlive(serving.pid)).toBe(true);

    // a write on the command line: the server steps aside, the write goes through the door — even
    // for a user who allows no wait at all (the server's going is not the user's wait)
    const write = await runCliAsync(
      ['--db', tdb.target, '--actor', 'ops', 'tokens', 'create', '--name', 'n1', '--role', 'viewer'],
      { ...ON, PLAN12B_LOCK_WAIT_SECONDS: '0' },
    );
    expect(write.code, write.stderr).toBe(0);
    expect(write.stderr).not.toMatch(/waiting|in use/);
    await gone(serving.pid);
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
    expect(existsSync(`${tdb.target}.lock`)).toBe(false);
    const audit = await runCliInProcess(['--db', tdb.target, 'audit', 'log', '--json']);
    const last = JSON.parse(audit.stdout).records.at(-1);
    expect(last).toMatchObject({ action: 'token.create', subject: 'n1', actor: 'ops' });
  });

  it('is not started when the line or the environment asks for in-process, nor for a write or a registry query', async () => {
    for (const env of [
      { ...ON, PLAN12B_AUTO_SERVE: 'off' },
      { ...ON, PLAN12B_NO_SERVER: '1' },
    ]) {
      const r = await runCliAsync(fees(), env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected);
      // a server is spawned before the command ends: none was
      expect(existsSync(startingMarkerPath(tdb.target))).toBe(false);
      expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
    }
    // a registry query that had to open the store (its snapshot gone) stamps a new snapshot instead
    rmSync(registrySnapshotPath(tdb.target), { force: true });
    const s = await runCliAsync(['--db', tdb.target, 'schedule', '--as-of', '2005-01-01', '--json'], ON);
    expect(s.code, s.stderr).toBe(0);
    expect(existsSync(startingMarkerPath(tdb.target))).toBe(false);
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
    expect(readRegistrySnapshotBody(tdb.target, buildIdentity())).toBeDefined();
    const w = await runCliAsync(
      ['--db', tdb.target, 'tokens', 'create', '--name', 'n2', '--role', 'viewer'],
      ON,
    );
    expect(w.code, w.stderr).toBe(0);
    expect(existsSync(startingMarkerPath(tdb.target))).toBe(false);
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
  });

  it('is not started when the user already has as many running as allowed', async () => {
    // the user's list lives in the temporary folder: a folder of the test's own
    const tmp = mkdtempSync(join(tmpdir(), 'plan12b-od-'));
    const list = join(tmp, `plan12b-on-demand-${process.getuid?.() ?? 'user'}`);
    mkdirSync(list, { recursive: true });
    // a stand-in for the server's script: it ends at once (the marker it leaves is then stale)
    const bin = join(tmp, 'ends.js');
    writeFileSync(bin, '');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      // three live entries: one more may start (the control)
      for (const pid of [process.pid, process.ppid, 1]) writeFileSync(join(list, String(pid)), 'x\n');
      expect(spawnOnDemandServe(tdb.target, bin, process.env)).toBeGreaterThan(0);
      rmSync(startingMarkerPath(tdb.target), { force: true });
      // four: none
      writeFileSync(join(list, String(sleeper.pid)), 'x\n');
      expect(spawnOnDemandServe(tdb.target, bin, process.env)).toBeUndefined();
      expect(existsSync(startingMarkerPath(tdb.target))).toBe(false);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      sleeper.kill();
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  /**
   * Starts the server as a query command starts it when it ends (spawnOnDemandServe, which `main`
   * calls: the first test sees a real command do it), with the environment given; the server,
   * listening. The registry snapshot is removed first: the one found after it stops is its own.
   */
  async function serverLeftBy(env: Record<string, string>): Promise<ServeDiscovery> {
    rmSync(registrySnapshotPath(tdb.target), { force: true });
    expect(spawnOnDemandServe(tdb.target, bin, { ...process.env, ...env })).toBeGreaterThan(0);
    return serverOf(tdb.target);
  }

  /** The server has gone as any command ends: its files removed, the store closed (the snapshot stamped). */
  function expectClosedCleanly(): void {
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
    expect(existsSync(`${tdb.target}.lock`)).toBe(false);
    expect(readRegistrySnapshotBody(tdb.target, buildIdentity())).toBeDefined();
  }

  it('exits when idle, closing the store: the registry snapshot is fresh again', async () => {
    const serving = await serverLeftBy({ ...ON, PLAN12B_AUTO_SERVE_IDLE_SECONDS: '1' });
    await gone(serving.pid);
    expectClosedCleanly();
  });

  it('stops on SIGTERM, closing the store, and the process ends (nothing keeps it alive)', async () => {
    const serving = await serverLeftBy(ON);
    process.kill(serving.pid, 'SIGTERM');
    // its idle time is 600 s: only a clean stop ends it within the test
    await gone(serving.pid);
    expectClosedCleanly();
  });

  it('exits at once, without touching the folder, when the folder at its path is another', async () => {
    const serving = await serverLeftBy(ON);
    // the folder is moved away and a copy of it put in its place
    const away = `${tdb.target}-moved`;
    cpSync(tdb.target, `${tdb.target}-copy`, { recursive: true });
    renameSync(tdb.target, away);
    renameSync(`${tdb.target}-copy`, tdb.target);
    const control = join(tdb.target, 'global', 'pg_control');
    const before = { bytes: readFileSync(control), mtimeMs: statSync(control).mtimeMs };
    await gone(serving.pid);
    // it did not close (write) into the folder now at its path
    expect(readFileSync(control).equals(before.bytes)).toBe(true);
    expect(statSync(control).mtimeMs).toBe(before.mtimeMs);
    rmSync(away, { recursive: true, force: true });
    // nor did it leave its lock or discovery file behind
    expect(existsSync(`${tdb.target}.lock`)).toBe(false);
    expect(existsSync(serveDiscoveryPath(tdb.target))).toBe(false);
    // the copy is a good store (it was copied while the server held it: PostgreSQL recovers it)
    const after = await runCliInProcess(fees());
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toBe(expected);
  });
});

describe('which lines start the query server on demand', () => {
  const bin = { bin: '/x/bin/plan12b.js' };
  const on = {};
  const argv = (...a: string[]) => ['node', 'plan12b', ...a];
  it('a query on an embedded folder run from the script, unless something says in-process', () => {
    expect(onDemandServeBinFor(argv('fees', '--json'), on, bin)).toBe(bin.bin);
    expect(onDemandServeBinFor(argv('--db', './d', 'audit', 'log'), on, bin)).toBe(bin.bin);
    // not run from the script (a test or serve calling main)
    expect(onDemandServeBinFor(argv('fees'), on, undefined)).toBeUndefined();
    // writes, files, --no-server, help
    expect(onDemandServeBinFor(argv('net-assets', 'import', 'f.csv'), on, bin)).toBeUndefined();
    expect(onDemandServeBinFor(argv('monthly-calculation', '--pdf', 'x.pdf'), on, bin)).toBeUndefined();
    expect(onDemandServeBinFor(argv('fees', '--no-server'), on, bin)).toBeUndefined();
    expect(onDemandServeBinFor(argv('fees', '--help'), on, bin)).toBeUndefined();
    // a server URL or memory
    expect(onDemandServeBinFor(argv('--db', 'postgres://h/d', 'fees'), on, bin)).toBeUndefined();
    expect(onDemandServeBinFor(argv('fees'), { PLAN12B_DB: 'postgresql://h/d' }, bin)).toBeUndefined();
    expect(onDemandServeBinFor(argv('--db', ':memory:', 'fees'), on, bin)).toBeUndefined();
    // the environment
    for (const off of ['off', 'OFF', '0', 'false', 'no'])
      expect(onDemandServeBinFor(argv('fees'), { PLAN12B_AUTO_SERVE: off }, bin)).toBeUndefined();
    expect(onDemandServeBinFor(argv('fees'), { PLAN12B_NO_SERVER: '1' }, bin)).toBeUndefined();
    expect(onDemandServeBinFor(argv('fees'), { PLAN12B_AUTO_SERVE: 'on' }, bin)).toBe(bin.bin);
  });
});
