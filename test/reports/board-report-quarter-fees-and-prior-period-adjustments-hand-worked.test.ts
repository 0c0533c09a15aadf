import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { boardReport, boardReportLines } from '../../src/reports/boardReport.js';
import { boardReportSheets } from '../../src/reports/boardReportXlsx.js';
import { feesReport } from '../../src/reports/feesReport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { setUpValueFund2004 } from '../support/valueFund2004.js';

/**
 * Worked by hand (SPEC §4, §12, Plan §8). AIM Value Fund class C (Sixth A&R plan: ABSC 0.75%,
 * service 0.25%); 2004 is a leap year, so a day's fee is NA × rate / 100 / 366.
 *   7,320,000.00: ABSC 150.00, service 50.00 (at the Board's 0.50%: 100.00)
 *   3,660,000.00: ABSC 75.00, service 25.00 (at 0.50%: 50.00)
 *     999,668.00: ABSC 7,497.51 / 366 = 20.485 exactly → half-up 20.49; service 2,499.17 / 366
 *                 = 6.8283… → 6.83
 * The class begins Thu 2004-02-12 (3,660,000.00); Fri 02-13 999,668.00 carries over Sat 14, Sun 15
 * and Presidents' Day Mon 16; from Tue 02-17 7,320,000.00 (Fri 27 carries to Sat 28 and Sun 29).
 *   2004-02 (18 days): ABSC 75.00 + 4 × 20.49 + 13 × 150.00 = 2,106.96;
 *                      service 25.00 + 4 × 6.83 + 13 × 50.00 = 702.32;
 *                      average (3,660,000 + 4 × 999,668 + 13 × 7,320,000) / 18
 *                      = 102,818,672 / 18 = 5,712,148.444… → 5,712,148.44
 * The Board sets the ABSC to 0.50% from Mon 2004-03-15:
 *   2004-03 (31 days): ABSC 14 × 150.00 + 17 × 100.00 = 3,800.00; service 31 × 50.00 = 1,550.00
 * The Plan is terminated from Thu 2004-04-15; Thu 04-08 3,660,000.00 carries over Good Friday
 * 04-09 and the weekend:
 *   2004-04 (14 days): ABSC 10 × 100.00 + 4 × 50.00 = 1,200.00; service 10 × 50 + 4 × 25 = 600.00;
 *                      average (10 × 7,320,000 + 4 × 3,660,000) / 14 = 6,274,285.714… → 6,274,285.71
 * 2004-02 is closed, then Fri 02-27 is restated 7,320,000.00 → 10,980,000.00 (ABSC 225.00,
 * service 75.00 a day): 3 days (27, 28, 29) × 75.00 = +225.00 ABSC and 3 × 25.00 = +75.00 service,
 * reported by the 2004-03 close. The Fund paid in 2004Q1: 2,106.96 + 3,800.00 + 225.00 = 6,131.96
 * distribution and 702.32 + 1,550.00 + 75.00 = 2,327.32 service.
 */
describe.skipIf(!seedsAvailable)(
  'fees and the board report of a quarter with a restated closed month',
  () => {
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

    it('fees per month as worked by hand: a mid-month start, holidays, a Board rate, half-up', async () => {
      const fees = await db.transaction((q) =>
        feesReport(q, { from: '2004-02-01', to: '2004-03-31', class: 'C' }),
      );
      expect(
        fees.classes.map((c) => [c.month, c.days, c.averageDailyNetAssets, c.distributionFee, c.serviceFee]),
      ).toEqual([
        ['2004-02', 18, '5712148.44', '2106.96', '702.32'],
        ['2004-03', 31, '7320000.00', '3800.00', '1550.00'],
      ]);
    });

    it('the board report of 2004Q1 tells the prior-period adjustment its March close reported', async () => {
      await closeMonth(db, '2004-02', MONTH_CLOSE_STEPS);
      await importNetAssets(
        db,
        'fix.csv',
        Buffer.from('date,portfolio,class,net_assets\n2004-02-27,AIM Value Fund,C,10980000.00'),
        { restate: true },
      );
      await closeMonth(db, '2004-03', MONTH_CLOSE_STEPS);
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2004Q1')!));
      // the quarter's months as sealed
      expect(r.fees).toEqual([
        {
          portfolio: 'AIM Value Fund',
          class: 'C',
          distributionFee: '5906.96',
          serviceFee: '2252.32',
          totalFee: '8159.28',
        },
      ]);
      // and the adjustment of 2004-02 the 2004-03 close reported: 3 × 75.00 and 3 × 25.00
      expect(r.priorPeriodAdjustments).toEqual([
        {
          reportedIn: '2004-03',
          month: '2004-02',
          portfolio: 'AIM Value Fund',
          class: 'C',
          distributionFee: '225.00',
          serviceFee: '75.00',
          totalFee: '300.00',
        },
      ]);
      expect(r.priorPeriodAdjustmentsTotal).toEqual({
        distributionFee: '225.00',
        serviceFee: '75.00',
        totalFee: '300.00',
      });
      // paid in the quarter: 5,906.96 + 225.00 and 2,252.32 + 75.00
      expect(r.paidTotal).toEqual({ distributionFee: '6131.96', serviceFee: '2327.32', totalFee: '8459.28' });
      expect(boardReportLines(r).filter((l) => l.section === 'prior-period adjustments')).toEqual([
        {
          section: 'prior-period adjustments',
          portfolio: 'AIM Value Fund',
          class: 'C',
          item: 'distribution fee',
          detail: '2004-02, reported in 2004-03',
          amount: '225.00',
        },
        {
          section: 'prior-period adjustments',
          portfolio: 'AIM Value Fund',
          class: 'C',
          item: 'service fee',
          detail: '2004-02, reported in 2004-03',
          amount: '75.00',
        },
      ]);
      const sheet = boardReportSheets(r).find((s) => s.name === 'Adjustments')!;
      expect(sheet.rows).toEqual(r.priorPeriodAdjustments);
    });

    it('a quarter whose closes reported no adjustment has none; fees stop at the termination', async () => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2004Q2')!));
      expect(r.fees).toMatchObject([{ distributionFee: '1200.00', serviceFee: '600.00' }]);
      const april = await db.transaction((q) =>
        feesReport(q, { from: '2004-04-01', to: '2004-04-30', class: 'C' }),
      );
      expect(april.classes).toMatchObject([{ days: 14, averageDailyNetAssets: '6274285.71' }]);
      expect(r.priorPeriodAdjustments).toEqual([]);
      expect(r.paidTotal).toEqual(r.feesTotal);
    });
  },
);
