import { addDays, monthEnd, monthOf } from '../calendar/isoDate.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import { LedgerRefusal } from '../class-b/ledgerRefusal.js';
import type { RedemptionResult } from '../class-b/ledgerResults.js';
import { compileMonthPass } from '../class-b/monthPass.js';
import type { ClassBLedgerState } from '../class-b/monthPassColumns.js';
import {
  type MonthPassDictionaries,
  monthRecordsOf,
  monthTransactionsOf,
} from '../class-b/monthPassRecords.js';
import {
  activityOfRows,
  type ClassBTransactionRow,
  type NewClassBTransaction,
} from '../store/classBRepository.js';
import { accountRowsInOrder, type RedemptionRewrite } from './classBLedgerReplay.js';

/**
 * `transactions import`'s holdings check by the month pass (issue 14 items 1–2): where a file's
 * new rows all fall in the month after the stored ledger's month end (a month's or a day's file),
 * a chunk of touched accounts is checked by one typed-array pass (monthPass.ts) over their stored
 * ledger columns, instead of an account-by-account replay of records. The record replay
 * (classBLedgerReplay.ts `replayNewTransactions`) stays the reference: the pass gives the same
 * redemptions (test/class-b/month-pass-matches-reference-ledger.test.ts), and where it refuses
 * anything the chunk is replayed by the records, which report every refusal on its line. Pure:
 * the caller reads the stored ledger and the recorded rows.
 */

/**
 * The month a file is checked in by the month pass: the month after `asOf` (the stored ledger's
 * month end the touched accounts resume from), when every new row is dated in it; else null
 * (no stored ledger, rows spanning months, a stored ledger older than the month before).
 * @example monthPassMonth('2025-11-30', ['2025-12-01', '2025-12-31']) // → '2025-12'
 * @example monthPassMonth('2025-10-31', ['2025-12-01']) // → null
 */
export function monthPassMonth(asOf: string | null, newRowDates: Iterable<string>): string | null {
  if (asOf === null || monthEnd(monthOf(asOf)) !== asOf) return null;
  const month = monthOf(addDays(asOf, 1));
  let any = false;
  for (const d of newRowDates) {
    if (monthOf(d) !== month) return null;
    any = true;
  }
  return any ? month : null;
}

/** Whether an account's recorded rows after the stored ledger all fall in the pass's month. */
export function recordedWithinMonth(rows: readonly ClassBTransactionRow[], month: string): boolean {
  return rows.every((r) => monthOf(r.date) === month);
}

/** A chunk of touched accounts as the month pass checks them. */
export interface MonthCheckChunk {
  readonly month: string;
  readonly terms: ClassBTerms;
  /** the stored ledger of the accounts checked, at the month end before `month`, ascending by key */
  readonly state: ClassBLedgerState;
  /** account key → account */
  readonly accountNames: ReadonlyMap<number, string>;
  /** the state's dictionaries (portfolios: the stored keys; txns and distributors: the chunk's) */
  readonly dictionaries: MonthPassDictionaries;
  /** each account's new rows, in file order */
  readonly fresh: ReadonlyMap<string, readonly NewClassBTransaction[]>;
  /** each account's recorded rows in `month` (other imports'), in order; most have none */
  readonly recorded: ReadonlyMap<string, readonly ClassBTransactionRow[]>;
}

export type MonthCheckOutcome =
  | {
      readonly kind: 'checked';
      readonly rewrites: RedemptionRewrite[];
      readonly redemptionsWritten: number;
      readonly accounts: number;
    }
  /**
   * The pass refused a transaction (LedgerRefusal: it stops at the first) or cannot apply the
   * chunk (RangeError: e.g. a conversion overdue in the stored ledger): the caller replays these
   * accounts by the records, as without the pass.
   */
  | { readonly kind: 'replay'; readonly reason: string };

/**
 * The chunk's month applied by the pass: the redemptions each account's new rows (and the month's
 * recorded rows) give, as {@link replayNewTransactions} would rewrite them — one rewrite per
 * account, from its first new row's date.
 */
export function checkChunkByMonthPass(c: MonthCheckChunk): MonthCheckOutcome {
  const acc = c.state.accounts;
  const keyOf = new Map<string, number>();
  for (const [k, name] of c.accountNames) keyOf.set(name, k);
  const byAccount: { account: string; activity: ReturnType<typeof activityOfRows> }[] = [];
  for (let a = 0; a < acc.count; a++) {
    const account = c.accountNames.get(acc.key[a]!)!;
    const fresh = c.fresh.get(account);
    if (fresh === undefined || fresh.length === 0)
      throw new RangeError(`account ${account} is in the chunk's ledger but has no new row`);
    byAccount.push({
      account,
      activity: activityOfRows(accountRowsInOrder(c.recorded.get(account) ?? [], fresh)),
    });
  }
  const d = c.dictionaries;
  const transactions = monthTransactionsOf(byAccount, d, (account) => keyOf.get(account)!);
  const pass = compileMonthPass({
    month: c.month,
    terms: c.terms,
    portfolioIds: d.portfolios.names,
    distributors: d.distributors.names,
    txnIdOf: (k) => d.txns.name(k),
  });
  let result: ReturnType<typeof pass.apply>;
  try {
    result = pass.apply(c.state, transactions);
  } catch (e) {
    if (e instanceof LedgerRefusal || e instanceof RangeError) return { kind: 'replay', reason: e.message };
    throw e;
  }
  const records = monthRecordsOf(result, { ...d, accounts: { name: (k) => c.accountNames.get(k)! } });
  const rewrites: RedemptionRewrite[] = [];
  let redemptionsWritten = 0;
  // in the order the record replay writes them (by name), so the rows land as they would
  for (const account of byAccount.map((x) => x.account).sort()) {
    const fresh = c.fresh.get(account)!;
    const from = fresh.reduce((m, r) => (r.date < m ? r.date : m), fresh[0]!.date);
    const redemptions: readonly RedemptionResult[] = records.get(account)?.redemptions ?? [];
    for (const r of redemptions) if (r.date >= from) redemptionsWritten++;
    rewrites.push({ account, from, redemptions });
  }
  return { kind: 'checked', rewrites, redemptionsWritten, accounts: byAccount.length };
}
