import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { priorPeriodFeeAdjustments } from '../../src/reports/priorPeriodFeeAdjustments.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  buildPayeesComplex,
  FUND,
  FUND2,
  netAssetsRows,
  providerAssetsRows,
} from './payeesComplexFixture.js';

/**
 * FINRA Rule 2341 (SPEC §10) with SPEC §12, for Class B, whose distribution fee the Monthly
 * Calculation splits among the payees. Worked by hand on the payees complex (payeesComplexFixture:
 * FUND class B 36,500,000.00 → ABSC 750.00 a day from 2025-01-02; R1's CDSC 50.00 on 2025-01-15).
 * Gross sales of FUND class B in 2025-01: 400,000.00 → 6.25% = 25,000.00; prime 7.50 (8.5% a year).
 *   2025-01: 25,000.00 − CDSC 50.00 − ABSC 30 × 750.00 = 2,450.00
 *   2025-02: interest 2,450.00 × 8.5% × 28/365 = 15.975… → 15.98; room 2,465.98: 3 × 750.00,
 *            day 4 pays 215.98 → ABSC 2,465.98 — both months closed as such.
 * Wed 2025-01-15 restated 36,500,000.00 → 43,800,000.00 (ABSC 900.00): 2025-01 ABSC + 150.00 →
 * remaining 2,300.00; 2025-02 interest 2,300.00 × 8.5% × 28/365 = 14.997… → 15.00; room 2,315.00:
 * 3 × 750.00, day 4 pays 65.00 → ABSC 2,315.00, that is 2,315.00 − 2,465.98 = −150.98.
 * The 2025-03 Monthly Calculation reports both; the payees' parts of each add up to it.
 */
describe('a Class B restatement before a FINRA cap exhaustion', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    await importNetAssets(
      db,
      'na-2025-02.csv',
      netAssetsRows('2025-02-03', '2025-03-31', { [FUND]: '36500000.00', [FUND2]: '3650000.00' }),
    );
    await importProviderAssets(
      db,
      'pa-2025-02.csv',
      providerAssetsRows('2025-02-03', '2025-03-31', '10000000.00'),
    );
    await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
    await importGrossSales(
      db,
      'gs.csv',
      Buffer.from(`month,portfolio,class,gross_sales\n2025-01,${FUND},B,400000.00\n`),
    );
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    await closeMonth(db, '2025-02', MONTH_CLOSE_STEPS);
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from(`date,portfolio,class,net_assets\n2025-01-15,${FUND},B,43800000.00`),
      { restate: true },
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('the class s adjustments: 2025-01 + 150.00, and 2025-02 − 150.98 through the cap', async () => {
    const a = await db.transaction((q) => priorPeriodFeeAdjustments(q, '2025-03'));
    expect(a.filter((x) => x.portfolio === FUND).map((x) => [x.month, x.distributionCents])).toEqual([
      ['2025-01', 15_000n],
      ['2025-02', -15_098n],
    ]);
  });

  it('the Monthly Calculation of 2025-03 pays each payee its part of both, adding up to them', async () => {
    const mc = await monthlyCalculationReport(db, '2025-03');
    const of = (month: string) =>
      (mc.priorPeriodAdjustments ?? [])
        .filter((x) => x.portfolio === FUND && x.month === month)
        .reduce((s, x) => s + BigInt(x.twelveB1Difference.replace('.', '')), 0n);
    expect(of('2025-01')).toBe(15_000n);
    expect(of('2025-02')).toBe(-15_098n);
  });

  it('the 2025-03 close seals them, its journal paying what its Monthly Calculation says', async () => {
    await closeMonth(db, '2025-03', MONTH_CLOSE_STEPS);
    const mc = await monthlyCalculationReport(db, '2025-03');
    expect((mc.priorPeriodAdjustments ?? []).some((x) => x.month === '2025-02')).toBe(true);
  });
});
