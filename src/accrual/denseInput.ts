/**
 * The fast engine's layout: net assets as a dense class × day matrix of integer cents in a
 * Float64Array (carry-forward already applied, SPEC §4), and "runs" — maximal stretches of one
 * class's days inside one calendar month under one Schedule A rate pair — so the kernel's inner
 * loop is nothing but multiply, round and add.
 */
import { civilFromDayNumber, daysInMonth, daysInYear, toDayNumber } from '../calendar/isoDate.js';
import { assertAccrualRange } from './accrualRange.js';
import {
  assertClassTerms,
  assertComplex,
  type ClassSeries,
  ClassSeriesError,
  type ClassTerms,
} from './classSeries.js';
import type { NetAssetsColumns } from './netAssetsColumns.js';

/** Integers up to 2^53 are exact in a Float64; the kernel's sums must stay below it. */
export const MAX_EXACT_FLOAT_INTEGER = 2 ** 53;

/** Kernel output: for slot = classIndex × months + monthIndex, four numbers at slot × 4. */
export const MONTH_SUM_STRIDE = 4;
export const MONTH_SUM_DAYS = 0;
export const MONTH_SUM_NET_ASSETS = 1;
export const MONTH_SUM_DISTRIBUTION_FEE = 2;
export const MONTH_SUM_SERVICE_FEE = 3;

/** One class's days within one month under one rate pair, as parallel arrays (one entry per run). */
export interface AccrualRuns {
  readonly count: number;
  readonly classIndex: Int32Array;
  /** First day offset (from the range start), inclusive. */
  readonly startOffset: Int32Array;
  /** Last day offset, exclusive. */
  readonly endOffset: Int32Array;
  /** classIndex × months + monthIndex. */
  readonly slot: Int32Array;
  /** rate / (10^8 · Y): cents of fee per cent of net assets per day. */
  readonly distributionMultiplier: Float64Array;
  readonly serviceMultiplier: Float64Array;
  /**
   * 0.5 − (bound on the float error of any fee in the run): when the float fee q and the integer
   * n nearest q satisfy |q − n| ≤ this, the exact fee lies strictly inside (n − ½, n + ½)
   * and rounds to n; otherwise the kernel recomputes that day exactly.
   */
  readonly distributionRoundingBound: Float64Array;
  readonly serviceRoundingBound: Float64Array;
  readonly distributionFeeMicroPct: Float64Array;
  readonly serviceFeeMicroPct: Float64Array;
  /** Y: 365 or 366. */
  readonly yearDays: Int32Array;
}

export interface DenseAccrualInput {
  readonly classKeys: readonly string[];
  readonly fromDay: number;
  readonly dayCount: number;
  /** classKeys.length × dayCount, class-major; NaN before a class's first row. */
  readonly netAssetsCents: Float64Array;
  /** 'YYYY-MM' of each calendar month touching the range. */
  readonly months: readonly string[];
  /** Day offset where each month starts inside the range; one extra entry = dayCount. */
  readonly monthStartOffsets: Int32Array;
  readonly runs: AccrualRuns;
}

interface MonthGrid {
  readonly months: string[];
  readonly monthStartOffsets: Int32Array;
  readonly yearDays: number[];
}

function monthGrid(fromDay: number, dayCount: number): MonthGrid {
  const months: string[] = [];
  const starts: number[] = [];
  const yearDays: number[] = [];
  for (let offset = 0; offset < dayCount; ) {
    const { year, month, day } = civilFromDayNumber(fromDay + offset);
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    starts.push(offset);
    yearDays.push(daysInYear(year));
    offset += daysInMonth(year, month) - day + 1;
  }
  starts.push(dayCount);
  return { months, monthStartOffsets: Int32Array.from(starts), yearDays };
}

class RunsBuilder {
  private readonly cols: number[][] = Array.from({ length: 11 }, () => []);
  add(values: readonly number[]): void {
    for (let i = 0; i < 11; i++) this.cols[i]!.push(values[i]!);
  }
  build(): AccrualRuns {
    const c = this.cols;
    return {
      count: c[0]!.length,
      classIndex: Int32Array.from(c[0]!),
      startOffset: Int32Array.from(c[1]!),
      endOffset: Int32Array.from(c[2]!),
      slot: Int32Array.from(c[3]!),
      distributionMultiplier: Float64Array.from(c[4]!),
      serviceMultiplier: Float64Array.from(c[5]!),
      distributionRoundingBound: Float64Array.from(c[6]!),
      serviceRoundingBound: Float64Array.from(c[7]!),
      distributionFeeMicroPct: Float64Array.from(c[8]!),
      serviceFeeMicroPct: Float64Array.from(c[9]!),
      yearDays: Int32Array.from(c[10]!),
    };
  }
}

