import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { setGovernanceSetting } from '../../src/import/governanceSettingChange.js';
import { finraCapReport } from '../../src/reports/finraCapReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * DOMAIN §3.4 gives the FINRA 2341 cap's interest as "prime rate + 1% per annum", marked RECALLED
 * (its sources say only "plus interest", as SPEC §10 does); §3.5 leaves the day basis open. So both
 * are settings (`finra-cap.interest-spread`, default 1.00; `finra-cap.interest-day-basis`, 365),
 * and neither may change once a closed month has a cap ledger.
 *
 * By hand: AIM Value Fund class C (seed 002; ABSC 0.75%, service 0.25%: cap 6.25%) at
 * 3,650,000.00 a day → ABSC 3,650,000.00 × 0.75% / 365 = 75.00 a day. Prime 7.50%.
 *   2025-01: 6.25% × 160,000.00 = 10,000.00; ABSC 31 × 75.00 = 2,325.00 → remaining 7,675.00.
 *   2025-02 interest on 7,675.00 for 28 days:
 *     spread 1.00, /365: 7,675.00 × 8.50% × 28 / 365 = 18,266.50 / 365 = 50.0452… → 50.05
 *     spread 2.00, /365: 7,675.00 × 9.50% × 28 / 365 = 20,415.50 / 365 = 55.9329… → 55.93
 *     spread 2.00, /360: 20,415.50 / 360 = 56.7097… → 56.71
 */
describe.skipIf(!seedsAvailable)(
  'the FINRA cap interest: spread over prime and day basis as settings',
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
      await importNetAssets(
        db,
        'na.csv',
        Buffer.from(
          [
            'date,portfolio,class,net_assets',
            ...businessDaysBetween('2024-12-31', '2025-02-28').map((d) => `${d},AIM Value Fund,C,3650000.00`),
          ].join('\n'),
        ),
      );
      await importGrossSales(
        db,
        'gs.csv',
        Buffer.from('month,portfolio,class,gross_sales\n2025-01,AIM Value Fund,C,160000.00\n'),
      );
      await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    const february = async () => {
      const r = await db.transaction((q) => finraCapReport(q, { class: 'C', through: '2025-02' }));
      return r.months.find((m) => m.month === '2025-02')!;
    };

    it('prime + 1% over 365 days by default: 50.05 on 7,675.00', async () => {
      expect(await february()).toMatchObject({ opening: '7675.00', primeRatePct: '7.50', interest: '50.05' });
    });

    it('a spread of 2.00 gives 55.93; with a 360-day year 56.71', async () => {
      expect(await setGovernanceSetting(db, 'finra-cap.interest-spread', '2')).toEqual({
        key: 'finra-cap.interest-spread',
        value: '2.00',
        changed: true,
      });
      expect((await february()).interest).toBe('55.93');
      await setGovernanceSetting(db, 'finra-cap.interest-day-basis', '360');
      expect((await february()).interest).toBe('56.71');
    });

    it('a spread that is not a percent, or a basis not 365 or 360, is refused', async () => {
      await expect(setGovernanceSetting(db, 'finra-cap.interest-spread', 'one')).rejects.toMatchObject({
        code: 'BAD_INPUT',
      });
      await expect(setGovernanceSetting(db, 'finra-cap.interest-day-basis', '366')).rejects.toMatchObject({
        code: 'BAD_INPUT',
      });
    });

    it('once 2025-01, the ledger first month, is closed, neither may change', async () => {
      await setGovernanceSetting(db, 'finra-cap.interest-spread', '1');
      await setGovernanceSetting(db, 'finra-cap.interest-day-basis', '365');
      await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS, { first: true });
      const err = await setGovernanceSetting(db, 'finra-cap.interest-spread', '2').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'REFUSED' });
      expect(String((err as Error).message)).toMatch(
        /2025-01 is closed and the FINRA cap ledger runs through it/,
      );
      expect((await february()).interest).toBe('50.05');
    });
  },
);
