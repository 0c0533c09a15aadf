import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, serverUrl } from '../support/databases.js';

/**
 * SPEC §11 (one schema, versioned migrations) and §12 (one writer at a time): two plan12b
 * processes opening a new store at the same moment — two users' first commands, two `init`s —
 * migrate it once, and both succeed. On a server the migrations ran outside the writer lock: the
 * second process created the same tables, and one of the two stopped with exit 70 ("duplicate key
 * value violates unique constraint pg_type_typname_nsp_index", "relation … already exists").
 *
 * No timing luck: the first is held once its first migration is applied (a fault point that waits for
 * SIGUSR2), the second is started only then, and the first is let go only once the second has
 * said it waits for the store (or has ended: what the bug did).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Running {
  readonly child: ChildProcess;
  /** resolves once stderr contains the text (rejects if the process ends first) */
  said(text: string): Promise<void>;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Every process a test started, so that none is left holding the store if a test fails. */
const started: ChildProcess[] = [];
afterAll(() => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function start(args: readonly string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [join(root, 'bin', 'plan12b.js'), ...args], {
    env: { ...process.env, PLAN12B_FAULT: '', PLAN12B_LOCK_WAIT_SECONDS: '600', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiters])
      if (stderr.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    check();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      for (const w of waiters.splice(0))
        w.reject(new Error(`process ended (exit ${code}) before saying ${JSON.stringify(w.text)}`));
      resolve({ code, stdout, stderr });
    });
  });
  return {
    child,
    done,
    said: (text) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ text, resolve, reject });
        check();
      }),
  };
}

/** A new, empty store: a folder not yet made, or a schema not yet created on the server. */
function newStore(dialect: 'pglite' | 'postgres'): { target: string; drop(): Promise<void> } {
  const name = `t_inits_${process.pid}_${Date.now().toString(36)}`;
  if (dialect === 'postgres') {
    const u = new URL(serverUrl!);
    u.searchParams.set('schema', name);
    return {
      target: u.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-inits-'));
  return {
    target: join(dir, 'db'),
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface InitJson {
  schemaVersion: number;
  applied: number[];
}

describe.each(dialects)('two inits of a new store at once (%s)', (dialect) => {
  it('migrate it once; both succeed; a third finds it current', async () => {
    const store = newStore(dialect);
    const all = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
    const first = all[0]!;

    const a = start(['--db', store.target, 'init', '--json'], { PLAN12B_FAULT: `migrate:${first}:hold` });
    await a.said(`fault point migrate:${first} reached`);
    const b = start(['--db', store.target, 'init', '--json'], {});
    // the second waits for the first (the barrier), or — the bug — migrates on its own and ends
    await Promise.race([b.said('plan12b: waiting up to').catch(() => {}), b.done]);
    a.child.kill('SIGUSR2');
    const [ra, rb] = await Promise.all([a.done, b.done]);

    expect({ code: ra.code, stderr: ra.stderr }).toMatchObject({ code: 0 });
    expect({ code: rb.code, stderr: rb.stderr }).toMatchObject({ code: 0 });
    const applied = [JSON.parse(ra.stdout) as InitJson, JSON.parse(rb.stdout) as InitJson].map(
      (r) => r.applied,
    );
    // the held one applied every migration; the one that waited found them applied
    expect(applied).toEqual([all, []]);

    // after both have ended, one at a time: the race is over, so these run in the test's own
    // process (the same CLI code, without a Node start and module load each)
    const r3 = await runCliInProcess(['--db', store.target, 'init', '--json']);
    expect(r3.code, r3.stderr).toBe(0);
    expect(JSON.parse(r3.stdout)).toMatchObject({ schemaVersion: all[all.length - 1], applied: [] });
    const verify = await runCliInProcess(['--db', store.target, 'audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    await store.drop();
  });
});

/**
 * A server URL with `?schema=NAME` creates its schema on opening: CREATE SCHEMA IF NOT EXISTS is
 * not atomic between two sessions, and the one that lost stopped on pg_namespace's unique index
 * (exit 70). Eight opens at once of a schema not yet made all succeed.
 */
describe.skipIf(!serverUrl)('opens at once of a server schema not yet made', () => {
  it('all succeed, and the schema is there once', async () => {
    const { openDatabase } = await import('../../src/store/database.js');
    const store = newStore('postgres');
    const opened = await Promise.allSettled(Array.from({ length: 8 }, () => openDatabase(store.target)));
    for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
    expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'opened'))).toEqual(
      Array.from({ length: 8 }, () => 'opened'),
    );
    await store.drop();
  });
});
