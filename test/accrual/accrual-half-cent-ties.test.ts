/**
 * SPEC §3/§4: a daily fee exactly on a half cent rounds half up (away from zero). With net assets
 * in the tens of billions the float fast path cannot see the tie; it must fall back to exact
 * arithmetic and agree with the reference.
 */
import { describe, expect, it } from 'vitest';
import type { ClassSeries } from '../../src/accrual/classSeries.js';
import { exactDailyFeeCents } from '../../src/accrual/exactDailyFee.js';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { accrueReference, referenceDailyFeeCents } from '../../src/accrual/referenceAccrual.js';
import { accrualJson } from './support/accrualJson.js';

/** NA = odd × 73,000 cents → NA × 0.25% / 365 = odd × 0.5 cent; × 0.75% → odd × 1.5 cents. */
const tie365 = (odd: bigint) => odd * 73_000n;
/** NA = odd × 73,200 cents → the same ties when Y = 366. */
const tie366 = (odd: bigint) => odd * 73_200n;

const oddFactors = [1n, 3n, 12_345n, 98_765_431n, 123_456_789n, 2_000_000_001n];

function classWith(date: string, netAssetsCents: bigint): ClassSeries {
  return {
    classKey: `Tie ${netAssetsCents}|B`,
    netAssets: [{ date, netAssetsCents }],
    coverage: [
      { from: '2000-01-01', until: null, distributionFeeMicroPct: 750_000n, serviceFeeMicroPct: 250_000n },
    ],
  };
}

describe('half-cent ties', () => {
  it.each(oddFactors)('NA = %i × 73,000 cents in 2007 rounds both fees half up', (odd) => {
    const na = tie365(odd);
    const expectedService = (odd + 1n) / 2n; // odd/2 cents → (odd+1)/2
    const expectedDistribution = (3n * odd + 1n) / 2n;
    expect(referenceDailyFeeCents(na, 250_000n, 2007)).toBe(expectedService);
    expect(exactDailyFeeCents(na, 250_000n, 365)).toBe(expectedService);
    const { daily } = accrueFast([classWith('2007-06-01', na)], '2007-06-01', '2007-06-03', { daily: true });
    for (const d of daily) {
      expect(d.serviceFeeCents).toBe(expectedService);
      expect(d.distributionFeeCents).toBe(expectedDistribution);
    }
  });

  it.each(oddFactors)('NA = %i × 73,200 cents in 2008 rounds both fees half up (Y = 366)', (odd) => {
    const na = tie366(odd);
    const { daily } = accrueFast([classWith('2008-06-01', na)], '2008-06-01', '2008-06-01', { daily: true });
    expect(daily[0]?.serviceFeeCents).toBe((odd + 1n) / 2n);
    expect(daily[0]?.distributionFeeCents).toBe((3n * odd + 1n) / 2n);
  });

  it('rounds a negative tie away from zero, like ROUND_HALF_UP', () => {
    const na = -tie365(12_345n);
    expect(referenceDailyFeeCents(na, 250_000n, 2007)).toBe(-6_173n);
    const { daily } = accrueFast([classWith('2007-06-01', na)], '2007-06-01', '2007-06-01', { daily: true });
    expect(daily[0]?.serviceFeeCents).toBe(-6_173n);
  });

  it('decides a cent either side of the tie correctly (just below rounds down, just above up)', () => {
    const odd = 2_000_000_001n;
    const series = [-1n, 0n, 1n].map((d) => classWith('2007-06-01', tie365(odd) + d));
    const fast = accrueFast(series, '2007-06-01', '2007-06-30', { daily: true });
    const reference = accrueReference(series, '2007-06-01', '2007-06-30');
    expect(accrualJson(fast)).toEqual(accrualJson(reference));
    expect(fast.daily.filter((d) => d.date === '2007-06-01').map((d) => d.serviceFeeCents)).toEqual([
      (odd - 1n) / 2n,
      (odd + 1n) / 2n,
      (odd + 1n) / 2n,
    ]);
  });
});
