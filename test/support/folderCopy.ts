import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Copies of PGlite data folders for tests, cheaper than `fs.promises.cp`: measured on this 2-CPU
 * machine, `cp` of the run's migrated template (40 MB, 1,141 files) cost ~0.7 s of CPU, 0.5 s of
 * it in the kernel (it stats, opens and copies file by file through the thread pool) — more than
 * opening the store — and the suite makes hundreds of copies. Writing the files from memory costs
 * ~0.1 s.
 *
 * A folder is read into an image (its directories and files' bytes), once per worker for a folder
 * that does not change during the run (the run's templates), and each copy writes the image with
 * synchronous writes, a turn of the event loop every few files (a worker must answer Vitest's
 * messages on a loaded machine).
 */
interface FolderImage {
  readonly mode: number;
  readonly dirs: readonly { rel: string; mode: number }[];
  readonly files: readonly { rel: string; mode: number; bytes: Buffer }[];
}

const images = new Map<string, FolderImage>();
let copies = 0;

/** How many folders this worker has copied (the suite's CPU log, test/support/cpuPerFile.ts). */
export function foldersCopied(): number {
  return copies;
}
const FILES_PER_TURN = 64;

function folderImage(source: string): FolderImage {
  const dirs: { rel: string; mode: number }[] = [];
  const files: { rel: string; mode: number; bytes: Buffer }[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(source, rel), { withFileTypes: true })) {
      const r = rel === '' ? e.name : join(rel, e.name);
      const mode = statSync(join(source, r)).mode & 0o777;
      if (e.isDirectory()) {
        dirs.push({ rel: r, mode });
        walk(r);
      } else if (e.isFile()) {
        files.push({ rel: r, mode, bytes: readFileSync(join(source, r)) });
      } else {
        throw new Error(
          `${join(source, r)}: neither a file nor a folder; a data folder copy expects only those`,
        );
      }
    }
  };
  walk('');
  return { mode: statSync(source).mode & 0o777, dirs, files };
}

async function writeFolderImage(image: FolderImage, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  mkdirSync(target, { mode: image.mode }); // not over a folder that exists (EEXIST)
  for (const d of image.dirs) mkdirSync(join(target, d.rel), { mode: d.mode });
  for (let i = 0; i < image.files.length; i++) {
    const f = image.files[i] as FolderImage['files'][number];
    writeFileSync(join(target, f.rel), f.bytes, { mode: f.mode, flag: 'wx' });
    if (i % FILES_PER_TURN === FILES_PER_TURN - 1) await new Promise((r) => setImmediate(r));
  }
}

/**
 * A copy of the folder at `source` in `target` (which must not exist yet). With `{ cached: true }`,
 * for a folder that does not change during the run, its image is read once per worker.
 */
export async function copyFolder(
  source: string,
  target: string,
  opts: { cached?: boolean } = {},
): Promise<void> {
  let image = opts.cached ? images.get(source) : undefined;
  if (image === undefined) {
    image = folderImage(source);
    if (opts.cached) images.set(source, image);
  }
  await writeFolderImage(image, target);
  copies++;
}
