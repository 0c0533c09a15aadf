import {
  CLASS_B_TRANSACTION_TYPES,
  type ClassBTransactionType,
  classBTransactionProblems,
} from '../class-b/classBTransactionRules.js';
import { formatPriceUnits } from '../class-b/pricePerShare.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import type { Problem } from '../errors.js';
import type { NewClassBTransaction, TRANSACTION_COPY_COLUMNS } from '../store/classBRepository.js';
import { COPY_CHUNK_ROWS, CopyTextBytes } from '../store/copyTextBytes.js';
import type { FileRowsOfAccount } from './classBMonthCheck.js';
import type { DecodedRow, RowGatherer } from './csvFeed.js';
import type { PlannedChange, PlannedChanges } from './importPlan.js';

/**
 * A transfer agent's transactions file held as columns (issue 14: `transactions import` of a month
 * of a million accounts in bounded memory). Each decoded row was two objects — the decoded row and
 * its planned change, ~600 bytes with their strings and bigints — for the whole import; here a row
 * is a few typed-array slots, its txn_id, and indices into dictionaries of the file's dates,
 * accounts and portfolio names (a month repeats them). Rows are materialised as objects only a
 * slice at a time: for the COPY, and for a chunk of accounts' holdings check.
 */

/** A transactions file's row as decoded (the transactions feed's columns). */
export interface TransactionStatementRow {
  readonly date: string;
  readonly txn_id: string;
  readonly account: string;
  readonly portfolio: string;
  readonly class: string;
  readonly type: ClassBTransactionType;
  readonly shares: bigint;
  readonly price: bigint | null;
  readonly exchange_id: string | null;
  readonly waiver: string | null;
  readonly attributed_distributor: string | null;
  readonly derived_from_doi: string | null;
}

/** A new transaction as planned: what is written, with its line and its exact units. */
export interface TxnChange extends PlannedChange, NewClassBTransaction {
  readonly shareUnits: bigint;
  readonly priceUnits: bigint | null;
}

/**
 * Many short strings held as one string per slice and each one's start: a string as its own object
 * takes ~32 bytes beside its characters, a million txn_ids ~40 MB.
 */
export class PackedStrings implements Iterable<string> {
  private readonly packs: string[] = [];
  /** the first item of each pack */
  private readonly packFirst: number[] = [];
  private start: Uint32Array;
  length = 0;

  constructor(capacity: number) {
    this.start = new Uint32Array(Math.max(capacity, 16));
  }

  /** Adds these, in order, as one pack. */
  push(values: readonly string[]): void {
    if (values.length === 0) return;
    if (this.length + values.length > this.start.length) {
      const grown = new Uint32Array(Math.max(this.start.length * 2, this.length + values.length));
      grown.set(this.start);
      this.start = grown;
    }
    this.packFirst.push(this.length);
    let at = 0;
    for (const v of values) {
      this.start[this.length++] = at;
      at += v.length;
    }
    this.packs.push(values.join(''));
  }

  get(i: number): string {
    // the pack holding item i: the last whose first item is at or before it
    let lo = 0;
    let hi = this.packFirst.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.packFirst[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    const pack = this.packs[lo]!;
    const last = lo + 1 < this.packFirst.length ? this.packFirst[lo + 1]! - 1 : this.length - 1;
    return pack.slice(this.start[i]!, i < last ? this.start[i + 1]! : pack.length);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }
}

/** Distinct strings numbered in the order first met. */
class Dictionary {
  readonly names: string[] = [];
  private index: Map<string, number> | null = new Map();

  of(name: string): number {
    let k = this.index!.get(name);
    if (k === undefined) {
      k = this.names.length;
      this.names.push(name);
      this.index!.set(name, k);
    }
    return k;
  }

  /** no more names: the lookup is let go */
  seal(): void {
    this.index = null;
  }
}

const TYPE_INDEX = new Map(CLASS_B_TRANSACTION_TYPES.map((t, i) => [t, i]));
/** a price cell left empty (a convert row) */
const NO_PRICE = -1;

/**
 * The decoded rows of one file, in file order, and the problems of the rules across them
 * (`classBTransactionProblems`, checked a slice at a time as the rows arrive: the txn_ids seen are
 * carried from slice to slice). Share and price units are held as doubles while exact (below
 * 2^53); a larger value is kept beside, as its bigint.
 */
export class TransactionColumns {
  length = 0;
  line: Uint32Array;
  date: Uint32Array;
  account: Uint32Array;
  portfolio: Uint32Array;
  type: Uint8Array;
  shareUnits: Float64Array;
  priceUnits: Float64Array;
  readonly txnId: PackedStrings;
  /** units past 2^53, by row (NaN in the columns) */
  readonly bigShareUnits = new Map<number, bigint>();
  readonly bigPriceUnits = new Map<number, bigint>();
  /** the columns a row seldom has, by row */
  readonly exchangeId = new Map<number, string>();
  readonly waiver = new Map<number, string>();
  readonly attributedDistributor = new Map<number, string>();
  readonly derivedFromDoi = new Map<number, string>();
  readonly dates = new Dictionary();
  readonly accounts = new Dictionary();
  readonly portfolios = new Dictionary();
  /** the file rules' problems */
  readonly problems: Problem[] = [];
  private seenTxnIds: Map<string, number> | null = new Map();

