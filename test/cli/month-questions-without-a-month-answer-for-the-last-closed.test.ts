import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWholeProgram } from '../../src/cli/main.js';
import { MONTH_DEFAULT_HELP } from '../../src/cli/monthOrLastClosed.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { markMonthClosed } from '../support/storeSnapshot.js';

/**
 * "What is this month's payable?" is asked without a month: the month queries (`journal`,
 * `service-fees`, `distributor-share`, `monthly-calculation`, `conversions`, `transfers
 * statement`) answer for the last month closed (SPEC §12: months close in order), naming it in the
 * answer; they were refused for the missing --month (exit 64). With no month closed there is no
 * such month: exit 64, saying to give one. A month given is still checked.
 */
describe('month queries without --month', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    await db.close();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('no month closed: exit 64, the hint saying to give --month', async () => {
    const r = await runCliInProcess(['--db', tdb.target, 'conversions', '--json']);
    expect(r.code).toBe(64);
    expect(r.json<{ error: { code: string; message: string; hint: string } }>().error).toMatchObject({
      code: 'USAGE',
      message: 'no month is closed yet, so there is no last month closed to answer for',
      hint: 'give the month: --month YYYY-MM',
    });
  });

  it('the last month closed is the month answered; a month given is answered as given', async () => {
    const db = await tdb.open();
    await markMonthClosed(db, '2025-11');
    await markMonthClosed(db, '2025-12');
    await db.close();
    const r = await runCliInProcess(['--db', tdb.target, 'conversions', '--json']);
    expect(r.code).toBe(0);
    expect(r.json<{ month: string; date: string }>()).toMatchObject({ month: '2025-12', date: '2025-12-31' });
    const given = await runCliInProcess(['--db', tdb.target, 'conversions', '--month', '2025-11', '--json']);
    expect(given.json<{ month: string }>().month).toBe('2025-11');
    const bad = await runCliInProcess(['--db', tdb.target, 'conversions', '--month', '2025-13', '--json']);
    expect(bad.code).toBe(64);
    // a range query with neither --from nor --to: the days of the last month closed
    const range = await runCliInProcess(['--db', tdb.target, 'redemptions', '--json']);
    expect(range.code).toBe(0);
    expect(range.json<{ from: string; to: string }>()).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    const cdsc = await runCliInProcess(['--db', tdb.target, 'cdsc', '--json']);
    expect(cdsc.json<{ month: string }>().month).toBe('2025-12');
    // one without the other is the user's to complete
    const half = await runCliInProcess(['--db', tdb.target, 'fees', '--from', '2025-12-01', '--json']);
    expect(half.code).toBe(64);
    expect(half.json<{ error: { message: string } }>().error.message).toBe('--from is given without --to');
  });

  it('each month query says the default in its --help, and none requires --month', async () => {
    // every command module (`plan12b --help` alone loads none: src/cli/commandSummaries.ts)
    const program = await buildWholeProgram(() => {
      throw new Error('no command runs here');
    });
    const command = (path: string) =>
      path.split(' ').reduce((c, name) => c.commands.find((x) => x.name() === name)!, program);
    for (const path of [
      'journal',
      'service-fees',
      'distributor-share',
      'monthly-calculation',
      'conversions',
      'transfers statement',
    ]) {
      const month = command(path).options.find((o) => o.long === '--month')!;
      expect({ path, mandatory: month.mandatory, help: month.description }).toEqual({
        path,
        mandatory: false,
        help: MONTH_DEFAULT_HELP,
      });
    }
    for (const path of ['fees', 'redemptions', 'cdsc', 'finra-cap'])
      for (const o of command(path).options.filter((o) =>
        ['--from', '--to', '--month', '--through'].includes(o.long!),
      ))
        expect({ option: `${path} ${o.long}`, mandatory: o.mandatory }).toEqual({
          option: `${path} ${o.long}`,
          mandatory: false,
        });
  });
});
