import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import { createDistributorTerm, type DistributorTerm, overlappingTerms } from '../class-b/distributorTerm.js';
import type { Problem } from '../errors.js';
import type { DecodedRow } from '../import/csvFeed.js';
import { isoDateField, nameField, optionalField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { ImportPlan, PlannedChange } from '../import/importPlan.js';
import type { Registry } from '../registry/registry.js';
import { hasTransactionsBetween } from '../store/classBRepository.js';
import type { ClosedPeriods } from '../store/closedPeriodsRepository.js';
import type { Database } from '../store/database.js';
import { appendDistributorTerms, loadDistributorTerms } from '../store/distributorTermsRepository.js';
import { loadRegistry } from '../store/registryStore.js';

/**
 * `portfolio,distributor,start,end[,assigned_to]` (Exhibit A 2(a)): `all` for every portfolio;
 * `assigned_to` names the distributor to which this one assigned its rights (Agreement NINETEENTH).
 */
export const DISTRIBUTORS_FEED_COLUMNS = {
  portfolio: { type: nameField('portfolio (or all)') },
  distributor: { type: nameField('distributor') },
  start: { type: isoDateField() },
  end: { type: optionalField(isoDateField()) },
  assigned_to: { type: optionalField(nameField('distributor')), optional: true },
} as const;
export const DISTRIBUTORS_COLUMNS = ['portfolio', 'distributor', 'start', 'end'] as const;
export const DISTRIBUTORS_OPTIONAL_COLUMN = 'assigned_to';

type Row = DecodedRow<{
  portfolio: string;
  distributor: string;
  start: string;
  end: string | null;
  assigned_to: string | null;
}>;

interface TermChange extends PlannedChange {
  readonly term: DistributorTerm;
  readonly portfolioName: string | null;
}

/** A term of the file against the one recorded under its key, and what the change would touch. */
interface Candidate {
  readonly line: number;
  readonly term: DistributorTerm;
  readonly portfolioName: string | null;
  readonly recorded: DistributorTerm | undefined;
  /** the dates whose distributor the change alters, when it alters something */
  readonly touches: { from: string; to: string | null } | null;
  /** whether recorded Class B activity in those dates was counted by a closed month */
  readonly closedActivity: boolean;
}

interface DistributorsState {
  readonly stored: readonly DistributorTerm[];
  readonly candidates: readonly Candidate[];
  readonly problems: readonly Problem[];
}

export interface DistributorsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

const keyOf = (t: DistributorTerm) => `${t.portfolioId ?? ''}|${t.distributor}|${t.start}`;
const later = (a: string | null, b: string | null) => (a === null || b === null ? null : a > b ? a : b);

/** The dates on which the distributor in force, or the holder of its rights, would change. */
function touchedDates(term: DistributorTerm, recorded: DistributorTerm | undefined) {
  if (recorded === undefined || recorded.rightsAssignedTo !== term.rightsAssignedTo)
    return { from: term.start, to: later(term.end, recorded?.end ?? term.end) };
  if (recorded.end === term.end) return null;
  // One end is later than the other (or open): the days between them change hands.
  const ends = [recorded.end, term.end].filter((e): e is string => e !== null).sort();
  return { from: addDays(ends[0]!, 1), to: ends.length === 2 ? ends[1]! : null };
}

/** The first closed month the dates reach, or null. */
function closedMonthIn(closed: ClosedPeriods, from: string, to: string | null): string | null {
  return (
    [...closed.months].sort().find((m) => monthEnd(m) >= from && (to === null || monthStart(m) <= to)) ?? null
  );
}

function resolve(file: string, rows: readonly Row[], registry: Registry) {
  const problems: Problem[] = [];
  const terms: { line: number; term: DistributorTerm; portfolioName: string | null }[] = [];
  for (const { line, row } of rows) {
    let portfolioId: string | null = null;
    if (row.portfolio.toLowerCase() !== 'all') {
      const pid = registry.identities.resolve(row.portfolio);
      if (pid === undefined) {
        problems.push({
          file,
          line,
          field: 'portfolio',
          value: row.portfolio,
          reason: `unknown portfolio ${JSON.stringify(row.portfolio)}; write all, or import the exhibit that lists it first`,
        });
        continue;
      }
      portfolioId = pid;
    }
    terms.push({
      line,
      portfolioName: portfolioId === null ? null : row.portfolio,
      term: createDistributorTerm({
        portfolioId,
        distributor: row.distributor,
        start: row.start,
        end: row.end,
        rightsAssignedTo: row.assigned_to,
      }),
    });
  }
  return { terms, problems };
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

/**
 * The distributors feed: who was the exclusive distributor of each portfolio's Class B shares (or
 * of all portfolios) and when (Exhibit A 2(a)); a term for one portfolio overrides one for all.
 * Terms are append-only records: a row for a recorded (portfolio, distributor, start) with another
 * end or assignment is recorded after it and replaces it. Two distributors at once for the same
 * portfolio are refused, and so is any change that would alter a closed month: the days it changes
 * fall in a closed month, or Class B shares issued in them were counted by one.
 */
export const distributorsFeed: FeedDefinition<
  typeof DISTRIBUTORS_FEED_COLUMNS,
  DistributorsState,
  TermChange,
  DistributorsImportResult
> = {
  name: 'distributors',
  columns: DISTRIBUTORS_FEED_COLUMNS,
  closedMonthRule: 'refuse',

  fileRules(rows, file) {
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
  },

  async load(tx, rows, ctx) {
    const registry = await loadRegistry(tx);
    const valid = rows.filter(
      ({ row }) => (row.end === null || row.end >= row.start) && row.assigned_to !== row.distributor,
    );
    const { terms, problems } = resolve(ctx.file, valid, registry);
    const stored = await loadDistributorTerms(tx);
    const storedByKey = new Map(stored.map((t) => [keyOf(t), t]));
    const latestEnd = ctx.closed.latest === null ? null : monthEnd(ctx.closed.latest);
    const candidates: Candidate[] = [];
    for (const t of terms) {
      const recorded = storedByKey.get(keyOf(t.term));
      const touches = touchedDates(t.term, recorded);
      const closedActivity =
        touches !== null &&
        latestEnd !== null &&
        touches.from <= latestEnd &&
        (await hasTransactionsBetween(
          tx,
          t.term.portfolioId,
          touches.from,
          touches.to === null || touches.to > latestEnd ? latestEnd : touches.to,
        ));
      candidates.push({ ...t, recorded, touches, closedActivity });
    }
    return { stored, candidates, problems };
  },

  plan(_rows, state, ctx): ImportPlan<TermChange> {
    const problems: Problem[] = [...state.problems];
    const changes: TermChange[] = [];
    const firstLine = new Map<string, number>();
    let unchanged = 0;
    for (const c of state.candidates) {
      const k = keyOf(c.term);
      const first = firstLine.get(k);
      if (first !== undefined) {
        problems.push({
          file: ctx.file,
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
      const field =
        c.recorded === undefined ? 'start' : c.recorded.end !== c.term.end ? 'end' : 'assigned_to';
      const month = closedMonthIn(ctx.closed, c.touches.from, c.touches.to);
      if (month !== null || c.closedActivity) {
        const what = `${c.recorded === undefined ? 'this term' : 'this change to the term'} of ${c.term.distributor} for ${c.portfolioName ?? 'all portfolios'} (${c.touches.from}..${c.touches.to ?? '(open)'})`;
        problems.push({
          code: 'REFUSED',
          file: ctx.file,
          line: c.line,
          field,
          value:
            (field === 'start' ? c.term.start : field === 'end' ? c.term.end : c.term.rightsAssignedTo) ?? '',
          reason:
            month !== null
              ? `${what} would change who distributed in ${month}, a closed month; a closed month is never edited`
              : `${what} would change whose Class B shares were counted in ${ctx.closed.latest}, a closed month (recorded activity falls in these dates); a closed month is never edited`,
        });
        continue;
      }
      changes.push({
        line: c.line,
        datedOn: null,
        kind: c.recorded === undefined ? 'new' : 'restated',
        term: c.term,
        portfolioName: c.portfolioName,
      });
    }
    const merged = new Map(state.stored.map((t) => [keyOf(t), t]));
    for (const c of changes) merged.set(keyOf(c.term), c.term);
    const overlap = overlappingTerms([...merged.values()]);
    if (overlap) {
      const [a, b] = overlap;
      problems.push({
        file: ctx.file,
        line: changes.find((c) => c.term === b || c.term === a)?.line ?? 1,
        field: 'start',
        reason: `${a.distributor} (from ${a.start}${a.end ? ` to ${a.end}` : ''}) and ${b.distributor} (from ${b.start}) would both be exclusive distributor of ${a.portfolioId ?? 'all portfolios'}; end the first term before the second starts`,
      });
    }
    const circle = assignmentCircle([...merged.values()]);
    if (circle !== null)
      problems.push({
        file: ctx.file,
        line: changes.find((c) => c.term.rightsAssignedTo !== null)?.line ?? 1,
        field: DISTRIBUTORS_OPTIONAL_COLUMN,
        reason: `assignments of rights run in a circle through ${circle}`,
      });
    return { changes, unchanged, problems, warnings: [] };
  },

  apply: (tx, plan, _state, ctx) => appendDistributorTerms(tx, plan.changes, ctx.importId, ctx.actor),

  result(plan, _state, ctx) {
    const updated = plan.changes.filter((c) => c.kind === 'restated').length;
    return {
      file: ctx.file,
      rows: ctx.rows,
      inserted: plan.changes.length - updated,
      updated,
      unchanged: plan.unchanged,
    };
  },
};

/** `plan12b distributors import`: the distributors feed through the one import pipeline. */
export function importDistributors(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<DistributorsImportResult> {
  return runFeedImport(db, distributorsFeed, { file, bytes }, {} as FeedOptions);
}
