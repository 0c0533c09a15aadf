/**
 * The fast engine's layout: net assets as a dense class × day matrix of integer cents in a
 * Float64Array (carry-forward already applied, SPEC §4), and "runs" — maximal stretches of one
 * class's days inside one calendar month under one Schedule A rate pair — so the kernel's inner
 * loop is nothing but multiply, round and add.
 */
import {
  civilFromDayNumber,
  daysInMonth,
  daysInYear,
  fromDayNumber,
  toDayNumber,
} from '../calendar/isoDate.js';
import { assertAccrualRange } from './accrualRange.js';
import {
  assertClassTerms,
  assertComplex,
  type ClassSeries,
  ClassSeriesError,
  type ClassTerms,
} from './classSeries.js';
import { coverageOutsideEnded } from './endedSpans.js';
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

/** Runs accumulated straight into growing typed columns. */
class RunsBuilder {
  private count = 0;
  private capacity = 1024;
  private classIndex = new Int32Array(this.capacity);
  private startOffset = new Int32Array(this.capacity);
  private endOffset = new Int32Array(this.capacity);
  private slot = new Int32Array(this.capacity);
  private yearDays = new Int32Array(this.capacity);
  private distributionMultiplier = new Float64Array(this.capacity);
  private serviceMultiplier = new Float64Array(this.capacity);
  private distributionRoundingBound = new Float64Array(this.capacity);
  private serviceRoundingBound = new Float64Array(this.capacity);
  private distributionFeeMicroPct = new Float64Array(this.capacity);
  private serviceFeeMicroPct = new Float64Array(this.capacity);

  add(
    classIndex: number,
    startOffset: number,
    endOffset: number,
    slot: number,
    distributionMultiplier: number,
    serviceMultiplier: number,
    distributionRoundingBound: number,
    serviceRoundingBound: number,
    distributionFeeMicroPct: number,
    serviceFeeMicroPct: number,
    yearDays: number,
  ): void {
    if (this.count === this.capacity) this.grow();
    const r = this.count++;
    this.classIndex[r] = classIndex;
    this.startOffset[r] = startOffset;
    this.endOffset[r] = endOffset;
    this.slot[r] = slot;
    this.distributionMultiplier[r] = distributionMultiplier;
    this.serviceMultiplier[r] = serviceMultiplier;
    this.distributionRoundingBound[r] = distributionRoundingBound;
    this.serviceRoundingBound[r] = serviceRoundingBound;
    this.distributionFeeMicroPct[r] = distributionFeeMicroPct;
    this.serviceFeeMicroPct[r] = serviceFeeMicroPct;
    this.yearDays[r] = yearDays;
  }

  private grow(): void {
    this.capacity *= 2;
    const int = (a: Int32Array) => {
      const b = new Int32Array(this.capacity);
      b.set(a);
      return b;
    };
    const float = (a: Float64Array) => {
      const b = new Float64Array(this.capacity);
      b.set(a);
      return b;
    };
    this.classIndex = int(this.classIndex);
    this.startOffset = int(this.startOffset);
    this.endOffset = int(this.endOffset);
    this.slot = int(this.slot);
    this.yearDays = int(this.yearDays);
    this.distributionMultiplier = float(this.distributionMultiplier);
    this.serviceMultiplier = float(this.serviceMultiplier);
    this.distributionRoundingBound = float(this.distributionRoundingBound);
    this.serviceRoundingBound = float(this.serviceRoundingBound);
    this.distributionFeeMicroPct = float(this.distributionFeeMicroPct);
    this.serviceFeeMicroPct = float(this.serviceFeeMicroPct);
  }

  build(): AccrualRuns {
    const n = this.count;
    return {
      count: n,
      classIndex: this.classIndex.subarray(0, n),
      startOffset: this.startOffset.subarray(0, n),
      endOffset: this.endOffset.subarray(0, n),
      slot: this.slot.subarray(0, n),
      distributionMultiplier: this.distributionMultiplier.subarray(0, n),
      serviceMultiplier: this.serviceMultiplier.subarray(0, n),
      distributionRoundingBound: this.distributionRoundingBound.subarray(0, n),
      serviceRoundingBound: this.serviceRoundingBound.subarray(0, n),
      distributionFeeMicroPct: this.distributionFeeMicroPct.subarray(0, n),
      serviceFeeMicroPct: this.serviceFeeMicroPct.subarray(0, n),
      yearDays: this.yearDays.subarray(0, n),
    };
  }
}

/** Day numbers of the few distinct dates schedules use, parsed once per build. */
class DayNumbers {
  private readonly cache = new Map<string, number>();
  of(iso: string): number {
    let day = this.cache.get(iso);
    if (day === undefined) {
      day = toDayNumber(iso);
      this.cache.set(iso, day);
    }
    return day;
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
  days: DayNumbers,
): void {
  if (firstRowDay === null) return;
  const dayCount = grid.monthStartOffsets[grid.months.length]!;
  const start = Math.max(0, firstRowDay - fromDay);
  const stop = Math.min(dayCount, terms.endDate != null ? days.of(terms.endDate) - fromDay : dayCount);
  // SPEC §12: nothing accrues while the class is accepted as ended
  for (const segment of coverageOutsideEnded(terms.coverage, terms.ended)) {
    const s = Math.max(start, days.of(segment.from) - fromDay);
    const e = Math.min(stop, segment.until === null ? dayCount : days.of(segment.until) - fromDay);
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
      runs.add(
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
      );
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
  const days = new DayNumbers();
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
    addClassRuns(runs, c, cls, firstRowDay, maxAbs, fromDay, grid, days);
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
  if (classCount * dayCount > 2 ** 31 - 1) throw new RangeError('accrual matrix too large: split the range');
  const netAssetsCents = new Float64Array(classCount * dayCount).fill(Number.NaN);
  const firstRowDay = new Float64Array(classCount).fill(Number.POSITIVE_INFINITY);
  const carryInDay = new Float64Array(classCount).fill(Number.NEGATIVE_INFINITY);
  const carryIn = new Float64Array(classCount).fill(Number.NaN);
  const duplicate = (c: number, day: number): never => {
    throw new ClassSeriesError(terms[c]!.classKey, `two net assets rows on ${fromDayNumber(day)}`);
  };
  const { classIndex, dayNumber, netAssetsCents: values } = columns;
  for (let r = 0; r < columns.rowCount; r++) {
    const c = denseIndexOfColumnClass[classIndex[r]!]!;
    if (c < 0) continue;
    const day = dayNumber[r]!;
    if (day < firstRowDay[c]!) firstRowDay[c] = day;
    const offset = day - fromDay;
    if (offset >= 0 && offset < dayCount) {
      const cell = c * dayCount + offset;
      if (!Number.isNaN(netAssetsCents[cell]!)) duplicate(c, day);
      netAssetsCents[cell] = values[r]!;
    } else if (offset < 0) {
      if (day === carryInDay[c]) duplicate(c, day);
      if (day > carryInDay[c]!) {
        carryInDay[c] = day;
        carryIn[c] = values[r]!;
      }
    }
  }
  const runs = new RunsBuilder();
  const days = new DayNumbers();
  for (let c = 0; c < classCount; c++) {
    const column = netAssetsCents.subarray(c * dayCount, (c + 1) * dayCount);
    const maxAbs = carryForward(column, carryIn[c]!);
    const first = firstRowDay[c]!;
    addClassRuns(runs, c, terms[c]!, Number.isFinite(first) ? first : null, maxAbs, fromDay, grid, days);
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
