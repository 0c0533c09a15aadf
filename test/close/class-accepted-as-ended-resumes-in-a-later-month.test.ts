import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { type ClassMonthFees, feesReport } from '../../src/reports/feesReport.js';
import { serviceFeesReport } from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const csv = (rows: string[]) => Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n'));
const days = (from: string, to: string, cls: string, amount: string) =>
  businessDaysBetween(from, to).map((d) => `${d},${cls},${amount}`);
const VALUE = 'AIM Value Fund,C';
const providerCsv = (rows: string[]) =>
  Buffer.from(
    ['date,provider,portfolio,class,net_assets', ...rows.map((r) => r.replace(',', ',DLR-1,'))].join('\n'),
  );
const BALANCED = 'AIM Balanced Fund,C';

/**
 * SPEC §12: a close accepts a class whose feed stopped as ended; SPEC §4: a class that has ended
 * needs no rows. When its net assets come back in a later (open) month, that row begins the class
 * again: the import is accepted, the days between accrue nothing, and a second end and resumption
 * work the same way. The closed months' days stay locked.
 *
 * Seed 002 (Sixth A&R Plan, AIM Funds Group), Class C at 0.75% / 0.25%; 2007 has 365 days.
 * Daily fees by hand: NA 1,000,000.00 → 7,500/365 = 20.5479… → 20.55 and 2,500/365 = 6.8493… → 6.85;
 * NA 2,000,000.00 → 41.0959… → 41.10 and 13.6986… → 13.70; NA 3,000,000.00 → 22,500/365 = 61.6438… →
 * 61.64 and 7,500/365 = 20.5479… → 20.55.
 */
