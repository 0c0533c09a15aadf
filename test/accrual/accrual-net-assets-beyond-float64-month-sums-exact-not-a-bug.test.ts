/**
 * SPEC §3: money is exact. Net assets whose month sums pass 2^53 cents (about $2.9 trillion a
 * day over 31 days) do not fit the fast engine's Float64 sums; stored figures that large (recorded
 * before the import limit, netAssetsLimit.ts) are still accrued exactly — by the reference engine —
 * never failed as a bug in plan12b (exit 70).
 *
 * January 2007 (365 days), ABSC 0.75%, service 0.25%: NA = 36,500,000,000,000.00 on Jan 1–30 and
 * 36,500,000,000,000.16 from Jan 31.
 *   distribution: 36.5T × 0.75% / 365 = 750,000,000.00 a day; Jan 31: 750,000,000.0000033 → .00
 *                 31 × 750,000,000.00 = 23,250,000,000.00
 *   service:      36.5T × 0.25% / 365 = 250,000,000.00 a day; 31 days = 7,750,000,000.00
 *   ADNA: Σ = 31 × 3,650,000,000,000,000 + 16 cents; / 31 = 3,650,000,000,000,000.516… cents
 *         → 36,500,000,000,000.01 (half up)
 */
import { describe, expect, it } from 'vitest';
import type { ClassSeries } from '../../src/accrual/classSeries.js';
import { accrueFast, fitsFloat64MonthSums } from '../../src/accrual/fastAccrual.js';

const huge: ClassSeries = {
  classKey: 'huge-fund|C',
  netAssets: [
    { date: '2007-01-01', netAssetsCents: 3_650_000_000_000_000n },
    { date: '2007-01-31', netAssetsCents: 3_650_000_000_000_016n },
  ],
  coverage: [
    { from: '2002-06-03', until: null, distributionFeeMicroPct: 750_000n, serviceFeeMicroPct: 250_000n },
  ],
};

describe('net assets beyond exact Float64 month sums', () => {
  it('accrues January 2007 to the cent', () => {
    expect(fitsFloat64MonthSums(huge)).toBe(false);
    const r = accrueFast([huge], '2007-01-01', '2007-01-31', { daily: true });
    expect(r.months).toHaveLength(1);
    const m = r.months[0]!;
    expect([m.days, m.averageDailyNetAssetsCents, m.distributionFeeCents, m.serviceFeeCents]).toEqual([
      31,
      3_650_000_000_000_001n,
      2_325_000_000_000n,
      775_000_000_000n,
    ]);
    expect(r.daily).toHaveLength(31);
    expect(r.daily[30]!.netAssetsCents).toBe(3_650_000_000_000_016n);
  });

  it('keeps the fast engine for ordinary classes', () => {
    const ordinary: ClassSeries = {
      ...huge,
      netAssets: [{ date: '2007-01-01', netAssetsCents: 3_650_000_000n }],
    };
    expect(fitsFloat64MonthSums(ordinary)).toBe(true);
    // 36,500,000.00 × 0.75% / 365 = 750.00 a day, 31 days
    expect(accrueFast([ordinary], '2007-01-01', '2007-01-31').months[0]!.distributionFeeCents).toBe(
      2_325_000n,
    );
  });
});
