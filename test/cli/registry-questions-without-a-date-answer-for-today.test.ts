import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/store/today.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

/**
 * "Which schedule governs now?" and "which continuance deadlines are coming?" are asked without a
 * date: `schedule` and `continuance` with no --as-of answer for today (UTC), and say so in the
 * answer; they were refused for the missing option (exit 64). A date given is still checked.
 */
describe('schedule and continuance without --as-of', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-as-of-today-'));
  const db = join(dir, 'db');
  // a copy of the run's migrated store (test/support/databases.ts), not an initdb of its own: what
  // `init` does on a new folder is two-inits-of-a-new-store…'s subject; here it finds it current
  beforeAll(() => freshDatabase('pglite', dir));

  it('answer for today, naming the date', async () => {
    expect((await runCliInProcess(['--db', db, 'init'])).code).toBe(0);
    const today = todayIso();
    const schedule = await runCliInProcess(['--db', db, 'schedule', '--json']);
    expect(schedule.code).toBe(0);
    expect(schedule.json<{ asOf: string; count: number }>()).toMatchObject({ asOf: today, count: 0 });
    const text = await runCliInProcess(['--db', db, 'schedule']);
    expect(text.stdout).toContain(`0 entries in force on ${today}`);
    const continuance = await runCliInProcess(['--db', db, 'continuance', '--json']);
    expect(continuance.code).toBe(0);
    expect(continuance.json<{ asOf: string }>().asOf).toBe(today);
  });

  it('a date given that is no date is still a usage error', async () => {
    const r = await runCliInProcess(['--db', db, 'schedule', '--as-of', '2025-02-30', '--json']);
    expect(r.code).toBe(64);
  });
});
