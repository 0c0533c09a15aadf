import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdentity } from '../../src/buildIdentity.js';
import { main } from '../../src/cli/main.js';
import { documentId } from '../../src/store/exhibitImport.js';
import {
  dataFolderFingerprint,
  readRegistrySnapshotBody,
  registrySnapshotPath,
} from '../../src/store/registrySnapshotFile.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { recordRegistryInputs } from '../support/registryInputsFixture.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * Issue 13 item 4: registry queries on an embedded store answered from the registry snapshot
 * beside it (src/store/registrySnapshotFile.ts) print what they print with the store opened, byte
 * for byte and exit code for exit code; and the snapshot is never used once the folder has changed
 * behind it — a stale copy of the file, a write killed before its close, a torn or edited file,
 * another build's, another folder's, a folder held open.
 */
const OFF = { PLAN12B_REGISTRY_SNAPSHOT: 'off' };

describe.skipIf(!seedsAvailable)('the registry snapshot beside an embedded store', () => {
  let store: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-registry-snapshot-'));
  const hashes = seedFiles().map((f) => documentId(readFileSync(f)));
  const cli = (args: readonly string[], env: Record<string, string> = {}) =>
    runCliInProcess(['--db', store.target, '--actor', 'Fund Treasurer', ...args], env);
  const build = buildIdentity();

  beforeAll(async () => {
    store = await freshDatabase('pglite', dir);
    await recordRegistryInputs(store.target, ['continuance.basis', 'twelve-months-after-approval']);
  });
  afterAll(async () => {
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a command printed, with the snapshot and with the store opened (snapshot first). */
  async function bothWays(args: readonly string[]) {
    const folderBefore = dataFolderFingerprint(store.target);
    const snapshotBefore = statSync(registrySnapshotPath(store.target)).mtimeMs;
    const fromSnapshot = await cli(args);
    // the snapshot run did not open the store: PostgreSQL's control file is rewritten at every close
    expect(dataFolderFingerprint(store.target), `${args.join(' ')} opened the store`).toBe(folderBefore);
    expect(statSync(registrySnapshotPath(store.target)).mtimeMs).toBe(snapshotBefore);
    const fromStore = await cli(args, OFF);
    expect(dataFolderFingerprint(store.target)).not.toBe(folderBefore);
    // turned off, the store-opened run's close removed the snapshot instead of stamping it
    expect(existsSync(registrySnapshotPath(store.target))).toBe(false);
    expect((await cli(['rates', 'list'])).code).toBe(0); // a miss: it opens the store and stamps one
    expect(readRegistrySnapshotBody(store.target, build)).toBeDefined();
    return { fromSnapshot, fromStore };
  }

  it('is written when the store closes, and is current', () => {
    expect(build).toBeDefined();
    expect(existsSync(registrySnapshotPath(store.target))).toBe(true);
    expect(statSync(registrySnapshotPath(store.target)).mode & 0o777).toBe(0o600);
    expect(readRegistrySnapshotBody(store.target, build)).toBeDefined();
  });

  it('answers every registry query as the store does, byte for byte, without opening it', async () => {
    const lines: string[][] = [];
    for (const asOf of ['2003-01-02', '2004-10-15', '2005-08-01', '2006-04-01', '2026-12-01'])
      for (const form of [[], ['--json']]) {
        lines.push(['schedule', '--as-of', asOf, ...form]);
        lines.push(['schedule', '--as-of', asOf, '--class', 'C', ...form]);
        lines.push(['exhibit', 'render', '--as-of', asOf, '--class', 'R', ...form]);
      }
    lines.push(['schedule', '--as-of', '2006-04-01', '--portfolio', 'AIM Core Stock Fund']);
    lines.push(['schedule', '--as-of', '2006-04-01', '--portfolio', 'No Such Fund', '--json']);
    for (const name of [
      'AIM Core Stock Fund',
      'INVESCO Core Equity Fund',
      'AIM Real Estate Fund',
      'No Such Fund',
    ])
      for (const form of [[], ['--json']]) lines.push(['portfolio', 'history', name, ...form]);
    for (const h of hashes)
      for (const form of [[], ['--json'], ['--csv']])
        lines.push(['exhibit', 'diff', h.slice(0, 12), ...form]);
    for (const form of [[], ['--json']]) lines.push(['rates', 'list', ...form]);
    // `continuance` is not among them: Rule 12b-1(b)(1)'s warnings need the classes' first sales,
    // which are in the feeds, so it reads through the store (src/reports/continuanceReport.ts)

    // From the snapshot: the store is not opened (PostgreSQL rewrites its control file at every
    // close), and the snapshot is left as it was.
    const folderBefore = dataFolderFingerprint(store.target);
    const snapshotBefore = statSync(registrySnapshotPath(store.target)).mtimeMs;
    const fromSnapshot: unknown[] = [];
    for (const args of lines) {
      const r = await cli(args);
      fromSnapshot.push([r.code, r.stdout, r.stderr]);
    }
    expect(dataFolderFingerprint(store.target)).toBe(folderBefore);
    expect(statSync(registrySnapshotPath(store.target)).mtimeMs).toBe(snapshotBefore);
    // an id no document in force has may be a withdrawn document's (its diff is history): that
    // one question opens the store, and answers as the store does
    for (const form of [[], ['--json'], ['--csv']]) {
      const args = ['exhibit', 'diff', '0123456789ab', ...form];
      lines.push(args);
      const r = await cli(args);
      fromSnapshot.push([r.code, r.stdout, r.stderr]);
    }

    // From the store, opened once and lent to each command (as `plan12b serve` runs them)
    const db = await store.open();
    const fromStore: unknown[] = [];
    try {
      for (const args of lines) {
        let stdout = '';
        let stderr = '';
        const code = await main(['node', 'plan12b', '--actor', 'Fund Treasurer', ...args], {
          output: { out: (t) => (stdout += t), err: (t) => (stderr += t) },
          database: (fn) => fn(db),
        });
        fromStore.push([code, stdout, stderr]);
      }
    } finally {
      await db.close();
    }
    for (const [i, args] of lines.entries()) expect(fromSnapshot[i], args.join(' ')).toEqual(fromStore[i]);
    // the answers compared include the found and the not found
    expect([...new Set(fromStore.map((r) => (r as [number])[0]))].sort()).toEqual([0, 66]);
  });

  it('follows a write through the door: the writer stamps a new snapshot as it closes', async () => {
    const rate = ['rates', 'set', '--portfolio', 'AIM Value Fund', '--class', 'A', '--from', '2005-03-01'];
    const set = await cli([...rate, '--service-fee', '0.20', '--reason', 'Board resolution']);
    expect(set.code, set.stderr).toBe(0);
    const { fromSnapshot, fromStore } = await bothWays(['rates', 'list', '--json']);
    expect(fromSnapshot.stdout).toBe(fromStore.stdout);
    expect(fromSnapshot.json<{ rates: { class: string }[] }>().rates.map((r) => r.class)).toEqual(['C', 'A']);
  });

  it('is not used once the folder changed behind it: a stale copy of the file', async () => {
    const path = registrySnapshotPath(store.target);
    const stale = readFileSync(path);
    const rate = ['rates', 'set', '--portfolio', 'AIM Value Fund', '--class', 'R', '--from', '2005-04-01'];
    expect((await cli([...rate, '--distribution-fee', '0.20', '--reason', 'Board resolution'])).code).toBe(0);
    writeFileSync(path, stale, { mode: 0o600 }); // the snapshot from before the write, as if no one had stamped it
    expect(readRegistrySnapshotBody(store.target, build)).toBeUndefined();
    const listed = await cli(['rates', 'list', '--json']);
    expect(listed.json<{ rates: { class: string }[] }>().rates.map((r) => r.class)).toEqual(['C', 'A', 'R']);
    // that run opened the store, and its close stamped a current snapshot again
    expect(readRegistrySnapshotBody(store.target, build)).toBeDefined();
  });

  it('is not used after a writer was killed between its commit and its close', async () => {
    const dist = (path: string) =>
      JSON.stringify(pathToFileURL(resolve(import.meta.dirname, '../../dist/src', path)).href);
    // a process that records a rate through the door, then dies before it closes the store
    const script = `
      const { openDatabase } = await import(${dist('store/database.js')});
      const { setBoardRate } = await import(${dist('import/boardRateChange.js')});
      const db = await openDatabase(process.argv[1]);
      await setBoardRate(db, { portfolio: 'AIM Value Fund', class: 'C', effectiveDate: '2005-05-02',
        distributionFeePct: '0.40', serviceFeePct: null, reason: 'Board resolution' });
      process.kill(process.pid, 'SIGKILL');`;
    const signal = await new Promise<NodeJS.Signals | null>((done, fail) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script, store.target], {
        stdio: 'ignore',
      });
      child.on('error', fail);
      child.on('exit', (_code, sig) => done(sig));
    });
    expect(signal).toBe('SIGKILL');
    const lock = `${resolve(store.target)}.lock`;
    expect(existsSync(lock)).toBe(true); // left by the dead writer
    expect(readRegistrySnapshotBody(store.target, build)).toBeUndefined();
    unlinkSync(lock);
    // no lock now: the WAL the commit wrote still tells the snapshot is behind
    expect(readRegistrySnapshotBody(store.target, build)).toBeUndefined();
    const listed = await cli(['rates', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json<{ rates: { class: string }[] }>().rates.map((r) => r.class)).toEqual([
      'C',
      'A',
      'R',
      'C',
    ]);
    expect(readRegistrySnapshotBody(store.target, build)).toBeDefined();
  });

  it('is not used when torn, edited, of another build, of another folder, or while the folder is held', async () => {
    const path = registrySnapshotPath(store.target);
    const good = readFileSync(path, 'utf8');
    const newline = good.indexOf('\n');
    const header = JSON.parse(good.slice(0, newline)) as Record<string, string>;
    const body = good.slice(newline + 1);
    expect(readRegistrySnapshotBody(store.target, build) === body).toBe(true);
    const variants: Record<string, string> = {
      torn: good.slice(0, newline + Math.floor(body.length / 2)),
      'an edited rate': good.replace('"0.500000"', '"0.900000"'),
      'no header': body,
      'another format': `${JSON.stringify({ ...header, format: 2 })}\n${body}`,
      'another build': `${JSON.stringify({ ...header, build: 'x' })}\n${body}`,
      'another folder': `${JSON.stringify({ ...header, db: resolve(dir, 'other') })}\n${body}`,
      'another fingerprint': `${JSON.stringify({ ...header, fingerprint: `${header.fingerprint}0` })}\n${body}`,
    };
    for (const [what, text] of Object.entries(variants)) {
      expect(text, what).not.toBe(good);
      writeFileSync(path, text);
      expect(readRegistrySnapshotBody(store.target, build), what).toBeUndefined();
    }
    writeFileSync(path, good);
    expect(readRegistrySnapshotBody(store.target, 'another build')).toBeUndefined();
    expect(readRegistrySnapshotBody(store.target, undefined)).toBeUndefined();
    const lock = `${resolve(store.target)}.lock`;
    writeFileSync(lock, `${process.pid}\nplan12b close, since now\n`);
    try {
      expect(readRegistrySnapshotBody(store.target, build)).toBeUndefined();
    } finally {
      unlinkSync(lock);
    }
    expect(readRegistrySnapshotBody(store.target, build) === body).toBe(true);
  });
});
