/**
 * SPEC §4 checks on a class's input before accrual, both reported rather than computed around:
 * - missing business days (an error): within the requested range, every NYSE business day from a
 *   class's first row must have a row, unless the class has ended — terminated (on or after its
 *   end date), no longer covered (on or after the end of its last Schedule A entry), or accepted
 *   as ended at a close and not yet resumed (its `ended` spans, SPEC §12); the accrual itself
 *   carries the latest earlier row forward;
 * - uncovered days (warnings): days on which a class has net assets (on or after its first row,
 *   carried forward as the accrual does, before termination, outside its ended spans) but no
 *   Schedule A entry covers it.
 */
import { fromDayNumber, toDayNumber } from '../calendar/isoDate.js';
import { nyseBusinessDayTable } from '../calendar/nyseCalendar.js';
import { assertAccrualRange } from './accrualRange.js';
import type { ClassSeries } from './classSeries.js';
import { isEndedOn } from './endedSpans.js';

export interface MissingBusinessDay {
  readonly kind: 'missingBusinessDay';
  readonly classKey: string;
  readonly date: string;
}

/**
 * SPEC §4: the first day a class has ended by its coverage — terminated (its terminated days are
 * not coverage) or no longer covered: the end of its last covered segment — or null while it is
 * covered with no end. A missing business day on or after it is no error (`fees` and the import).
 */
export function classEndedOn(coverage: readonly { readonly until: string | null }[]): string | null {
  return coverage.at(-1)?.until ?? null;
}

/** The day a class ends (exclusive), or +∞. */
function classEndDay(cls: ClassSeries): number {
  let end = cls.endDate != null ? toDayNumber(cls.endDate) : Number.POSITIVE_INFINITY;
  const until = classEndedOn(cls.coverage);
  if (until !== null) end = Math.min(end, toDayNumber(until));
  return end;
}

/**
 * Business days without a net-assets row, class order then date.
 * @example missingBusinessDays([cls], '2008-01-01', '2008-01-31') → [{ classKey, date: '2008-01-15' }]
 */
export function missingBusinessDays(
  series: readonly ClassSeries[],
  from: string,
  to: string,
): MissingBusinessDay[] {
  assertAccrualRange(from, to);
  const calendar = nyseBusinessDayTable();
  const out: MissingBusinessDay[] = [];
  for (const cls of series) {
    const first = cls.netAssets[0];
    if (!first) continue;
    const start = Math.max(toDayNumber(from), toDayNumber(first.date));
    const stop = Math.min(toDayNumber(to) + 1, classEndDay(cls));
    if (start >= stop) continue;
    if (start < calendar.firstDayNumber || stop - 1 > calendar.lastDayNumber) {
      throw new RangeError(`${from}..${to} is outside the NYSE calendar (SPEC §9)`);
    }
    const rowDays = cls.netAssets.map((r) => toDayNumber(r.date));
    let next = 0; // rowDays[next] is the first row on or after `day`
    for (let day = start; day < stop; day++) {
      while (next < rowDays.length && rowDays[next]! < day) next++;
      if (calendar.isBusinessDay[day - calendar.firstDayNumber] !== 1) continue;
      if (rowDays[next] === day) continue;
      if (cls.ended !== undefined && isEndedOn(cls.ended, fromDayNumber(day))) continue;
      out.push({ kind: 'missingBusinessDay', classKey: cls.classKey, date: fromDayNumber(day) });
    }
  }
  return out;
}

export interface UncoveredRange {
  readonly kind: 'uncoveredRange';
  readonly classKey: string;
  /** First uncovered day, inclusive. */
  readonly from: string;
  /** Last uncovered day, inclusive. */
  readonly to: string;
  readonly days: number;
}

/**
 * Uncovered days of each class (one or many) within [from, to], grouped into ranges of
 * consecutive days, class order then date.
 * @example uncoveredDays([leisureR], '2006-03-01', '2006-03-31') → one range 2006-03-01..2006-03-30
 */
export function uncoveredDays(
  series: ClassSeries | readonly ClassSeries[],
  from: string,
  to: string,
): UncoveredRange[] {
  assertAccrualRange(from, to);
  const out: UncoveredRange[] = [];
  const classes: readonly ClassSeries[] = Array.isArray(series) ? series : [series as ClassSeries];
  for (const cls of classes) {
    const first = cls.netAssets[0];
    if (!first) continue;
    const start = Math.max(toDayNumber(from), toDayNumber(first.date));
    const stop = Math.min(
      toDayNumber(to) + 1,
      cls.endDate != null ? toDayNumber(cls.endDate) : Number.POSITIVE_INFINITY,
    );
    const segments = cls.coverage.map((s) => ({
      from: toDayNumber(s.from),
      until: s.until === null ? Number.POSITIVE_INFINITY : toDayNumber(s.until),
    }));
    let rangeStart: number | null = null;
    const flush = (endExclusive: number) => {
      if (rangeStart === null) return;
      out.push({
        kind: 'uncoveredRange',
        classKey: cls.classKey,
        from: fromDayNumber(rangeStart),
        to: fromDayNumber(endExclusive - 1),
        days: endExclusive - rangeStart,
      });
      rangeStart = null;
    };
    const ended = (cls.ended ?? []).map((s) => ({
      from: toDayNumber(s.from),
      until: s.until === null ? Number.POSITIVE_INFINITY : toDayNumber(s.until),
    }));
    for (let day = start; day < stop; day++) {
      // a day on which the class is accepted as ended has no net assets: neither covered nor not
      const covered =
        segments.some((s) => s.from <= day && day < s.until) ||
        ended.some((s) => s.from <= day && day < s.until);
      if (covered) flush(day);
      else if (rangeStart === null) rangeStart = day;
    }
    flush(stop);
  }
  return out;
}
