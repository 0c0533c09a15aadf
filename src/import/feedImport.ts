import { basename } from 'node:path';
import { sha256 } from '../audit/auditChain.js';
import { monthOf } from '../calendar/isoDate.js';
import { faultPoint } from '../close/faultPoint.js';
import { type Problem, ProblemsError, problemsCode } from '../errors.js';
import { compareNames } from '../registry/nameOrder.js';
import { currentActor } from '../store/actor.js';
import { appendAudit } from '../store/auditLog.js';
import { type ClosedPeriods, loadClosedPeriods } from '../store/closedPeriodsRepository.js';
import type { Database, Queryable } from '../store/database.js';
import { recordFeedImport, setFeedImportAuditSeq } from '../store/feedImport.js';
import { withdrawnInstruments } from '../store/withdrawnDocumentRegistry.js';
import {
  type DecodedRow,
  decodeCsvFeedInto,
  type FeedColumns,
  type FeedRowOf,
  type RowGathererOf,
  rowArray,
} from './csvFeed.js';
import type { ClosedMonthRule, ImportPlan, PlannedChange, PlannedChanges } from './importPlan.js';
import { withdrawnInstrumentHint } from './withdrawnInstrumentHint.js';

/**
 * How far a long import has got (SPEC §11: long work shows a progress bar on a terminal), told
 * a slice or a chunk at a time, never a row at a time: `done` of `total` in this phase. The CLI
 * renders it; the pipeline and the feeds only call it.
 */
export interface FeedProgress {
  /** `ledgers`: the touched accounts whose ledgers are replayed, a chunk at a time (transactions) */
  readonly phase: 'reading' | 'checking' | 'writing' | 'ledgers';
  readonly done: number;
  readonly total: number;
}
export type FeedProgressListener = (progress: FeedProgress) => void;

/** Options every feed import takes; a feed may add its own. */
export interface FeedOptions {
  /** told how far the import has got (the CLI's progress bar on a terminal); optional */
  readonly onProgress?: FeedProgressListener;
  /** accept rows that change recorded values, recording each as a restatement */
  readonly restate?: boolean;
  /** records decoded at a time (default `DECODE_SLICE_RECORDS`, csvFeed.ts; smaller in tests) */
  readonly decodeSliceRecords?: number;
}

export interface PlanContext<O extends FeedOptions> {
  readonly file: string;
  /**
   * Some rows of the file failed to decode and are not among the rows given: the plan still
   * reports its own problems with the other rows, but skips checks that need every row (gaps).
   */
  readonly incomplete: boolean;
  readonly options: O;
  readonly closed: ClosedPeriods;
}

export interface ApplyContext<O extends FeedOptions> extends PlanContext<O> {
  /** the feed_import row the written rows carry */
  readonly importId: number;
  readonly actor: string;
}

export interface ResultContext<O extends FeedOptions> extends PlanContext<O> {
  readonly rows: number;
  /** false when the file changed nothing (and so left no trace) */
  readonly written: boolean;
}

/**
 * A feed, declared (SPEC §12; issue 9): its columns and their types, its rules across the rows of
 * a file, and the pure plan that decides every change against what is recorded. The pipeline
 * does the rest the same way for every feed. `In`: the decoded rows as the feed holds them (an
 * array unless it gathers them itself); `L`: its plan's changes (an array unless it says otherwise).
 */
export interface FeedDefinition<
  C extends FeedColumns,
  S,
  Ch extends PlannedChange,
  R,
  O extends FeedOptions = FeedOptions,
  In = readonly DecodedRow<FeedRowOf<C>>[],
  L extends PlannedChanges<Ch> = readonly Ch[],
> {
  /** the feed's name; its audit action is `<name>.import` */
  readonly name: string;
  readonly columns: C;
  readonly closedMonthRule: ClosedMonthRule;
  /**
   * the decoded rows gathered a slice at a time into the feed's own form (issue 14: a month's
   * million rows never held as objects at once); without it, an array of the rows
   */
  gather?: RowGathererOf<FeedRowOf<C>, In>;
  /** rules across the rows of one file (duplicates, pairs): pure */
  fileRules?(rows: In, file: string): Problem[];
  /** reads what is recorded that the rows touch, through the repositories */
  load(tx: Queryable, rows: In, ctx: PlanContext<O>): Promise<S>;
  /** decides every change: pure */
  plan(rows: In, state: S, ctx: PlanContext<O>): ImportPlan<Ch, L>;
  /** writes the changes through the repositories */
  apply(tx: Queryable, plan: ImportPlan<Ch, L>, state: S, ctx: ApplyContext<O>): Promise<void>;
  /** what the command reports */
  result(plan: ImportPlan<Ch, L>, state: S, ctx: ResultContext<O>): R;
  /** what to do about a conflict, where `--restate` does not apply (recorded rows never edited) */
  readonly conflictHint?: string;
  /** what the audit record says beyond the counts (optional) */
  auditDetail?(plan: ImportPlan<Ch, L>): string;
}

