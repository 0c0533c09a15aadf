import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readServeDiscovery } from '../src/store/serveDiscovery.js';

/**
 * Issue 13 item 4: how long a person waits for a query command on the embedded store. Each
 * command is spawned as a user runs it (`node bin/plan12b.js …`: Node start, module loading,
 * PGlite open, the migration check, the answer, close), several times; the figures are wall
 * time and the CPU time of the child (user + system), which another job on the machine inflates
 * far less than wall time. Floors: `node -e 0` (Node alone) and `plan12b --help` (modules, no store).
 *
 * The store is the demo's (`plan12b demo`, built once into a temp folder; or
 * $PLAN12B_BENCH_DEMO_DB to reuse one).
 *
 * "registry snapshot" and "store opened" peers: the registry queries answered from the snapshot
 * beside the store (src/store/registrySnapshotFile.ts), and with it turned off
 * (PLAN12B_REGISTRY_SNAPSHOT=off: PGlite opened as before), each checked to print the same.
 *
 * "via serve" peers: the same commands while `plan12b serve` holds the store, answered through it
 * (src/cli/serveForward.ts: Node start, the discovery file, one HTTP request, the server's run of
 * the command on its open store). Each is checked to print what the in-process run printed.
 *
 * "on-demand server" peers: the same, with no server started by anyone — the first query opens
 * the store itself and starts `plan12b serve --on-demand` as it ends (src/store/onDemandServe.ts),
 * which answers the rest: what a user gets by default. Every other peer runs with
 * PLAN12B_AUTO_SERVE=off, so that it measures what its name says.
 */

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');

export interface CliStartFigures {
  readonly runs: number;
  readonly commands: Record<
    string,
    { readonly medianWallMs: number; readonly minWallMs: number; readonly medianCpuMs: number }
  >;
  readonly targets: { readonly queryWallMs: number };
}

