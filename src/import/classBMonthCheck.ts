import { addDays, monthEnd, monthOf, toDayNumber } from '../calendar/isoDate.js';
import { isCdscWaiver } from '../class-b/cdscWaiver.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import { CLASS_B_TRANSACTION_TYPES } from '../class-b/classBTransactionRules.js';
import { LedgerRefusal } from '../class-b/ledgerRefusal.js';
import { compileMonthPassFor } from '../class-b/monthPass.js';
import {
  type ClassBLedgerState,
  finishedMonthTransactions,
  type MonthTransactionColumns,
  monthTransactionsBuilder,
  NO_DAY,
  TXN_CONVERT,
  TXN_EXCHANGE,
  TXN_PURCHASE,
  TXN_REDEEM,
  TXN_REINVEST,
  waiverCode,
} from '../class-b/monthPassColumns.js';
import {
  type MonthPassDictionaries,
  type PassRedemptionsToStore,
  redemptionRowsByAccount,
} from '../class-b/monthPassRecords.js';
import { parsePriceUnits } from '../class-b/pricePerShare.js';
import { parseShareUnits } from '../class-b/shareUnits.js';
import type { ClassBTransactionRow, NewClassBTransaction } from '../store/classBRepository.js';
import type { TransactionColumns } from './transactionColumns.js';

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

/** What is known of each of a chunk's accounts, by name (a map will do). */
export interface AccountLookup<T> {
  get(account: string): T | undefined;
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
  /** each account's new rows, in file order: records, or the file's columns */
  readonly fresh: AccountLookup<FreshRows>;
  /** each account's recorded rows in `month` (other imports'), in order; most have none */
  readonly recorded: ReadonlyMap<string, readonly ClassBTransactionRow[]>;
}

export type MonthCheckOutcome =
  | {
      readonly kind: 'checked';
      /** the chunk's redemptions to store, as the pass's columns (by account name) */
      readonly store: PassRedemptionsToStore;
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
 * recorded rows) give, as {@link replayNewTransactions} would rewrite them — each account's from
 * its first new row's date — left in the pass's columns for the store to write.
 */
export function checkChunkByMonthPass(c: MonthCheckChunk): MonthCheckOutcome {
  const acc = c.state.accounts;
  const byAccount: MonthRowsOfAccount[] = [];
  for (let a = 0; a < acc.count; a++) {
    const account = c.accountNames.get(acc.key[a]!)!;
    const fresh = c.fresh.get(account);
    if (fresh === undefined || freshCount(fresh) === 0)
      throw new RangeError(`account ${account} is in the chunk's ledger but has no new row`);
    byAccount.push({ account, key: acc.key[a]!, recorded: c.recorded.get(account) ?? [], fresh });
  }
  const d = c.dictionaries;
  const transactions = monthColumnsOfRows(byAccount, d);
  const pass = compileMonthPassFor(c.month, c.terms, d);
  let result: ReturnType<typeof pass.apply>;
  try {
    result = pass.apply(c.state, transactions);
  } catch (e) {
    if (e instanceof LedgerRefusal || e instanceof RangeError) return { kind: 'replay', reason: e.message };
    throw e;
  }
  // each account's redemptions from its first new row's date, in the order the record replay
  // writes them (by name, code unit order), so the rows land as they would; written straight from
  // the pass's columns (classBRepository.ts `passRedemptionCopyText`), no record per redemption
  const R = result.redemptions;
  const rowsOf = redemptionRowsByAccount(R);
  const byName = byAccount
    .slice()
    .sort((x, y) => (x.account < y.account ? -1 : x.account > y.account ? 1 : 0));
  let redemptionsWritten = 0;
  const accounts = byName.map(({ account, key, fresh }) => {
    const from = firstDateOf(fresh);
    const fromDay = toDayNumber(from);
    for (const i of rowsOf.get(key) ?? []) if (R.day[i]! >= fromDay) redemptionsWritten++;
    return { account, key, from };
  });
  const naming = { ...d, accounts: { name: (k: number) => c.accountNames.get(k)! } };
  return {
    kind: 'checked',
    store: { redemptions: R, naming, accounts },
    redemptionsWritten,
    accounts: byAccount.length,
  };
}

/** An account's rows of the month: recorded (in order) and new (in file order). */
export interface MonthRowsOfAccount {
  readonly account: string;
  readonly key: number;
  readonly recorded: readonly ClassBTransactionRow[];
  readonly fresh: FreshRows;
}