  constructor(
    readonly file: string,
    capacity: number,
  ) {
    const n = Math.max(capacity, 16);
    this.txnId = new PackedStrings(n);
    this.line = new Uint32Array(n);
    this.date = new Uint32Array(n);
    this.account = new Uint32Array(n);
    this.portfolio = new Uint32Array(n);
    this.type = new Uint8Array(n);
    this.shareUnits = new Float64Array(n);
    this.priceUnits = new Float64Array(n);
  }

  /** A gatherer of a file's decoded rows into columns (the pipeline's `gather`). */
  static gatherer(file: string, records: number): RowGatherer<TransactionStatementRow, TransactionColumns> {
    const columns = new TransactionColumns(file, records);
    return { add: (rows) => columns.add(rows), done: () => columns.done() };
  }

  add(rows: readonly DecodedRow<TransactionStatementRow>[]): void {
    for (const p of classBTransactionProblems(rows, this.file, this.seenTxnIds!)) this.problems.push(p);
    this.txnId.push(rows.map((r) => r.row.txn_id));
    for (const { line, row } of rows) {
      const i = this.length;
      if (i === this.line.length) this.grow();
      this.line[i] = line;
      this.date[i] = this.dates.of(row.date);
      this.account[i] = this.accounts.of(row.account);
      this.portfolio[i] = this.portfolios.of(row.portfolio);
      this.type[i] = TYPE_INDEX.get(row.type)!;
      this.shareUnits[i] = this.unitsOf(i, row.shares, this.bigShareUnits);
      this.priceUnits[i] = row.price === null ? NO_PRICE : this.unitsOf(i, row.price, this.bigPriceUnits);
      if (row.exchange_id !== null) this.exchangeId.set(i, row.exchange_id);
      if (row.waiver !== null) this.waiver.set(i, row.waiver);
      if (row.attributed_distributor !== null) this.attributedDistributor.set(i, row.attributed_distributor);
      if (row.derived_from_doi !== null) this.derivedFromDoi.set(i, row.derived_from_doi);
      this.length++;
    }
  }

  done(): this {
    this.seenTxnIds = null;
    this.dates.seal();
    this.accounts.seal();
    this.portfolios.seal();
    return this;
  }

  private unitsOf(i: number, units: bigint, big: Map<number, bigint>): number {
    const n = Number(units);
    if (Number.isSafeInteger(n) && n >= 0) return n;
    big.set(i, units);
    return Number.NaN;
  }

  private grow(): void {
    const n = this.line.length * 2;
    const grown = <T extends Uint32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.line = grown(this.line, (k) => new Uint32Array(k));
    this.date = grown(this.date, (k) => new Uint32Array(k));
    this.account = grown(this.account, (k) => new Uint32Array(k));
    this.portfolio = grown(this.portfolio, (k) => new Uint32Array(k));
    this.type = grown(this.type, (k) => new Uint8Array(k));
    this.shareUnits = grown(this.shareUnits, (k) => new Float64Array(k));
    this.priceUnits = grown(this.priceUnits, (k) => new Float64Array(k));
  }

  dateOf(i: number): string {
    return this.dates.names[this.date[i]!]!;
  }

  accountOf(i: number): string {
    return this.accounts.names[this.account[i]!]!;
  }

  portfolioNameOf(i: number): string {
    return this.portfolios.names[this.portfolio[i]!]!;
  }

  shareUnitsOf(i: number): bigint {
    const n = this.shareUnits[i]!;
    return Number.isNaN(n) ? this.bigShareUnits.get(i)! : BigInt(n);
  }

  priceUnitsOf(i: number): bigint | null {
    const n = this.priceUnits[i]!;
    if (n === NO_PRICE) return null;
    return Number.isNaN(n) ? this.bigPriceUnits.get(i)! : BigInt(n);
  }

