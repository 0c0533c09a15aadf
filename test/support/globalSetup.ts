import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statfsSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { copyFolder } from './folderCopy.js';
import { SERVER_TEMPLATE_SCHEMA } from './serverTemplateSchema.js';

const serverUrl = process.env.PLAN12B_TEST_PG_URL;

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * on the PostgreSQL server ($PLAN12B_TEST_PG_URL): a migrated database (its tables in the
     * schema SERVER_TEMPLATE_SCHEMA) that freshDatabase copies with CREATE DATABASE … TEMPLATE;
     * every database of the run is named with this one's name as prefix
     */
    serverTemplateDatabase: string;
    /** a migrated, closed PGlite data folder that freshDatabase copies (never opened by a test) */
    pgliteTemplate: string;
    /**
     * the same folder before its migrations: a new store's database (initdb done, no table of
     * plan12b's), which emptyPgliteStore copies (never opened by a test)
     */
    pgliteEmptyTemplate: string;
    /** an empty folder where the first file that needs the open demo complex records it (test/support/demoOpen.ts) */
    demoOpenTemplate: string;
    /** the same for the demo complex with January 2025 closed (test/support/demoOpen.ts) */
    demoJanuaryClosedTemplate: string;
  }
}

/**
 * Once per run: a migrated PGlite data folder. A new PGlite folder costs an initdb (seconds of
 * CPU); a copy of this one costs a fraction of that, and every test still gets a store of its own.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const runTmp = runTemporaryFolder();
  const dir = mkdtempSync(join(runTmp, 'plan12b-template-'));
  const target = join(dir, 'db');
  // the new folder's initdb, kept before the migrations too: a test that needs a database without
  // plan12b's tables copies it rather than paying an initdb of its own (~3 s of CPU)
  await (await openDatabase(target)).close();
  const empty = join(dir, 'empty');
  await copyFolder(target, join(empty, 'db'));
  project.provide('pgliteEmptyTemplate', join(empty, 'db'));
  const db = await openDatabase(target);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  project.provide('pgliteTemplate', target);
  const demoOpen = join(dir, 'demo-open');
  mkdirSync(demoOpen);
  project.provide('demoOpenTemplate', demoOpen);
  const demoJanuaryClosed = join(dir, 'demo-january-closed');
  mkdirSync(demoJanuaryClosed);
  project.provide('demoJanuaryClosedTemplate', demoJanuaryClosed);
  const server = serverUrl ? await serverTemplate(serverUrl).catch(withoutServerTemplate) : undefined;
  if (server) project.provide('serverTemplateDatabase', server);
  return async () => {
    rmSync(runTmp, { recursive: true, force: true });
    if (server && serverUrl) await dropRunDatabases(serverUrl, server);
  };
}

const RUN_TMP_PREFIX = 'plan12b-test-run-';

/**
 * The run's temporary folder: every test's `mkdtemp(tmpdir())` (stores, CLI outputs, the demo's
 * files) and the processes it spawns land in it — `TMPDIR` is set before the workers start, and
 * they inherit it — and the teardown removes it whole: a run left ~1 GB behind in /tmp before.
 * Folders of runs that began more than a day ago and never reached their teardown go at the start.
 */
function runTemporaryFolder(): string {
  const base = runTemporaryBase();
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(RUN_TMP_PREFIX)) continue;
    const path = join(base, entry.name);
    const ageMs = Date.now() - statSync(path).mtimeMs;
    if (ageMs > 86_400_000) rmSync(path, { recursive: true, force: true });
  }
  const runTmp = mkdtempSync(join(base, RUN_TMP_PREFIX));
  process.env.TMPDIR = runTmp;
  return runTmp;
}

/** Linux's `statfs` type of a tmpfs (memory-backed) file system. */
const TMPFS_MAGIC = 0x01021994;
/** Free space the run's folder asks of a memory file system before it uses it. */
const RUN_TMP_MIN_FREE_BYTES = 4 * 1024 ** 3;

