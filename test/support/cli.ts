import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
 * As runCli, without blocking the test worker while the CLI runs (a long run of blocking calls
 * starves vitest's own messages).
 */
export async function runCliAsync(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'plan12b.js'), ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({
        code: code ?? -1,
        stdout,
        stderr,
        json: <T>() => JSON.parse(stdout) as T,
      }),
    );
  });
}
