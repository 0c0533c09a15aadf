import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { boardReport, boardReportLines } from '../../src/reports/boardReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * The quarterly board report (Plan §8; SPEC §10) gives, beside each class's FINRA Rule 2341 cap
 * status, the deferred sales charges collected in the quarter after the cap was exhausted — the
 * amount DOMAIN §3.4 says "must be credited to the fund" — as a line of its own, not only as a
 * warning: the board reviews the amounts, and a CSV reader finds it by section and item.
 *
 * By hand: AIM Value Fund class C (seed 002: ABSC 0.75%, service 0.25%, so the cap is 6.25%) at
 * 3,650,000.00 a day: ABSC 3,650,000.00 × 0.75% / 365 = 75.00 a day. 2025-01: gross sales
 * 16,000.00 → 6.25% × 16,000.00 = 1,000.00 of room; days 1–13 use 13 × 75.00 = 975.00, day 14 the
 * 25.00 left: exhausted from 2025-01-14, nothing remains after (no sales, and no interest on 0).
 * Deferred sales charges collected while nothing remains: 30.00 in 2025-02 (Q1), 12.34 in 2025-05
 * (Q2). The line: Q1 30.00; Q2 12.34 (its own quarter's, not 30.00 + 12.34 = 42.34); Q3 0.00, no line.
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

describe.skipIf(!seedsAvailable)(
  'board report: the FINRA cap line of deferred charges credited to the fund',
  () => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      db = await tdb.open();
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
      );
      await importNetAssets(db, 'na.csv', netAssets);
      await importGrossSales(db, 'gs.csv', grossSales);
      await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    const creditedLines = (r: Parameters<typeof boardReportLines>[0]) =>
      boardReportLines(r).filter(
        (l) => l.section === 'FINRA cap' && l.item.startsWith('deferred sales charges'),
      );

    it('Q1: 30.00, in the cap table and as its own CSV line', async () => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2025Q1')!));
      expect(r.finraCap[0]).toMatchObject({
        portfolio: 'AIM Value Fund',
        class: 'C',
        deferredCreditedToFund: '30.00',
      });
      expect(creditedLines(r)).toEqual([
        {
          section: 'FINRA cap',
          portfolio: 'AIM Value Fund',
          class: 'C',
          item: 'deferred sales charges credited to the fund',
          detail: '2025Q1: collected after the cap was exhausted (FINRA 2341(d)(2))',
          amount: '30.00',
        },
      ]);
    });

    it('Q2: its own 12.34, not the 42.34 since the ledger began', async () => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2025Q2')!));
      expect(r.finraCap[0]!.deferredCreditedToFund).toBe('12.34');
      expect(creditedLines(r).map((l) => l.amount)).toEqual(['12.34']);
    });

    it('Q3: 0.00 in the table, no line', async () => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2025Q3')!));
      expect(r.finraCap[0]!.deferredCreditedToFund).toBe('0.00');
      expect(creditedLines(r)).toEqual([]);
    });
  },
);
