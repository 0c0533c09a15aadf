import { addDays, isLeapYear } from '../calendar/isoDate.js';

/**
 * Annual continuance (Plan §7: "shall continue in effect until June 30, 2003 and thereafter …
 * so long as such continuance is specifically approved, at least annually"; Agreement FOURTEENTH:
 * "until June 30, 2004, and from year to year thereafter, provided that such continuance is
 * specifically approved … at least annually"). Each deadline must be met by a continuance
 * approval on or before it; a deadline missed ends the instrument the day after it.
 *
 * How the next deadline follows from a met one is a setting:
 * - `year-by-year` (the default, the Agreement's "from year to year thereafter"): the next deadline
 *   is the same day a year later (June 30, 2004 → June 30, 2005), whenever in the year the approval
 *   came;
 * - `twelve-months-after-approval`: the next deadline is one year after the approval that met the
 *   previous one (an approval on 2004-03-15 carries the instrument to 2005-03-15).
 * Rule 12b-1(b)(3)(i) ("specifically approved at least annually") and DOMAIN §9 ("last annual
 * continuance date → alert if > 1 year") ask for no more than a year between two votes; year by
 * year lets up to two years less a day pass, so the report alerts where a deadline falls more than
 * a year after the vote before it (continuanceAnnualAlert.ts).
 */
export type ContinuanceBasis = 'year-by-year' | 'twelve-months-after-approval';
export const DEFAULT_CONTINUANCE_BASIS: ContinuanceBasis = 'year-by-year';

/**
 * What a deadline is counted from: `first` (the instrument's first deadline, from its text, the
 * Rule or a setting: continuanceRoster.ts), `anniversary` (year by year: `years` after the first
 * deadline `from`), or `last-approval` (one year after the approval `from` that met the deadline
 * before).
 */
export type DeadlineCountedFrom =
  | { readonly kind: 'first' }
  | { readonly kind: 'anniversary'; readonly from: string; readonly years: number }
  | { readonly kind: 'last-approval'; readonly from: string };

export interface ContinuancePeriod {
  readonly deadline: string;
  /** the approval that met the deadline, or null (a lapse, or not yet due) */
  readonly metBy: string | null;
}

export interface ContinuanceStatus {
  readonly status: 'in force' | 'lapsed';
  readonly periods: readonly ContinuancePeriod[];
  /** the next deadline after `asOf` while in force, else null */
  readonly nextDeadline: string | null;
  /** the first day the instrument is no longer in force (the day after a missed deadline) */
  readonly endsOn: string | null;
}

/** The same day one year later; February 29 → February 28. */
export function oneYearAfter(iso: string): string {
  return yearsAfter(iso, 1);
}

/**
 * The same day `n` years later, counted from `iso` itself: February 29 → February 28 in a common
 * year and February 29 again in a leap year (a chain anchored on 2024-02-29 meets 2028-02-29, not
 * the 2028-02-28 that stepping a year at a time from 2025-02-28 would give).
 * @example yearsAfter('2024-02-29', 4) === '2028-02-29'
 */
export function yearsAfter(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4)) + n;
  const md = iso.slice(5);
  if (md === '02-29' && !isLeapYear(y)) return `${y}-02-28`;
  return `${y}-${md}`;
}

/** The same day one year earlier; February 29 → February 28. */
export function oneYearBefore(iso: string): string {
  const y = Number(iso.slice(0, 4)) - 1;
  const md = iso.slice(5);
  if (md === '02-29' && !isLeapYear(y)) return `${y}-02-28`;
  return `${y}-${md}`;
}

/**
 * What met a deadline: the date the continuance stands approved (`on`) and the date of the earliest
 * vote it needs (`earliest`; the same date for a single vote). Agreement FOURTEENTH (a)(ii) and (b)
 * take two votes — the Portfolio's shareholders and the Dis-interested Trustees — and both must
 * fall in the year of the deadline they meet.
 */
export interface ContinuanceEvidence {
  readonly on: string;
  readonly earliest: string;
}

export interface ContinuancePeriodOf<E> {
  readonly deadline: string;
  readonly metBy: E | null;
  /** what the deadline is counted from */
  readonly countedFrom: DeadlineCountedFrom;
}

export interface ContinuanceStatusOf<E> {
  readonly status: 'in force' | 'lapsed';
  readonly periods: readonly ContinuancePeriodOf<E>[];
  readonly nextDeadline: string | null;
  readonly endsOn: string | null;
}

