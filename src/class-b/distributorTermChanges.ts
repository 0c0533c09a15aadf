import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import type { Problem } from '../errors.js';
import { type DistributorTerm, overlappingTerms } from './distributorTerm.js';

/**
 * Changes to the distributor terms (Exhibit A 2(a); Agreement NINETEENTH), planned without I/O.
 * Terms are append-only records: a term for a recorded (portfolio, distributor, start) with
 * another end or assignment is recorded after it and replaces it. Two exclusive distributors of
 * one portfolio at once are refused, and so is any change that would alter a closed month (SPEC
 * §12): the days it changes fall in a closed month, or Class B shares issued in them were counted
 * by one.
 */

/** A term as stated: its dates, and whom its distributor assigned its rights to. */
export interface DistributorTermStatement {
  readonly distributor: string;
  readonly start: string;
  readonly end: string | null;
  readonly assigned_to: string | null;
}

/** A stated term against itself: it ends on or after it starts; no one assigns rights to itself. */
export function distributorTermStatementProblems(
  rows: readonly { line: number; row: DistributorTermStatement }[],
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const { line, row } of rows) {
    if (row.end !== null && row.end < row.start)
      problems.push({
        file,
        line,
        field: 'end',
        value: row.end,
        reason: `the term ends (${row.end}) before it starts (${row.start})`,
      });
    if (row.assigned_to !== null && row.assigned_to === row.distributor)
      problems.push({
        file,
        line,
        field: 'assigned_to',
        value: row.assigned_to,
        reason: `${row.distributor} cannot assign its rights to itself`,
      });
  }
  return problems;
}

export const distributorTermKey = (t: DistributorTerm) =>
  `${t.portfolioId ?? ''}|${t.distributor}|${t.start}`;
const later = (a: string | null, b: string | null) => (a === null || b === null ? null : a > b ? a : b);

/** The dates on which the distributor in force, or the holder of its rights, would change; null: none. */
export function touchedDates(
  term: DistributorTerm,
  recorded: DistributorTerm | undefined,
): { from: string; to: string | null } | null {
  if (recorded === undefined || recorded.rightsAssignedTo !== term.rightsAssignedTo)
    return { from: term.start, to: later(term.end, recorded?.end ?? term.end) };
  if (recorded.end === term.end) return null;
  // One end is later than the other (or open): the days between them change hands.
  const ends = [recorded.end, term.end].filter((e): e is string => e !== null).sort();
  return { from: addDays(ends[0]!, 1), to: ends.length === 2 ? ends[1]! : null };
}

/** The first closed month the dates reach, or null. */
function closedMonthIn(months: ReadonlySet<string>, from: string, to: string | null): string | null {
  return [...months].sort().find((m) => monthEnd(m) >= from && (to === null || monthStart(m) <= to)) ?? null;
}

/** A chain of assignments of rights that comes back to where it started. */
function assignmentCircle(terms: readonly DistributorTerm[]): string | null {
  const to = new Map<string, string>();
  for (const t of terms) if (t.rightsAssignedTo !== null) to.set(t.distributor, t.rightsAssignedTo);
  for (const start of to.keys()) {
    const seen = new Set([start]);
    for (let next = to.get(start); next !== undefined; next = to.get(next)) {
      if (seen.has(next)) return next;
      seen.add(next);
    }
  }
  return null;
}

/** A term of the file against the one recorded under its key, and what the change would touch. */
export interface DistributorTermCandidate {
  readonly line: number;
  readonly term: DistributorTerm;
  readonly portfolioName: string | null;
  readonly recorded: DistributorTerm | undefined;
  /** the dates whose distributor the change alters, when it alters something */
  readonly touches: { from: string; to: string | null } | null;
  /** whether recorded Class B activity in those dates was counted by a closed month */
  readonly closedActivity: boolean;
}

export interface DistributorTermChange {
  readonly line: number;
  readonly kind: 'new' | 'restated';
  readonly term: DistributorTerm;
  readonly portfolioName: string | null;
}

/** Decides each candidate: unchanged, appended (new or replacing), or refused — and why. */
export function planDistributorTerms(
  file: string,
  candidates: readonly DistributorTermCandidate[],
  stored: readonly DistributorTerm[],
  closed: { readonly months: ReadonlySet<string>; readonly latest: string | null },
): { changes: DistributorTermChange[]; unchanged: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const changes: DistributorTermChange[] = [];
  const firstLine = new Map<string, number>();
  let unchanged = 0;
  for (const c of candidates) {
    const k = distributorTermKey(c.term);
    const first = firstLine.get(k);
    if (first !== undefined) {
      problems.push({
        file,
        line: c.line,
        field: 'start',
        value: c.term.start,
        reason: `the same term appears on line ${first}`,
      });
      continue;
    }
    firstLine.set(k, c.line);
    if (c.touches === null) {
      unchanged++;
      continue;
    }
    const field = c.recorded === undefined ? 'start' : c.recorded.end !== c.term.end ? 'end' : 'assigned_to';
    const month = closedMonthIn(closed.months, c.touches.from, c.touches.to);
    if (month !== null || c.closedActivity) {
      const what = `${c.recorded === undefined ? 'this term' : 'this change to the term'} of ${c.term.distributor} for ${c.portfolioName ?? 'all portfolios'} (${c.touches.from}..${c.touches.to ?? '(open)'})`;
      problems.push({
        code: 'REFUSED',
        file,
        line: c.line,
        field,
        value:
          (field === 'start' ? c.term.start : field === 'end' ? c.term.end : c.term.rightsAssignedTo) ?? '',
        reason:
          month !== null
            ? `${what} would change who distributed in ${month}, a closed month; a closed month is never edited`
            : `${what} would change whose Class B shares were counted in ${closed.latest}, a closed month (recorded activity falls in these dates); a closed month is never edited`,
      });
      continue;
    }
    const kind = c.recorded === undefined ? 'new' : 'restated';
    changes.push({ line: c.line, kind, term: c.term, portfolioName: c.portfolioName });
  }
  const merged = new Map(stored.map((t) => [distributorTermKey(t), t]));
  for (const c of changes) merged.set(distributorTermKey(c.term), c.term);
  const overlap = overlappingTerms([...merged.values()]);
  if (overlap) {
    const [a, b] = overlap;
    problems.push({
      file,
      line: changes.find((c) => c.term === b || c.term === a)?.line ?? 1,
      field: 'start',
      reason: `${a.distributor} (from ${a.start}${a.end ? ` to ${a.end}` : ''}) and ${b.distributor} (from ${b.start}) would both be exclusive distributor of ${a.portfolioId ?? 'all portfolios'}; end the first term before the second starts`,
    });
  }
  const circle = assignmentCircle([...merged.values()]);
  if (circle !== null)
    problems.push({
      file,
      line: changes.find((c) => c.term.rightsAssignedTo !== null)?.line ?? 1,
      field: 'assigned_to',
      reason: `assignments of rights run in a circle through ${circle}`,
    });
  return { changes, unchanged, problems };
}
