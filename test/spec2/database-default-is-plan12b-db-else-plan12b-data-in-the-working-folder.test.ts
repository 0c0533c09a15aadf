import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/databases.js';

/**
 * SPEC §11: "The database is `--db PATH|postgres://…`, default `$PLAN12B_DB` or `./plan12b-data`
 * (embedded PGlite)". Run as a user runs it — a process in a working folder of its own — so the
 * default is resolved against that folder and the environment the process is given, nothing else.
 *
 * The folder the command should use holds a copy of the run's migrated store (freshDatabase): `init`
 * then applies no migration there, which proves that folder was the one opened (any other would be
 * created and migrated, and found); a store created by the CLI is other files' subject
 * (two-inits-of-a-new-store…, exhibit-cli-import-refusals…). No initdb per process.
 */
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');

interface Init {
  database: string;
  applied: string[];
}

function plan12b(
  cwd: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: Record<string, string | undefined> = { ...process.env, PLAN12B_NO_SERVER: '1', ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the database a command uses when --db is not given', () => {
  const root = mkdtempSync(join(tmpdir(), 'plan12b-spec2-db-default-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('without $PLAN12B_DB: ./plan12b-data in the working folder', async () => {
    const cwd = mkdtempSync(join(root, 'plain-'));
    // freshDatabase(…, dir) puts its store at dir/db
    await freshDatabase('pglite', cwd);
    renameSync(join(cwd, 'db'), join(cwd, 'plan12b-data'));
    const run = await plan12b(cwd, ['init', '--json'], { PLAN12B_DB: undefined });
    expect(run.code, run.stderr).toBe(0);
    const init = JSON.parse(run.stdout) as Init;
    expect(init.database).toBe('./plan12b-data');
    expect(init.applied).toEqual([]);
  });

  it('with $PLAN12B_DB: that folder, and no ./plan12b-data', async () => {
    const cwd = mkdtempSync(join(root, 'env-'));
    const target = join(cwd, 'books');
    await freshDatabase('pglite', cwd);
    renameSync(join(cwd, 'db'), target);
    const run = await plan12b(cwd, ['init', '--json'], { PLAN12B_DB: target });
    expect(run.code, run.stderr).toBe(0);
    const init = JSON.parse(run.stdout) as Init;
    expect(init.database).toBe(target);
    expect(init.applied).toEqual([]);
    expect(existsSync(join(cwd, 'plan12b-data'))).toBe(false);
  });

  it('--db wins over $PLAN12B_DB', async () => {
    const cwd = mkdtempSync(join(root, 'both-'));
    const stated = join(cwd, 'stated');
    const fromEnv = join(cwd, 'from-env');
    await freshDatabase('pglite', cwd);
    renameSync(join(cwd, 'db'), stated);
    const run = await plan12b(cwd, ['--db', stated, 'init', '--json'], { PLAN12B_DB: fromEnv });
    expect(run.code, run.stderr).toBe(0);
    const init = JSON.parse(run.stdout) as Init;
    expect(init.database).toBe(stated);
    expect(init.applied).toEqual([]);
    expect(existsSync(fromEnv)).toBe(false);
    expect(existsSync(join(cwd, 'plan12b-data'))).toBe(false);
  });
});