/**
 * Where the run's folder goes: `PLAN12B_TEST_TMP_BASE` if set; else /dev/shm when it is a tmpfs
 * with 4 GiB free; else the system's temporary folder. A test store is a folder of 1,141 files;
 * on this machine's disk (ext4 mounted with `discard`) writing one and removing it cost 0.5–1.5 s
 * of wall time and 0.26–0.75 s of kernel CPU, on tmpfs 0.10 s and 0.05 s
 * (`npm run bench -- --only test-store`, bench/testStoreCopy.ts); a run writes and removes about 110 of them, and PGlite writes its files
 * there as the tests run. The tests do not rely on the disk surviving a machine's crash: only
 * on what a killed process leaves, which is the same on both.
 */
function runTemporaryBase(): string {
  const chosen = process.env.PLAN12B_TEST_TMP_BASE;
  if (chosen) return chosen;
  try {
    const fs = statfsSync('/dev/shm');
    if (fs.type === TMPFS_MAGIC && fs.bavail * fs.bsize >= RUN_TMP_MIN_FREE_BYTES) {
      accessSync('/dev/shm', constants.W_OK);
      return '/dev/shm';
    }
  } catch {}
  return tmpdir();
}

/**
 * Once per run on the server: a migrated database. A test's store is a copy of it (CREATE
 * DATABASE … TEMPLATE, ~60 ms) instead of a schema migrated from nothing (~0.65 s, and the
 * server's CPU besides, ~100 times a run).
 */
async function serverTemplate(url: string): Promise<string> {
  await dropTestDatabases(url, abandoned);
  // p12b_<seconds since 1970>_<random>: a run killed before its teardown is known by its age
  const name = `p12b_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(url, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(url);
  u.pathname = `/${name}`;
  u.searchParams.set('schema', SERVER_TEMPLATE_SCHEMA);
  try {
    const db = await openDatabase(u.toString());
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
  } catch (e) {
    await dropRunDatabases(url, name);
    throw e;
  }
  return name;
}

/** A database of a run that began more than a day ago and never reached its teardown. */
function abandoned(datname: string): boolean {
  const began = /^p12b_([0-9]+)_[0-9a-f]{8}/.exec(datname)?.[1];
  return began !== undefined && Number(began) < Date.now() / 1000 - 86_400;
}

/** A server where this user may not create databases: each test migrates a schema of its own, as before. */
function withoutServerTemplate(e: unknown): undefined {
  console.warn(
    `no template database on the server (${(e as Error)?.message ?? e}): each server test migrates a schema of its own`,
  );
  return undefined;
}

/** Drops the template and every database the run made from it (a test's drop leaves its own). */
function dropRunDatabases(url: string, template: string): Promise<void> {
  return dropTestDatabases(url, (datname) => datname === template || datname.startsWith(`${template}_`));
}

/** Connections that drop a run's databases at once: their checkpoints are shared. */
const DROP_CONNECTIONS = 8;

/**
 * Drops the test runs' databases that `doomed` picks (a run's copies before its template). Each
 * DROP DATABASE waits for a checkpoint (~0.25–0.4 s here; a run makes ~100 copies): several
 * connections dropping at once wait for the same checkpoints (10 drops: 4.3 s one by one, 1.8 s
 * at once).
 */
async function dropTestDatabases(url: string, doomed: (datname: string) => boolean): Promise<void> {
  const names = await withAdminClient(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'p12b%' ORDER BY datname DESC`,
    );
    return rows.map((r) => r.datname).filter(doomed);
  });
  // the copies first, their templates after (a template cannot go while a copy is being made)
  const copies = names.filter((n) => names.some((t) => n !== t && n.startsWith(`${t}_`)));
  const templates = names.filter((n) => !copies.includes(n));
  for (const batch of [copies, templates]) {
    const queue = [...batch];
    await Promise.all(
      Array.from({ length: Math.min(DROP_CONNECTIONS, queue.length) }, () =>
        withAdminClient(url, async (c) => {
          for (let name = queue.shift(); name !== undefined; name = queue.shift())
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }),
      ),
    );
  }
}

async function withAdminClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
