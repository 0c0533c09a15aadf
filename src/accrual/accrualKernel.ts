/**
 * The fast accrual kernel (SPEC §4; Plan Schedule A) over a {@link DenseAccrualInput}: per run,
 * per day, the daily fee in Float64 with an exact integer fallback next to a half cent, summed per
 * class-month. Identical to the reference to the cent:
 *
 * - NA is an integer of cents < 2^53, so exact in a Float64; m = fl(rate / (10^8·Y)) and
 *   q = fl(NA · m) are each correctly rounded, so |q − q*| < |q*| · 2^-51.9 for the exact fee q*.
 * - n = floor(q + ½) is an integer; if |q − n| ≤ ½ − tol (tol ≥ that error bound, per run), then q*
 *   lies strictly inside (n − ½, n + ½), where round_half_up(q*) = n with no tie to break.
 * - Otherwise — about one day in 10^7, or a crafted tie — the fee is recomputed in bigint.
 * - Day counts, net-assets sums and fee sums are integers; denseInput asserts they stay < 2^53,
 *   where Float64 addition is exact.
 */
import { type DenseAccrualInput, MONTH_SUM_STRIDE } from './denseInput.js';
import { exactDailyFeeCents } from './exactDailyFee.js';

/** The exact fee for a day the float path cannot decide. */
export function exactFallbackFeeCents(
  netAssetsCents: number,
  rateMicroPct: number,
  yearDays: number,
): number {
  return Number(exactDailyFeeCents(BigInt(netAssetsCents), BigInt(rateMicroPct), yearDays));
}

/**
 * One day's fee in cents: the float path, or the exact one when it cannot decide.
 * @example dailyFeeCentsFast(100_000_000_000, 750_000 / 3.65e10, 0.5 - 1e-3, 750_000, 365) === 2054795
 */
export function dailyFeeCentsFast(
  netAssetsCents: number,
  multiplier: number,
  roundingBound: number,
  rateMicroPct: number,
  yearDays: number,
): number {
  const q = netAssetsCents * multiplier;
  const n = Math.floor(q + 0.5);
  return Math.abs(q - n) <= roundingBound ? n : exactFallbackFeeCents(netAssetsCents, rateMicroPct, yearDays);
}

/**
 * Monthly sums for every class and month: at (classIndex × months + monthIndex) × 4 the accrued
 * days, Σ NA, Σ distribution fee and Σ service fee, all integers (cents).
 * @example accrualKernel(buildDenseInput(complex, from, to))
 */
export function accrualKernel(dense: DenseAccrualInput): Float64Array {
  const sums = new Float64Array(dense.classKeys.length * dense.months.length * MONTH_SUM_STRIDE);
  const na = dense.netAssetsCents;
  const dayCount = dense.dayCount;
  const {
    count,
    classIndex,
    startOffset,
    endOffset,
    slot,
    distributionMultiplier,
    serviceMultiplier,
    distributionRoundingBound,
    serviceRoundingBound,
    distributionFeeMicroPct,
    serviceFeeMicroPct,
    yearDays,
  } = dense.runs;
  for (let r = 0; r < count; r++) {
    const base = classIndex[r]! * dayCount;
    const first = base + startOffset[r]!;
    const end = base + endOffset[r]!;
    const md = distributionMultiplier[r]!;
    const ms = serviceMultiplier[r]!;
    const bd = distributionRoundingBound[r]!;
    const bs = serviceRoundingBound[r]!;
    let naSum = 0;
    let distSum = 0;
    let servSum = 0;
    for (let i = first; i < end; i++) {
      const v = na[i]!;
      naSum += v;
      const qd = v * md;
      const nd = Math.floor(qd + 0.5);
      distSum +=
        Math.abs(qd - nd) <= bd ? nd : exactFallbackFeeCents(v, distributionFeeMicroPct[r]!, yearDays[r]!);
      const qs = v * ms;
      const ns = Math.floor(qs + 0.5);
      servSum +=
        Math.abs(qs - ns) <= bs ? ns : exactFallbackFeeCents(v, serviceFeeMicroPct[r]!, yearDays[r]!);
    }
    const o = slot[r]! * MONTH_SUM_STRIDE;
    sums[o] = sums[o]! + (end - first);
    sums[o + 1] = sums[o + 1]! + naSum;
    sums[o + 2] = sums[o + 2]! + distSum;
    sums[o + 3] = sums[o + 3]! + servSum;
  }
  return sums;
}
