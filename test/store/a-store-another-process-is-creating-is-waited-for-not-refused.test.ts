import { mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataFolderLockPath } from '../../src/store/dataFolderLockPath.js';
import { lockFileText } from '../../src/store/writerLock.js';
import { runCliInProcess } from '../support/cli.js';

/**
 * SPEC §12 (one writer at a time): while one plan12b process creates a new embedded store (its
 * first command on a new folder: PostgreSQL's initdb writes the folder's files, PG_VERSION among
 * them, over several seconds), a second command on the same folder waits for it like for any
 * holder of the folder. Before, the second command looked at the folder before asking for its
 * lock, found PostgreSQL's files without PG_VERSION yet, and refused the store being made as "a
 * folder of other files, not a plan12b store" (exit 64) — the command line's fault, which it was
 * not (seen when a suite's spawned first command was still creating its store as the next test's
 * command began).
 */
describe('a store folder another process is creating', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-creating-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is waited for (and named as in use by that process), not refused as a folder of other files', async () => {
    const db = join(dir, 'db');
    // what initdb has written so far: the folder's first directories and files, no PG_VERSION yet
    mkdirSync(join(db, 'global'), { recursive: true });
    writeFileSync(join(db, 'global', 'pg_control'), Buffer.alloc(64));
    // the creating process holds the folder's lock (this process stands in for it: a live holder)
    const lock = dataFolderLockPath(db);
    writeFileSync(lock, lockFileText('plan12b init, creating the store'));
    try {
      const r = await runCliInProcess(['--db', db, 'rates', 'list', '--json'], {
        PLAN12B_LOCK_WAIT_SECONDS: '0',
      });
      const doc = r.json<{ error: { code: string; message: string } }>();
      expect(doc.error.message).not.toMatch(/folder of other files/);
      expect(doc.error.message).toMatch(new RegExp(`in use by process ${process.pid}\\b`));
      expect(r.code).not.toBe(64);
      // nothing was added to the folder being made, nor taken from it
      expect(readdirSync(db).sort()).toEqual(['global']);
    } finally {
      unlinkSync(lock);
    }
  });

  // (its making stopped: test/store/a-store-left-half-made-is-named-not-taken-for-other-files.test.ts)
  it('once no process holds it and it is still not a store, it is refused as a store left half-made', async () => {
    const db = join(dir, 'left');
    mkdirSync(join(db, 'global'), { recursive: true });
    writeFileSync(join(db, 'global', 'pg_control'), Buffer.alloc(64));
    const r = await runCliInProcess(['--db', db, 'rates', 'list', '--json']);
    expect(r.code).toBe(69);
    expect(r.json<{ error: { message: string } }>().error.message).toMatch(
      /was left half-made: it holds PostgreSQL's files but not PG_VERSION/,
    );
    // the refusal let go of the folder's lock
    expect(readdirSync(dir)).not.toContain('left.lock');
  });
});
