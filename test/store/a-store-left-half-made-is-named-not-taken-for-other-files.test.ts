import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_CLUSTER_FILE } from '../../src/store/initialCluster.js';
import { runCliInProcess } from '../support/cli.js';

/**
 * A new embedded store is loaded from the initial cluster entry by entry, PG_VERSION among the last.
 * A command stopped while it loads (a kill, Ctrl-C in `plan12b init`'s first second, a full disk)
 * leaves PostgreSQL's folders without PG_VERSION. Before, the next command called that "a folder of
 * other files, not a plan12b store" (exit 64) and told the user to name another folder: their own
 * store's folder, which nothing but plan12b ever wrote to. Now it is named as a store left half-made
 * (exit 69) with the one thing to do, and left as it is.
 */
describe('a store whose making was stopped before PG_VERSION was written', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-half-made-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused as half-made, with what to do, and nothing in it changed', async () => {
    const store = join(dir, 'store');
    mkdirSync(store);
    // the initial cluster's entries up to, not including, PG_VERSION: where a kill can leave it
    execFileSync(
      'tar',
      [
        'xzf',
        INITIAL_CLUSTER_FILE,
        '-C',
        store,
        '--exclude=PG_VERSION',
        '--exclude=postgresql.conf',
        '--exclude=postgresql.auto.conf',
      ],
      { stdio: 'pipe' },
    );
    const before = readdirSync(store).sort();
    expect(before).toContain('base');
    expect(before).not.toContain('PG_VERSION');
    for (const argv of [
      ['rates', 'list', '--json'],
      ['init', '--json'],
    ]) {
      const r = await runCliInProcess(['--db', store, ...argv]);
      expect({ argv, code: r.code }).toEqual({ argv, code: 69 });
      const doc = r.json<{ error: { code: string; message: string; hint: string } }>();
      expect(doc.error.code).toBe('DATABASE');
      expect(doc.error.message).toMatch(/left half-made/);
      expect(doc.error.message).not.toMatch(/folder of other files/);
      expect(doc.error.hint).toContain(`rm -r ${store}`);
    }
    expect(readdirSync(store).sort()).toEqual(before);
  });

  it('still refuses a folder that holds a file of the user beside PostgreSQL names as other files', async () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(join(mixed, 'base'), { recursive: true });
    mkdirSync(join(mixed, 'notes'));
    const r = await runCliInProcess(['--db', mixed, 'rates', 'list', '--json']);
    expect(r.code).toBe(64);
    expect(r.json<{ error: { message: string } }>().error.message).toMatch(/folder of other files/);
  });
});
