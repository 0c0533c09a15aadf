import type { Problem } from '../errors.js';

/**
 * Transfer-agent accounts holding Class B shares, each flagged omnibus or not with its dealer of
 * record (Exhibit A 1. Omnibus Account). A statement for a known account updates its flag and
 * dealer; the omnibus flag of an account whose activity a closed month counted cannot change:
 * Exhibit A 2(b)/(c) attribute its Free Shares by that flag (SPEC §12). Pure.
 */
export interface ClassBAccountStatement {
  readonly account: string;
  readonly omnibus: boolean;
  readonly dealer_of_record: string | null;
}
export interface ClassBAccount {
  readonly account: string;
  readonly omnibus: boolean;
  readonly dealerOfRecord: string | null;
}
type Stated = { readonly line: number; readonly row: ClassBAccountStatement };

/** One statement per account. */
export function classBAccountStatementProblems(rows: readonly Stated[], file: string): Problem[] {
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

/**
 * Each statement against the recorded account: new, unchanged, updated — or refused when it flips
 * the omnibus flag of an account with activity in or before `latestClosed`.
 */
export function planClassBAccounts(
  file: string,
  rows: readonly Stated[],
  recorded: ReadonlyMap<string, ClassBAccount>,
  closedActivity: ReadonlySet<string>,
  latestClosed: string | null,
): {
  changes: (ClassBAccount & { line: number; kind: 'new' | 'restated' })[];
  unchanged: number;
  problems: Problem[];
} {
  const changes: (ClassBAccount & { line: number; kind: 'new' | 'restated' })[] = [];
  const problems: Problem[] = [];
  let unchanged = 0;
  for (const { line, row } of rows) {
    const e = recorded.get(row.account);
    const record = { account: row.account, omnibus: row.omnibus, dealerOfRecord: row.dealer_of_record };
    if (e === undefined) changes.push({ ...record, line, kind: 'new' });
    else if (e.omnibus === row.omnibus && e.dealerOfRecord === row.dealer_of_record) unchanged++;
    else if (e.omnibus !== row.omnibus && closedActivity.has(row.account))
      problems.push({
        code: 'REFUSED',
        file,
        line,
        field: 'omnibus',
        value: row.omnibus ? 'yes' : 'no',
        reason: `account ${row.account} has activity in or before ${latestClosed}, a closed month, whose sealed results attribute its Free Shares as ${e.omnibus ? 'an omnibus' : 'a non-omnibus'} account (Exhibit A 2(b)/(c)); its omnibus flag cannot change`,
      });
    else changes.push({ ...record, line, kind: 'restated' });
  }
  return { changes, unchanged, problems };
}
