import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { canonicalDataFolder } from './dataFolderLockPath.js';
import { MAX_LOCK_WAIT_SECONDS } from './lockWait.js';
import { processAlive } from './processAlive.js';
import { readServeDiscovery, type ServeDiscovery } from './serveDiscovery.js';
import { postToServe } from './servePost.js';

/**
 * The query server started on demand (issue 13 item 4: a query command on the embedded store in
 * ≤ 0.5 s, which no process that starts PostgreSQL itself can reach — PGlite's own start is about
 * half a second). The Gradle-daemon pattern, kept to what a system of record can live with:
 *
 * - a query command that had to open the data folder itself starts, as it ends, a
 *   `plan12b serve --on-demand` on that folder, detached from it and from its output; the next query
 *   commands are answered by it, through the same forward as a `plan12b serve` the user started
 *   (src/cli/serveForward.ts): the same command, run on the same store, printing the same bytes;
 * - it answers only those forwarded queries (no dashboard, no API tokens), on 127.0.0.1, with a
 *   credential valid for its run only;
 * - it **steps aside** for anything else that needs the folder — a write, a close, a query that
 *   writes a file, `plan12b serve` itself: the process that wants the folder asks it to go (POST,
 *   with its credential), it stops taking queries, finishes those it has, closes the store
 *   (stamping the registry snapshot) and exits, and the waiting process takes the folder's lock as
 *   it always did; nothing that writes ever runs in it;
 * - it exits by itself when no query came for `PLAN12B_AUTO_SERVE_IDLE_SECONDS` (default 120), and
 *   at once, without touching the folder again, when the folder, its lock or its discovery file is
 *   no longer its own (removed, replaced, moved);
 * - at most `ON_DEMAND_LIMIT` run at a time for a user on a machine: a further query just runs
 *   in-process, as before;
 * - `PLAN12B_AUTO_SERVE=off` (or `PLAN12B_NO_SERVER=1`, or `--no-server` on the line) turns it off.
 *
 * Only Node's own modules: the CLI reads these files before it loads anything else.
 */

/** What an on-demand server's lock file says it is (the command it runs as). */
export const ON_DEMAND_COMMAND = 'plan12b serve --on-demand';

/** How many on-demand servers a user may have running on this machine at once. */
export const ON_DEMAND_LIMIT = 4;

/** `PLAN12B_AUTO_SERVE`: on unless it says off. */
export function onDemandServeEnabled(env: NodeJS.ProcessEnv): boolean {
  const v = (env.PLAN12B_AUTO_SERVE ?? '').trim().toLowerCase();
  return !['off', '0', 'false', 'no'].includes(v);
}

/**
 * How long an on-demand server waits for a query before it exits: PLAN12B_AUTO_SERVE_IDLE_SECONDS,
 * else 120 s; at most the longest wait a timer holds (a timer above 2^31-1 ms fires after 1 ms:
 * `=1e9` made every server exit as soon as it started, and every query start another). Read in
 * the detached server, where a usage error would reach no one: a value it cannot take is the default.
 */
export function onDemandIdleMs(env: NodeJS.ProcessEnv): number {
  const v = Number(env.PLAN12B_AUTO_SERVE_IDLE_SECONDS);
  return (Number.isFinite(v) && v > 0 ? Math.min(v, MAX_LOCK_WAIT_SECONDS) : 120) * 1000;
}

/**
 * `.<folder>.serve.starting` beside the data folder: an on-demand server is on its way (its
 * process id inside). While it lives, a query waits for the server's discovery file rather than
 * opening the folder itself; a second query does not start a second server.
 */
export function startingMarkerPath(dbTarget: string): string {
  // by the folder's real path, as its lock and discovery file (src/store/dataFolderLockPath.ts)
  const abs = canonicalDataFolder(dbTarget);
  return join(dirname(abs), `.${basename(abs)}.serve.starting`);
}

/** A marker younger than this with no process id written yet is a server being spawned. */
const UNWRITTEN_MARKER_MS = 10_000;

