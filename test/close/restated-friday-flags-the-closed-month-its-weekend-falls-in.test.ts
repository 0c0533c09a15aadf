/**
 * SPEC §4: a non-business day uses the latest earlier row; SPEC §4/§12: a restatement flags every
 * closed month it touches for a prior-period adjustment. Friday 2004-01-30's row is also the
 * figure of Saturday the 31st and of Sunday 2004-02-01: restating it after January and February
 * are closed changes both months' fees, and the next close reports both.
 *
 * AIM Value Fund class C (seed 002: 0.75% distribution, 0.25% service), 36,600,000.00 every
 * business day; 2004 is a leap year (Y = 366): 36,600,000 × 0.75 / 100 / 366 = 750.00 a day,
 * × 0.25 / 100 / 366 = 250.00. Restated to 73,200,000.00: 1,500.00 and 500.00 a day.
 *   January (Jan 30, 31):  distribution +2 × 750.00 = 1,500.00, service +2 × 250.00 = 500.00
 *   February (Feb 1):      distribution +750.00, service +250.00  — lost before the fix
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedMonthsCarriedInto } from '../../src/accrual/restatementReach.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';

const rows = (from: string, to: string, amount = '36600000.00') =>
  Buffer.from(
    `date,portfolio,class,net_assets\n${businessDaysBetween(from, to)
      .map((d) => `${d},AIM Value Fund,C,${amount}`)
      .join('\n')}\n`,
  );

describe('the reach of a restated row (pure)', () => {
  const closed = (m: string) => m.slice(0, 7);
  it('a Friday at month end reaches the next month through its weekend', () => {
    expect(closedMonthsCarriedInto('2004-01-30', closed)).toEqual(['2004-02']);
    expect(closedMonthsCarriedInto('2004-01-30', () => null)).toEqual([]);
  });
  it('a row followed by a business day, or a weekend inside its month, reaches no other month', () => {
    expect(closedMonthsCarriedInto('2004-01-29', closed)).toEqual([]);
    expect(closedMonthsCarriedInto('2004-01-23', closed)).toEqual([]);
  });
  it('a holiday after a month end: Wed 2003-12-31 reaches Thu 2004-01-01 (New Year)', () => {
    expect(closedMonthsCarriedInto('2003-12-31', closed)).toEqual(['2004-01']);
  });
});

describe('a restated Friday flags the closed month its weekend falls in', () => {
  let tdb: TestDatabase;
  let db: Database;
  let adjustments: { month: string; class: string; distributionFee: string; serviceFee: string }[];
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    await importNetAssets(db, 'jan-feb.csv', rows('2004-01-02', '2004-02-27'));
    await closeMonth(db, '2004-01', MONTH_CLOSE_STEPS);
    await closeMonth(db, '2004-02', MONTH_CLOSE_STEPS);
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from('date,portfolio,class,net_assets\n2004-01-30,AIM Value Fund,C,73200000.00\n'),
      { restate: true },
    );
    await importNetAssets(db, 'mar.csv', rows('2004-03-01', '2004-03-31'));
    const march = await closeMonth(db, '2004-03', MONTH_CLOSE_STEPS);
    adjustments = (march.parts.adjustments as { adjustments: typeof adjustments }).adjustments;
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('March reports January and February', () => {
    expect(adjustments.map((a) => [a.month, a.class, a.distributionFee, a.serviceFee])).toEqual([
      ['2004-01', 'C', '1500.00', '500.00'],
      ['2004-02', 'C', '750.00', '250.00'],
    ]);
  });
});