/**
 * The continuance record of one instrument as of a date, from its first deadline and the dates of
 * its continuance approvals (each an approval that met the board's requirements).
 * @example
 * continuanceAsOf('2003-06-30', ['2003-06-12', '2004-06-10'], '2005-08-01').endsOn === '2005-07-01'
 */
export function continuanceAsOf(
  firstDeadline: string,
  approvalDates: readonly string[],
  asOf: string,
  basis: ContinuanceBasis = DEFAULT_CONTINUANCE_BASIS,
  until: string | null = null,
): ContinuanceStatus {
  const s = continuanceByEvidence(
    firstDeadline,
    approvalDates.map((d) => ({ on: d, earliest: d })),
    asOf,
    basis,
    until,
  );
  return { ...s, periods: s.periods.map((p) => ({ deadline: p.deadline, metBy: p.metBy?.on ?? null })) };
}

/**
 * The same from evidence that may take two votes: a deadline is met by evidence whose votes all
 * fall after the window's start and on or before the deadline; of several, the latest `on` counts
 * (ties: the first listed). `until`: the day an Amended and Restated instrument supersedes this
 * one (supersededInstruments.ts), or null — a deadline on or after it needs no continuance (the
 * instrument no longer governs), so the record stops before it; a deadline missed before it is
 * still a lapse.
 * @example
 * // shareholders 2005-06-01, Dis-interested Trustees 2005-06-09: meets 2005-06-30
 * continuanceByEvidence('2004-06-30', [{ on: '2004-06-10', earliest: '2004-06-10' }, { on: '2005-06-09', earliest: '2005-06-01' }], '2005-08-01').status === 'in force'
 */
export function continuanceByEvidence<E extends ContinuanceEvidence>(
  firstDeadline: string,
  evidence: readonly E[],
  asOf: string,
  basis: ContinuanceBasis = DEFAULT_CONTINUANCE_BASIS,
  until: string | null = null,
): ContinuanceStatusOf<E> {
  const sorted = evidence
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : b.i - a.i))
    .map((x) => x.e);
  const periods: ContinuancePeriodOf<E>[] = [];
  let deadline = firstDeadline;
  // A deadline is met by an approval after the previous deadline (year by year) or after the
  // approval that met it (twelve months), and on or before it: each approval meets one deadline.
  // The first deadline is met only by an approval in the year before it: "at least annually"
  // (Plan §7, FOURTEENTH; Rule 12b-1(b)(3)(i)) — an approval of 1993, or the instrument's own
  // approval more than a year before its first deadline, cannot carry it past that deadline.
  let windowStart = oneYearBefore(firstDeadline);
  // year by year, every deadline is counted from the first (the anchor), never from the previous
  // one, so a Feb 29 anchor comes back on Feb 29 in each leap year; twelve months after an approval,
  // from that approval
  let anchor = firstDeadline;
  let years = 0;
  let countedFrom: DeadlineCountedFrom = { kind: 'first' };
  // Bounded: one period per year between the first deadline and asOf.
  for (let guard = 0; guard < 400; guard++) {
    const start = windowStart;
    // superseded from `until`: no deadline from then on, none ahead
    if (until !== null && deadline >= until)
      return { status: 'in force', periods, nextDeadline: null, endsOn: null };
    const met = sorted.findLast((a) => a.earliest > start && a.on <= deadline) ?? null;
    if (deadline >= asOf) {
      // not yet due: an approval already given for it is shown
      periods.push({ deadline, metBy: met !== null && met.on <= asOf ? met : null, countedFrom });
      return { status: 'in force', periods, nextDeadline: deadline, endsOn: null };
    }
    periods.push({ deadline, metBy: met, countedFrom });
    if (met === null) return { status: 'lapsed', periods, nextDeadline: null, endsOn: addDays(deadline, 1) };
    windowStart = basis === 'year-by-year' ? deadline : met.on;
    if (basis === 'year-by-year') years += 1;
    else {
      anchor = met.on;
      years = 1;
    }
    deadline = yearsAfter(anchor, years);
    countedFrom =
      basis === 'year-by-year'
        ? { kind: 'anniversary', from: firstDeadline, years }
        : { kind: 'last-approval', from: met.on };
  }
  throw new RangeError(`continuance of ${firstDeadline} runs past ${asOf} by more than 400 years`);
}