/**
 * An account's new rows as the file's columns hold them (transactionColumns.ts): no record per
 * row (issue 14: a month's file is a million rows, and a record each was the import's costliest
 * object). `records()` gives the same rows as records, for the paths that take them.
 */
export interface FileRowsOfAccount {
  readonly columns: TransactionColumns;
  /** the rows, indices into the columns, in file order */
  readonly rows: Uint32Array;
  /** the portfolio id a row's portfolio name resolved to */
  portfolioIdOf(row: number): string;
  records(): readonly NewRow[];
}

/** An account's new rows: records, or the rows of the file's columns. */
export type FreshRows = readonly NewRow[] | FileRowsOfAccount;

const isFileRows = (f: FreshRows): f is FileRowsOfAccount => !Array.isArray(f);

/** How many new rows. */
export function freshCount(f: FreshRows): number {
  return isFileRows(f) ? f.rows.length : f.length;
}

/** The new rows as records, in file order. */
export function freshRecords(f: FreshRows): readonly NewRow[] {
  return isFileRows(f) ? f.records() : f;
}

/** The earliest new row's date (ISO dates order as strings). */
export function firstDateOf(f: FreshRows): string {
  if (!isFileRows(f)) return f.reduce((m, r) => (r.date < m ? r.date : m), f[0]!.date);
  const { columns, rows } = f;
  let first = columns.dateOf(rows[0]!);
  for (let j = 1; j < rows.length; j++) {
    const d = columns.dateOf(rows[j]!);
    if (d < first) first = d;
  }
  return first;
}

/** A new row; the feed's decoded shares and price are taken where it gives them. */
export type NewRow = NewClassBTransaction & {
  readonly shareUnits?: bigint;
  readonly priceUnits?: bigint | null;
};

/** A recorded row in the new rows' shape (they are few: other imports' rows of the month). */
function asNewRow(r: ClassBTransactionRow): NewRow {
  return {
    txnId: r.txn_id,
    date: r.date,
    account: r.account,
    portfolioId: r.portfolio_id,
    portfolioName: '',
    type: r.type,
    shares: r.shares,
    price: r.price,
    exchangeId: r.exchange_id,
    waiver: r.waiver,
    attributedDistributor: r.attributed_distributor,
    derivedFromDoi: r.derived_from_doi,
  };
}

/**
 * The month pass's transaction columns of the accounts' rows (given ascending by key), in the
 * record replay's order (classBLedgerReplay.ts `accountRowsInOrder`: by date; within a date,
 * recorded before new, new in file order) and with its pairing of exchange legs (classBRepository.ts
 * `activityOfRows`: one Free Exchange at its first leg, dated as its exchange_out leg) — the
 * columns `monthTransactionsOf(activityOfRows(…))` gives, without a record per row (issue 14: a
 * million rows a month). The rows are the feed's, already checked (classBTransactionRules.ts).
 */
