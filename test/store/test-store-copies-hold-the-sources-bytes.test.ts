import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { freshDatabase } from '../support/databases.js';
import { copyFolder } from '../support/folderCopy.js';

/** Every file and folder under `root`, with its mode and (for a file) its bytes. */
function tree(root: string): Map<string, { mode: number; bytes?: Buffer }> {
  const out = new Map<string, { mode: number; bytes?: Buffer }>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = join(rel, e.name);
      const mode = statSync(join(root, r)).mode & 0o777;
      if (e.isDirectory()) {
        out.set(`${r}/`, { mode });
        walk(r);
      } else out.set(r, { mode, bytes: readFileSync(join(root, r)) });
    }
  };
  walk('');
  return out;
}

// The suite's stores are copies of the run's templates (test/support/folderCopy.ts, written from
// an image in memory): a copy must be the source, byte for byte, or every test runs on something
// else than it thinks.
describe('a test store copied from a template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-copy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the same folders, files, bytes and modes as its source, and opens as a store', async () => {
    const tdb = await freshDatabase('pglite', join(dir, 'source'));
    const db = await tdb.open();
    await db.query('CREATE TABLE copied_marker (n int)');
    await db.query('INSERT INTO copied_marker VALUES (42)');
    await db.close();
    await copyFolder(tdb.target, join(dir, 'copy', 'db'));
    await copyFolder(tdb.target, join(dir, 'copy-cached', 'db'), { cached: true });
    const source = tree(tdb.target);
    expect(source.size).toBeGreaterThan(100);
    for (const copy of ['copy', 'copy-cached']) {
      const copied = tree(join(dir, copy, 'db'));
      expect([...copied.keys()].sort()).toEqual([...source.keys()].sort());
      for (const [path, s] of source) {
        const c = copied.get(path);
        expect(c?.mode, path).toBe(s.mode);
        if (s.bytes) expect(c?.bytes?.equals(s.bytes), path).toBe(true);
      }
      const again = await openDatabase(join(dir, copy, 'db'), { workload: 'query' });
      expect(await again.query<{ n: number }>('SELECT n FROM copied_marker')).toEqual([{ n: 42 }]);
      await again.close();
    }
  });

  it('refuses to write over a folder that exists, and copies empty files and folders', async () => {
    const src = join(dir, 'odd');
    mkdirSync(join(src, 'empty-folder'), { recursive: true });
    writeFileSync(join(src, 'empty-file'), '');
    await copyFolder(src, join(dir, 'odd-copy'));
    expect(tree(join(dir, 'odd-copy'))).toEqual(tree(src));
    await expect(copyFolder(src, join(dir, 'odd-copy'))).rejects.toThrow(/EEXIST/);
  });
});
