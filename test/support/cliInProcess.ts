import { main } from '../../src/cli/main.js';
import { setActor } from '../../src/store/actor.js';
import type { CliRun } from './cli.js';

/**
 * Runs a plan12b command inside the test's own process, as `main` runs it for the real CLI, and
 * captures what it prints: the same code path without Node's start-up and a new database open
 * per call (SPEC rule: spawn the CLI only for true end-to-end checks — exit codes of the real
 * process, signals, two processes at once). Environment variables given apply for the call only.
 */
export async function runCliInProcess(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(['node', 'plan12b', ...args]);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    setActor(undefined);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}