export function monthColumnsOfRows(
  accounts: readonly MonthRowsOfAccount[],
  d: MonthPassDictionaries,
): MonthTransactionColumns {
  let n = 0;
  for (const a of accounts) n += a.recorded.length + freshCount(a.fresh);
  const c = monthTransactionsBuilder(n);
  const days = new Map<string, number>();
  const dayOf = (iso: string) => {
    let v = days.get(iso);
    if (v === undefined) {
      v = toDayNumber(iso);
      days.set(iso, v);
    }
    return v;
  };
  const shares = (r: NewRow) => Number(r.shareUnits ?? parseShareUnits(r.shares));
  const price = (r: NewRow) =>
    r.priceUnits != null ? Number(r.priceUnits) : r.price === null ? 0 : Number(parsePriceUnits(r.price));
  let lastKey = Number.NEGATIVE_INFINITY;
  for (const a of accounts) {
    if (a.key <= lastKey) throw new RangeError(`account ${a.account}: not in ascending order of keys`);
    lastKey = a.key;
    // the file's rows straight from its columns where the account has no recorded row of the
    // month and no unit past 2^53 (the records path below is the reference: the same columns)
    if (isFileRows(a.fresh) && a.recorded.length === 0 && withinDoubles(a.fresh)) {
      appendFileRows(c, a.account, a.key, a.fresh, d, dayOf);
      continue;
    }
    const rows = inReplayOrder(a);
    // an exchange's two legs, paired once (an Omnibus Account has thousands of rows a month)
    let legs: Map<string, ExchangeLegs<NewRow>> | undefined;
    for (const r of rows) {
      let type = passTypeOf(r.type);
      let leg = r;
      let other: NewRow | undefined;
      if (type === null) {
        const id = r.exchangeId!;
        legs ??= exchangeLegsOf(
          rows,
          (x) =>
            x.exchangeId !== null && (x.type === 'exchange_out' || x.type === 'exchange_in')
              ? x.exchangeId
              : undefined,
          (x) => x.type === 'exchange_out',
        );
        const pair = legs.get(id)!;
        if (pair.done) continue;
        pair.done = true;
        if (pair.out === undefined || pair.in === undefined)
          throw new Error(`exchange ${id} of account ${a.account} lacks a leg`);
        leg = pair.out;
        other = pair.in;
        type = TXN_EXCHANGE;
      }
      c.account.push(a.key);
      c.type.push(type);
      c.txn.push(d.txns.key(leg.txnId));
      c.day.push(dayOf(leg.date));
      c.portfolio.push(d.portfolios.key(leg.portfolioId));
      c.shareUnits.push(shares(leg));
      c.priceUnits.push(type === TXN_CONVERT ? 0 : price(leg));
      c.waiver.push(
        type === TXN_REDEEM && leg.waiver !== null && isCdscWaiver(leg.waiver) ? waiverCode(leg.waiver) : 0,
      );
      c.exchange.push(other ? d.exchanges.key(r.exchangeId!) : -1);
      c.inTxn.push(other ? d.txns.key(other.txnId) : -1);
      c.inPortfolio.push(other ? d.portfolios.key(other.portfolioId) : -1);
      c.inShareUnits.push(other ? shares(other) : 0);
      c.inPriceUnits.push(other ? price(other) : 0);
      c.attributedDistributor.push(
        type === TXN_REINVEST && leg.attributedDistributor
          ? d.distributors.key(leg.attributedDistributor)
          : -1,
      );
      c.derivedFromDoiDay.push(
        type === TXN_REINVEST && leg.derivedFromDoi ? dayOf(leg.derivedFromDoi) : NO_DAY,
      );
    }
  }
  return finishedMonthTransactions(c);
}

/** The month pass's code of a row's type; null for an exchange leg (its two legs make one Free Exchange). */
function passTypeOf(type: string): number | null {
  switch (type) {
    case 'purchase':
      return TXN_PURCHASE;
    case 'reinvest':
      return TXN_REINVEST;
    case 'redeem':
      return TXN_REDEEM;
    case 'convert':
      return TXN_CONVERT;
    default:
      return null;
  }
}

/** An exchange's legs among an account's rows (the first of each kind), and whether it was taken. */
interface ExchangeLegs<T> {
  out?: T;
  in?: T;
  done?: boolean;
}

/**
 * The exchange legs among an account's rows in replay order, by exchange_id, the first of each
 * kind as activityOfRows takes them; `idOf` gives an exchange leg's exchange_id (undefined: the row
 * is no exchange leg). For records and for rows of the file's columns alike.
 */
function exchangeLegsOf<T>(
  rows: ArrayLike<T>,
  idOf: (r: T) => string | undefined,
  isOut: (r: T) => boolean,
): Map<string, ExchangeLegs<T>> {
  const legs = new Map<string, ExchangeLegs<T>>();
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!;
    const id = idOf(r);
    if (id === undefined) continue;
    let pair = legs.get(id);
    if (pair === undefined) {
      pair = {};
      legs.set(id, pair);
    }
    if (isOut(r)) pair.out ??= r;
    else pair.in ??= r;
  }
  return legs;
}

/** An account's rows in the record replay's order (most: the file's rows, already in date order). */
function inReplayOrder(a: MonthRowsOfAccount): readonly NewRow[] {
  const fresh = freshRecords(a.fresh);
  const merged = a.recorded.length === 0 ? fresh : [...a.recorded.map(asNewRow), ...fresh];
  let sorted = true;
  for (let i = 1; i < merged.length && sorted; i++) if (merged[i]!.date < merged[i - 1]!.date) sorted = false;
  if (sorted) return merged;
  return merged
    .map((r, i) => ({ r, i }))
    .sort((x, y) => (x.r.date < y.r.date ? -1 : x.r.date > y.r.date ? 1 : x.i - y.i))
    .map((x) => x.r);
}

