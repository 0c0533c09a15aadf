import { monthEnd } from '../calendar/isoDate.js';
import { distributorNameSpellingProblems } from '../class-b/distributorNameSpelling.js';
import { createDistributorTerm, type DistributorTerm } from '../class-b/distributorTerm.js';
import {
  type DistributorTermCandidate,
  type DistributorTermChange,
  distributorTermKey,
  distributorTermStatementProblems,
  planDistributorTerms,
  touchedDates,
} from '../class-b/distributorTermChanges.js';
import type { Problem } from '../errors.js';
import type { DecodedRow } from '../import/csvFeed.js';
import { isoDateField, nameField, optionalField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { PlannedChange } from '../import/importPlan.js';
import { portfolioOrAll } from '../registry/portfolioOrAll.js';
import { hasTransactionsBetween } from '../store/classBRepository.js';
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

type TermChange = PlannedChange & DistributorTermChange;

interface DistributorsState {
  readonly stored: readonly DistributorTerm[];
  readonly candidates: readonly DistributorTermCandidate[];
  readonly problems: readonly Problem[];
}

export interface DistributorsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * The distributors feed: who was the exclusive distributor of each portfolio's Class B shares (or
 * of all portfolios) and when (Exhibit A 2(a)); a term for one portfolio overrides one for all.
 * Its terms are append-only records, planned by `planDistributorTerms` (src/class-b).
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
  fileRules: (rows, file) => distributorTermStatementProblems(rows as readonly Row[], file),

  async load(tx, rows, ctx) {
    const registry = await loadRegistry(tx);
    const stored = await loadDistributorTerms(tx);
    const storedByKey = new Map(stored.map((t) => [distributorTermKey(t), t]));
    const latestEnd = ctx.closed.latest === null ? null : monthEnd(ctx.closed.latest);
    const problems: Problem[] = distributorNameSpellingProblems(rows, stored, ctx.file);
    const candidates: DistributorTermCandidate[] = [];
    for (const { line, row } of rows) {
      if ((row.end !== null && row.end < row.start) || row.assigned_to === row.distributor) continue;
      const p = portfolioOrAll(registry, row.portfolio, row.start);
      if ('problem' in p) {
        problems.push({ file: ctx.file, line, field: 'portfolio', value: row.portfolio, reason: p.problem });
        continue;
      }
      const term = createDistributorTerm({
        portfolioId: p.id,
        distributor: row.distributor,
        start: row.start,
        end: row.end,
        rightsAssignedTo: row.assigned_to,
      });
      const recorded = storedByKey.get(distributorTermKey(term));
      const touches = touchedDates(term, recorded);
      const closedActivity =
        touches !== null &&
        latestEnd !== null &&
        touches.from <= latestEnd &&
        (await hasTransactionsBetween(
          tx,
          term.portfolioId,
          touches.from,
          touches.to === null || touches.to > latestEnd ? latestEnd : touches.to,
        ));
      const portfolioName = p.id === null ? null : row.portfolio;
      candidates.push({ line, term, portfolioName, recorded, touches, closedActivity });
    }
    return { stored, candidates, problems };
  },

  plan(_rows, state, ctx) {
    const planned = planDistributorTerms(ctx.file, state.candidates, state.stored, ctx.closed);
    const changes = planned.changes.map((c) => ({ ...c, datedOn: null }));
    return {
      changes,
      unchanged: planned.unchanged,
      problems: [...state.problems, ...planned.problems],
      warnings: [],
    };
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
  opts: Pick<FeedOptions, 'onProgress'> = {},
): Promise<DistributorsImportResult> {
  return runFeedImport(
    db,
    distributorsFeed,
    { file, bytes },
    { ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) },
  );
}