  /** Row i as the planned change it makes, its portfolio resolved to `portfolioId`. */
  change(i: number, portfolioId: string): TxnChange {
    const date = this.dateOf(i);
    const shareUnits = this.shareUnitsOf(i);
    const priceUnits = this.priceUnitsOf(i);
    return {
      line: this.line[i]!,
      datedOn: date,
      kind: 'new',
      txnId: this.txnId.get(i),
      date,
      account: this.accountOf(i),
      portfolioId,
      portfolioName: this.portfolioNameOf(i),
      type: CLASS_B_TRANSACTION_TYPES[this.type[i]!]!,
      shares: formatShareUnits(shareUnits),
      shareUnits,
      price: priceUnits === null ? null : formatPriceUnits(priceUnits),
      priceUnits,
      exchangeId: this.exchangeId.get(i) ?? null,
      waiver: this.waiver.get(i) ?? null,
      attributedDistributor: this.attributedDistributor.get(i) ?? null,
      derivedFromDoi: this.derivedFromDoi.get(i) ?? null,
    };
  }
}

/**
 * The new rows of one account each, for the ledger's check of holdings (SPEC §6, §12): what
 * `checkLedgerInChunks` takes a chunk of accounts of at a time.
 */
export interface NewRowsByAccount {
  /** the accounts with new rows, each once, in the order of their first new row in the file */
  readonly accounts: readonly string[];
  /** the new rows of `accounts[k]`, in file order, with their lines */
  rowsOf(k: number): TxnChange[];
  /** the place of `accounts[k]` among the columns' account names (`TransactionColumns.accounts.names`) */
  columnAccount(k: number): number;
  /** the new rows of `accounts[k]` as rows of the columns, in file order (records made only if asked) */
  fileRowsOf(k: number): FileRowsOfAccount;
}

/**
 * The transactions a file adds (its plan's changes): rows of its columns, in file order, with
 * their portfolios resolved. Walked as planned changes by the pipeline (closed months); grouped
 * by account for the COPY and the holdings check, each group materialised only when asked.
 */
export class NewTransactions implements PlannedChanges<PlannedChange> {
  private groups: { accounts: string[]; start: Uint32Array; rows: Uint32Array } | null = null;

  constructor(
    readonly columns: TransactionColumns,
    /** the portfolio id of each of the columns' portfolio names (null: not resolved, no new row) */
    private readonly portfolioIds: readonly (string | null)[],
    /** the new rows, indices into the columns, in file order */
    private readonly rows: Uint32Array,
    /**
     * rows whose portfolio is not their name's `portfolioIds` entry: a name handed from one
     * portfolio to another is the one that bore it on the row's date (SPEC §2)
     */
    private readonly rowPortfolioIds: ReadonlyMap<number, string> = new Map(),
  ) {}

  /** the portfolio id of row i of the columns */
  private pidOf(i: number): string | null {
    return this.rowPortfolioIds.get(i) ?? this.portfolioIds[this.columns.portfolio[i]!]!;
  }

  get length(): number {
    return this.rows.length;
  }

  *[Symbol.iterator](): Iterator<PlannedChange> {
    const c = this.columns;
    for (const i of this.rows) yield { line: c.line[i]!, datedOn: c.dateOf(i), kind: 'new' };
  }

  /** Row i of the columns as its change. */
  change(i: number): TxnChange {
    return this.columns.change(i, this.pidOf(i)!);
  }

  /** The new rows' dates, each once. */
  dates(): string[] {
    const c = this.columns;
    const seen = new Uint8Array(c.dates.names.length);
    for (const i of this.rows) seen[c.date[i]!] = 1;
    return c.dates.names.filter((_, d) => seen[d] === 1);
  }

  /** The new rows grouped by account (a counting sort: each account's rows stay in file order). */
  byAccount(): NewRowsByAccount {
    const g = this.grouped();
    return {
      accounts: g.accounts,
      rowsOf: (k) => this.groupRows(k),
      columnAccount: (k) => this.columns.account[g.rows[g.start[k]!]!]!,
      fileRowsOf: (k) => new AccountFileRows(this, k, g.rows.subarray(g.start[k]!, g.start[k + 1]!)),
    };
  }

  /**
   * Every new row, account by account in the order of the accounts' names, each account's rows in
   * file order: the order `insertTransactionsByAccount` writes them in.
   */
  *inAccountOrder(): Generator<TxnChange> {
    for (const k of this.accountOrder()) yield* this.groupRows(k);
  }

