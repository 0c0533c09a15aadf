import { readFileSync } from 'node:fs';
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
});
