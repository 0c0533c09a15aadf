import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

// Bad input gives a one-line error with file and line, a non-zero exit code, and the database unchanged.
describe.skipIf(!seedsAvailable)('exhibit import of bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-cli-'));
  const db = join(dir, 'db');
  const state = async () =>
    (await runCliInProcess(['--db', db, 'schedule', '--as-of', '2006-04-01', '--json'])).stdout;
  let before = '';

  beforeAll(async () => {
    // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
    await freshDatabase('pglite', dir);
    expect((await runCliInProcess(['--db', db, 'exhibit', 'import', seedFiles()[0]!])).code).toBe(0);
    before = await state();
  });
  afterAll(() => {});

  const seed = () => readFileSync(seedFiles()[0]!, 'utf8');
  const cases: [string, () => Buffer | string][] = [
    ['binary.txt', () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe])],
    ['empty.txt', () => ''],
    ['no-schedule.txt', () => seed().split('NOW THEREFORE')[0]!],
    [
      'truncated.txt',
      () => {
        const text = seed();
        return text.slice(0, text.indexOf('AIM Mid Cap Growth Fund') + 40);
      },
    ],
  ];

  for (const [name, content] of cases) {
    it(`${name}: one-line error naming the file and line; nothing written`, async () => {
      const file = join(dir, name);
      writeFileSync(file, content());
      const res = await runCliInProcess(['--db', db, 'exhibit', 'import', file]);
      if (name === 'truncated.txt' && res.code === 0) {
        // A table cut off mid-way is read in part with a warning; import refuses a partial read.
        throw new Error(`truncated import succeeded: ${res.stderr}`);
      }
      expect(res.code).not.toBe(0);
      const firstLine = res.stderr.split('\n')[0]!;
      expect(firstLine).toMatch(new RegExp(`${name.replace('.', '\\.')}:\\d+`));
      expect(await state()).toBe(before);
    });
  }

  it('a missing file is an error, not a crash', async () => {
    const res = await runCliInProcess(['--db', db, 'exhibit', 'import', join(dir, 'nope.txt')]);
    expect(res.code).toBe(66);
    expect(res.stderr).toMatch(/nope\.txt:1: cannot read/);
  });
});
