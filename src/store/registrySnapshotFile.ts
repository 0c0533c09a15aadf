import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { dataFolderLockPath } from './dataFolderLockPath.js';

/**
 * The registry snapshot of an embedded store (issue 13 item 4: a registry query on the CLI in
 * ≤ 0.5 s, which a process that starts the embedded PostgreSQL cannot reach). Beside the data
 * folder, like its lock and serve's discovery file, `.<folder>.registry.json` holds what the
 * registry is derived from — the documents, the Board-set rates, the approvals, terminations and
 * settings — as they were when the last process to open the folder closed it, with:
 *
 * - the **fingerprint** of the folder then: the size and modification time of PostgreSQL's
 *   control file and of every WAL segment. Every change PostgreSQL makes durable is written to
 *   the WAL first, and every process that opens and closes the folder rewrites the control file,
 *   so a fingerprint that still matches says no process has opened the folder since the snapshot
 *   was taken (PostgreSQL's own write-ahead rule, not plan12b's care, keeps this true: a crash,
 *   another build or a future command that forgets the snapshot all change it);
 * - the **build** that wrote it (another build may read its inputs differently: not used);
 * - the **digest** of its body (a torn or edited file is not used).
 *
 * A reader uses the snapshot only when the folder is not held (no lock file: nobody is between
 * opening and closing it), the build is its own, the digest and the fingerprint match; anything
 * else is a miss, and the command opens the store as it always did — and its own close writes a
 * fresh snapshot. Only Node's own modules: read before the CLI loads PGlite or Kysely.
 */

const FORMAT = 1;

/** The header line of the file: what says whether its body may be used. */
interface SnapshotHeader {
  readonly format: number;
  readonly build: string;
  /** the data folder, absolute */
  readonly db: string;
  /** registryInputsKey without today's date: equal keys, equal inputs */
  readonly inputsKey: string;
  readonly fingerprint: string;
  /** SHA-256 of the body, hex */
  readonly bodySha256: string;
}

/** Where the snapshot of a data folder is: beside it. */
export function registrySnapshotPath(dbTarget: string): string {
  const abs = resolve(dbTarget);
  return join(dirname(abs), `.${basename(abs)}.registry.json`);
}

/** The lock file `openPglite` holds while a process has the folder open (src/store/database.ts). */
const lockPathOf = dataFolderLockPath;

/**
 * What the folder's durable state looks like from outside: the control file and the WAL
 * segments, each with its size and modification time (nanoseconds). Undefined when the folder
 * is not a PostgreSQL data folder.
 */
export function dataFolderFingerprint(dbTarget: string): string | undefined {
  const abs = resolve(dbTarget);
  const stamp = (file: string) => {
    const s = statSync(file, { bigint: true });
    return `${basename(file)}:${s.size}:${s.mtimeNs}:${s.ino}`;
  };
  try {
    const wal = join(abs, 'pg_wal');
    const segments = readdirSync(wal)
      .filter((f) => /^[0-9A-F]{24}$/.test(f))
      .sort();
    return [stamp(join(abs, 'global', 'pg_control')), ...segments.map((f) => stamp(join(wal, f)))].join(',');
  } catch {
    return undefined;
  }
}

function readHeaderAndBody(path: string): { header: SnapshotHeader; body: string } | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = raw.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(raw.slice(0, newline)) as Partial<SnapshotHeader>;
    if (
      header.format !== FORMAT ||
      typeof header.build !== 'string' ||
      typeof header.db !== 'string' ||
      typeof header.inputsKey !== 'string' ||
      typeof header.fingerprint !== 'string' ||
      typeof header.bodySha256 !== 'string'
    )
      return undefined;
    return { header: header as SnapshotHeader, body: raw.slice(newline + 1) };
  } catch {
    return undefined;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The body of a data folder's snapshot, when it may be used now by `build` (see above); else
 * undefined, and the caller opens the store.
 */
export function readRegistrySnapshotBody(dbTarget: string, build: string | undefined): string | undefined {
  if (build === undefined) return undefined;
  const db = resolve(dbTarget);
  // held: a process is between opening and closing the folder; what it wrote is not stamped yet
  if (existsSync(lockPathOf(db))) return undefined;
  const read = readHeaderAndBody(registrySnapshotPath(db));
  if (!read) return undefined;
  const { header, body } = read;
  if (header.build !== build || header.db !== db) return undefined;
  if (header.fingerprint !== dataFolderFingerprint(db)) return undefined;
  if (sha256(body) !== header.bodySha256) return undefined;
  return body;
}

/**
 * The body of the snapshot on disk if it was written by `build` from inputs whose key is
 * `inputsKey` (digest checked), whatever the folder looks like now: the closing process, which
 * has just read the key from the store, reuses it instead of reading every input again.
 */
export function reusableSnapshotBody(dbTarget: string, build: string, inputsKey: string): string | undefined {
  const read = readHeaderAndBody(registrySnapshotPath(dbTarget));
  if (!read) return undefined;
  const { header, body } = read;
  if (header.build !== build || header.db !== resolve(dbTarget) || header.inputsKey !== inputsKey)
    return undefined;
  return sha256(body) === header.bodySha256 ? body : undefined;
}

/**
 * Writes the snapshot whole (a temporary file renamed over it, mode 0600) with the folder's
 * fingerprint as it is now. Called by the process holding the folder, after PGlite has closed it
 * and before the lock is released, so nothing can change the folder in between. A folder whose
 * fingerprint cannot be read gets no snapshot.
 */
export function writeRegistrySnapshot(
  dbTarget: string,
  build: string,
  inputsKey: string,
  body: string,
): void {
  const db = resolve(dbTarget);
  const fingerprint = dataFolderFingerprint(db);
  if (fingerprint === undefined) {
    removeRegistrySnapshot(db);
    return;
  }
  const header: SnapshotHeader = {
    format: FORMAT,
    build,
    db,
    inputsKey,
    fingerprint,
    bodySha256: sha256(body),
  };
  const path = registrySnapshotPath(db);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(header)}\n${body}`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** Removes a data folder's snapshot (a close that could not read the registry's inputs). */
export function removeRegistrySnapshot(dbTarget: string): void {
  try {
    unlinkSync(registrySnapshotPath(dbTarget));
  } catch {}
}
