import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The data folder of an embedded store as the file system knows it (SPEC §12: one writer at a
 * time): symbolic links resolved, in the folder's path and in its parents' — a folder not yet
 * made, under its parent's real path. One folder reached by two names (`--db ~/books` and
 * `--db /data/books` through a link) must be one lock, or two processes open it at once. Only
 * Node's own modules: the registry snapshot's reader checks the lock before anything is loaded.
 */
export function canonicalDataFolder(target: string): string {
  const abs = resolve(target);
  try {
    return realpathSync(abs);
  } catch {}
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {}
  return abs;
}

/** The lock file beside an embedded store's data folder, held while a process has the folder open. */
export function dataFolderLockPath(target: string): string {
  return `${canonicalDataFolder(target)}.lock`;
}
