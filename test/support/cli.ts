import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/store/database.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  json<T = unknown>(): T;
}

/** Runs the built CLI (`npm run build` first; `npm test` does) as a user would. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const res = spawnSync(process.execPath, [join(root, 'bin', 'plan12b.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    code: res.status ?? -1,
    stdout: res.stdout,
    stderr: res.stderr,
    json: <T>() => JSON.parse(res.stdout) as T,
  };
}

/**
 * The same as {@link runCli}, without blocking the test runner while the CLI runs (a long
 * spawnSync starves vitest's worker and fails the run with "Timeout calling onTaskUpdate").
 */
export function runCliAsync(
  args: readonly string[],
  /** added to the environment; a variable given as undefined is removed from it */
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'plan12b.js'), ...args], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout, stderr, json: <T>() => JSON.parse(stdout) as T }),
    );
  });
}

/**
 * Runs a plan12b command inside the test's own process, as bin/plan12b.js runs `main` for the
 * real CLI, and captures what it prints: the same code path (commander, the command, the door,
 * the exit code) without Node's start-up and module loading per call. Spawn ({@link runCliAsync})
 * only for true end-to-end checks: the real process's exit, signals, two processes at once.
 *
 * The environment given applies for the call only; the actor and the running command (module
 * state the CLI sets per process) are reset after it; calls are serialised, since stdout and
 * stderr are the process's own. `main` never calls process.exit: it resolves to the exit code.
 */
export async function runCliInProcess(
  args: readonly string[],
  env: Record<string, string> = {},
  /** told what the command has written to stderr so far, each time it writes (to see it waiting) */
  onStderr?: (stderrSoFar: string) => void,
): Promise<CliRun> {
  return oneAtATime(() => runInProcessNow(args, env, onStderr));
}

/**
 * {@link runCliInProcess} on a store the test keeps open, for a file whose subject is what query
 * commands print, not how the CLI opens its store: the command runs as `plan12b serve` runs a
 * forwarded query (`main`'s embedded run, src/cli/main.ts), on the store lent to it instead of one
 * it opens and closes (PGlite's start and stop, ~0.2–0.4 s of CPU a command). The same commander
 * program, command, door, output and exit code; not the real CLI's opening and migrating of the
 * store, nor its registry snapshot (a query on a lent store reads the store) — tests of those, and
 * every write, use runCliInProcess. The store must be open in this process (and closed before a
 * runCliInProcess on the same folder, which would wait for its lock).
 */
export function runCliOnOpenStore(
  store: Database,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return oneAtATime(() => runInProcessNow(args, env, undefined, store));
}

let inProcessQueue: Promise<void> = Promise.resolve();

/** In-process runs one after the other: stdout and stderr are the process's own. */
async function oneAtATime(run: () => Promise<CliRun>): Promise<CliRun> {
  const previous = inProcessQueue;
  let done = () => {};
  inProcessQueue = new Promise<void>((r) => {
    done = r;
  });
  await previous;
  try {
    return await run();
  } finally {
    done();
  }
}

async function runInProcessNow(
  args: readonly string[],
  env: Record<string, string>,
  onStderr: ((stderrSoFar: string) => void) | undefined,
  /** a store lent to the command (runCliOnOpenStore) */
  store?: Database,
): Promise<CliRun> {
  const [{ main }, { setActor }, { setRunningCommand }] = await Promise.all([
    import('../../src/cli/main.js'),
    import('../../src/store/actor.js'),
    import('../../src/store/database.js'),
  ]);
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  const appendOut = (s: string) => {
    stdout += s;
  };
  const appendErr = (s: string) => {
    stderr += s;
    onStderr?.(stderr);
  };
  const capture =
    (append: (s: string) => void) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (cb) queueMicrotask(cb);
      return true;
    };
  const out = process.stdout.write;
  const err = process.stderr.write;
  const exitCode = process.exitCode;
  process.stdout.write = capture(appendOut) as typeof process.stdout.write;
  process.stderr.write = capture(appendErr) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(
      ['node', 'plan12b', ...args],
      store && { output: { out: appendOut, err: appendErr }, database: (fn) => fn(store) },
    );
  } catch (e) {
    // bin/plan12b.js: a rejection of main is an internal error, exit 70.
    stderr += `plan12b: internal error: ${(e as Error)?.stack ?? e}\n`;
    code = 70;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = exitCode;
    setActor(undefined);
    setRunningCommand('plan12b');
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}
