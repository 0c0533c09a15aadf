import { monthEnd } from '../calendar/isoDate.js';
import type { Problem } from '../errors.js';
import type { DecodedRow } from '../import/csvFeed.js';
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

type Row = DecodedRow<{ account: string; omnibus: boolean; dealer_of_record: string | null }>;

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

  fileRules: (rows, file) => duplicates(rows, file),

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
    const changes: AccountChange[] = [];
    const problems: Problem[] = [];
    let unchanged = 0;
    for (const { line, row } of rows) {
      const e = state.recorded.get(row.account);
      const record = { account: row.account, omnibus: row.omnibus, dealerOfRecord: row.dealer_of_record };
      if (e === undefined) changes.push({ ...record, line, datedOn: null, kind: 'new' });
      else if (e.omnibus === row.omnibus && e.dealerOfRecord === row.dealer_of_record) unchanged++;
      else if (e.omnibus !== row.omnibus && state.closedActivity.has(row.account))
        problems.push({
          code: 'REFUSED',
          file: ctx.file,
          line,
          field: 'omnibus',
          value: row.omnibus ? 'yes' : 'no',
          reason: `account ${row.account} has activity in or before ${ctx.closed.latest}, a closed month, whose sealed results attribute its Free Shares as ${e.omnibus ? 'an omnibus' : 'a non-omnibus'} account (Exhibit A 2(b)/(c)); its omnibus flag cannot change`,
        });
      else changes.push({ ...record, line, datedOn: null, kind: 'restated' });
    }
    return { changes, unchanged, problems, warnings: [] };
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

function duplicates(rows: readonly Row[], file: string): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  for (const { line, row } of rows) {
    const first = seen.get(row.account);
    if (first !== undefined)
      problems.push({
        file,
        line,
        field: 'account',
        value: row.account,
        reason: `account ${row.account} appears twice (first on line ${first})`,
      });
    else seen.set(row.account, line);
  }
  return problems;
}

/** `plan12b accounts import`: the accounts feed through the one import pipeline. */
export function importAccounts(db: Database, file: string, bytes: Uint8Array): Promise<AccountsImportResult> {
  return runFeedImport(db, accountsFeed, { file, bytes }, {} as FeedOptions);
}
