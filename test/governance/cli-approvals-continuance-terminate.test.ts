import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentId } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { APPROVALS_HEADER, boardRow } from './support/storeWithPlan.js';

// End to end, as a compliance officer would: the Sixth A&R Master Distribution Plan of AIM Funds
// Group (seed 002), continued on 2003-06-12 and 2004-06-10 but not by 2005-06-30.
describe.skipIf(!seedsAvailable)('plan12b approvals / continuance / terminate', () => {
  let store: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-approvals-'));
  const plan = seedFiles().find((f) => f.includes('002_'))!;
  const hash = documentId(readFileSync(plan));
  const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    expect((await cli('exhibit', 'import', plan)).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('imports the votes, lists them as CSV, and shows the lapse of 2005-06-30', async () => {
    const file = join(dir, 'approvals.csv');
    writeFileSync(
      file,
      `${[
        APPROVALS_HEADER,
        boardRow('2003-06-12', 'continuance', hash.slice(0, 16)),
        boardRow('2004-06-10', 'continuance', hash.slice(0, 16)),
        // fails only the Dis-interested majority: 3 of 6
        `2005-06-09,board,continuance,${hash},,,,6,3,0,3,3,0,yes,yes,,,`,
      ].join('\n')}\n`,
    );
    const imported = await cli('approvals', 'import', file, '--json');
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ inserted: 3, approved: 2, notApproved: 1 });

    const listed = await cli('approvals', 'list', '--csv');
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^2005-06-09,board,continuance,.*,false,6,3,0,3,3,0,true,true,/);

    const c = await cli('continuance', '--as-of', '2005-08-01', '--json');
    expect(c.code).toBe(0);
    const body = c.json<{
      approvalsEnforced: boolean;
      instruments: {
        status: string;
        endsOn: string;
        periods: { deadline: string; metBy: { meetingDate: string } | null }[];
      }[];
      warnings: string[];
    }>();
    expect(body.approvalsEnforced).toBe(false);
    expect(body.instruments[0]).toMatchObject({ status: 'lapsed', endsOn: '2005-07-01' });
    expect(body.instruments[0]!.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null])).toEqual([
      ['2003-06-30', '2003-06-12'],
      ['2004-06-30', '2004-06-10'],
      ['2005-06-30', null],
    ]);
    expect(body.warnings[0]).toMatch(/lapsed: .* fees are not stopped/);
  });

  it('refuses a Plan termination by the Distributor, as JSON, exit 65, nothing written', async () => {
    const r = await cli(
      'terminate',
      '--portfolio',
      'AIM Balanced Fund',
      '--class',
      'A',
      '--date',
      '2006-01-03',
      '--by',
      'distributor',
      '--json',
    );
    expect(r.code).toBe(65);
    expect(r.json<{ error: { message: string } }>().error.message).toMatch(
      /only the Agreement may be terminated by the Distributor/,
    );
    const listed = await cli('terminations', 'list', '--json');
    expect(listed.json()).toMatchObject({ count: 0 });
  });

  it('answers a portfolio no document ever named as not found (66), as rates set and the queries do; nothing written', async () => {
    const r = await cli(
      'terminate',
      '--portfolio',
      'Nope Fund',
      '--date',
      '2006-01-03',
      '--by',
      'trustees',
      '--json',
    );
    expect(r.code).toBe(66);
    expect(r.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'no portfolio has ever been named "Nope Fund"',
    });
    const listed = await cli('terminations', 'list', '--json');
    expect(listed.json()).toMatchObject({ count: 0 });
  });
});