describe.skipIf(!seedsAvailable).each(dialects)(
  'a class accepted as ended whose net assets resume, on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    const valueFees = async (from: string, to: string) => {
      const r = await feesReport(db, { from, to });
      return {
        rows: r.classes
          .filter((c) => c.portfolio === 'AIM Value Fund')
          .map((c: ClassMonthFees) => [
            c.month,
            c.days,
            c.averageDailyNetAssets,
            c.distributionFee,
            c.serviceFee,
          ]),
        warnings: r.warnings.filter((w) => w.startsWith('AIM Value Fund')),
      };
    };
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
      );
      // AIM Value Fund C stops on Friday 2007-02-09; AIM Balanced Fund C runs through April.
      await importNetAssets(
        db,
        'na.csv',
        csv([
          ...days('2007-01-03', '2007-04-30', BALANCED, '500000.00'),
          ...days('2007-01-03', '2007-02-09', VALUE, '1000000.00'),
        ]),
      );
      // a dealer whose customers hold 400,000.00 of AIM Value Fund C until its feed stops too
      await importProviders(
        db,
        'providers.csv',
        Buffer.from(
          'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Dealer One,dealer,2006-01-01,,\n',
        ),
      );
      await importProviderAssets(
        db,
        'pa.csv',
        providerCsv(days('2007-01-03', '2007-02-09', VALUE, '400000.00')),
      );
      await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
      await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, { acceptEnded: ['AIM Value Fund:C'] });
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('takes the resumed feed from Mon 2007-03-12: no rows for the ended days, nothing carried across them', async () => {
      const imported = await importNetAssets(
        db,
        'mar.csv',
        csv(days('2007-03-12', '2007-03-30', VALUE, '2000000.00')),
      );
      expect(imported).toMatchObject({ inserted: 15, unchanged: 0 });
      expect(imported.warnings).toEqual([
        'AIM Value Fund class C: net assets resume on 2007-03-12 after its end accepted in the 2007-02 close (no net assets after 2007-02-09); the class begins again on 2007-03-12, and 2007-02-12 … 2007-03-11 need no rows and accrue no fees',
      ]);
      // March: Mar 12–31 = 20 days × 41.10 = 822.00 and × 13.70 = 274.00; average 2,000,000.00 over
      // those 20 days (Mar 1–11 are ended, not days of the class). February as sealed: Feb 1–11 =
      // 11 days × 20.55 = 226.05 and × 6.85 = 75.35.
      const fees = await valueFees('2007-02-01', '2007-03-31');
      expect(fees.rows).toEqual([
        ['2007-02', 11, '1000000.00', '226.05', '75.35'],
        ['2007-03', 20, '2000000.00', '822.00', '274.00'],
      ]);
      expect(fees.warnings).toEqual([
        'AIM Value Fund class C: accepted as ended in the 2007-02 close, no net assets after 2007-02-09: no fees accrued 2007-02-12 … 2007-03-11; its net assets resume on 2007-03-12, which begins the class again',
      ]);
      // SPEC §5: the dealer's feed resumes with the class; it needs no rows for the ended days either.
      // 800,000.00 × 0.25% / 365 = 5.4794… → 5.48 a day × 20 days = 109.60; the Distributor keeps
      // 274.00 − 109.60 = 164.40.
      await importProviderAssets(
        db,
        'pa-mar.csv',
        providerCsv(days('2007-03-12', '2007-03-30', VALUE, '800000.00')),
      );
      // …but holds nothing on a day the class has ended (SPEC §5: not above the class's net assets)
      await expect(
        importProviderAssets(db, 'pa-ended.csv', providerCsv(['2007-03-09,AIM Value Fund,C,800000.00'])),
      ).rejects.toMatchObject({
        problems: [
          expect.objectContaining({
            value: '2007-03-09',
            reason: expect.stringContaining('has ended on 2007-03-09'),
          }),
        ],
      });
      const service = await serviceFeesReport(db, '2007-03');
      expect(service.classes.find((c) => c.portfolio === 'AIM Value Fund')).toMatchObject({
        serviceFee: '274.00',
        providerFees: '109.60',
        distributorRetained: '164.40',
      });
    });

    it('refuses a row dated in the ended days of the closed month, as a closed month', async () => {
      await expect(
        importNetAssets(db, 'feb.csv', csv(['2007-02-20,AIM Value Fund,C,1000000.00'])),
      ).rejects.toMatchObject({
        problems: [
          expect.objectContaining({
            value: '2007-02-20',
            reason: expect.stringMatching(/^2007-02 is closed/),
          }),
        ],
      });
    });

    it('takes rows in the ended days of an open month as an earlier resumption, only when they reach the later rows', async () => {
      // Mon Mar 5 alone would leave Mar 6–9 missing in a class begun again on Mar 5
      await expect(
        importNetAssets(db, 'mar5.csv', csv(['2007-03-05,AIM Value Fund,C,2000000.00'])),
      ).rejects.toMatchObject({
        problems: [expect.objectContaining({ value: '2007-03-06' })],
      });
      const earlier = await importNetAssets(
        db,
        'mar5-9.csv',
        csv(days('2007-03-05', '2007-03-09', VALUE, '2000000.00')),
      );
      expect(earlier.warnings).toEqual([
        'AIM Value Fund class C: net assets resume on 2007-03-05 after its end accepted in the 2007-02 close (no net assets after 2007-02-09); the class begins again on 2007-03-05, and 2007-02-12 … 2007-03-04 need no rows and accrue no fees',
      ]);
      // March: Mar 5–31 = 27 days × 41.10 = 1,109.70 and × 13.70 = 369.90
      expect((await valueFees('2007-03-01', '2007-03-31')).rows).toEqual([
        ['2007-03', 27, '2000000.00', '1109.70', '369.90'],
      ]);
    });

    it('a second end and a second resumption', async () => {
      await closeMonth(db, '2007-03', MONTH_CLOSE_STEPS);
      // April: rows Apr 2–13 (Good Friday Apr 6 is no business day), then nothing: ended Mon Apr 16
      await importNetAssets(db, 'apr.csv', csv(days('2007-04-02', '2007-04-13', VALUE, '2000000.00')));
      await expect(closeMonth(db, '2007-04', MONTH_CLOSE_STEPS)).rejects.toMatchObject({ code: 'REFUSED' });
      const april = await closeMonth(db, '2007-04', MONTH_CLOSE_STEPS, { acceptEnded: ['AIM Value Fund:C'] });
      // April: Apr 1 (Sunday, from Fri Mar 30) … Apr 15 = 15 days × 41.10 = 616.50 and × 13.70 = 205.50
      expect(
        (april.parts.fees as { classes: ClassMonthFees[] }).classes.find(
          (c) => c.portfolio === 'AIM Value Fund',
        ),
      ).toMatchObject({ days: 15, distributionFee: '616.50', serviceFee: '205.50' });
      // May: resumes Tue May 15 at 3,000,000.00: May 15–31 = 17 days × 61.64 = 1,047.88 and × 20.55 = 349.35
      await importNetAssets(
        db,
        'may.csv',
        csv([
          ...days('2007-05-01', '2007-05-31', BALANCED, '500000.00'),
          ...days('2007-05-15', '2007-05-31', VALUE, '3000000.00'),
        ]),
      );
      const fees = await valueFees('2007-03-01', '2007-05-31');
      expect(fees.rows).toEqual([
        ['2007-03', 27, '2000000.00', '1109.70', '369.90'],
        ['2007-04', 15, '2000000.00', '616.50', '205.50'],
        ['2007-05', 17, '3000000.00', '1047.88', '349.35'],
      ]);
      expect(fees.warnings).toEqual([
        'AIM Value Fund class C: accepted as ended in the 2007-02 close, no net assets after 2007-02-09: no fees accrued 2007-02-12 … 2007-03-04; its net assets resume on 2007-03-05, which begins the class again',
        'AIM Value Fund class C: accepted as ended in the 2007-04 close, no net assets after 2007-04-13: no fees accrued 2007-04-16 … 2007-05-14; its net assets resume on 2007-05-15, which begins the class again',
      ]);
    });
  },
);
