#!/usr/bin/env node
// `npm test` after the build: the test suite, the type-checks and the lint, at the same time.
// The suite's files wait on databases, child processes and a browser as much as on the CPU, so
// the type-checks and the lint run at a lower priority in what it leaves idle, instead of before
// it. The suite prints as it goes; each check's output is printed when it ends. Exit code: the
// first that failed, 0 if none did. Arguments are passed to `vitest run` (e.g. a file filter).
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

const args = process.argv.slice(2);
const checks = [
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
];

/** Runs a command; its output is collected (quiet) or passed through. */
function run(command, commandArgs, { quiet }) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    // the checks yield to the suite (a niceness their processes inherit); where that is not
    // allowed they run at the same priority
    if (quiet && child.pid !== undefined)
      try {
        setPriority(child.pid, 10);
      } catch {}
    const output = [];
    if (quiet) {
      child.stdout.on('data', (d) => output.push(d));
      child.stderr.on('data', (d) => output.push(d));
    }
    child.on('error', (err) => resolve({ code: 127, output: Buffer.from(`${err.message}\n`) }));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), output: Buffer.concat(output) }),
    );
  });
}

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const checkRuns = checks.map(async (check) => {
  const result = await run(check.command, check.args, { quiet: true });
  const status = result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
  process.stderr.write(`\n${check.name}: ${status} after ${seconds()} s\n${result.output}`);
  return { name: check.name, code: result.code };
});
const suite = run('npx', ['vitest', 'run', ...args], { quiet: false }).then((r) => ({
  name: 'vitest',
  code: r.code,
}));

const results = await Promise.all([suite, ...checkRuns]);
const failed = results.filter((r) => r.code !== 0);
process.stderr.write(
  `\nnpm test: ${failed.length === 0 ? 'all passed' : `failed: ${failed.map((f) => f.name).join(', ')}`} (${seconds()} s after the build)\n`,
);
process.exit(failed[0]?.code ?? 0);
