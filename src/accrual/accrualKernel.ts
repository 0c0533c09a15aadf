/**
 * The fast accrual kernel (SPEC §4; Plan Schedule A) over a {@link DenseAccrualInput}: per run,
 * per day, the daily fee in Float64, summed per class-month, identical to the reference to the
 * cent:
 *
 * - NA is an integer of cents < 2^53, so exact in a Float64; m = fl(rate / (10^8·Y)) and
 *   q = fl(NA · m) are each correctly rounded, so |q − q*| < |q*| · 2^-51.9 for the exact fee q*.
 * - n = fl(fl(q + 1.5·2^52) − 1.5·2^52) is the integer nearest q (|q| < 2^51 is asserted when the
 *   runs are built). If |q − n| ≤ ½ − tol, with tol ≥ that error bound for the run, then q* lies
 *   strictly inside (n − ½, n + ½), where round_half_up(q*) = n with no tie to break.
 * - A run in which any day fails that test — about one day in 10^7 by chance, or a crafted tie —
 *   is summed again day by day, each undecided day in exact bigint arithmetic.
 * - Day counts, net-assets sums and fee sums are integers; denseInput asserts they stay < 2^53,
 *   where Float64 addition is exact.
 */
import { type DenseAccrualInput, MONTH_SUM_STRIDE } from './denseInput.js';
import { exactDailyFeeCents } from './exactDailyFee.js';

/** Adding then subtracting 1.5·2^52 rounds any |q| < 2^51 to the nearest integer (ties to even). */
const ROUNDING_SHIFT = 1.5 * 2 ** 52;

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
  const n = q + ROUNDING_SHIFT - ROUNDING_SHIFT;
  return Math.abs(q - n) <= roundingBound ? n : exactFallbackFeeCents(netAssetsCents, rateMicroPct, yearDays);
}

/** Σ fees of one run, day by day, deciding every near-tie exactly. */
function carefulRunSum(
  na: Float64Array,
  first: number,
  end: number,
  multiplier: number,
  roundingBound: number,
  rateMicroPct: number,
  yearDays: number,
): number {
  let sum = 0;
  for (let i = first; i < end; i++)
    sum += dailyFeeCentsFast(na[i]!, multiplier, roundingBound, rateMicroPct, yearDays);
  return sum;
}

/**
 * Adds one run's days, Σ NA and, when every day was decided in floats, its fee sums into
 * sums[o..o+3]; returns false when some day needs the exact path. A function of its own keeps the
 * hot loop's values in registers.
 */
function accrueRun(
  na: Float64Array,
  first: number,
  end: number,
  md: number,
  ms: number,
  bd: number,
  bs: number,
  sums: Float64Array,
  o: number,
): boolean {
  const shift = 6_755_399_441_055_744; // ROUNDING_SHIFT as a literal local, whatever the bundler does
  let naSum = 0;
  let distSum = 0;
  let servSum = 0;
  let decided = true;
  for (let i = first; i < end; i++) {
    const v = na[i]!;
    naSum += v;
    const qd = v * md;
    const nd = qd + shift - shift;
    const qs = v * ms;
    const ns = qs + shift - shift;
    distSum += nd;
    servSum += ns;
    if (Math.abs(qd - nd) > bd || Math.abs(qs - ns) > bs) decided = false;
  }
  sums[o] = sums[o]! + (end - first);
  sums[o + 1] = sums[o + 1]! + naSum;
  if (!decided) return false;
  sums[o + 2] = sums[o + 2]! + distSum;
  sums[o + 3] = sums[o + 3]! + servSum;
  return true;
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
  const runs = dense.runs;
  const { classIndex, startOffset, endOffset, slot, distributionMultiplier, serviceMultiplier } = runs;
  const { distributionRoundingBound, serviceRoundingBound } = runs;
  for (let r = 0; r < runs.count; r++) {
    const base = classIndex[r]! * dayCount;
    const first = base + startOffset[r]!;
    const end = base + endOffset[r]!;
    const md = distributionMultiplier[r]!;
    const ms = serviceMultiplier[r]!;
    const bd = distributionRoundingBound[r]!;
    const bs = serviceRoundingBound[r]!;
    const o = slot[r]! * MONTH_SUM_STRIDE;
    if (!accrueRun(na, first, end, md, ms, bd, bs, sums, o)) {
      const y = runs.yearDays[r]!;
      sums[o + 2] = sums[o + 2]! + carefulRunSum(na, first, end, md, bd, runs.distributionFeeMicroPct[r]!, y);
      sums[o + 3] = sums[o + 3]! + carefulRunSum(na, first, end, ms, bs, runs.serviceFeeMicroPct[r]!, y);
    }
  }
  return sums;
}
