import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/cli/readInput.js';
import { ProblemsError } from '../../src/errors.js';

/**
 * SPEC §12: never a hang. An input named on the command line that is a named pipe (FIFO) nothing
 * writes to was opened with a blocking open(2), which waits for a writer for ever: every import
 * command (`net-assets import FIFO`) hung until killed. It is now refused at once as a problem of
 * that file (65, listed with --json), while a pipe that is written to — `… | plan12b net-assets
 * import /dev/stdin`, a writer slower than the reader — is read to its end as before.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'plan12b-fifo-'));

describe('an input that is a pipe', () => {
  it('a FIFO that nothing writes to is refused at once as a problem of that file', () => {
    const fifo = join(dir, 'feed.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const started = Date.now();
    let refusal: unknown;
    try {
      readInputFile(fifo);
    } catch (e) {
      refusal = e;
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refusal).toBeInstanceOf(ProblemsError);
    const err = refusal as ProblemsError;
    expect(err.exitCode).toBe(65);
    expect(err.problems).toEqual([
      {
        code: 'BAD_INPUT',
        file: fifo,
        line: 1,
        field: null,
        reason: 'is a pipe (FIFO) that nothing wrote to',
      },
    ]);
    expect(err.hint).toContain('nothing was written');
  });

  it('a pipe that is written to, slowly and in two parts, is read whole (npm run build first)', async () => {
    // the reader is this build's readInputFile in its own process, reading its stdin by name; the
    // shell makes the pipe (Node's own child stdio is a socket, which no path opens)
    const reader = `import { readInputFile } from ${JSON.stringify(join(root, 'dist', 'src', 'cli', 'readInput.js'))};
process.stdout.write(readInputFile('/dev/stdin').toString('utf8'));`;
    const writer =
      "printf 'date,portfolio,class,net_assets\\n'; sleep 0.3; printf '2025-01-02,Alpha Fund,A,100.00\\n'";
    const child = spawn(
      'sh',
      ['-c', `(${writer}) | "$0" --input-type=module -e "$1"`, process.execPath, reader],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    expect(await new Promise<number | null>((resolve) => child.on('close', resolve)), err).toBe(0);
    expect(out).toBe('date,portfolio,class,net_assets\n2025-01-02,Alpha Fund,A,100.00\n');
  });
});
