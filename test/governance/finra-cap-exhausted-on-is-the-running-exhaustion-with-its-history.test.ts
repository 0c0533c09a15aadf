import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { boardReport } from '../../src/reports/boardReport.js';
import { finraCapReport } from '../../src/reports/finraCapReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * FINRA 2341(d)(2) (SPEC §10): the ABSC stops while the remaining amount is exhausted and new gross
 * sales make room again. `exhaustedOn` is the current state (the day the running exhaustion began,
 * or null), `exhaustions` the history; it used to be the first exhaustion ever, even after new
 * gross sales had made room and the ABSC accrued again.
 * Worked by hand: AIM Value Fund class C under seed 002 (ABSC 0.75%, service 0.25%: cap 6.25%) at
 * 3,650,000.00 every day → ABSC 3,650,000.00 × 0.75% / 365 = 75.00 a day; prime 2.65% → 3.65% a
 * year on the opening remaining amount.
 * - 2025-01: 16,000.00 × 6.25% = 1,000.00; days 1–13 pay 13 × 75.00 = 975.00, day 14 the 25.00
 *   left: cut on 2025-01-14; 0.00 through April (no interest on 0).
 * - 2025-05: 80,000.00 × 6.25% = 5,000.00: the ABSC is paid in full from 2025-05-01;
 *   5,000.00 − 31 × 75.00 = 2,675.00.
 * - 2025-06: interest 2,675.00 × 3.65% × 30 / 365 = 8.025 → 8.03; 2,675.00 + 8.03 − 30 × 75.00 = 433.03.
 * - 2025-07: interest 433.03 × 3.65% × 31 / 365 = 1.342393 → 1.34; room 434.37: days 1–5 pay
 *   375.00, day 6 the 59.37 left: cut again on 2025-07-06; 0.00.
 */
const netAssets = Buffer.from(
  [
    'date,portfolio,class,net_assets',
    ...businessDaysBetween('2024-12-31', '2025-07-31').map((d) => `${d},AIM Value Fund,C,3650000.00`),
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

describe.skipIf(!seedsAvailable)(
  'finra-cap: exhaustedOn is the running exhaustion, exhaustions the history',
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
      await importPrimeRate(db, 'prime.csv', prime);
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    const status = async (through: string) => {
      const r = await db.transaction((q) => finraCapReport(q, { class: 'C', through }));
      const c = r.classes[0]!;
      return {
        remaining: c.remaining,
        exhausted: c.exhausted,
        exhaustedOn: c.exhaustedOn,
        exhaustions: c.exhaustions,
      };
    };

    it('through 2025-03: exhausted since 2025-01-14, still running', async () => {
      expect(await status('2025-03')).toEqual({
        remaining: '0.00',
        exhausted: true,
        exhaustedOn: '2025-01-14',
        exhaustions: [{ from: '2025-01-14', resumedOn: null }],
      });
    });

    it('through 2025-06: not exhausted (433.03 remains); the past exhaustion is history', async () => {
      expect(await status('2025-06')).toEqual({
        remaining: '433.03',
        exhausted: false,
        exhaustedOn: null,
        exhaustions: [{ from: '2025-01-14', resumedOn: '2025-05-01' }],
      });
    });

    it('through 2025-07: exhausted again since 2025-07-06, both exhaustions listed', async () => {
      expect(await status('2025-07')).toEqual({
        remaining: '0.00',
        exhausted: true,
        exhaustedOn: '2025-07-06',
        exhaustions: [
          { from: '2025-01-14', resumedOn: '2025-05-01' },
          { from: '2025-07-06', resumedOn: null },
        ],
      });
    });

    it('the board report of 2025Q2 says the same: not exhausted at quarter end, with the history', async () => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter('2025Q2')!));
      expect(r.finraCap[0]).toMatchObject({
        remaining: '433.03',
        exhausted: false,
        exhaustedOn: null,
        exhaustions: [{ from: '2025-01-14', resumedOn: '2025-05-01' }],
      });
    });
  },
);
