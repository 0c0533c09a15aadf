/**
 * The accrual engine's input model (SPEC §4): one share class's daily net assets and the
 * schedule entries (Plan Schedule A rates) that cover it, with an optional termination date.
 */
import { isIsoDate } from '../calendar/isoDate.js';
import type { EndedSpan } from './endedSpans.js';

/** One Plan Schedule A entry in force for a class over [from, until). Rates in micro-percent. */
export interface RateSegment {
  readonly from: string;
  /** Exclusive; null = open-ended. */
  readonly until: string | null;
  /** Asset-Based Sales Charge (the "Distribution Fee"), % per annum × 10^6. */
  readonly distributionFeeMicroPct: bigint;
  /** Service Fee, % per annum × 10^6. */
  readonly serviceFeeMicroPct: bigint;
}

/** Net assets of a class as of the close of a business day, in integer cents. */
export interface NetAssetsRow {
  readonly date: string;
  readonly netAssetsCents: bigint;
}

/** What governs a class's accrual apart from its net assets. */
export interface ClassTerms {
  readonly classKey: string;
  /** Sorted, non-overlapping; days outside every segment are uncovered (no accrual, a warning). */
  readonly coverage: readonly RateSegment[];
  /** Termination (Plan §9): no accrual on or after this date. */
  readonly endDate?: string | null;
  /**
   * SPEC §12, §4: the spans on which the class was accepted as ended at a close, sorted: no
   * accrual and no rows needed on them; a row after one begins the class again.
   */
  readonly ended?: readonly EndedSpan[];
}

export interface ClassSeries extends ClassTerms {
  /** Sorted by date, one row per date; the class begins with its first row (SPEC §4). */
  readonly netAssets: readonly NetAssetsRow[];
}

export class ClassSeriesError extends Error {
  constructor(
    readonly classKey: string,
    readonly reason: string,
  ) {
    super(`class ${classKey}: ${reason}`);
    this.name = 'ClassSeriesError';
  }
}

/** Checks the ordering and shape invariants the engines rely on; throws {@link ClassSeriesError}. */
export function assertClassTerms(terms: ClassTerms): void {
  const key = terms.classKey;
  let previousUntil: string | null | undefined;
  for (const s of terms.coverage) {
    if (!isIsoDate(s.from))
      throw new ClassSeriesError(key, `coverage from ${JSON.stringify(s.from)} is not a date`);
    if (s.until !== null && !isIsoDate(s.until)) {
      throw new ClassSeriesError(key, `coverage until ${JSON.stringify(s.until)} is not a date`);
    }
    if (s.until !== null && s.until <= s.from) {
      throw new ClassSeriesError(key, `coverage ${s.from}..${s.until} is empty (until is exclusive)`);
    }
    if (s.distributionFeeMicroPct < 0n || s.serviceFeeMicroPct < 0n) {
      throw new ClassSeriesError(key, `coverage from ${s.from} has a negative rate`);
    }
    if (previousUntil === null)
      throw new ClassSeriesError(key, `coverage from ${s.from} follows an open-ended one`);
    if (previousUntil !== undefined && s.from < previousUntil) {
      throw new ClassSeriesError(key, `coverage from ${s.from} overlaps or precedes the one before it`);
    }
    previousUntil = s.until;
  }
  if (terms.endDate != null && !isIsoDate(terms.endDate)) {
    throw new ClassSeriesError(key, `end date ${JSON.stringify(terms.endDate)} is not a date`);
  }
}

/** {@link assertClassTerms} plus: net-assets dates valid, strictly increasing. */
export function assertClassSeries(series: ClassSeries): void {
  assertClassTerms(series);
  let previous = '';
  for (const row of series.netAssets) {
    if (!isIsoDate(row.date)) {
      throw new ClassSeriesError(
        series.classKey,
        `net assets date ${JSON.stringify(row.date)} is not a date`,
      );
    }
    if (row.date <= previous) {
      throw new ClassSeriesError(series.classKey, `net assets rows not strictly increasing at ${row.date}`);
    }
    previous = row.date;
  }
}

/** Checks a whole complex: each class valid, class keys unique. */
export function assertComplex(series: readonly ClassSeries[]): void {
  const seen = new Set<string>();
  for (const s of series) {
    if (seen.has(s.classKey)) throw new ClassSeriesError(s.classKey, 'appears twice');
    seen.add(s.classKey);
    assertClassSeries(s);
  }
}
