import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { finraCapReport } from '../../src/reports/finraCapReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Worked by hand (FINRA Rule 2341; FORMATS: interest = opening × (prime + 1%) × days / 365, the
 * prime in force on the month's first day). AIM Value Fund class C (ABSC 0.75%, service 0.25%),
 * net assets 3,660,000.00 every day from 2023-11-01:
 *   2023: ABSC 27,450 / 365 = 75.2054… → 75.21 a day; service 9,150 / 365 = 25.0684… → 25.07
 *   2024 (leap): ABSC 27,450 / 366 = 75.00 a day; service 25.00
 * Prime 8.50 from 2023-07-27, 7.50 from 2024-01-15 (mid-month: January keeps 8.50), 6.50 from
 * 2024-03-01 (the first day: March takes it).
 *
 * 2023-11 (30 d): + 6.25% × 160,000.00 = 10,000.00; ABSC 30 × 75.21 = 2,256.30 → 7,743.70
 * 2023-12 (31 d): interest 7,743.70 × 9.5% × 31/365 = 62.4799… → 62.48; CDSC 100.00;
 *                 ABSC 31 × 75.21 = 2,331.51 → 7,743.70 + 62.48 − 100.00 − 2,331.51 = 5,374.67
 * 2024-01 (31 d): interest 5,374.67 × 9.5% × 31/365 = 43.3654… → 43.37; ABSC 2,325.00 → 3,093.04
 * 2024-02 (29 d): interest 3,093.04 × 8.5% × 29/365 = 20.8886… → 20.89; ABSC 2,175.00 → 938.93
 * 2024-03 (31 d): interest 938.93 × 7.5% × 31/365 = 5.9808… → 5.98; room 944.91: days 1–12 pay
 *                 900.00, day 13 pays 44.91 → exhausted on 2024-03-13; 1,380.09 not accrued
 * 2024-04: CDSC 50.00 with nothing remaining: credited to the fund; ABSC 0
 * 2024-05: + 6.25% × 15,000.00 = 937.50: days 1–12 pay 900.00, day 13 pays 37.50 → 2024-05-13
 * 2024-06: + 6.25% × 14,400.00 = 900.00 exactly: days 1–12 pay in full, day 13 is the first
 *          day the cap cuts (pays 0.00) → the ABSC stops on 2024-06-13
 * Board sets the service fee to 0.00 from 2024-07-16:
 * 2024-07: a service fee is still paid (days 1–15): cap 6.25% × 20,000.00 = 1,250.00: days 1–16
 *          pay 1,200.00, day 17 pays 50.00; service fee 15 × 25.00 = 375.00
 * 2024-08: no service fee all month: cap 7.25% × 20,000.00 = 1,450.00: days 1–19 pay 1,425.00,
 *          day 20 pays 25.00; service fee 0.00
 * 2024-09: + 7.25% × 1,600.00 = 116.00; CDSC 150.00: 116.00 counted, 34.00 credited to the fund;
 *          ABSC 0 all month
 */
const NA = '3660000.00';
const netAssets = () =>
  Buffer.from(
    [
      'date,portfolio,class,net_assets',
      ...businessDaysBetween('2023-11-01', '2024-09-30').map((d) => `${d},AIM Value Fund,C,${NA}`),
    ].join('\n'),
  );
const grossSales = Buffer.from(
  [
    'month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges',
    '2023-11,AIM Value Fund,C,160000.00,,',
    '2023-12,AIM Value Fund,C,0.00,,100.00',
    '2024-04,AIM Value Fund,C,0.00,,50.00',
    '2024-05,AIM Value Fund,C,15000.00,,',
    '2024-06,AIM Value Fund,C,14400.00,,',
    '2024-07,AIM Value Fund,C,20000.00,,',
    '2024-08,AIM Value Fund,C,20000.00,,',
    '2024-09,AIM Value Fund,C,1600.00,,150.00',
  ].join('\n'),
);
const prime = Buffer.from('effective_date,prime_rate\n2023-07-27,8.50\n2024-01-15,7.50\n2024-03-01,6.50\n');

