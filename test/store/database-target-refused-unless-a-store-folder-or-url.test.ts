import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';

/**
 * `--db` names a folder for the embedded store or a postgres:// URL (SPEC §11). Anything else is
 * the command line's fault, exit 64, before anything is created. Before:
 * - `--db ""` (or PLAN12B_DB set empty) opened a store in memory: an import said "inserted" and
 *   the rows were gone when the command ended;
 * - `--db /some/project` (a folder of the user's files) had PostgreSQL's files written among them;
 * - `--db mysql://host/db` became a folder named "mysql:";
 * - `--db FILE` said "cannot open the embedded database at FILE: undefined" (exit 69).
 */
describe('a --db that is neither a store folder nor a postgres:// URL', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-db-target-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function refused(db: string, message: RegExp, env: Record<string, string> = {}): Promise<void> {
    const r = await runCliInProcess(
      [...(db === '<env>' ? [] : ['--db', db]), 'rates', 'list', '--json'],
      env,
    );
    expect({ db, code: r.code }).toEqual({ db, code: 64 });
    const doc = r.json<{ error: { code: string; message: string; hint: string } }>();
    expect(doc.error.code).toBe('USAGE');
    expect(doc.error.message).toMatch(message);
    expect(doc.error.hint).toMatch(/postgres:\/\/ URL/);
  }

  it('refuses an empty name, from --db or from PLAN12B_DB', async () => {
    await refused('', /is empty/);
    await refused('  ', /is empty/);
    await refused('<env>', /is empty/, { PLAN12B_DB: '' });
  });

  it('refuses a file, and a folder of other files, leaving them as they were', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'mine\n');
    await refused(file, /is a file, not a folder/);
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'README'), 'mine\n');
    await refused(project, /is a folder of other files, not a plan12b store/);
    expect(readdirSync(project)).toEqual(['README']);
  });

  it('refuses a URL of another kind, creating no folder named after its scheme', async () => {
    const url = `mysql://${join(dir, 'x').replace(/^\//, '')}`;
    await refused(url, /is not a postgres:\/\/ URL/);
    expect(existsSync('mysql:')).toBe(false);
  });

  it('makes an empty folder a store (a new one too, as every test store is made)', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    // a write makes it (a query on an empty folder is "not found": cli/query-on-a-store-that-does-not-exist…)
    const r = await runCliInProcess(['--db', empty, 'init', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(true);
  });
});
