import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, runCliInProcess } from '../support/cli.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { amendmentWith } from './exhibitFixtures.js';

/** The fixture amendment as a draft: "is hereby amended as follows", "Dated: ____, 2005". */
function draft(): string {
  return amendmentWith('      AIM Charter Fund"')
    .replace(/is hereby amended, effective July\s+1, 2005, as follows:/, 'is hereby amended as follows:')
    .replace(/Dated: {2}July 1, 2005/, 'Dated:  __________________, 2005');
}

// SPEC §2.1, issue 11 items 6, 8, 9 — through the built CLI, as a user runs it.
describe('exhibit parse / import: refusals say why and what would help; renderings are not filings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-exhibit-'));
  const db = join(dir, 'db');
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const auditDetails = async () =>
    (await runCliInProcess(['--db', db, 'audit', 'log', '--json'])).json<
      { entries?: { detail: string }[] } | { detail: string }[]
    >();

  it('a draft with a blank date: parse prints it and exits 65; import refuses naming --effective-date', async () => {
    const file = write('draft.txt', draft());
    const parsed = await runCliInProcess(['exhibit', 'parse', file, '--json']);
    expect(parsed.code).toBe(65);
    expect(parsed.json<{ effectiveDate: string | null }>().effectiveDate).toBeNull();
    expect(parsed.stderr).toMatch(/draft\.txt:\d+: read only in part.*--effective-date DATE/);

    // Spawned: this first command creates the store (initdb, migrations), the path this file keeps
    // covered; initdb is one synchronous call of many seconds, which in the test's own process
    // held Vitest's worker (24 s at load 6: near its 60 s limit on a busier machine).
    const refused = await runCliAsync(['--db', db, 'exhibit', 'import', file]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/draft or a form.*state it with --effective-date DATE/);
  });

  it('the same draft with --effective-date: imported, the date recorded as stated by the user', async () => {
    const file = write('draft.txt', draft());
    const res = await runCliInProcess([
      '--db',
      db,
      'exhibit',
      'import',
      file,
      '--effective-date',
      '2005-07-01',
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/effective 2005-07-01/);
    expect(JSON.stringify(await auditDetails())).toMatch(
      /stated by the user: \{\\"effectiveDate\\":\\"2005-07-01\\"\}/,
    );
  });

  it.skipIf(!seedsAvailable)(
    '`exhibit render` output is marked, parse exits 65, and import refuses it',
    async () => {
      const seed = seedFiles()[0]!;
      const json = write('seed.json', (await runCliInProcess(['exhibit', 'parse', seed, '--json'])).stdout);
      const rendered = await runCliInProcess(['exhibit', 'render', json]);
      expect(rendered.code).toBe(0);
      expect(rendered.stdout.split('\n')[0]).toBe(
        '[RENDERED BY PLAN12B FROM PARSED DATA - NOT A FILED INSTRUMENT]',
      );
      const file = write('rendered.txt', rendered.stdout);
      const parsed = await runCliInProcess(['exhibit', 'parse', file, '--json']);
      expect(parsed.code).toBe(65);
      expect(parsed.json<{ rendering: boolean }>().rendering).toBe(true);
      const res = await runCliInProcess(['--db', db, 'exhibit', 'import', file]);
      expect(res.code).toBe(65);
      expect(res.stderr).toMatch(
        /rendered\.txt:1: this is `plan12b exhibit render` output, a rendering and not a filed instrument/,
      );
      // the seed as filed still imports
      expect(readFileSync(seed, 'utf8')).not.toMatch(/RENDERED BY PLAN12B/);
      expect((await runCliInProcess(['--db', db, 'exhibit', 'import', seed])).code).toBe(0);
    },
  );

  it('a schedule that states no class: import names --class, and imports with it', async () => {
    const text = `EXHIBIT (m)(1)(b)
                 SCHEDULE A
                 AARP FUNDS
Effective: December 8, 2005

Name of Fund                          Distribution and/or Service Fee
AARP Conservative Fund                0.20%
AARP Moderate Fund                    0.20%
`;
    const file = write('aarp.txt', text);
    const refused = await runCliInProcess(['--db', db, 'exhibit', 'import', file]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(
      /does not state the class of "AARP Conservative Fund" \(state it with --class CLASS\)/,
    );
    const res = await runCliInProcess(['--db', db, 'exhibit', 'import', file, '--class', 'A']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.stringify(await auditDetails())).toMatch(/stated by the user: \{\\"class\\":\\"A\\"\}/);
  });
});
