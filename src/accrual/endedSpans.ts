/**
 * SPEC §12, §4: a class a month close accepted as ended ("unless the user names the classes it
 * accepts as ended") has ended from the first NYSE business day after its last row. While it is
 * ended it accrues nothing and needs no rows (§4: "unless the class has ended"). When its net
 * assets resume on a later day D, D's row begins the class again ("A class begins with its first
 * row"): the ended span is [endedOn, D), and no day of it takes the last row before the end.
 */
import type { RateSegment } from './classSeries.js';

/** An end a close accepted (sealed in its `completeness` part). */
export interface AcceptedEnd {
  /** the class's last day with net assets before the end */
  readonly lastNetAssets: string;
  /** the first NYSE business day after it: nothing accrues from this day */
  readonly endedOn: string;
  /** the close that accepted it */
  readonly acceptedIn: string;
}

/** Days on which a class has ended: [from, until), until = the day its net assets resume (null: not yet). */
export interface EndedSpan {
  readonly from: string;
  readonly until: string | null;
  /** the close that accepted the end */
  readonly acceptedIn: string;
  /** the last day with net assets before it */
  readonly lastNetAssets: string;
}

/**
 * Each accepted end as the days it spans: from its `endedOn` to the class's first row after its
 * last row (`firstRowAfter`), if any. A row on or before `endedOn` (a weekend row after the last
 * business day) means the class did not end there: no span. Sorted, one per last day.
 * @example endedSpansOf([{ lastNetAssets: '2007-02-09', endedOn: '2007-02-12', acceptedIn: '2007-02' }], () => '2007-03-12')
 *   // [{ from: '2007-02-12', until: '2007-03-12', … }]
 */
export function endedSpansOf(
  ends: readonly AcceptedEnd[],
  firstRowAfter: (date: string) => string | null,
): EndedSpan[] {
  const byLast = new Map<string, AcceptedEnd>();
  for (const e of ends) {
    const seen = byLast.get(e.lastNetAssets);
    if (seen === undefined || e.acceptedIn < seen.acceptedIn) byLast.set(e.lastNetAssets, e);
  }
  const out: EndedSpan[] = [];
  for (const e of [...byLast.values()].sort((a, b) => (a.endedOn < b.endedOn ? -1 : 1))) {
    const until = firstRowAfter(e.lastNetAssets);
    if (until !== null && until <= e.endedOn) continue;
    out.push({ from: e.endedOn, until, acceptedIn: e.acceptedIn, lastNetAssets: e.lastNetAssets });
  }
  return out;
}

/**
 * {@link endedSpansOf} over a class's rows, sorted by date.
 * @example endedSpansOfRows(ends, [{ date: '2007-02-09' }, { date: '2007-03-12' }])
 */
export function endedSpansOfRows(
  ends: readonly AcceptedEnd[],
  rows: readonly { readonly date: string }[],
): EndedSpan[] {
  if (ends.length === 0) return [];
  return endedSpansOf(ends, (date) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid]!.date <= date) lo = mid + 1;
      else hi = mid;
    }
    return rows[lo]?.date ?? null;
  });
}

/** Whether `date` falls in one of the spans. */
export function isEndedOn(spans: readonly EndedSpan[] | undefined, date: string): boolean {
  return (spans ?? []).some((s) => s.from <= date && (s.until === null || date < s.until));
}

/**
 * The coverage with the ended days cut out: nothing accrues on them (SPEC §4), as on a day no
 * instrument covers — but they are explained, not "uncovered".
 * @example coverageOutsideEnded([{ from: '2007-01-01', until: null, … }], [{ from: '2007-02-12', until: '2007-03-12', … }])
 *   // [2007-01-01..2007-02-12), [2007-03-12..∞)
 */
export function coverageOutsideEnded(
  coverage: readonly RateSegment[],
  spans: readonly EndedSpan[] | undefined,
): readonly RateSegment[] {
  if (spans === undefined || spans.length === 0) return coverage;
  let out: RateSegment[] = [...coverage];
  for (const span of spans) {
    const next: RateSegment[] = [];
    for (const seg of out) {
      const endsBefore = seg.until !== null && seg.until <= span.from;
      const startsAfter = span.until !== null && seg.from >= span.until;
      if (endsBefore || startsAfter) {
        next.push(seg);
        continue;
      }
      if (seg.from < span.from) next.push({ ...seg, until: span.from });
      if (span.until !== null && (seg.until === null || seg.until > span.until))
        next.push({ ...seg, from: span.until });
    }
    out = next;
  }
  return out;
}
