import { chmodSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { canonicalDataFolder } from './dataFolderLockPath.js';

/**
 * The discovery file of `plan12b serve` on an embedded store (issue 13 item 4): while a server holds
 * the PGlite data folder, `.<folder>.serve.json` beside it (not inside: PGlite owns the folder's
 * contents) says where it listens and the credential it accepts for this run, so that a CLI query
 * on the same folder asks the server instead of waiting for the folder. Mode 0600: the credential
 * is the folder owner's. Only Node's own modules: the CLI reads it before anything else is loaded.
 */
export interface ServeDiscovery {
  /** the process of `plan12b serve` */
  readonly pid: number;
  readonly host: string;
  readonly port: number;
  /** a bearer token valid for this run of the server only, held in its memory (never stored) */
  readonly credential: string;
  /** the build of plan12b serving (`buildIdentity`): a CLI of another build does not forward */
  readonly build: string;
  /** the data folder, absolute */
  readonly db: string;
  readonly startedAt: string;
  /**
   * started on demand by a query command (src/store/onDemandServe.ts): it steps aside when another
   * process needs the folder, instead of refusing it
   */
  readonly onDemand?: boolean;
}

/**
 * Where the discovery file of an embedded store's data folder is: beside it, like its lock file,
 * by the folder's real path (links resolved), so that one server is found by any name of its folder.
 */
export function serveDiscoveryPath(dbTarget: string): string {
  const abs = canonicalDataFolder(dbTarget);
  return join(dirname(abs), `.${basename(abs)}.serve.json`);
}

/** Writes the file whole (a temporary file renamed over it), readable by its owner only. */
export function writeServeDiscovery(dbTarget: string, info: ServeDiscovery): string {
  const path = serveDiscoveryPath(dbTarget);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600); // whatever the umask left
  renameSync(tmp, path);
  return path;
}

/** The discovery file of a data folder, if there is one and it says all it must; else undefined. */
export function readServeDiscovery(dbTarget: string): ServeDiscovery | undefined {
  let raw: string;
  try {
    raw = readFileSync(serveDiscoveryPath(dbTarget), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const v = JSON.parse(raw) as Partial<ServeDiscovery>;
    const ok =
      Number.isInteger(v.pid) &&
      typeof v.host === 'string' &&
      Number.isInteger(v.port) &&
      typeof v.credential === 'string' &&
      typeof v.build === 'string' &&
      typeof v.db === 'string';
    return ok ? (v as ServeDiscovery) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the discovery file if it is still the one of process `pid` (a newer server may have replaced it). */
export function removeServeDiscovery(dbTarget: string, pid: number): void {
  if (readServeDiscovery(dbTarget)?.pid !== pid) return;
  try {
    unlinkSync(serveDiscoveryPath(dbTarget));
  } catch {}
}
