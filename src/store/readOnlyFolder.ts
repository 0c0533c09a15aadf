import { accessSync, constants, statSync } from 'node:fs';

/**
 * Whether an embedded store's folder cannot be written to (SPEC §11: the embedded store is a
 * folder PGlite writes even to answer a query, its log at least). PGlite's file system (Emscripten's
 * NODEFS) checks a folder's mode bits whoever runs it, so a folder with no write bit is read-only
 * even to root, and so is one the user may not write. Before, both were "cannot open the embedded
 * database: file system error (errno 2)" or "PGlite failed to initialize properly", with the hint
 * to run `plan12b init` — the very command that had failed.
 * @returns the folder's mode as `ls` shows it (`r-xr-xr-x`) when it is read-only; else null
 */
export function readOnlyFolder(folder: string): string | null {
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (stat === undefined || !stat.isDirectory()) return null;
  let writable = (stat.mode & 0o222) !== 0;
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    writable = false;
  }
  if (writable) return null;
  const bits = 'rwxrwxrwx';
  return [...bits].map((c, i) => ((stat.mode >> (8 - i)) & 1 ? c : '-')).join('');
}
