import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { boardReport, boardReportLines } from '../../src/reports/boardReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Worked by hand. AIM Value Fund class C (ABSC 0.75%, service 0.25%: cap 6.25%) at 3,650,000.00
 * every day: ABSC 75.00 a day; prime 2.65% → interest 3.65% a year = 0.01% a day.
 * - 2025-01: gross sales 16,000.00 → 1,000.00; days 1–13 pay 975.00, day 14 the 25.00 left:
 *   exhausted on 2025-01-14; nothing remains through April (no interest on 0).
 * - 2025-05: gross sales 80,000.00 → 5,000.00: the ABSC accrues again from 2025-05-01;
 *   5,000.00 − 31 × 75.00 = 2,675.00.
 * - 2025-06: interest 2,675.00 × 0.0030 = 8.025 → 8.03; − 2,250.00 → 433.03 at the end of Q2.
 * - 2025-07: interest 433.03 × 0.0031 = 1.342393 → 1.34; room 434.37: days 1–5 pay 375.00,
 *   day 6 the 59.37 left: exhausted again on 2025-07-06, 0.00 at the end of Q3.
 * The board report says what holds at quarter end (FINRA 2341(d)(2): the ABSC stops while the
 * cap is exhausted, new gross sales make room again), not the first exhaustion ever.
 */
const netAssets = Buffer.from(
  [
    'date,portfolio,class,net_assets',
    ...businessDaysBetween('2024-12-31', '2025-09-30').map((d) => `${d},AIM Value Fund,C,3650000.00`),
  ].join('\n'),
);
const grossSales = Buffer.from(
  [
    'month,portfolio,class,gross_sales',
    '2025-01,AIM Value Fund,C,16000.00',
    '2025-05,AIM Value Fund,C,80000.00',
  ].join('\n'),
);
const prime = Buffer.from('effective_date,prime_rate\n2024-12-19,2.65\n');

describe.skipIf(!seedsAvailable).each(dialects)(
  'board report: the FINRA cap status at quarter end, on %s',
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

    const cap = async (quarter: string) => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter(quarter)!));
      return {
        status: r.finraCap.map((c) => [c.remaining, c.exhausted, c.status]),
        csv: boardReportLines(r)
          .filter((l) => l.section === 'FINRA cap')
          .map((l) => [l.item, l.detail, l.amount]),
      };
    };

    it('Q1: exhausted since 2025-01-14', async () => {
      expect(await cap('2025Q1')).toEqual({
        status: [['0.00', true, 'exhausted; ABSC stopped 2025-01-14']],
        csv: [['exhausted', 'ABSC stopped 2025-01-14', '0.00']],
      });
    });

    it('Q2: within the cap again, 433.03 remaining — not “exhausted”', async () => {
      expect(await cap('2025Q2')).toEqual({
        status: [
          [
            '433.03',
            false,
            'within the cap; ABSC stopped 2025-01-14, accrued again from 2025-05-01 after new gross sales',
          ],
        ],
        csv: [
          [
            'remaining',
            'ABSC stopped 2025-01-14, accrued again from 2025-05-01 after new gross sales',
            '433.03',
          ],
        ],
      });
    });

    it('Q3: exhausted again, from 2025-07-06 (not the January exhaustion)', async () => {
      expect(await cap('2025Q3')).toEqual({
        status: [['0.00', true, 'exhausted; ABSC stopped 2025-07-06']],
        csv: [['exhausted', 'ABSC stopped 2025-07-06', '0.00']],
      });
    });
  },
);
