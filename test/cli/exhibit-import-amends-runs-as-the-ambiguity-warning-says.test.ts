import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWIN_FILES } from '../registry/twinPlansFixture.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

// SPEC §2.1 through the CLI: the warning of an amendment whose title fits two plans of one date
// gives the command to run; run as given, it records which plan the amendment amends, and
// `schedule`, `exhibit list` then say so. either.txt: "Amendment No. 3 to the Distribution and
// Service Plan" (twinPlansFixture.ts); the plans: Fifth A&R (Compensation), Fourth A&R (Reimbursement).

const REIM_LISTED = 'Fourth Amended and Restated Distribution and Service Plan (Reimbursement)';
const dir = mkdtempSync(join(tmpdir(), 'plan12b-amends-'));
const db = join(dir, 'db');
for (const [f, t] of Object.entries(TWIN_FILES)) writeFileSync(join(dir, f), t);
const flat = (t: string) => t.replace(/\s+/g, ' ');
const env = { PLAN12B_ACTOR: 'Jane Doe, Fund Treasurer' };

// a copy of the run's migrated store, not an initdb of its own (how a new folder is created is
// two-inits-of-a-new-store…'s subject)
beforeAll(() => freshDatabase('pglite', dir));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exhibit import --amends, as the warning says', () => {
  it('is in the import help', async () => {
    const help = await runCliInProcess(['exhibit', 'import', '--help']);
    expect(flat(help.stdout)).toContain('--amends <title>');
  });

  it('warns with the command, refuses a statement naming nothing (65), records the one the warning gives', async () => {
    const files = ['comp-1.txt', 'comp-2.txt', 'reim-1.txt', 'reim-2.txt', 'either.txt'].map((f) =>
      join(dir, f),
    );
    const first = await runCliInProcess(['--db', db, 'exhibit', 'import', ...files], env);
    expect(first.code).toBe(0);
    const commands = [
      ...flat(first.stderr).matchAll(/plan12b exhibit import either\.txt --amends "([^"]+)"/g),
    ].map((m) => m[1]);
    expect(commands).toEqual([
      'Fifth Amended and Restated Distribution and Service Plan (Compensation)',
      REIM_LISTED,
    ]);

    const refused = await runCliInProcess(
      ['--db', db, 'exhibit', 'import', join(dir, 'either.txt'), '--amends', 'the Plan', '--json'],
      env,
    );
    expect(refused.code).toBe(65);
    expect(flat(refused.stdout + refused.stderr)).toContain('"the Plan" names no instrument');

    // the second command, as the warning gives it
    const stated = await runCliInProcess(
      ['--db', db, 'exhibit', 'import', join(dir, 'either.txt'), '--amends', commands[1]!],
      env,
    );
    expect(stated.code).toBe(0);
    expect(stated.stdout).toBe(
      `stated either.txt: Amendment No. 3 to the Distribution and Service Plan amends "${REIM_LISTED}"\n`,
    );
    expect(stated.stderr).toBe('');

    // the Source names the plan where the document title does not
    const schedule = await runCliInProcess(['--db', db, 'schedule', '--as-of', '2025-01-02'], env);
    expect(flat(schedule.stdout)).toContain(
      `Source Schedule A of ${REIM_LISTED}, Amendment No. 3 to the Distribution and Service Plan (2025-01-02)`,
    );
    expect(flat(schedule.stdout)).toContain(
      'Source Schedule A, Amendment No. 2 to the Fifth Amended and Restated Distribution and Service Plan (Compensation) (2023-09-01)',
    );

    // the document whose title does not name its plan is listed with it
    const text = await runCliInProcess(['--db', db, 'exhibit', 'list'], env);
    expect(flat(text.stdout)).toContain(
      `Title Amendment No. 3 to the Distribution and Service Plan (of ${REIM_LISTED})`,
    );
    expect(flat(text.stdout)).not.toContain('Compensation) (of');

    const list = await runCliInProcess(['--db', db, 'exhibit', 'list', '--json'], env);
    const either = list
      .json<{ documents: { fileName: string; instrument: string; statedAmends: unknown }[] }>()
      .documents.find((d) => d.fileName === 'either.txt')!;
    expect(either.instrument).toBe(REIM_LISTED);
    expect(either.statedAmends).toMatchObject({ amends: REIM_LISTED, statedBy: 'Jane Doe, Fund Treasurer' });
  });
});
