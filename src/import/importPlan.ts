import type { Problem } from '../errors.js';

/**
 * What an import would do, decided before anything is written (the pure "plan" step of the
 * pipeline): each change is new or a restatement of a recorded value, and says the date it is
 * dated on, so that closed months are enforced in one place for every feed.
 */
export interface PlannedChange {
  /** the line of the input the change comes from */
  readonly line: number;
  /** the business date the change is dated on, or null for undated master data */
  readonly datedOn: string | null;
  /** the column that date comes from, named by a closed-month refusal (default `date`) */
  readonly dateField?: string;
  readonly kind: 'new' | 'restated';
}

/**
 * A plan's changes: an array, or a feed's leaner form of them (the transactions feed holds a
 * month's million rows as columns, issue 14) that the pipeline can count and walk.
 */
export interface PlannedChanges<C> extends Iterable<C> {
  readonly length: number;
}

export interface ImportPlan<C extends PlannedChange, L extends PlannedChanges<C> = readonly C[]> {
  readonly changes: L;
  readonly unchanged: number;
  /** conflicts with recorded data (CONFLICT) and refusals by a plan rule (REFUSED) */
  readonly problems: readonly Problem[];
  readonly warnings: readonly string[];
}

/**
 * How a feed's changes meet a closed month. `refuse`: every change dated in a closed month is
 * refused. `restatements-adjust`: a new row is refused, but a restatement of a recorded value is
 * accepted and becomes a prior-period adjustment of the next open month (SPEC §12).
 * `refuse-through-latest`: the change governs every day from its date on (a Transfer, an omnibus
 * month carried into the next), so a change dated in or before the latest closed month is refused.
 */
export type ClosedMonthRule = 'refuse' | 'restatements-adjust' | 'refuse-through-latest';

/**
 * The result every keyed feed reports: the file, its rows, how many were new, how many changed
 * nothing, and each restatement as `restated(change)` shows it.
 */
export function keyedImportResult<C extends PlannedChange, R>(
  plan: ImportPlan<C>,
  ctx: { readonly file: string; readonly rows: number },
  restated: (change: C) => R,
): { file: string; rows: number; inserted: number; unchanged: number; restated: R[] } {
  return {
    file: ctx.file,
    rows: ctx.rows,
    inserted: plan.changes.filter((c) => c.kind === 'new').length,
    unchanged: plan.unchanged,
    restated: plan.changes.filter((c) => c.kind === 'restated').map(restated),
  };
}
