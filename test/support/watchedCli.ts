import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