/** Runs one command; its wall time, and its CPU time (user + system) from /proc/self/stat. */
export function timeOnce(
  args: readonly string[],
  env: Record<string, string> = {},
): { wallMs: number; cpuMs: number } {
  const ticksBefore = childTicks();
  const started = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, PLAN12B_AUTO_SERVE: 'off', ...env },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 0) throw new Error(`${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return { wallMs, cpuMs: ((childTicks() - ticksBefore) * 1000) / CLOCK_TICKS_PER_S };
}

/** Linux's USER_HZ: /proc times are in these ticks. */
const CLOCK_TICKS_PER_S = 100;

/** CPU ticks of this process's ended children (cutime + cstime of /proc/self/stat); 0 elsewhere. */
function childTicks(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): cutime is field 16, cstime field 17
    return Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0;
  }
}

/** What a command prints: stdout, stderr and the exit code. */
function printedBy(args: readonly string[], env: Record<string, string> = {}): string {
  const res = spawnSync(process.execPath, [...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, PLAN12B_AUTO_SERVE: 'off', ...env },
  });
  return JSON.stringify([res.status, res.stdout, res.stderr]);
}

/**
 * The "on-demand server" peers: the first query (in-process; it starts the server as it ends), then
 * the "via serve" lines again, answered by that server, each checked against the in-process answer.
 */
async function measureOnDemand(
  db: string,
  /** the "via serve" lines, by name */
  lines: Readonly<Record<string, readonly string[]>>,
  printed: ReadonlyMap<readonly string[], string>,
  measure: (name: string, args: readonly string[], env?: Record<string, string>) => void,
  log: (s: string) => void,
): Promise<{ wallMs: number; cpuMs: number }> {
  const on = { PLAN12B_AUTO_SERVE: 'on', PLAN12B_AUTO_SERVE_IDLE_SECONDS: '600' };
  const fees = [bin, '--db', db, 'fees', '--from', '2025-06-01', '--to', '2025-06-30'];
  log('on-demand server: the first query starts it');
  const first = timeOnce(fees, on);
  const started = Date.now();
  let server = readServeDiscovery(db);
  while (!server) {
    if (Date.now() - started > 120_000) throw new Error('the on-demand server did not start in 120 s');
    await new Promise((r) => setTimeout(r, 20));
    server = readServeDiscovery(db);
  }
  try {
    for (const [viaServeName, args] of Object.entries(lines)) {
      const name = viaServeName.replace('(via serve)', '(on-demand server, after the first query)');
      if (printedBy(args, on) !== printed.get(args))
        throw new Error(`${name}: the on-demand server's answer is not what the command prints in-process`);
      measure(name, args, on);
    }
    if (readServeDiscovery(db)?.pid !== server.pid)
      throw new Error('the on-demand server changed while it was measured');
  } finally {
    process.kill(server.pid, 'SIGTERM');
    while (readServeDiscovery(db)) await new Promise((r) => setTimeout(r, 20));
  }
  return first;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchCliStart(
  opts: { runs?: number; demoDb?: string } = {},
  log: (s: string) => void = () => {},
): Promise<CliStartFigures> {
  const runs = opts.runs ?? 7;
  let made: string | undefined;
  let db = opts.demoDb ?? process.env.PLAN12B_BENCH_DEMO_DB;
  if (!db || !existsSync(db)) {
    made = mkdtempSync(join(tmpdir(), 'plan12b-bench-cli-'));
    db = join(made, 'db');
    log(`building the demo store in ${db} (once)`);
    const demo = spawnSync(
      process.execPath,
      [bin, '--db', db, 'demo', '--out', join(made, 'out'), '--json'],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    if (demo.status !== 0) throw new Error(`plan12b demo exited ${demo.status}: ${demo.stderr}`);
  }
  const schedule = [bin, '--db', db, 'schedule', '--as-of', '2025-06-30'];
  // PGlite alone, with its own defaults: import it, open the store, one query, close.
  const pgliteOpen = `import('@electric-sql/pglite').then(async ({ PGlite }) => {
    const db = await PGlite.create(${JSON.stringify(db)}); await db.query('select 1'); await db.close(); })`;
  const portfolioHistory = [bin, '--db', db, 'portfolio', 'history', 'Summit Capital Growth Fund'];
  // The store opened as before the registry snapshot (src/store/registrySnapshotFile.ts).
  const storeOpened = { PLAN12B_REGISTRY_SNAPSHOT: 'off' };
  const commands: Record<string, { args: readonly string[]; env?: Record<string, string> }> = {
    'node -e 0': { args: ['-e', '0'] },
    'PGlite open + select 1 + close (its own defaults)': {
      args: ['--input-type=module', '-e', pgliteOpen],
    },
    'plan12b --help': { args: [bin, '--help'] },
    'plan12b schedule --as-of 2025-06-30 (registry snapshot)': { args: schedule },
    'plan12b schedule --as-of 2025-06-30 --json (registry snapshot)': { args: [...schedule, '--json'] },
    'plan12b portfolio history "Summit Capital Growth Fund" (registry snapshot)': { args: portfolioHistory },
    'plan12b schedule --as-of 2025-06-30 (store opened)': { args: schedule, env: storeOpened },
    'plan12b schedule --as-of 2025-06-30 (store opened, WebAssembly optimising tier, as before)': {
      args: schedule,
      env: { ...storeOpened, PLAN12B_WASM_TIER: 'optimizing' },
    },
    'plan12b schedule --as-of 2025-06-30 (store opened, 128 MB shared buffers, as before)': {
      args: schedule,
      env: { ...storeOpened, PLAN12B_PGLITE_SHARED_BUFFERS: '128MB' },
    },
    'plan12b portfolio history "Summit Capital Growth Fund" (store opened)': {
      args: portfolioHistory,
      env: storeOpened,
    },
    'plan12b fees --from 2025-06-01 --to 2025-06-30': {
      args: [bin, '--db', db, 'fees', '--from', '2025-06-01', '--to', '2025-06-30'],
    },
    'plan12b monthly-calculation --month 2025-12': {
      args: [bin, '--db', db, 'monthly-calculation', '--month', '2025-12'],
    },
  };
  // The snapshot's answers are the store's, byte for byte, or the figures compare nothing. All
  // from the snapshot first (a store-opened run's close removes it), after a run that stamps it.
  const compared = [schedule, [...schedule, '--json'], portfolioHistory];
  printedBy(schedule);
  const fromSnapshot = compared.map((args) => printedBy(args));
  const fromStore = compared.map((args) => printedBy(args, storeOpened));
  for (const [i, args] of compared.entries())
    if (fromSnapshot[i] !== fromStore[i])
      throw new Error(`${args.slice(3).join(' ')}: the registry snapshot's answer is not the store's`);
  const viaServe: Record<string, readonly string[]> = {
    'plan12b schedule --as-of 2025-06-30 (via serve)': schedule,
    'plan12b portfolio history "Summit Capital Growth Fund" (via serve)': [
      bin,
      '--db',
      db,
      'portfolio',
      'history',
      'Summit Capital Growth Fund',
    ],
    'plan12b fees --from 2025-06-01 --to 2025-06-30 (via serve)': [
      bin,
      '--db',
      db,
      'fees',
      '--from',
      '2025-06-01',
      '--to',
      '2025-06-30',
    ],
  };
  const out: Record<string, { medianWallMs: number; minWallMs: number; medianCpuMs: number }> = {};
  const measure = (name: string, args: readonly string[], env?: Record<string, string>) => {
    log(`${name}: ${runs} runs`);
    timeOnce(args, env); // warm the file cache
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { wallMs, cpuMs } = timeOnce(args, env);
      walls.push(wallMs);
      cpus.push(cpuMs);
    }
    out[name] = {
      medianWallMs: Math.round(median(walls)),
      minWallMs: Math.round(Math.min(...walls)),
      medianCpuMs: Math.round(median(cpus)),
    };
  };
  try {
    for (const [name, { args, env }] of Object.entries(commands)) measure(name, args, env);
    // what each in-process run prints, to check the forwarded answer against
    const printed = new Map(Object.values(viaServe).map((args) => [args, printedBy(args)] as const));
    const serve = spawn(process.execPath, [bin, '--db', db, 'serve', '--port', '0', '--json'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, PLAN12B_LOG_LEVEL: 'warn' },
    });
    try {
      await once(createInterface({ input: serve.stdout! }), 'line');
      for (const [name, args] of Object.entries(viaServe)) {
        if (printedBy(args) !== printed.get(args))
          throw new Error(`${name}: the answer through serve is not what the command prints in-process`);
        measure(name, args);
      }
    } finally {
      serve.kill('SIGTERM');
      await once(serve, 'exit');
    }
    const first = await measureOnDemand(db, viaServe, printed, measure, log);
    out[
      'plan12b fees --from 2025-06-01 --to 2025-06-30 (first query: opens the store, starts the on-demand server; one run)'
    ] = {
      medianWallMs: Math.round(first.wallMs),
      minWallMs: Math.round(first.wallMs),
      medianCpuMs: Math.round(first.cpuMs),
    };
  } finally {
    if (made) rmSync(made, { recursive: true, force: true });
  }
  return { runs, commands: out, targets: { queryWallMs: 500 } };
}
