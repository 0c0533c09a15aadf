import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { copyFolder } from './folderCopy.js';
import { SERVER_TEMPLATE_SCHEMA } from './serverTemplateSchema.js';

/**
 * The storage suite runs against every dialect (as Kysely's test setup does): embedded PGlite
 * always, and the PostgreSQL server named by $PLAN12B_TEST_PG_URL. Without that URL (a laptop)
 * the server-backed cases skip with a message; on CI ($CI set) the URL is required.
 */
export const serverUrl = process.env.PLAN12B_TEST_PG_URL;

if (!serverUrl) {
  const msg =
    'PLAN12B_TEST_PG_URL is not set: PostgreSQL-server storage tests skipped (PGlite tests still run)';
  if (process.env.CI) throw new Error(`${msg} — on CI the server is required (.ci/run sets it)`);
  console.warn(msg);
}

export interface TestDatabase {
  readonly dialect: 'pglite' | 'postgres';
  /** a --db target for the CLI */
  readonly target: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export const dialects: readonly ('pglite' | 'postgres')[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

/**
 * The run's migrated template (test/support/globalSetup.ts) of this kind, when the global setup
 * made one (PLAN12B_TEST_NO_TEMPLATE: none, to compare with a store migrated from nothing).
 */
function runTemplate(
  kind: 'pgliteTemplate' | 'pgliteEmptyTemplate' | 'serverTemplateDatabase',
): string | undefined {
  if (process.env.PLAN12B_TEST_NO_TEMPLATE) return undefined;
  try {
    return inject(kind);
  } catch {
    return undefined;
  }
}

/** One connection per worker for CREATE DATABASE (a test's copy of the server template). */
let admin: Promise<pg.Client> | undefined;
function adminClient(): Promise<pg.Client> {
  admin ??= (async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    c.on('error', () => {
      admin = undefined;
    });
    await c.connect();
    // not what keeps a worker alive at its end
    (c as unknown as { connection: { stream: { unref(): void } } }).connection.stream.unref();
    return c;
  })();
  return admin;
}

/**
 * A store of its own on the server: a copy of the run's migrated database (CREATE DATABASE …
 * TEMPLATE, WAL_LOG: no checkpoint) in the same schema, named with the template's name as prefix
 * (the global teardown drops them all: DROP DATABASE asks for a checkpoint, which in the middle of
 * a run costs seconds); without a template, a new schema of the test database, migrated.
 */
async function freshServerTarget(name: string): Promise<{ target: string; database?: string }> {
  if (!serverUrl) throw new Error('no server URL');
  const u = new URL(serverUrl);
  const template = runTemplate('serverTemplateDatabase');
  if (template === undefined) {
    u.searchParams.set('schema', name);
    return { target: u.toString() };
  }
  const database = `${template}_${name}`;
  await (await adminClient()).query(`CREATE DATABASE ${database} TEMPLATE ${template} STRATEGY WAL_LOG`);
  u.pathname = `/${database}`;
  u.searchParams.set('schema', SERVER_TEMPLATE_SCHEMA);
  return { target: u.toString(), database };
}

/** A fresh, empty, migrated store of the given dialect (a temp dir, or a new schema on the server). */
export async function freshDatabase(dialect: 'pglite' | 'postgres', dir?: string): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (dialect === 'postgres') {
    const server = await freshServerTarget(name);
    if (server.database === undefined) {
      const db = await openDatabase(server.target);
      await migrate(db);
      await db.close();
    }
    return {
      dialect,
      target: server.target,
      open: () => openDatabase(server.target, { workload: 'query' }),
      async drop() {
        // a copy of the template is dropped with the run (see freshServerTarget)
        if (server.database !== undefined) return;
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
        await c.end();
      },
    };
  }
  const target = join(dir ?? mkdtempSync(join(tmpdir(), 'plan12b-test-')), 'db');
  const template = runTemplate('pgliteTemplate');
  if (template) {
    // A copy of the run's migrated template (test/support/globalSetup.ts): no initdb per test;
    // written from the worker's image of it (test/support/folderCopy.ts: `fs.promises.cp` cost
    // ~0.7 s of CPU a copy, this ~0.1 s).
    await copyFolder(template, target, { cached: true });
  } else {
    const db = await openDatabase(target);
    await migrate(db);
    await db.close();
  }
  return {
    dialect,
    target,
    // a test's store holds a few hundred rows: the small buffer pool a query command starts with
    open: () => openDatabase(target, { workload: 'query' }),
    async drop() {
      const { rmSync } = await import('node:fs');
      const { dirname } = await import('node:path');
      rmSync(dirname(target), { recursive: true, force: true });
    },
  };
}

/**
 * A new PGlite store holding what the closed store at `source` holds: a copy of its data folder
 * (a test that builds the same history many times builds it once and copies it). `source` must
 * not be open.
 */
export async function pgliteCopyOf(source: string): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-test-'));
  const target = join(dir, 'db');
  await copyFolder(source, target);
  return {
    dialect: 'pglite',
    target,
    open: () => openDatabase(target, { workload: 'query' }),
    async drop() {
      const { rmSync } = await import('node:fs');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new server store holding what the server store at `source` (a {@link freshDatabase} of the
 * run's template) holds: CREATE DATABASE … TEMPLATE of its database, as {@link pgliteCopyOf} copies
 * a PGlite folder (a test that builds the same history many times builds it once and copies it).
 * No connection to `source` may be open.
 */
export async function serverCopyOf(source: string): Promise<TestDatabase> {
  const template = runTemplate('serverTemplateDatabase');
  const from = new URL(source).pathname.slice(1);
  if (template === undefined || !from.startsWith(`${template}_`))
    throw new Error(`${source} is not a copy of the run's server template: nothing to copy it by`);
  const database = `${template}_t_${randomBytes(6).toString('hex')}`;
  await (await adminClient()).query(`CREATE DATABASE ${database} TEMPLATE ${from} STRATEGY WAL_LOG`);
  const u = new URL(source);
  u.pathname = `/${database}`;
  const target = u.toString();
  return {
    dialect: 'postgres',
    target,
    open: () => openDatabase(target, { workload: 'query' }),
    // dropped with the run, as every copy of the template (freshServerTarget)
    drop: async () => {},
  };
}

/**
 * A PGlite data folder at `target` (which must not exist) holding a new store's database before
 * any migration: no table of plan12b's. A copy of the run's (test/support/globalSetup.ts), made by
 * the initdb the migrated template began with; outside a run, an initdb of its own. For a test of
 * what `migrate` does with a database of no or other tables — not of a folder's first open, which
 * `openDatabase` on a new folder still covers (two-inits-of-a-new-store…, the exhibit CLI refusals).
 */
export async function emptyPgliteStore(target: string): Promise<void> {
  const template = runTemplate('pgliteEmptyTemplate');
  if (template) await copyFolder(template, target, { cached: true });
  else await (await openDatabase(target)).close();
}
