import { closeSync, lstatSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { Plan12bError, RetryLaterError } from '../errors.js';
import { lockWaitMs } from './lockWait.js';
import { askToStepAside, ON_DEMAND_COMMAND } from './onDemandServe.js';
import { processAlive } from './processAlive.js';
import {
  type ProcessIdentity,
  processIdentity,
  processStartedAt,
  sameProcessRunning,
} from './processIdentity.js';
import { readServeDiscovery } from './serveDiscovery.js';

/**
 * One writer at a time (SPEC §12). The embedded store (PGlite) is one process's database: a
 * second process opening the same data folder would corrupt it, so the folder is locked for
 * the whole life of the process that opened it, by a lock file beside it holding that process's
 * id. A second process waits a bounded time, then refuses with the holder's id. A lock left by a
 * process that no longer exists is taken over.
 *
 * The file: the holder's process id, a line saying what it runs, and a line with what identifies
 * the process beyond its id (src/store/processIdentity.ts: `holder started=TICKS boot=ID host=H`).
 * A lock whose id now belongs to a process started at another time, or in another boot, is as
 * stale as one whose process is gone (the id was reused); one written on another host is that
 * host's, never judged here. A file of the older form (id and words only, written by a plan12b
 * before this one) is judged by its id and its time: a process that started after the file was
 * written did not write it (its id was reused), however alive it is.
 */

export { lockWaitMs } from './lockWait.js';

const POLL_MS = 50;
/** How long before an on-demand server that has not gone is asked again. */
const STEP_ASIDE_RETRY_MS = 1_000;
/** How long an on-demand server may take to start and step aside, on top of the wait allowed. */
const ON_DEMAND_GRACE_MS = 30_000;

export { canonicalDataFolder, dataFolderLockPath } from './dataFolderLockPath.js';

/** Who holds a lock file, as read from it. */
export interface LockHolder {
  readonly pid: number;
  /** what it runs (and, written on another host, `on host H`) */
  readonly what: string;
  /** the file's text, to take over only the lock that was judged */
  readonly raw: string;
  /** what identifies the holder beyond its id; undefined in a file of the older form */
  readonly identity?: ProcessIdentity;
  /** when the file was last written (its mtime, ms), if it could be told */
  readonly writtenAt?: number;
}

const IDENTITY_LINE = /^holder((?: [a-z]+=\S*)*)$/;

/** The identity line of a lock file (values URI-encoded: a host name is the only free text). */
function identityLine(id: ProcessIdentity): string {
  const field = (k: string, v: string | undefined) =>
    v === undefined ? '' : ` ${k}=${encodeURIComponent(v)}`;
  return `holder${field('started', id.startTime)}${field('boot', id.bootId)}${field('host', id.host)}`;
}

function parseIdentityLine(line: string): ProcessIdentity | undefined {
  const m = IDENTITY_LINE.exec(line);
  if (m === null) return undefined;
  const fields = new Map<string, string>();
  for (const kv of m[1]!.trim().split(' ').filter(Boolean)) {
    const at = kv.indexOf('=');
    try {
      fields.set(kv.slice(0, at), decodeURIComponent(kv.slice(at + 1)));
    } catch {
      return undefined;
    }
  }
  const host = fields.get('host');
  if (host === undefined) return undefined;
  return { startTime: fields.get('started'), bootId: fields.get('boot'), host };
}

/** The text of the lock file this process writes. */
export function lockFileText(what: string): string {
  return `${process.pid}\n${what.replace(/[\r\n]+/g, ' ')}\n${identityLine(processIdentity(process.pid))}\n`;
}

/** Who holds a lock file (its process id, what it runs, who it is beyond its id), if anyone. */
export function readHolder(lockPath: string): LockHolder | undefined {
  try {
    const raw = readFileSync(lockPath, 'utf8');
    const [pid, ...rest] = raw.split('\n');
    const identities = rest.map(parseIdentityLine);
    const identity = identities.find((i) => i !== undefined);
    const words = rest
      .filter((_, i) => identities[i] === undefined)
      .join(' ')
      .trim();
    const elsewhere = identity !== undefined && identity.host !== hostname();
    let writtenAt: number | undefined;
    try {
      writtenAt = statSync(lockPath).mtimeMs;
    } catch {}
    return {
      pid: /^\d+$/.test(pid ?? '') ? Number(pid) : Number.NaN,
      what: elsewhere ? `${words} on host ${identity.host}`.trim() : words,
      raw,
      ...(identity ? { identity } : {}),
      ...(writtenAt !== undefined ? { writtenAt } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * How much later than its lock file a process must have started to be taken for another than the
 * one that wrote it. The holder starts before it writes its lock, and the start read from /proc is
 * never later than the real one (src/store/processIdentity.ts), so any margin would do on a steady
 * clock; a minute leaves room for the wall clock being stepped forward since the file was written
 * and for a file server's clock (the file's time is the server's) — a lock that cannot be judged
 * is waited for, never taken.
 */
const STARTED_AFTER_LOCK_MARGIN_MS = 60_000;

/**
 * Whether the holder of a lock of the older form (no identity line) still runs: not when its id is
 * gone, nor when the process now under that id started after the file was written (the id was
 * reused: SPEC §12, one writer at a time, must not wait for ever on a dead writer's lock).
 */
function olderFormHolderRunning(holder: LockHolder): boolean {
  if (!processAlive(holder.pid)) return false;
  if (holder.writtenAt === undefined) return true;
  const started = processStartedAt(holder.pid);
  return started === undefined || started <= holder.writtenAt + STARTED_AFTER_LOCK_MARGIN_MS;
}

/**
 * Whether the holder of a lock still runs: written on another host, yes (that host's process table
 * is not ours to read: it is waited for and named); else not when its id is gone, or now belongs
 * to another process (another start time, another boot; in a file of the older form, a start
 * after the file was written).
 */
export function holderRunning(holder: LockHolder): boolean {
  if (holder.identity === undefined) return olderFormHolderRunning(holder);
  if (holder.identity.host !== hostname()) return true;
  return sameProcessRunning(holder.pid, holder.identity) ?? processAlive(holder.pid);
}

/** A lock file still empty this long after it was created was left by a crash, not being written. */
const EMPTY_LOCK_STALE_MS = 5_000;

/** How many times in a row a lock file may vanish under us before we wait like for any holder. */
const VANISHED_RETRIES = 100;

/** How long ago the lock file was last written, or undefined when there is none (lstat: a link is there). */
function lockFileAgeMs(lockPath: string): number | undefined {
  try {
    return Date.now() - lstatSync(lockPath).mtimeMs;
  } catch {
    return undefined;
  }
}

function lockIsDirectory(lockPath: string): boolean {
  try {
    return lstatSync(lockPath).isDirectory();
  } catch {
    return false;
  }
}

function lockIsDirectoryError(target: string, lockPath: string): Plan12bError {
  return new Plan12bError(
    'DATABASE',
    `the database ${target} cannot be locked: its lock file ${lockPath} is a directory, which plan12b never makes`,
    `see what put it there; once no plan12b uses the database, remove it (rmdir ${JSON.stringify(lockPath)}) and run this command again`,
  );
}

/** Says once, on stderr, that this command is waiting for another one (and for how long at most). */
export function waitingNotice(
  target: string,
  holder: { pid: number; what: string } | undefined,
  waitMs: number,
): void {
  process.stderr.write(
    `plan12b: waiting up to ${Math.round(waitMs / 1000)} s for the database ${target}, in use by process ${holder?.pid ?? '?'}${holder?.what ? ` (${holder.what})` : ''}\n`,
  );
}

/**
 * The refusal of a writer that waited the lock wait for another process: for now only (a
 * RetryLaterError: exit 69 on the CLI; HTTP 503 with `Retry-After` when a write of `plan12b serve`
 * waited for a CLI command's lock on a server, src/api/app.ts), asked again after the wait allowed.
 */
export function inUseError(
  target: string,
  holder: { pid: number; what: string } | undefined,
): RetryLaterError {
  return new RetryLaterError(
    `the database ${target} is in use by process ${holder?.pid ?? '?'}${holder?.what ? ` (${holder.what})` : ''}`,
    'wait for that command to finish and run this one again (PLAN12B_LOCK_WAIT_SECONDS sets how long plan12b waits)',
    Math.max(1, Math.round(lockWaitMs() / 1000)),
  );
}

/**
 * The folder is held by `plan12b serve`: query commands are answered through it (src/cli/
 * serveForward.ts); anything else — a write, a query with --no-server, one it cannot answer — says
 * so at once, and what to do.
 */
export function heldByServeError(
  target: string,
  serving: { pid: number; host: string; port: number },
): Plan12bError {
  const url = `http://${serving.host.includes(':') ? `[${serving.host}]` : serving.host}:${serving.port}`;
  return new Plan12bError(
    'DATABASE',
    `the database ${target} is held by plan12b serve (process ${serving.pid}, ${url})`,
    `it answers query commands for the CLI, but not a write, a file to write (--pdf, --xlsx, …) or --no-server; for those use its dashboard or API at ${url} (a change needs an operator or admin token), or stop it (kill ${serving.pid}) and run this command again`,
  );
}

/** Takes the lock file, waiting up to `waitMs`; returns the function that releases it. */
export async function lockDataFolder(
  target: string,
  lockPath: string,
  what: string,
  waitMs = lockWaitMs(),
): Promise<() => void> {
  const deadline = Date.now() + waitMs;
  let noticed = false;
  let askedAsideAt = Number.NEGATIVE_INFINITY;
  let onDemandSince: number | undefined;
  let vanishedRetries = 0;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, lockFileText(what));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        const h = readHolder(lockPath);
        if (h?.pid === process.pid) {
          try {
            unlinkSync(lockPath);
          } catch {}
        }
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    // A folder where the lock file should be is no holder to wait for: no plan12b makes one
    if (lockIsDirectory(lockPath)) throw lockIsDirectoryError(target, lockPath);
    const holder = readHolder(lockPath);
    // Gone between our open and our read (its holder just released it): try again at once. This
    // is no wait and no news to the user. (One that is there but cannot be read — another user's,
    // a dangling link — is a holder we do not know: waited for, as any other.)
    const ageMs = lockFileAgeMs(lockPath);
    if (holder === undefined && ageMs === undefined && vanishedRetries++ < VANISHED_RETRIES) continue;
    // Just created, its holder not yet written: look again in a moment, without a notice — but one
    // left empty for seconds is a crash between create and write, as stale as a dead holder's.
    const unwritten = holder?.raw === '' && ageMs !== undefined && ageMs <= EMPTY_LOCK_STALE_MS;
    if (holder && !unwritten && !holderRunning(holder)) {
      // A stale lock (its holder gone, or its id now another process's): remove it only if it is
      // still the one we read (another process may have taken it over in between), then try again
      // at once.
      if (readHolder(lockPath)?.raw === holder.raw) {
        try {
          unlinkSync(lockPath);
        } catch {}
      }
      continue;
    }
    // `plan12b serve` holds the folder for as long as it runs: waiting for it is pointless; one
    // started on demand by a query is asked to step aside (src/store/onDemandServe.ts), and goes
    const serving = holder ? readServeDiscovery(target) : undefined;
    if (serving && serving.pid === holder?.pid) {
      if (!serving.onDemand) throw heldByServeError(target, serving);
      if (Date.now() - askedAsideAt >= STEP_ASIDE_RETRY_MS) {
        askedAsideAt = Date.now();
        await askToStepAside(serving);
      }
    }
    // An on-demand server (going, or still starting) is no news to the user, and the time it takes
    // to go is not taken from the wait the user allowed (PLAN12B_LOCK_WAIT_SECONDS=0 still writes).
    const onDemand = holder?.what.startsWith(ON_DEMAND_COMMAND) === true;
    if (onDemand) onDemandSince ??= Date.now();
    const until =
      onDemandSince === undefined ? deadline : Math.max(deadline, onDemandSince + ON_DEMAND_GRACE_MS);
    if (Date.now() >= until) throw inUseError(target, holder);
    if (!noticed && !onDemand && !unwritten) {
      noticed = true;
      waitingNotice(target, holder, waitMs);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Serialises writers inside one process (the API server runs several requests at once). */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  /**
   * Runs fn after every fn queued before it. With `wait`, fn waits for its turn at most `wait.ms`:
   * past that it never runs and `wait.refusal()` is thrown; the turn it held is passed on only
   * once the ones before it have finished, so the queue keeps its order.
   */
  async run<T>(fn: () => Promise<T>, wait?: { ms: number; refusal: () => Error }): Promise<T> {
    const prev = this.tail;
    let done!: () => void;
    this.tail = new Promise((r) => {
      done = r;
    });
    if (wait === undefined) await prev;
    else {
      let timer: NodeJS.Timeout | undefined;
      const turn = await Promise.race([
        prev.then(() => true),
        new Promise<false>((r) => {
          // a timer above 2^31-1 ms fires after 1 ms: a longer wait is the longest a timer holds
          timer = setTimeout(() => r(false), Math.min(wait.ms, 2 ** 31 - 1));
        }),
      ]);
      clearTimeout(timer);
      if (!turn) {
        void prev.then(done);
        throw wait.refusal();
      }
    }
    try {
      return await fn();
    } finally {
      done();
    }
  }
}
