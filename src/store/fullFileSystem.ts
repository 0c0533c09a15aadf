import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Below this many bytes free, an embedded store that failed to open is taken to have failed for
 * want of space: PostgreSQL writes its WAL in 16 MB segments, and PGlite writes to the folder even
 * to open it (hostile6: with no byte left it failed as "PGlite failed to initialize properly").
 */
const TOO_LITTLE_BYTES = 16 * 1024 * 1024;

/**
 * The bytes free on the file system holding an embedded store's folder when they are too few for
 * the store to open (SPEC §12: out of disk is exit 69 with the next step, not "run plan12b init");
 * else null (or when the file system cannot be asked).
 */
export function fullFileSystem(folder: string): number | null {
  for (let at = folder; ; at = dirname(at)) {
    try {
      const { bavail, bsize } = statfsSync(at);
      const free = Number(bavail) * Number(bsize);
      return free < TOO_LITTLE_BYTES ? free : null;
    } catch {
      // the folder is not made yet: its parent's file system
      if (dirname(at) === at) return null;
    }
  }
}
