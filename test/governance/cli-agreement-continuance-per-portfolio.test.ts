import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { APPROVALS_HEADER } from './support/storeWithPlan.js';

// End to end on the seeds’ Class B Agreement (003; 82 Portfolios):
// the Board continues all on 2004-06-10; on 2005-06-09 it continues AIM Real Estate Fund by name
// (refused before, exit 65); INVESCO Energy Fund's Class B shareholders vote on 2005-06-01 (402 of
// 600 present, 1,000 outstanding: 402 × 100 = 40,200 ≥ 600 × 67, more than 50% present) and the
// Dis-interested Trustees 4 of 6 on 2005-06-09 (the Board 4 of 9 fails). On 2005-08-01: 2 in force
// to 2006-06-30, 80 lapsed on 2005-07-01.
describe.skipIf(!seedsAvailable)('plan12b continuance of the Agreement per Portfolio', () => {
  let store: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-agreement-continuance-'));
  const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
  const AG = 'Amended and Restated Master Distribution Agreement';
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    for (const f of seedFiles().filter((x) => /\/003_/.test(x)))
      expect((await cli('exhibit', 'import', f)).code).toBe(0);
    const file = join(dir, 'approvals.csv');
    writeFileSync(
      file,
      `${[
        APPROVALS_HEADER,
        `2004-06-10,board,continuance,,${AG},,,8,0,1,6,0,0,yes,yes,,,`,
        `2005-06-09,board,continuance,,${AG},AIM Real Estate Fund,B,8,0,1,6,0,0,yes,yes,,,`,
        `2005-06-01,shareholders,continuance,,${AG},INVESCO Energy Fund,B,,,,,,,,,1000,600,402`,
        `2005-06-09,board,continuance,,${AG},INVESCO Energy Fund,B,4,5,0,4,2,0,yes,yes,,,`,
      ].join('\n')}\n`,
    );
    const imported = await cli('approvals', 'import', file, '--json');
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ inserted: 4, approved: 3, notApproved: 1 });
  });
  afterAll(() => store.drop());

  it('continuance: the table and the CSV say 80 of 82 lapsed; the warning names the deadline and the end', async () => {
    const table = await cli('continuance', '--as-of', '2005-08-01');
    expect(table.code).toBe(0);
    // the text table fits 80 columns: the title wraps, the deadline and the lapsed count
    // stand under the instrument's row
    expect(table.stdout.replace(/\s+/g, ' ')).toMatch(
      /Amended and Restated Master agreement in force 1 2004-06-10 Distribution Agreement First deadline 2004-06-30 \(its text\) Portfolios lapsed 80 of 82 Next deadline 2006-06-30/,
    );
    expect(table.stderr).toContain(
      `warning: ${AG} lapsed for 80 of its 82 portfolios (AIM Aggressive Growth Fund, `,
    );
    expect(table.stderr).toContain('no continuance approval for them on or before 2005-06-30');
    const csv = await cli('continuance', '--as-of', '2005-08-01', '--csv');
    const [header, row] = csv.stdout.trim().split('\n');
    expect(header).toBe(
      'instrument,kind,status,nextDeadline,nextDeadlineSource,endsOn,firstDeadline,firstDeadlineSource,deadlinesMet,lastApproval,portfolios,portfoliosLapsed,supersededBy,supersededFrom',
    );
    // 2006-06-30: two years after the first deadline 2004-06-30 (FOURTEENTH "from year to year")
    expect(row).toBe(
      `${AG},agreement,in force,2006-06-30,anniversary,,2004-06-30,document,1,2004-06-10,82,80,,`,
    );
  });
});