  /**
   * Every new row as COPY text of class_b_transaction ({@link TRANSACTION_COPY_COLUMNS}), in
   * {@link inAccountOrder}'s order, at most `rowsPerPiece` rows a piece: the bytes
   * insertTransactionsByAccount writes for inAccountOrder(), written from the columns without a
   * change object, a row array or a formatted string per row (issue 14: a month of a million rows;
   * test new-transactions-copy-text-equals-the-row-path).
   */
  *copyTextInAccountOrder(importId: number, rowsPerPiece = COPY_CHUNK_ROWS): Generator<Uint8Array> {
    const g = this.grouped();
    const c = this.columns;
    let w = new CopyTextBytes(1 << 20);
    let rows = 0;
    for (const k of this.accountOrder()) {
      const account = g.accounts[k]!;
      for (let j = g.start[k]!; j < g.start[k + 1]!; j++) {
        const i = g.rows[j]!;
        w.text(c.txnId.get(i)).tab().text(c.dateOf(i)).tab().text(account).tab();
        w.text(this.pidOf(i)!).tab().text(c.portfolioNameOf(i)).tab();
        w.text('B').tab().text(CLASS_B_TRANSACTION_TYPES[c.type[i]!]!).tab();
        const shares = c.shareUnits[i]!;
        if (Number.isNaN(shares)) w.text(formatShareUnits(c.shareUnitsOf(i)));
        else w.fixedPoint(shares, 4);
        w.tab();
        const price = c.priceUnits[i]!;
        if (price === NO_PRICE) w.value(null);
        else if (Number.isNaN(price)) w.text(formatPriceUnits(c.priceUnitsOf(i)!));
        else w.fixedPoint(price, 4);
        w.tab()
          .value(c.exchangeId.get(i) ?? null)
          .tab()
          .value(c.waiver.get(i) ?? null)
          .tab();
        w.value(c.attributedDistributor.get(i) ?? null)
          .tab()
          .value(c.derivedFromDoi.get(i) ?? null)
          .tab();
        w.int(importId).newline();
        if (++rows === rowsPerPiece) {
          yield w.bytes();
          w = new CopyTextBytes(1 << 20);
          rows = 0;
        }
      }
    }
    if (rows > 0) yield w.bytes();
  }

  /** The accounts' slots in the order of their names (code unit order, as `<` compares them). */
  private accountOrder(): Uint32Array {
    const { accounts } = this.grouped();
    return Uint32Array.from(accounts.keys()).sort((a, b) =>
      accounts[a]! < accounts[b]! ? -1 : accounts[a]! > accounts[b]! ? 1 : 0,
    );
  }

  /** The portfolio id row i's portfolio name resolved to (a new row's). */
  portfolioIdOf(i: number): string {
    const id = this.pidOf(i);
    if (id == null) throw new RangeError(`row ${i} is not a new row: its portfolio is not resolved`);
    return id;
  }

  /** The new rows of the k-th account with new rows, as planned changes (file order). */
  groupRows(k: number): TxnChange[] {
    const g = this.grouped();
    const out: TxnChange[] = [];
    for (let j = g.start[k]!; j < g.start[k + 1]!; j++) out.push(this.change(g.rows[j]!));
    return out;
  }

  private grouped() {
    if (this.groups !== null) return this.groups;
    const c = this.columns;
    // slot + 1 of each account of the columns among the new rows (0: none)
    const slot = new Uint32Array(c.accounts.names.length);
    const accounts: string[] = [];
    const counts: number[] = [];
    for (const i of this.rows) {
      const a = c.account[i]!;
      if (slot[a] === 0) {
        accounts.push(c.accounts.names[a]!);
        counts.push(0);
        slot[a] = accounts.length;
      }
      counts[slot[a]! - 1]!++;
    }
    const start = new Uint32Array(accounts.length + 1);
    for (let k = 0; k < accounts.length; k++) start[k + 1] = start[k]! + counts[k]!;
    const next = start.slice(0, accounts.length);
    const rows = new Uint32Array(this.rows.length);
    for (const i of this.rows) rows[next[slot[c.account[i]!]! - 1]!++] = i;
    this.groups = { accounts, start, rows };
    return this.groups;
  }
}

/** One account's new rows as rows of the file's columns (NewRowsByAccount.fileRowsOf). */
class AccountFileRows implements FileRowsOfAccount {
  constructor(
    private readonly changes: NewTransactions,
    private readonly k: number,
    readonly rows: Uint32Array,
  ) {}

  get columns(): TransactionColumns {
    return this.changes.columns;
  }

  portfolioIdOf(row: number): string {
    return this.changes.portfolioIdOf(row);
  }

  records(): TxnChange[] {
    return this.changes.groupRows(this.k);
  }
}
