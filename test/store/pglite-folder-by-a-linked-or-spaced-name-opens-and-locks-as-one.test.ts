import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/api/server.js';
import { openDatabase } from '../../src/store/database.js';
import { readServeDiscovery } from '../../src/store/serveDiscovery.js';
import { dataFolderLockPath, lockDataFolder, readHolder } from '../../src/store/writerLock.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * `--db` names the embedded store's folder (SPEC §11 Storage; §12 one writer at a time) by any path
 * the file system takes: with spaces and letters outside ASCII, or through a symbolic link. The
 * store opens by each, and one folder is one lock whatever name reached it. Before: a folder
 * named through a link could not be opened at all (PGlite's file system refused it; the message
 * read "…: undefined"), and a link and the real path made two lock files for one folder; a
 * `plan12b serve` started by one name was not found by the other (a write waited its whole wait
 * and was told "in use", not at once that serve holds the folder and what to do).
 */
describe('a PGlite folder named with spaces, other scripts, or through a link', () => {
  let root: string;
  let tdb: TestDatabase;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'plan12b-names-'));
    const spaced = join(root, 'fund books é書');
    mkdirSync(spaced);
    tdb = await freshDatabase('pglite', spaced);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('opens by a name with spaces and other scripts, its lock beside it by that name', async () => {
    const db = await openDatabase(tdb.target, { workload: 'query' });
    try {
      expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(readHolder(join(root, 'fund books é書', 'db.lock'))?.pid).toBe(process.pid);
    } finally {
      await db.close();
    }
    expect(existsSync(`${tdb.target}.lock`)).toBe(false);
  });

  it('opens through a link to it, holding the one lock the real name holds', async () => {
    const alias = join(root, 'alias');
    symlinkSync(tdb.target, alias);
    const db = await openDatabase(alias, { workload: 'query' });
    try {
      expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(existsSync(`${realpathSync(tdb.target)}.lock`)).toBe(true);
      expect(existsSync(`${alias}.lock`)).toBe(false);
      // another opener by the real name finds it held (told not to wait)
      await expect(lockDataFolder(tdb.target, dataFolderLockPath(tdb.target), 'fees', 0)).rejects.toThrow(
        `in use by process ${process.pid}`,
      );
    } finally {
      await db.close();
    }
    expect(existsSync(`${realpathSync(tdb.target)}.lock`)).toBe(false);
  });

  it('held by serve started through a link, is found held by serve by its real name, at once', async () => {
    const alias = join(root, 'serve-alias');
    symlinkSync(tdb.target, alias);
    const server = await startServer({
      dbTarget: alias,
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
    });
    try {
      expect(readServeDiscovery(tdb.target)).toMatchObject({
        pid: process.pid,
        db: realpathSync(tdb.target),
      });
      await expect(lockDataFolder(tdb.target, dataFolderLockPath(tdb.target), 'fees', 5_000)).rejects.toThrow(
        `is held by plan12b serve (process ${process.pid}, ${server.url})`,
      );
    } finally {
      await server.close();
    }
    expect(readServeDiscovery(alias)).toBeUndefined();
  });
});
