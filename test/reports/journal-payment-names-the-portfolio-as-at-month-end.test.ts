import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { monthJournal } from '../../src/reports/journal.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §4: a class's month is shown under the portfolio's name in force at the month's end, and
 * SPEC §12: the journal of a month and its Monthly Calculation agree. INVESCO Energy Fund (Class B,
 * Agreement Schedule A-2, 0.75% / 0.25%) becomes AIM Energy Fund on 2004-10-15 (seed 001's rule
 * "replacing INVESCO with AIM"). October 2004's payment — the service fee the class pays the
 * Distributor and the 12b-1 the Monthly Calculation allocates — is one payment of one portfolio,
 * named as at 2004-10-31 in `fees` and the Monthly Calculation; its PAY entries must name it so
 * too, not by the name of the month's first accrual.
 *
 * Worked example (2004 is a leap year, Y = 366): net assets 36,600,000.00 every day;
 * service fee 36,600,000.00 × 0.25 / 100 / 366 = 250.00 a day, distribution fee 750.00 a day;
 * the last row (Fri 2004-10-29) carries to Sat 30 and Sun 31: 31 days, 7,750.00 and 23,250.00.
 */
describe.skipIf(!seedsAvailable)('the journal’s payment of a month a rename falls in', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('001_') || f.fileName.includes('003_')),
    );
    const rows = businessDaysBetween('2004-10-01', '2004-10-29').map(
      (d) => `${d},${d < '2004-10-15' ? 'INVESCO' : 'AIM'} Energy Fund,B,36600000.00`,
    );
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('names the portfolio as at month end, as `fees` does, while each accrual keeps its day’s name', async () => {
    const fees = await feesReport(db, { from: '2004-10-01', to: '2004-10-31' });
    expect(fees.classes.map((c) => [c.portfolio, c.class, c.days, c.distributionFee, c.serviceFee])).toEqual([
      ['AIM Energy Fund', 'B', 31, '23250.00', '7750.00'],
    ]);
    const journal = await monthJournal(db, '2004-10');
    const pay = journal.lines.filter((l) => l.entry.startsWith('PAY-'));
    // the service fee to the Distributor and the Monthly Calculation's 12b-1, each with its Cash line
    expect(
      pay
        .filter((l) => l.account === 'Cash')
        .map((l) => l.credit)
        .sort(),
    ).toEqual(['23250.00', '7750.00']);
    expect([...new Set(pay.map((l) => l.portfolio))]).toEqual(['AIM Energy Fund']);
    expect([
      ...new Set(journal.lines.filter((l) => l.entry.startsWith('ALC-')).map((l) => l.portfolio)),
    ]).toEqual(['AIM Energy Fund']);
    const accruals = journal.lines.filter((l) => l.entry.startsWith('ACR-'));
    expect(accruals.find((l) => l.date === '2004-10-14')?.portfolio).toBe('INVESCO Energy Fund');
    expect(accruals.find((l) => l.date === '2004-10-15')?.portfolio).toBe('AIM Energy Fund');
  });
});
