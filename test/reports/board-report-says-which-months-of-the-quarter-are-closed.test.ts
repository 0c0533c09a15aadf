import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { boardReport } from '../../src/reports/boardReport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { setUpValueFund2004 } from '../support/valueFund2004.js';

/**
 * SPEC §12, Plan §8: only a closed month's figures are sealed (paid); the board must not read an
 * open month's as paid. The report's JSON names the quarter's three months and whether each is
 * closed, so that the dashboard (and any reader) need not ask `close list` and work it out.
 * AIM Value Fund class C (test/support/valueFund2004.ts) begins on 2004-02-12: 2004-02 is the
 * first month to close, then 2004-03; 2004-01 has no net assets and is never closed.
 */
describe.skipIf(!seedsAvailable)('the board report says which months of its quarter are closed', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await setUpValueFund2004(db);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  const monthsOf = async (label: string) =>
    (await db.transaction((q) => boardReport(q, parseQuarter(label)!))).months;

  it('nothing closed: the three months of 2004Q1, each open', async () => {
    expect(await monthsOf('2004Q1')).toEqual([
      { month: '2004-01', closed: false },
      { month: '2004-02', closed: false },
      { month: '2004-03', closed: false },
    ]);
  });

  it('after closing 2004-02 and 2004-03: those two closed, January open; 2004Q2 all open', async () => {
    await closeMonth(db, '2004-02', MONTH_CLOSE_STEPS);
    await closeMonth(db, '2004-03', MONTH_CLOSE_STEPS);
    expect(await monthsOf('2004Q1')).toEqual([
      { month: '2004-01', closed: false },
      { month: '2004-02', closed: true },
      { month: '2004-03', closed: true },
    ]);
    expect(await monthsOf('2004Q2')).toEqual([
      { month: '2004-04', closed: false },
      { month: '2004-05', closed: false },
      { month: '2004-06', closed: false },
    ]);
  });
});