/** Relative error bound of fl(NA · fl(rate / (10^8·Y))) is < 2^-51.9; 2^-50 leaves a 3.7× margin. */
const FLOAT_ERROR_FACTOR = 2 ** -50;

function rateAsNumber(classKey: string, microPct: bigint): number {
  if (microPct > BigInt(MAX_EXACT_FLOAT_INTEGER))
    throw new ClassSeriesError(classKey, `rate ${microPct} too large`);
  return Number(microPct);
}

/** Days the class accrues: covered, on/after its first row, before termination (SPEC §4, Plan §9). */
function addClassRuns(
  runs: RunsBuilder,
  classIndex: number,
  terms: ClassTerms,
  firstRowDay: number | null,
  maxAbsNetAssets: number,
  fromDay: number,
  grid: MonthGrid,
): void {
  if (firstRowDay === null) return;
  const dayCount = grid.monthStartOffsets[grid.months.length]!;
  const start = Math.max(0, firstRowDay - fromDay);
  const stop = Math.min(dayCount, terms.endDate != null ? toDayNumber(terms.endDate) - fromDay : dayCount);
  for (const segment of terms.coverage) {
    const s = Math.max(start, toDayNumber(segment.from) - fromDay);
    const e = Math.min(stop, segment.until === null ? dayCount : toDayNumber(segment.until) - fromDay);
    if (s >= e) continue;
    const dist = rateAsNumber(terms.classKey, segment.distributionFeeMicroPct);
    const serv = rateAsNumber(terms.classKey, segment.serviceFeeMicroPct);
    for (let m = 0; m < grid.months.length; m++) {
      const ms = Math.max(s, grid.monthStartOffsets[m]!);
      const me = Math.min(e, grid.monthStartOffsets[m + 1]!);
      if (ms >= me) continue;
      const y = grid.yearDays[m]!;
      const distMultiplier = dist / (1e8 * y);
      const servMultiplier = serv / (1e8 * y);
      // SPEC §4 sums per class-month stay exact in Float64 only below 2^53 cents; this also keeps
      // every daily fee below 2^51, the kernel's rounding range.
      const maxFee = maxAbsNetAssets * Math.max(distMultiplier, servMultiplier) + 1;
      if ((maxAbsNetAssets + maxFee) * 31 >= MAX_EXACT_FLOAT_INTEGER) {
        throw new ClassSeriesError(terms.classKey, 'net assets too large for exact Float64 monthly sums');
      }
      runs.add([
        classIndex,
        ms,
        me,
        classIndex * grid.months.length + m,
        distMultiplier,
        servMultiplier,
        0.5 - maxAbsNetAssets * distMultiplier * FLOAT_ERROR_FACTOR,
        0.5 - maxAbsNetAssets * servMultiplier * FLOAT_ERROR_FACTOR,
        dist,
        serv,
        y,
      ]);
    }
  }
}

/** NA(d) = latest row on or before d (carry-forward, SPEC §4); returns max |NA| over the column. */
function carryForward(column: Float64Array, carryIn: number): number {
  let value = carryIn;
  let maxAbs = Number.isNaN(value) ? 0 : Math.abs(value);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (Number.isNaN(v)) {
      column[i] = value;
    } else {
      value = v;
      const a = v < 0 ? -v : v;
      if (a > maxAbs) maxAbs = a;
    }
  }
  return maxAbs;
}

function centsAsNumber(classKey: string, cents: bigint): number {
  if (cents > BigInt(MAX_EXACT_FLOAT_INTEGER) || cents < -BigInt(MAX_EXACT_FLOAT_INTEGER)) {
    throw new ClassSeriesError(classKey, `net assets ${cents} cents exceed 2^53`);
  }
  return Number(cents);
}

/**
 * Dense layout of a complex over [from, to].
 * @example buildDenseInput(complex, '2008-01-01', '2008-12-31').dayCount === 366
 */
