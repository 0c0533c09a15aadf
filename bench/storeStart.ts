import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeOnce } from './cliStart.js';

/**
 * Issue 14 item 6 (startup1): the product's own cost per command, which the test suite pays for
 * every process it spawns and every store it makes. Each command is spawned as a user runs it,
 * several times; the figures are the CPU time of the child (user + system: what a loaded machine
 * inflates least) and its wall time.
 *
 * Peers: `init` of a new store started from the initial cluster made at build time
 * (src/store/initialCluster.ts) and the same with PLAN12B_INITIAL_CLUSTER=initdb (PGlite's initdb
 * for each store, as before); each `init` prints the same. The floors: `node -e 0`,
 * `plan12b --version`, `plan12b --help`. A store opened and a query answered: `schedule` with the
 * registry snapshot turned off, `fees` of a month, and `what-if` on Class B (each month's before and
 * after read once: src/store/rememberedReads.ts), on the demo's store (built once, or
 * $PLAN12B_BENCH_DEMO_DB).
 */

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');

export interface StoreStartFigures {
  readonly runs: number;
  readonly commands: Record<string, { readonly medianCpuMs: number; readonly medianWallMs: number }>;
}

export async function benchStoreStart(
  opts: { runs?: number; demoDb?: string } = {},
  log: (s: string) => void = () => {},
): Promise<StoreStartFigures> {
  const runs = opts.runs ?? 5;
  const work = mkdtempSync(join(tmpdir(), 'plan12b-bench-store-start-'));
  try {
    let db = opts.demoDb ?? process.env.PLAN12B_BENCH_DEMO_DB;
    if (!db || !existsSync(db)) {
      db = join(work, 'demo');
      log(`building the demo store in ${db} (once)`);
      const demo = spawnSync(
        process.execPath,
        [bin, '--db', db, 'demo', '--out', join(work, 'out'), '--json'],
        {
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        },
      );
      if (demo.status !== 0) throw new Error(`plan12b demo exited ${demo.status}: ${demo.stderr}`);
    }
    let fresh = 0;
    // a new folder for each run of `init`; the same answer from both peers, the folder's name aside
    const init = () => [bin, '--db', join(work, `new-${++fresh}`), 'init', '--json'];
    const initdb = { PLAN12B_INITIAL_CLUSTER: 'initdb' };
    const printedInit = (env: Record<string, string>) => {
      const args = init();
      const res = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
      if (res.status !== 0) throw new Error(`init exited ${res.status}: ${res.stderr}`);
      return res.stdout.replace(args[2]!, 'FOLDER');
    };
    if (printedInit({}) !== printedInit(initdb))
      throw new Error('init from the initial cluster does not print what init with initdb prints');
    const commands: Record<string, { args: () => readonly string[]; env?: Record<string, string> }> = {
      'node -e 0': { args: () => ['-e', '0'] },
      'plan12b --version': { args: () => [bin, '--version'] },
      'plan12b --help': { args: () => [bin, '--help'] },
      'plan12b init (a new store, from the initial cluster)': { args: init },
      'plan12b init (a new store, initdb, as before)': { args: init, env: initdb },
      'plan12b schedule --as-of 2025-06-30 (store opened)': {
        args: () => [bin, '--db', db, 'schedule', '--as-of', '2025-06-30'],
        env: { PLAN12B_REGISTRY_SNAPSHOT: 'off' },
      },
      'plan12b fees --from 2025-06-01 --to 2025-06-30': {
        args: () => [bin, '--db', db, 'fees', '--from', '2025-06-01', '--to', '2025-06-30'],
      },
      'plan12b what-if --portfolio "Summit Small Cap Fund" --class B --distribution-fee 0.50': {
        args: () => [
          bin,
          '--db',
          db,
          'what-if',
          '--portfolio',
          'Summit Small Cap Fund',
          '--class',
          'B',
          '--distribution-fee',
          '0.50',
        ],
      },
    };
    const samples = new Map<string, { cpu: number[]; wall: number[] }>();
    // interleaved: each round runs every peer once, so that a change of load falls on all alike
    for (let i = 0; i < runs; i++)
      for (const [name, c] of Object.entries(commands)) {
        if (i === 0) log(`${name}: ${runs} runs`);
        const t = timeOnce(c.args(), c.env);
        const s = samples.get(name) ?? { cpu: [], wall: [] };
        s.cpu.push(t.cpuMs);
        s.wall.push(t.wallMs);
        samples.set(name, s);
      }
    const out: Record<string, { medianCpuMs: number; medianWallMs: number }> = {};
    for (const [name, s] of samples)
      out[name] = { medianCpuMs: median(s.cpu), medianWallMs: Math.round(median(s.wall)) };
    return { runs, commands: out };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
