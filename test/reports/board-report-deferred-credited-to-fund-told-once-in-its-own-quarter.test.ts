import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { boardReport } from '../../src/reports/boardReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Worked by hand. AIM Value Fund class C (ABSC 0.75%, service 0.25%: cap 6.25%) at 3,650,000.00
 * every day: ABSC 75.00 a day. 2025-01: gross sales 16,000.00 → room 1,000.00; days 1–13 pay
 * 975.00, day 14 the 25.00 left: exhausted on 2025-01-14, remaining 0 from then (no new sales, so
 * no interest). Deferred sales charges collected while nothing remains are credited to the fund
 * (FINRA 2341(d)(2)): 30.00 in 2025-02 (Q1) and 12.34 in 2025-05 (Q2).
 *
 * The quarterly report (Plan §8) tells the board what was credited in ITS quarter, once:
 * Q1 30.00; Q2 12.34 (not the 42.34 credited since the ledger began); Q3 nothing.
 */
const netAssets = Buffer.from(
  [
    'date,portfolio,class,net_assets',
    ...businessDaysBetween('2024-12-31', '2025-09-30').map((d) => `${d},AIM Value Fund,C,3650000.00`),
  ].join('\n'),
);
const grossSales = Buffer.from(
  [
    'month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges',
    '2025-01,AIM Value Fund,C,16000.00,,',
    '2025-02,AIM Value Fund,C,0.00,,30.00',
    '2025-05,AIM Value Fund,C,0.00,,12.34',
  ].join('\n'),
);
const prime = Buffer.from('effective_date,prime_rate\n2024-12-19,2.65\n');

const credited = (warnings: readonly string[]) => warnings.filter((w) => /credited to the fund/.test(w));

describe.skipIf(!seedsAvailable).each(dialects)(
  'board report: deferred sales charges credited to the fund, per quarter, on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
      );
      await importNetAssets(db, 'na.csv', netAssets);
      await importGrossSales(db, 'gs.csv', grossSales);
      await importPrimeRate(db, 'prime.csv', prime);
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('Q1 tells the 30.00 of February once, with the ABSC allowed before exhaustion', async () => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2025Q1')!));
      expect(credited(r.warnings)).toEqual([
        'AIM Value Fund class C: 30.00 of deferred sales charges collected after the FINRA cap was exhausted are credited to the fund',
      ]);
      // 1,000.00 of ABSC allowed in January, none after; service fee 25.00 × 90 days
      expect(r.fees).toEqual([
        {
          portfolio: 'AIM Value Fund',
          class: 'C',
          distributionFee: '1000.00',
          serviceFee: '2250.00',
          totalFee: '3250.00',
        },
      ]);
      expect(r.finraCap[0]).toMatchObject({ remaining: '0.00', exhausted: true, exhaustedOn: '2025-01-14' });
    });

    it('Q2 tells only its own 12.34, not what earlier quarters credited', async () => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2025Q2')!));
      expect(credited(r.warnings)).toEqual([
        'AIM Value Fund class C: 12.34 of deferred sales charges collected after the FINRA cap was exhausted are credited to the fund',
      ]);
    });

    it('Q3, with nothing collected, credits nothing', async () => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2025Q3')!));
      expect(credited(r.warnings)).toEqual([]);
    });
  },
);
