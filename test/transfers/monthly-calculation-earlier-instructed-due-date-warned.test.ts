import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SEVENTH(B): the Distributor's 12b-1 Share is paid "within 10 business days after the end of each
 * such calendar month (unless the Distributor shall specify a later date in written instructions
 * to the Fund)". January 2004: the 10th NYSE business day after Jan 31 is Fri 2004-02-13 (Feb 2, 3,
 * 4, 5, 6, 9, 10, 11, 12, 13). A later instruction (02-20) moves the date; an earlier one (02-10)
 * cannot — it is not applied, and the Monthly Calculation says so instead of dropping it silently.
 */
describe.skipIf(!seedsAvailable)('monthly-calculation --due-date before the 10th business day', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
    );
    const na = businessDaysBetween('2004-01-02', '2004-01-30').map(
      (d) => `${d},AIM Blue Chip Fund,B,36600000.00`,
    );
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...na].join('\n')));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('a later date is applied without a warning', async () => {
    const mc = await monthlyCalculationReport(db, '2004-01', { instructedDueDate: '2004-02-20' });
    expect(mc.dueDate).toBe('2004-02-20');
    expect(mc.warnings.filter((w) => /payment date/.test(w))).toEqual([]);
  });

  it('an earlier date keeps 2004-02-13 and is warned about', async () => {
    const mc = await monthlyCalculationReport(db, '2004-01', { instructedDueDate: '2004-02-10' });
    expect(mc.dueDate).toBe('2004-02-13');
    expect(mc.portfolios.every((p) => p.dueDate === '2004-02-13')).toBe(true);
    expect(mc.warnings.filter((w) => /payment date/.test(w))).toEqual([
      'the payment date 2004-02-10 given is before 2004-02-13, the 10th NYSE business day after 2004-01 ends; SEVENTH(B) lets the Distributor instruct only a later date, so 2004-02-13 stands',
    ]);
  });
});