export interface FeedInput {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** The changes of a plan that a closed month refuses, as problems (one place for every feed). */
export function closedMonthProblems(
  file: string,
  changes: Iterable<PlannedChange>,
  closed: ClosedPeriods,
  rule: ClosedMonthRule,
): Problem[] {
  const problems: Problem[] = [];
  for (const c of changes) {
    if (c.datedOn === null) continue;
    const month =
      rule === 'refuse-through-latest' && closed.latest !== null && monthOf(c.datedOn) <= closed.latest
        ? closed.latest
        : closed.closedMonthOf(c.datedOn);
    if (month === null) continue;
    if (rule === 'restatements-adjust' && c.kind === 'restated') continue;
    problems.push({
      code: 'REFUSED',
      file,
      line: c.line,
      field: c.dateField ?? 'date',
      value: c.datedOn,
      reason:
        rule === 'restatements-adjust'
          ? `${month} is closed; nothing can be added to it (a correction of a recorded value is imported with --restate and becomes a prior-period adjustment)`
          : `${month} is closed; a change dated ${c.datedOn} would alter its sealed results (date it in an open month)`,
    });
  }
  return problems;
}

/**
 * The one door for every feed (SPEC §12): decode → check → plan → apply, in one transaction under
 * the writer lock, writing one audit record with the actor. A bad file fails whole with every
 * problem; an unchanged file changes nothing and leaves no trace.
 */
export async function runFeedImport<
  C extends FeedColumns,
  S,
  Ch extends PlannedChange,
  R,
  O extends FeedOptions,
  In,
  L extends PlannedChanges<Ch>,
>(db: Database, feed: FeedDefinition<C, S, Ch, R, O, In, L>, input: FeedInput, options: O): Promise<R> {
  const { file, bytes } = input;
  const progress = options.onProgress ?? (() => {});
  // Decode (pure): every cell against its type, then the rules across rows. A feed that does not
  // gather its rows itself has them as an array (`In` is then that array's type).
  const gather = feed.gather ?? (rowArray as unknown as RowGathererOf<FeedRowOf<C>, In>);
  const decoded = decodeCsvFeedInto(
    file,
    bytes,
    feed.columns,
    gather,
    options.decodeSliceRecords,
    options.onProgress &&
      ((read, records) => progress({ phase: 'reading', done: Math.max(read - 1, 0), total: records - 1 })),
  );
  const decodeProblems = [...decoded.problems, ...(feed.fileRules?.(decoded.gathered, file) ?? [])];
  const rowCount = decoded.rows;
  progress({ phase: 'reading', done: rowCount, total: rowCount });
  // Let go of the decoded rows once planned: what a feed writes is in its plan (issue 14: a month
  // of a million rows held twice over).
  let rows: In | null = decoded.gathered;

  return db.withWriterLock(() =>
    db.transaction(async (tx) => {
      const closed = await loadClosedPeriods(tx);
      // Checked against what is recorded even when some rows are bad, so that one run lists
      // every problem of the file.
      const ctx: PlanContext<O> = { file, options, closed, incomplete: decodeProblems.length > 0 };
      progress({ phase: 'checking', done: 0, total: rowCount });
      const state = await feed.load(tx, rows!, ctx);
      const plan = feed.plan(rows!, state, ctx);
      rows = null;
      progress({ phase: 'checking', done: rowCount, total: rowCount });
      const refused = [
        ...decodeProblems,
        ...plan.problems,
        ...closedMonthProblems(file, plan.changes, closed, feed.closedMonthRule),
      ];
      if (refused.length > 0) {
        const code = problemsCode(refused);
        const hint =
          code === 'CONFLICT'
            ? feed.conflictHint
            : code === 'BAD_INPUT'
              ? await withdrawalExplains(tx, refused)
              : undefined;
        throw new ProblemsError(sortProblems(refused), hint);
      }
      const resultCtx = { ...ctx, rows: rowCount };
      if (plan.changes.length === 0) return feed.result(plan, state, { ...resultCtx, written: false });

      const actor = currentActor();
      let restated = 0;
      for (const c of plan.changes) if (c.kind === 'restated') restated++;
      const importId = await recordFeedImport(tx, {
        feed: feed.name,
        file,
        bytes,
        rows: rowCount,
        inserted: plan.changes.length - restated,
        restated,
      });
      progress({ phase: 'writing', done: 0, total: plan.changes.length });
      await feed.apply(tx, plan, state, { ...ctx, importId, actor });
      progress({ phase: 'writing', done: plan.changes.length, total: plan.changes.length });
      await faultPoint(`import:${feed.name}`);
      const record = await appendAudit(tx, {
        action: restated > 0 ? `${feed.name}.restate` : `${feed.name}.import`,
        subject: basename(file),
        contentHash: sha256(bytes),
        detail: [
          `import ${importId}: ${plan.changes.length - restated} new, ${restated} restated, ${plan.unchanged} unchanged`,
          feed.auditDetail?.(plan),
        ]
          .filter(Boolean)
          .join('; '),
      });
      // The import names its audit record, so that a deleted record is found by `audit verify`.
      await setFeedImportAuditSeq(tx, importId, record.seq);
      return feed.result(plan, state, { ...resultCtx, written: true });
    }),
  );
}

/**
 * The next step of a file refused for rows naming a class or a document that only a withdrawn
 * exhibit covered (src/import/withdrawnInstrumentHint.ts); undefined — the usual "fix the file" —
 * otherwise. Read only when a row names an unknown class or document.
 */
async function withdrawalExplains(tx: Queryable, problems: readonly Problem[]): Promise<string | undefined> {
  if (!problems.some((p) => p.field === 'class' || p.field === 'document')) return undefined;
  return withdrawnInstrumentHint(problems, await withdrawnInstruments(tx));
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => compareNames(a.file, b.file) || a.line - b.line);
}
