import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliInProcess } from './cli.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');

/** A spawned CLI watched on stderr: a race test waits for what it says, not for time to pass. */
export interface WatchedCli {
  readonly child: ChildProcessWithoutNullStreams;
  /** resolves when stderr has shown this text; rejects if the process ends without showing it */
  saw(text: string): Promise<void>;
  /** the exit code (null when a signal ended it), the signal, and all it printed */
  readonly done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

/** The built CLI (`npm run build` first) as a process of its own, watched on stderr. */
export function startWatchedCli(args: readonly string[], env: Record<string, string> = {}): WatchedCli {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
    for (const w of waiters.splice(0)) {
      if (stderr.includes(w.text)) w.resolve();
      else waiters.push(w);
    }
  });
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    child,
    done,
    saw: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void done.then(() => {
          if (!stderr.includes(text)) reject(new Error(`never saw "${text}"; stderr: ${stderr}`));
        });
      }),
  };
}

/**
 * The same command run in the test's own process (runCliInProcess: the same commander program,
 * command, door and exit code), watched on stderr as {@link startWatchedCli} watches a spawned one.
 * For the second of two racing commands: the first, a process of its own, holds the lock at a fault
 * point; this one waits for it in the test's process, still another process as the lock sees it,
 * without a Node start and module loading of its own (~1 s of CPU a spawn on session 53's machine).
 */
export function startWatchedInProcess(
  args: readonly string[],
  env: Record<string, string> = {},
): Omit<WatchedCli, 'child'> {
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const run = runCliInProcess(args, env, (soFar) => {
    stderr = soFar;
    for (const w of waiters.splice(0)) {
      if (stderr.includes(w.text)) w.resolve();
      else waiters.push(w);
    }
  });
  const done = run.then((r) => ({ code: r.code, signal: null, stdout: r.stdout, stderr: r.stderr }));
  return {
    done,
    saw: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void done.then((r) => {
          if (!r.stderr.includes(text)) reject(new Error(`never saw "${text}"; stderr: ${r.stderr}`));
        }, reject);
      }),
  };
}