/** The process of a live starting marker, or undefined (no marker, or a stale one, which is removed). */
export function startingServe(dbTarget: string): { pid: number | undefined } | undefined {
  const path = startingMarkerPath(dbTarget);
  let raw: string;
  let mtimeMs: number;
  try {
    raw = readFileSync(path, 'utf8');
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  const pid = Number(raw.trim());
  if (raw.trim() === '' && Date.now() - mtimeMs < UNWRITTEN_MARKER_MS) return { pid: undefined };
  if (processAlive(pid)) return { pid };
  // stale: its process is gone; remove it only if it is still the one read
  try {
    if (readFileSync(path, 'utf8') === raw) unlinkSync(path);
  } catch {}
  return undefined;
}

/** Removes the starting marker if it names this process (the server, once it listens or as it exits). */
export function removeStartingMarker(dbTarget: string, pid: number): void {
  const path = startingMarkerPath(dbTarget);
  try {
    if (Number(readFileSync(path, 'utf8').trim()) === pid) unlinkSync(path);
  } catch {}
}

/** The folder where each running on-demand server of this user leaves a file named by its process id. */
function registryFolder(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmpdir(), `plan12b-on-demand-${uid}`);
}

/** How many on-demand servers of this user are running now (stale entries are removed). */
export function runningOnDemandServers(): number {
  let names: string[];
  try {
    names = readdirSync(registryFolder());
  } catch {
    return 0;
  }
  let live = 0;
  for (const name of names) {
    if (processAlive(Number(name))) live++;
    else
      try {
        unlinkSync(join(registryFolder(), name));
      } catch {}
  }
  return live;
}

/** The on-demand server enters itself in the user's list; the function returned takes it out. */
export function enterOnDemandServer(dbTarget: string): () => void {
  const folder = registryFolder();
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const entry = join(folder, String(process.pid));
  writeFileSync(entry, `${resolve(dbTarget)}\n`, { mode: 0o600 });
  return () => {
    try {
      unlinkSync(entry);
    } catch {}
  };
}

/**
 * Starts `plan12b serve --on-demand` on the folder, detached (its own session; no stdin, stdout or
 * stderr of this process, so a caller reading this command's output to its end is not kept
 * waiting), unless one is starting or running there already, or the user has ON_DEMAND_LIMIT
 * running. Never throws: a server that does not start only means the next query runs in-process.
 */
export function spawnOnDemandServe(
  dbTarget: string,
  bin: string,
  env: NodeJS.ProcessEnv,
): number | undefined {
  try {
    const abs = resolve(dbTarget);
    if (readServeDiscovery(abs)) return undefined;
    if (startingServe(abs)) return undefined;
    if (runningOnDemandServers() >= ON_DEMAND_LIMIT) return undefined;
    // the marker first (O_EXCL): of two queries ending at once, one starts the server
    let fd: number;
    try {
      fd = openSync(startingMarkerPath(abs), 'wx', 0o600);
    } catch {
      return undefined;
    }
    try {
      const child = spawn(process.execPath, [bin, '--db', abs, 'serve', '--on-demand'], {
        detached: true,
        stdio: 'ignore',
        env,
      });
      child.on('error', () => {});
      child.unref();
      if (child.pid === undefined) {
        unlinkSync(startingMarkerPath(abs));
        return undefined;
      }
      writeSync(fd, `${child.pid}\n`);
      return child.pid;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** How often a waiting query looks again for the server's discovery file. */
const WAIT_POLL_MS = 20;

/**
 * The discovery file of the server on the folder: at once if there is one; else, if an on-demand
 * server is starting there, when it says where it listens (up to `waitMs`); else undefined (none
 * starting, it went away, or the time ran out).
 */
export async function discoveryOfStartingServe(
  dbTarget: string,
  waitMs: number,
): Promise<ServeDiscovery | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const found = readServeDiscovery(dbTarget);
    if (found) return found;
    if (!startingServe(dbTarget) || Date.now() >= deadline) return undefined;
    await new Promise((r) => setTimeout(r, WAIT_POLL_MS));
  }
}

/** The path an on-demand server steps aside on (src/api/server.ts). */
export const STEP_ASIDE_PATH = '/api/serve/step-aside';

/**
 * Asks an on-demand server to step aside (it answers at once and goes when its queries are done).
 * Resolves whether it agreed; never throws.
 */
export async function askToStepAside(serving: ServeDiscovery): Promise<boolean> {
  return (await postToServe(serving, STEP_ASIDE_PATH))?.status === 202;
}
