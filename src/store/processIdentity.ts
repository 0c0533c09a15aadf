import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * What identifies a process beyond its id (SPEC §12: one writer at a time; the data folder's lock
 * file, src/store/writerLock.ts). A process id is reused: once the process that wrote a lock has
 * died, another may run under its id, and the lock would look held for ever. On Linux a process is
 * the pair (id, start time) within one boot: the start time is field 22 of /proc/PID/stat (clock
 * ticks after boot, proc(5)), the boot is /proc/sys/kernel/random/boot_id. The host name says
 * whose process table the id belongs to (a data folder on a shared file system).
 */
export interface ProcessIdentity {
  /** field 22 of /proc/PID/stat, as written there; undefined where there is no /proc */
  readonly startTime: string | undefined;
  /** /proc/sys/kernel/random/boot_id; undefined where there is none */
  readonly bootId: string | undefined;
  readonly host: string;
}

/** Field 22 (starttime) of /proc/PID/stat, or undefined (no such process, or no /proc). */
export function processStartTime(pid: number): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "PID (COMM) STATE PPID …": COMM may hold spaces and parentheses, so fields are counted after
  // the last ")"; field 3 (state) is the first there, field 22 the twentieth
  const after = stat
    .slice(stat.lastIndexOf(')') + 1)
    .trim()
    .split(/\s+/);
  const start = after[22 - 3];
  return start !== undefined && /^\d+$/.test(start) ? start : undefined;
}

let ownBootId: string | undefined | null = null;

/** This machine's boot id (read once), or undefined where there is none. */
export function currentBootId(): string | undefined {
  if (ownBootId === null) {
    try {
      const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      ownBootId = /^[0-9a-f-]+$/i.test(id) ? id : undefined;
    } catch {
      ownBootId = undefined;
    }
  }
  return ownBootId;
}

/** The identity of a process of this machine now (this process's, for the lock it writes). */
export function processIdentity(pid: number): ProcessIdentity {
  return { startTime: processStartTime(pid), bootId: currentBootId(), host: hostname() };
}

/**
 * Whether the process that wrote `recorded` (its id and identity) is still running: on another
 * host, undefined — its process table is not ours to look at; on this host, not after a reboot,
 * nor when the id now belongs to a process started at another time (the id was reused). What
 * cannot be known here (no /proc, or the process hidden from us) is undefined: the caller checks
 * the id alone.
 */
export function sameProcessRunning(pid: number, recorded: ProcessIdentity): boolean | undefined {
  if (recorded.host !== hostname()) return undefined;
  const boot = currentBootId();
  if (recorded.bootId !== undefined && boot !== undefined && recorded.bootId !== boot) return false;
  if (recorded.startTime === undefined) return undefined;
  // no /proc/PID/stat: gone, or hidden from this user (hidepid) — the id alone decides
  const now = processStartTime(pid);
  if (now === undefined) return undefined;
  return now === recorded.startTime;
}

/**
 * Clock ticks a second in /proc (USER_HZ): 100 on every Linux this runs on; Node cannot ask
 * sysconf(_SC_CLK_TCK), so it is checked against this process's own start before it is relied on
 * (processStartedAt).
 */
const USER_HZ = 100;
/** How far this process's start, read from /proc, may be from its own clock's: startup, rounding. */
const OWN_START_TOLERANCE_MS = 5_000;

/** The machine's boot time on the wall clock (`btime` of /proc/stat, whole seconds), in ms. */
function bootTimeMs(): number | undefined {
  try {
    const m = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    return m ? Number(m[1]) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** When process `pid` started on the wall clock (ms), from /proc; undefined where it cannot be told. */
function startedAtMs(pid: number, boot: number): number | undefined {
  const ticks = processStartTime(pid);
  return ticks === undefined ? undefined : boot + (Number(ticks) * 1000) / USER_HZ;
}

/**
 * When process `pid` started, on the wall clock (ms since the epoch), or undefined when that
 * cannot be told: no /proc, the process gone or hidden, or /proc not counting as assumed (this
 * process's own start, read the same way, is not when Node says it started). The boot time is
 * whole seconds and the ticks are cut, not rounded: the time told is never later than the real
 * start, give or take the wall clock being set since.
 */
export function processStartedAt(pid: number): number | undefined {
  const boot = bootTimeMs();
  if (boot === undefined) return undefined;
  const own = startedAtMs(process.pid, boot);
  const ownByNode = Date.now() - process.uptime() * 1000;
  if (own === undefined || Math.abs(own - ownByNode) > OWN_START_TOLERANCE_MS) return undefined;
  return startedAtMs(pid, boot);
}
