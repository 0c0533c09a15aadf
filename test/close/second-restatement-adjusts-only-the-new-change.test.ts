import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  buildPayeesComplex,
  FUND,
  FUND2,
  netAssetsRows,
  providerAssetsRows,
} from '../transfers/payeesComplexFixture.js';

interface AdjustmentsPart {
  reportedIn: string;
  adjustments: {
    month: string;
    portfolio: string;
    class: string;
    distributionFee: string;
    serviceFee: string;
  }[];
  serviceFees: {
    providers: { month: string; provider: string; amount: string }[];
    distributorRetained: { month: string; portfolio: string; class: string; amount: string }[];
  };
}

/**
 * SPEC §12: a restatement of a closed month is a prior-period adjustment of the next close; a
 * second restatement of the same month is adjusted by what changed since — never the first change
 * again, or the amounts reported by successive closes would add up to more than the restatements.
 *
 * January 2025 (closed), FUND class B on the 15th: 36,500,000.00 → 37,000,000.00 (reported by
 * February's close) → 37,500,000.00 (reported by March's). The dealer's customers' assets that day:
 * 10,000,000.00 → 20,000,000.00 (first restatement only).
 *   distribution 0.75%/365: 750.00 → 760.27 → 770.55 (37,500,000 × 0.0075 / 365 = 770.5479…):
 *     February +10.27, March +10.28.
 *   service 0.25%/365: 250.00 → 253.42 → 256.85 (256.8493…): February +3.42, March +3.43.
 *   the dealer: 68.49 → 136.99 (20,000,000 × 0.0025 / 365 = 136.9863…): February +68.50, March none.
 *   what the Distributor keeps (service fee − dealer): February 3.42 − 68.50 = −65.08, March +3.43.
 */
describe.each(dialects)('a month restated twice on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let february: AdjustmentsPart;
  let march: AdjustmentsPart;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await buildPayeesComplex(db);
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    const restate = (amount: string) =>
      importNetAssets(
        db,
        `fix-${amount}.csv`,
        Buffer.from(`date,portfolio,class,net_assets\n2025-01-15,${FUND},B,${amount}`),
        { restate: true },
      );
    const month = async (from: string, to: string) => {
      await importNetAssets(
        db,
        `na-${from}.csv`,
        netAssetsRows(from, to, { [FUND]: '36500000.00', [FUND2]: '3650000.00' }),
      );
      await importProviderAssets(db, `pa-${from}.csv`, providerAssetsRows(from, to, '10000000.00'));
    };
    await restate('37000000.00');
    await importProviderAssets(
      db,
      'fix-pa.csv',
      Buffer.from(`date,provider,portfolio,class,net_assets\n2025-01-15,DLR-1,${FUND},B,20000000.00`),
      { restate: true },
    );
    await month('2025-02-03', '2025-02-28');
    february = (await closeMonth(db, '2025-02', MONTH_CLOSE_STEPS)).parts.adjustments as AdjustmentsPart;
    await restate('37500000.00');
    await month('2025-03-03', '2025-03-31');
    march = (await closeMonth(db, '2025-03', MONTH_CLOSE_STEPS)).parts.adjustments as AdjustmentsPart;
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it("February's close reports the first change", () => {
    expect(february.adjustments.map((a) => [a.month, a.portfolio, a.distributionFee, a.serviceFee])).toEqual([
      ['2025-01', FUND, '10.27', '3.42'],
    ]);
    expect(february.serviceFees.providers.map((a) => [a.provider, a.amount])).toEqual([['DLR-1', '68.50']]);
    expect(february.serviceFees.distributorRetained.map((a) => a.amount)).toEqual(['-65.08']);
  });

  it("March's close reports only the second change", () => {
    expect(march.adjustments.map((a) => [a.month, a.portfolio, a.distributionFee, a.serviceFee])).toEqual([
      ['2025-01', FUND, '10.28', '3.43'],
    ]);
    expect(march.serviceFees.providers).toEqual([]);
    expect(march.serviceFees.distributorRetained.map((a) => a.amount)).toEqual(['3.43']);
  });
});
