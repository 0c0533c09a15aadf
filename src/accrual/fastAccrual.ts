/**
 * The fast accrual engine (SPEC §4): dense layout + kernel, with the same output as
 * {@link accrueReference} to the cent (the differential tests hold it to that).
 */
import { fromDayNumber } from '../calendar/isoDate.js';
import { accrualKernel, dailyFeeCentsFast } from './accrualKernel.js';
import type { AccrualResult, DailyAccrual, MonthlyAccrual } from './accrualResult.js';
import type { ClassSeries } from './classSeries.js';
import {
  buildDenseInput,
  type DenseAccrualInput,
  MAX_EXACT_FLOAT_INTEGER,
  MONTH_SUM_DAYS,
  MONTH_SUM_DISTRIBUTION_FEE,
  MONTH_SUM_NET_ASSETS,
  MONTH_SUM_SERVICE_FEE,
  MONTH_SUM_STRIDE,
} from './denseInput.js';
import { accrueReference } from './referenceAccrual.js';

export interface AccrueFastOptions {
  /** Also produce the daily detail rows (costly for large complexes). */
  readonly daily?: boolean;
}

/**
 * SPEC §4 ADNA: round_half_up(sum / days) for an integer |sum| < 2^53, in exact integer steps:
 * denseInput bounds |sum| + days by 2^53, so q·days and the remainder are exact Float64 integers.
 * @example averageRoundedHalfUp(5, 2) === 3; averageRoundedHalfUp(-5, 2) === -3
 */
export function averageRoundedHalfUp(sum: number, days: number): number {
  const magnitude = Math.abs(sum);
  let q = Math.floor(magnitude / days);
  let remainder = magnitude - q * days;
  // The float quotient can be off by one near 2^53; the exact remainder puts q right.
  if (remainder < 0) {
    q -= 1;
    remainder += days;
  } else if (remainder >= days) {
    q += 1;
    remainder -= days;
  }
  const rounded = 2 * remainder >= days ? q + 1 : q;
  return sum < 0 ? -rounded : rounded;
}

/**
 * The kernel's Float64 monthly sums as {@link MonthlyAccrual} records, class order then month,
 * only months with at least one accrued day. SPEC §4: ADNA = round_half_up(Σ NA / days).
 */
export function monthlyAccrualsFromSums(dense: DenseAccrualInput, sums: Float64Array): MonthlyAccrual[] {
  const out: MonthlyAccrual[] = [];
  const monthCount = dense.months.length;
  for (let c = 0; c < dense.classKeys.length; c++) {
    for (let m = 0; m < monthCount; m++) {
      const o = (c * monthCount + m) * MONTH_SUM_STRIDE;
      const days = sums[o + MONTH_SUM_DAYS]!;
      if (days === 0) continue;
      const netAssetsSum = sums[o + MONTH_SUM_NET_ASSETS]!;
      out.push({
        kind: 'monthlyAccrual',
        classKey: dense.classKeys[c]!,
        month: dense.months[m]!,
        days,
        netAssetsSumCents: BigInt(netAssetsSum),
        averageDailyNetAssetsCents: BigInt(averageRoundedHalfUp(netAssetsSum, days)),
        distributionFeeCents: BigInt(sums[o + MONTH_SUM_DISTRIBUTION_FEE]!),
        serviceFeeCents: BigInt(sums[o + MONTH_SUM_SERVICE_FEE]!),
      });
    }
  }
  return out;
}

/** Daily detail in class order, then date (runs are built in that order). */
export function dailyAccrualsOf(dense: DenseAccrualInput): DailyAccrual[] {
  const out: DailyAccrual[] = [];
  const r = dense.runs;
  for (let k = 0; k < r.count; k++) {
    const c = r.classIndex[k]!;
    const base = c * dense.dayCount;
    const distributionFeeMicroPct = BigInt(r.distributionFeeMicroPct[k]!);
    const serviceFeeMicroPct = BigInt(r.serviceFeeMicroPct[k]!);
    for (let i = r.startOffset[k]!; i < r.endOffset[k]!; i++) {
      const na = dense.netAssetsCents[base + i]!;
      const y = r.yearDays[k]!;
      out.push({
        kind: 'dailyAccrual',
        classKey: dense.classKeys[c]!,
        date: fromDayNumber(dense.fromDay + i),
        netAssetsCents: BigInt(na),
        distributionFeeMicroPct,
        serviceFeeMicroPct,
        distributionFeeCents: BigInt(
          dailyFeeCentsFast(
            na,
            r.distributionMultiplier[k]!,
            r.distributionRoundingBound[k]!,
            r.distributionFeeMicroPct[k]!,
            y,
          ),
        ),
        serviceFeeCents: BigInt(
          dailyFeeCentsFast(
            na,
            r.serviceMultiplier[k]!,
            r.serviceRoundingBound[k]!,
            r.serviceFeeMicroPct[k]!,
            y,
          ),
        ),
      });
    }
  }
  return out;
}

const YEAR_DENOMINATOR = 100_000_000n * 365n; // micro-percent → fraction, the shorter year

/**
 * Whether a class's month sums stay exact in the fast engine's Float64s, as denseInput requires:
 * (max |NA| + its largest daily fee + 1) · 31 < 2^53 cents, checked in exact integers with a
 * day's margin (· 32).
 * @example fitsFloat64MonthSums(valueFundC) === true
 */
export function fitsFloat64MonthSums(cls: ClassSeries): boolean {
  let maxNetAssets = 0n;
  for (const r of cls.netAssets) {
    const a = r.netAssetsCents < 0n ? -r.netAssetsCents : r.netAssetsCents;
    if (a > maxNetAssets) maxNetAssets = a;
  }
  let maxRate = 0n;
  for (const c of cls.coverage) {
    if (c.distributionFeeMicroPct > maxRate) maxRate = c.distributionFeeMicroPct;
    if (c.serviceFeeMicroPct > maxRate) maxRate = c.serviceFeeMicroPct;
  }
  const scaled = maxNetAssets * YEAR_DENOMINATOR + maxNetAssets * maxRate + YEAR_DENOMINATOR;
  return scaled * 32n < BigInt(MAX_EXACT_FLOAT_INTEGER) * YEAR_DENOMINATOR;
}

/**
 * Accrues every class over the calendar days [from, to] (SPEC §4), fast.
 * @example accrueFast([valueFundC], '2008-01-01', '2008-03-31').months[1].days === 29
 */
export function accrueFast(
  series: readonly ClassSeries[],
  from: string,
  to: string,
  options: AccrueFastOptions = {},
): AccrualResult {
  // Net assets beyond what Float64 month sums hold exactly (some $2.9 trillion a class) are still
  // valid input: they are accrued by the exact reference engine instead (same results, slower).
  if (!series.every(fitsFloat64MonthSums)) {
    const exact = accrueReference(series, from, to);
    return { months: exact.months, daily: options.daily ? exact.daily : [] };
  }
  const dense = buildDenseInput(series, from, to);
  const months = monthlyAccrualsFromSums(dense, accrualKernel(dense));
  return { months, daily: options.daily ? dailyAccrualsOf(dense) : [] };
}