/** Whether every share and price unit of the rows is held in the columns (none past 2^53). */
function withinDoubles(f: FileRowsOfAccount): boolean {
  const { shareUnits, priceUnits } = f.columns;
  for (const i of f.rows) if (Number.isNaN(shareUnits[i]!) || Number.isNaN(priceUnits[i]!)) return false;
  return true;
}

/**
 * An account's file rows (none recorded of the month) appended to the pass's columns as
 * {@link monthColumnsOfRows}' records path appends the same rows as records: in date order (file
 * order within a date), each exchange once at its first leg with its exchange_out leg's values,
 * the dictionaries' keys asked in the same order.
 */
function appendFileRows(
  c: ReturnType<typeof monthTransactionsBuilder>,
  account: string,
  key: number,
  f: FileRowsOfAccount,
  d: MonthPassDictionaries,
  dayOf: (iso: string) => number,
): void {
  const cols = f.columns;
  const dateOf = (i: number) => cols.dateOf(i);
  let order: ArrayLike<number> = f.rows;
  for (let j = 1; j < f.rows.length; j++)
    if (dateOf(f.rows[j]!) < dateOf(f.rows[j - 1]!)) {
      order = Array.from(f.rows)
        .map((i, at) => ({ i, at, date: dateOf(i) }))
        .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.at - y.at))
        .map((x) => x.i);
      break;
    }
  const price = (i: number) => {
    const p = cols.priceUnits[i]!;
    return p < 0 ? 0 : p; // no price (a convert row)
  };
  const kindOf = (i: number) => CLASS_B_TRANSACTION_TYPES[cols.type[i]!]!;
  let legs: Map<string, ExchangeLegs<number>> | undefined;
  for (let j = 0; j < order.length; j++) {
    const r = order[j]!;
    let type = passTypeOf(kindOf(r));
    let leg = r;
    let other = -1;
    if (type === null) {
      const id = cols.exchangeId.get(r);
      legs ??= exchangeLegsOf(
        order,
        (i) =>
          kindOf(i) === 'exchange_out' || kindOf(i) === 'exchange_in' ? cols.exchangeId.get(i) : undefined,
        (i) => kindOf(i) === 'exchange_out',
      );
      const pair = id === undefined ? undefined : legs.get(id);
      if (pair === undefined)
        throw new Error(`exchange of row ${cols.line[r]} of account ${account} has no exchange_id`);
      if (pair.done) continue;
      pair.done = true;
      if (pair.out === undefined || pair.in === undefined)
        throw new Error(`exchange ${id} of account ${account} lacks a leg`);
      leg = pair.out;
      other = pair.in;
      type = TXN_EXCHANGE;
    }
    c.account.push(key);
    c.type.push(type);
    c.txn.push(d.txns.key(cols.txnId.get(leg)));
    c.day.push(dayOf(dateOf(leg)));
    c.portfolio.push(d.portfolios.key(f.portfolioIdOf(leg)));
    c.shareUnits.push(cols.shareUnits[leg]!);
    c.priceUnits.push(type === TXN_CONVERT ? 0 : price(leg));
    const waiver = type === TXN_REDEEM ? cols.waiver.get(leg) : undefined;
    c.waiver.push(waiver !== undefined && isCdscWaiver(waiver) ? waiverCode(waiver) : 0);
    c.exchange.push(other >= 0 ? d.exchanges.key(cols.exchangeId.get(r)!) : -1);
    c.inTxn.push(other >= 0 ? d.txns.key(cols.txnId.get(other)) : -1);
    c.inPortfolio.push(other >= 0 ? d.portfolios.key(f.portfolioIdOf(other)) : -1);
    c.inShareUnits.push(other >= 0 ? cols.shareUnits[other]! : 0);
    c.inPriceUnits.push(other >= 0 ? price(other) : 0);
    const distributor = type === TXN_REINVEST ? cols.attributedDistributor.get(leg) : undefined;
    c.attributedDistributor.push(distributor ? d.distributors.key(distributor) : -1);
    const derived = type === TXN_REINVEST ? cols.derivedFromDoi.get(leg) : undefined;
    c.derivedFromDoiDay.push(derived ? dayOf(derived) : NO_DAY);
  }
}
