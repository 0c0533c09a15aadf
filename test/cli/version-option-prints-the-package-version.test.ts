import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';

/**
 * `plan12b --version` (and `-V`) prints which plan12b made an answer, for a treasurer or an
 * auditor to record beside the figures; it was refused as an unknown option (exit 64).
 */
describe('plan12b --version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };

  it.each([['--version'], ['-V']])('%s prints plan12b and the package version, exit 0', async (flag) => {
    const r = await runCliInProcess([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`plan12b ${version}\n`);
  });

  // bin/plan12b.js answers `--version` alone itself, before loading the CLI: end to end, one spawn
  it('bin/plan12b.js --version prints what the CLI prints for it, exit 0', async () => {
    const bin = fileURLToPath(new URL('../../bin/plan12b.js', import.meta.url));
    const res = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stderr).toBe('');
    expect(res.stdout).toBe((await runCliInProcess(['--version'])).stdout);
  });
});