export function buildDenseInput(series: readonly ClassSeries[], from: string, to: string): DenseAccrualInput {
  assertAccrualRange(from, to);
  assertComplex(series);
  const fromDay = toDayNumber(from);
  const dayCount = toDayNumber(to) - fromDay + 1;
  const grid = monthGrid(fromDay, dayCount);
  const netAssetsCents = new Float64Array(series.length * dayCount).fill(Number.NaN);
  const runs = new RunsBuilder();
  series.forEach((cls, c) => {
    const column = netAssetsCents.subarray(c * dayCount, (c + 1) * dayCount);
    let carryIn = Number.NaN;
    for (const row of cls.netAssets) {
      const offset = toDayNumber(row.date) - fromDay;
      if (offset >= dayCount) break;
      const value = centsAsNumber(cls.classKey, row.netAssetsCents);
      if (offset < 0) carryIn = value;
      else column[offset] = value;
    }
    const maxAbs = carryForward(column, carryIn);
    const first = cls.netAssets[0];
    const firstRowDay = first ? toDayNumber(first.date) : null;
    addClassRuns(runs, c, cls, firstRowDay, maxAbs, fromDay, grid);
  });
  return {
    classKeys: series.map((s) => s.classKey),
    fromDay,
    dayCount,
    netAssetsCents,
    months: grid.months,
    monthStartOffsets: grid.monthStartOffsets,
    runs: runs.build(),
  };
}

/**
 * Dense layout straight from scanned net-assets columns, without per-row objects. The classes are
 * those of `terms`, in that order; column rows of other classes are ignored.
 */
export function buildDenseInputFromColumns(
  columns: NetAssetsColumns,
  terms: readonly ClassTerms[],
  from: string,
  to: string,
): DenseAccrualInput {
  assertAccrualRange(from, to);
  const fromDay = toDayNumber(from);
  const dayCount = toDayNumber(to) - fromDay + 1;
  const grid = monthGrid(fromDay, dayCount);
  const classCount = terms.length;
  const denseIndexOfColumnClass = new Int32Array(columns.classKeys.length).fill(-1);
  const termsIndex = new Map<string, number>();
  terms.forEach((t, i) => {
    assertClassTerms(t);
    if (termsIndex.has(t.classKey)) throw new ClassSeriesError(t.classKey, 'appears twice');
    termsIndex.set(t.classKey, i);
  });
  columns.classKeys.forEach((key, i) => {
    denseIndexOfColumnClass[i] = termsIndex.get(key) ?? -1;
  });
  const netAssetsCents = new Float64Array(classCount * dayCount).fill(Number.NaN);
  const firstRowDay = new Float64Array(classCount).fill(Number.POSITIVE_INFINITY);
  const carryInDay = new Float64Array(classCount).fill(Number.NEGATIVE_INFINITY);
  const carryIn = new Float64Array(classCount).fill(Number.NaN);
  const { classIndex, dayNumber, netAssetsCents: values } = columns;
  for (let r = 0; r < columns.rowCount; r++) {
    const c = denseIndexOfColumnClass[classIndex[r]!]!;
    if (c < 0) continue;
    const day = dayNumber[r]!;
    if (day < firstRowDay[c]!) firstRowDay[c] = day;
    const offset = day - fromDay;
    if (offset >= dayCount) continue;
    if (offset < 0) {
      if (day === carryInDay[c])
        throw new ClassSeriesError(terms[c]!.classKey, `two net assets rows on day ${day}`);
      if (day > carryInDay[c]!) {
        carryInDay[c] = day;
        carryIn[c] = values[r]!;
      }
      continue;
    }
    const cell = c * dayCount + offset;
    if (!Number.isNaN(netAssetsCents[cell]!)) {
      throw new ClassSeriesError(terms[c]!.classKey, `two net assets rows on day ${day}`);
    }
    netAssetsCents[cell] = values[r]!;
  }
  const runs = new RunsBuilder();
  for (let c = 0; c < classCount; c++) {
    const column = netAssetsCents.subarray(c * dayCount, (c + 1) * dayCount);
    const maxAbs = carryForward(column, carryIn[c]!);
    const first = firstRowDay[c]!;
    addClassRuns(runs, c, terms[c]!, Number.isFinite(first) ? first : null, maxAbs, fromDay, grid);
  }
  return {
    classKeys: terms.map((t) => t.classKey),
    fromDay,
    dayCount,
    netAssetsCents,
    months: grid.months,
    monthStartOffsets: grid.monthStartOffsets,
    runs: runs.build(),
  };
}