describe.skipIf(!seedsAvailable)(
  'FINRA 2341 cap across a year end, a leap February and prime changes',
  () => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      db = await tdb.open();
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => ['002_', '003_'].some((w) => f.fileName.includes(w))),
      );
      await importNetAssets(db, 'na.csv', netAssets());
      await importPrimeRate(db, 'prime.csv', prime);
      await importGrossSales(db, 'gs.csv', grossSales);
      await setBoardRate(db, {
        portfolio: 'AIM Value Fund',
        class: 'C',
        effectiveDate: '2024-07-16',
        distributionFeePct: null,
        serviceFeePct: '0.00',
        reason: 'Board, 2024-07-10',
      });
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('the remaining amount month by month, as worked by hand', async () => {
      const r = await db.transaction((q) => finraCapReport(q, { class: 'C', through: '2024-09' }));
      const m = (month: string) => r.months.find((x) => x.month === month)!;
      expect(m('2023-11')).toMatchObject({
        capAddition: '10000.00',
        abscAllowed: '2256.30',
        remaining: '7743.70',
      });
      expect(m('2023-12')).toMatchObject({
        primeRatePct: '8.50',
        interest: '62.48',
        frontEndAndDeferred: '100.00',
        abscAccrued: '2331.51',
        remaining: '5374.67',
      });
      expect(m('2024-01')).toMatchObject({ primeRatePct: '8.50', interest: '43.37', remaining: '3093.04' });
      expect(m('2024-02')).toMatchObject({
        primeRatePct: '7.50',
        interest: '20.89',
        abscAccrued: '2175.00',
        remaining: '938.93',
      });
      expect(m('2024-03')).toMatchObject({
        primeRatePct: '6.50',
        interest: '5.98',
        abscAllowed: '944.91',
        abscNotAccrued: '1380.09',
        remaining: '0.00',
        exhausted: true,
      });
      expect(m('2024-04')).toMatchObject({
        frontEndAndDeferred: '0.00',
        deferredCreditedToFund: '50.00',
        abscAllowed: '0.00',
      });
      expect(m('2024-05')).toMatchObject({ capAddition: '937.50', abscAllowed: '937.50', remaining: '0.00' });
      expect(m('2024-06')).toMatchObject({ capAddition: '900.00', abscAllowed: '900.00', remaining: '0.00' });
      expect(m('2024-07')).toMatchObject({ capPct: '6.25', capAddition: '1250.00', abscAllowed: '1250.00' });
      expect(m('2024-08')).toMatchObject({ capPct: '7.25', capAddition: '1450.00', abscAllowed: '1450.00' });
      expect(m('2024-09')).toMatchObject({
        capPct: '7.25',
        capAddition: '116.00',
        frontEndAndDeferred: '116.00',
        deferredCreditedToFund: '34.00',
        abscAllowed: '0.00',
        remaining: '0.00',
      });
    });

    it('the fees stop on the day the cap is used up, that day paying what was left', async () => {
      const fees = await db.transaction((q) =>
        feesReport(q, { from: '2024-03-01', to: '2024-09-30', class: 'C', daily: true }),
      );
      const month = (mm: string) => fees.classes.find((c) => c.month === mm)!;
      expect(month('2024-03')).toMatchObject({ distributionFee: '944.91', serviceFee: '775.00' });
      expect(month('2024-04')).toMatchObject({ distributionFee: '0.00', serviceFee: '750.00' });
      expect(month('2024-07')).toMatchObject({ distributionFee: '1250.00', serviceFee: '375.00' });
      expect(month('2024-08')).toMatchObject({ distributionFee: '1450.00', serviceFee: '0.00' });
      const day = (d: string) => fees.daily!.find((x) => x.date === d)!.distributionFee;
      expect([day('2024-03-12'), day('2024-03-13'), day('2024-03-14')]).toEqual(['75.00', '44.91', '0.00']);
      expect([day('2024-06-12'), day('2024-06-13')]).toEqual(['75.00', '0.00']);
      expect([day('2024-07-16'), day('2024-07-17'), day('2024-07-18')]).toEqual(['75.00', '50.00', '0.00']);
      expect([day('2024-08-19'), day('2024-08-20'), day('2024-08-21')]).toEqual(['75.00', '25.00', '0.00']);
      const w = fees.warnings.join('\n');
      // one exhaustion per run of cut days; each month's new gross sales ended the run before it
      expect(w).toMatch(
        /exhausted on 2024-03-13 \(.*from 2024-05-01.*\) and again on 2024-05-13 \(.*from 2024-06-01.*\) and again on 2024-06-13 \(.*from 2024-07-01.*\) and again on 2024-07-17 \(.*from 2024-08-01.*\) and again on 2024-08-20, still exhausted/,
      );
      // not accrued: 03 1,380.09 + 04 2,250.00 + 05 1,387.50 + 06 1,350.00 + 07 1,075.00
      //              + 08 875.00 + 09 2,250.00 = 10,567.59
      expect(w).toMatch(/10567\.59 not accrued in 2024-03-01 … 2024-09-30/);
      // credited to the fund: 50.00 (2024-04) + 34.00 (2024-09)
      expect(w).toMatch(/84\.00 of deferred sales charges .* credited to the fund/);
    });
  },
);
