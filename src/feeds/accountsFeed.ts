import { monthEnd } from '../calendar/isoDate.js';
import { classBAccountStatementProblems, planClassBAccounts } from '../class-b/classBAccountRecords.js';
import { nameField, optionalField, yesNoField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { ImportPlan, PlannedChange } from '../import/importPlan.js';
import {
  accountsWithActivityThrough,
  type ClassBAccountRecord,
  recordedAccounts,
  upsertAccounts,
} from '../store/classBRepository.js';
import type { Database } from '../store/database.js';

/** `account,omnibus,dealer_of_record` (Exhibit A 1. Omnibus Account). */
export const ACCOUNTS_FEED_COLUMNS = {
  account: { type: nameField('account number') },
  omnibus: { type: yesNoField() },
  dealer_of_record: { type: optionalField(nameField('dealer of record')) },
} as const;
export const ACCOUNTS_COLUMNS = Object.keys(ACCOUNTS_FEED_COLUMNS);

interface AccountChange extends PlannedChange, ClassBAccountRecord {}

interface AccountsState {
  readonly recorded: ReadonlyMap<string, ClassBAccountRecord>;
  /** recorded accounts with activity in or before the latest closed month */
  readonly closedActivity: ReadonlySet<string>;
}

export interface AccountsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * The accounts feed: transfer-agent accounts holding Class B shares, each flagged omnibus or not
 * with its dealer of record. A row for a known account updates its flag and dealer; the omnibus
 * flag of an account whose activity a closed month counted cannot change (Exhibit A 2(b)/(c)
 * attribute its Free Shares by that flag).
 */
export const accountsFeed: FeedDefinition<
  typeof ACCOUNTS_FEED_COLUMNS,
  AccountsState,
  AccountChange,
  AccountsImportResult
> = {
  name: 'accounts',
  columns: ACCOUNTS_FEED_COLUMNS,
  closedMonthRule: 'refuse',

  fileRules: classBAccountStatementProblems,

  async load(tx, rows, ctx) {
    const recorded = await recordedAccounts(
      tx,
      rows.map((r) => r.row.account),
    );
    const flipped = rows.filter((r) => {
      const e = recorded.get(r.row.account);
      return e !== undefined && e.omnibus !== r.row.omnibus;
    });
    const closedActivity =
      ctx.closed.latest === null || flipped.length === 0
        ? new Set<string>()
        : await accountsWithActivityThrough(
            tx,
            flipped.map((r) => r.row.account),
            monthEnd(ctx.closed.latest),
          );
    return { recorded, closedActivity };
  },

  plan(rows, state, ctx): ImportPlan<AccountChange> {
    const planned = planClassBAccounts(
      ctx.file,
      rows,
      state.recorded,
      state.closedActivity,
      ctx.closed.latest,
    );
    return { ...planned, changes: planned.changes.map((c) => ({ ...c, datedOn: null })), warnings: [] };
  },

  apply: (tx, plan, _state, ctx) => upsertAccounts(tx, plan.changes, ctx.importId),

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

/** `plan12b accounts import`: the accounts feed through the one import pipeline. */
export function importAccounts(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: Pick<FeedOptions, 'onProgress'> = {},
): Promise<AccountsImportResult> {
  return runFeedImport(
    db,
    accountsFeed,
    { file, bytes },
    { ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) },
  );
}
