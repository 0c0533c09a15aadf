import { CDSC_WAIVERS, type CdscWaiver } from './cdscWaiver.js';
import type { FreeShareAttribution } from './freeShareAttribution.js';

/**
 * The Class B share ledger of a set of accounts in columnar form (issue 14: a month of a large
 * complex applied in one pass over typed arrays). Integer keys stand for accounts, portfolios,
 * transactions and distributors (the caller's dictionaries); shares are 1/10,000 share
 * (shareUnits.ts), cost in cents, prices in 1/10,000 dollar, dates as day numbers
 * (calendar/isoDate.ts `toDayNumber`). Share, cost and price columns are Float64Array holding
 * integers: exact up to 2^53 (900 billion shares, 90 trillion dollars of cost); products that
 * could pass 2^53 are done in bigint (see monthPassArithmetic.ts).
 */

/** No date (a column of day numbers): the smallest int32. */
export const NO_DAY = -2_147_483_648;

/** Lots, grouped by account (the account's lots are `lotStart[i]..lotStart[i+1]` of its state). */
export interface LotColumns {
  readonly count: number;
  readonly portfolio: Int32Array;
  readonly issuingPortfolio: Int32Array;
  /** the txn key of the purchase or reinvestment that created the lot (its lotId) */
  readonly origin: Float64Array;
  /** 1: Free Shares, 0: Commission Shares */
  readonly free: Uint8Array;
  readonly doiDay: Int32Array;
  readonly sequence: Int32Array;
  readonly arrival: Int32Array;
  readonly shareUnits: Float64Array;
  readonly costCents: Float64Array;
  /** Free Shares: index in the state's attribution table (Exhibit A 2(b)); -1 for Commission Shares */
  readonly attribution: Int32Array;
}

/** lastHeldIssuance.ts in columns (portfolios as keys, DOIs as day numbers). */
export interface LastHeldColumns {
  readonly count: number;
  readonly portfolio: Int32Array;
  readonly doiDay: Int32Array;
  readonly issuingPortfolio: Int32Array;
  readonly shareUnits: Float64Array;
}

/** No remembered issuance (with `lastHeldStart` all zeros). */
export const NO_LAST_HELD: LastHeldColumns = Object.freeze({
  count: 0,
  portfolio: new Int32Array(0),
  doiDay: new Int32Array(0),
  issuingPortfolio: new Int32Array(0),
  shareUnits: new Float64Array(0),
});

/**
 * The share ledger of a chunk of accounts at a month end: what the pass reads at the start of a
 * month and writes at its end. Accounts ascend by key.
 */
export interface ClassBLedgerState {
  readonly accounts: {
    readonly count: number;
    readonly key: Int32Array;
    /** 1: an Omnibus Account (Exhibit A 2(c)) */
    readonly omnibus: Uint8Array;
    /** the sequence the account's next issued lot gets (lots created so far) */
    readonly nextSequence: Int32Array;
    /** the arrival the account's next lot reaching a portfolio gets */
    readonly nextArrival: Int32Array;
    /** count + 1 entries */
    readonly lotStart: Int32Array;
    /** count + 1 entries, into `systematicWithdrawals` */
    readonly withdrawalStart: Int32Array;
    /** count + 1 entries, into `lastHeld` */
    readonly lastHeldStart: Int32Array;
  };
  readonly lots: LotColumns;
  /**
   * lastHeldIssuance.ts: per account, the first issuances of the Commission Shares of the (portfolio,
   * DOI)s no longer held whose last-held shares came partly from another portfolio, in (portfolio
   * key, DOI, issuing portfolio key) order. Most accounts have none.
   */
  readonly lastHeld: LastHeldColumns;
  /**
   * the 12%-a-year allowance of systematic withdrawals (DOMAIN §4.3: of the account value at the
   * year's first one) and the gross proceeds waived so far, both in cents, per account, portfolio and year
   */
  readonly systematicWithdrawals: {
    readonly count: number;
    readonly portfolio: Int32Array;
    readonly year: Int32Array;
    readonly allowanceUnits: Float64Array;
    readonly usedUnits: Float64Array;
  };
  /** Exhibit A 2(b) attributions of the Free Share lots, by index */
  readonly attributions: readonly FreeShareAttribution[];
}

export const TXN_PURCHASE = 0;
export const TXN_REINVEST = 1;
export const TXN_REDEEM = 2;
export const TXN_EXCHANGE = 3;
export const TXN_CONVERT = 4;

/** Waiver codes of the `waiver` column: 0 none, then CDSC_WAIVERS in their order. */
export const WAIVER_CODES: readonly (CdscWaiver | null)[] = [
  null,
  ...(Object.keys(CDSC_WAIVERS) as CdscWaiver[]),
];
export const waiverCode = (w: CdscWaiver | null): number => WAIVER_CODES.indexOf(w);
export const SYSTEMATIC_WITHDRAWAL_CODE = waiverCode('systematic_withdrawal');

/**
 * The month's transactions of a chunk's accounts, by account (in the chunk's account order) then
 * in the order they apply (dates never decreasing). An exchange is one row with both legs.
 */
export interface MonthTransactionColumns {
  readonly count: number;
  readonly account: Int32Array;
  /** TXN_PURCHASE … TXN_CONVERT */
  readonly type: Uint8Array;
  /** the txn key (an exchange: its exchange_out leg) */
  readonly txn: Float64Array;
  readonly day: Int32Array;
  /** an exchange: the portfolio given up */
  readonly portfolio: Int32Array;
  readonly shareUnits: Float64Array;
  readonly priceUnits: Float64Array;
  /** redemptions: WAIVER_CODES index */
  readonly waiver: Uint8Array;
  /** exchanges: the exchange_id key, the exchange_in leg */
  readonly exchange: Float64Array;
  readonly inTxn: Float64Array;
  readonly inPortfolio: Int32Array;
  readonly inShareUnits: Float64Array;
  readonly inPriceUnits: Float64Array;
  /** reinvestments (Exhibit A 2(b)): the distributor key stated (-1 none), the DOI stated (NO_DAY none) */
  readonly attributedDistributor: Int32Array;
  readonly derivedFromDoiDay: Int32Array;
}

/**
 * Growable columns, one class per typed-array type so that each push site stays monomorphic (a
 * generic class over all four types made `push` the pass's hottest function).
 */
export class F64Column {
  length = 0;
  private data: Float64Array;
  constructor(capacity = 16) {
    this.data = new Float64Array(Math.max(4, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
  /** the filled part (a view: the spare capacity goes with the chunk's result) */
  done(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export class I32Column {
  length = 0;
  private data: Int32Array;
  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(4, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class U8Column {
  length = 0;
  private data: Uint8Array;
  constructor(capacity = 16) {
    this.data = new Uint8Array(Math.max(4, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint8Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  done(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

export class I64Column {
  length = 0;
  private data: BigInt64Array;
  constructor(capacity = 16) {
    this.data = new BigInt64Array(Math.max(4, capacity));
  }
  push(v: bigint): void {
    if (this.length === this.data.length) {
      const bigger = new BigInt64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  done(): BigInt64Array {
    return this.data.subarray(0, this.length);
  }
}

export const f64 = (n?: number) => new F64Column(n);
export const i32 = (n?: number) => new I32Column(n);
export const u8 = (n?: number) => new U8Column(n);
export const i64 = (n?: number) => new I64Column(n);

/**
 * A month's transactions as growable columns, filled row by row by an importer (`n`: the rows
 * expected, if known); {@link finishedMonthTransactions} gives the pass's columns.
 */
export function monthTransactionsBuilder(n?: number) {
  return {
    account: i32(n),
    type: u8(n),
    txn: f64(n),
    day: i32(n),
    portfolio: i32(n),
    shareUnits: f64(n),
    priceUnits: f64(n),
    waiver: u8(n),
    exchange: f64(n),
    inTxn: f64(n),
    inPortfolio: i32(n),
    inShareUnits: f64(n),
    inPriceUnits: f64(n),
    attributedDistributor: i32(n),
    derivedFromDoiDay: i32(n),
  };
}
export type MonthTransactionsBuilder = ReturnType<typeof monthTransactionsBuilder>;

/** The columns a {@link monthTransactionsBuilder} was filled with. */
export function finishedMonthTransactions(c: MonthTransactionsBuilder): MonthTransactionColumns {
  return {
    count: c.account.length,
    account: c.account.done(),
    type: c.type.done(),
    txn: c.txn.done(),
    day: c.day.done(),
    portfolio: c.portfolio.done(),
    shareUnits: c.shareUnits.done(),
    priceUnits: c.priceUnits.done(),
    waiver: c.waiver.done(),
    exchange: c.exchange.done(),
    inTxn: c.inTxn.done(),
    inPortfolio: c.inPortfolio.done(),
    inShareUnits: c.inShareUnits.done(),
    inPriceUnits: c.inPriceUnits.done(),
    attributedDistributor: c.attributedDistributor.done(),
    derivedFromDoiDay: c.derivedFromDoiDay.done(),
  };
}

/** Redemptions of the month (Agreement FOURTH(D)), one row each, their pieces in `pieces`. */
export interface RedemptionColumns {
  readonly count: number;
  readonly account: Int32Array;
  readonly txn: Float64Array;
  readonly day: Int32Array;
  readonly portfolio: Int32Array;
  readonly shareUnits: Float64Array;
  readonly priceUnits: Float64Array;
  readonly waiver: Uint8Array;
  readonly grossCents: Float64Array;
  readonly cdscCents: Float64Array;
  readonly waivedCents: Float64Array;
  readonly redemptionFeeCents: Float64Array;
  readonly netCents: Float64Array;
  /** count + 1 entries into `pieces` */
  readonly pieceStart: Int32Array;
  readonly pieces: PieceColumns & {
    readonly rateMicroPct: Float64Array;
    readonly baseValueUnits: BigInt64Array;
    readonly cdscCents: Float64Array;
    readonly waivedCents: Float64Array;
  };
}

/** What one lot gave up: the piece's lot, shares and pro-rata cost. */
export interface PieceColumns {
  readonly count: number;
  readonly origin: Float64Array;
  readonly free: Uint8Array;
  readonly doiDay: Int32Array;
  readonly issuingPortfolio: Int32Array;
  readonly shareUnits: Float64Array;
  readonly costCents: Float64Array;
}

/** Free Exchange Transactions of the month (Exhibit A 1.). */
export interface ExchangeColumns {
  readonly count: number;
  readonly account: Int32Array;
  readonly exchange: Float64Array;
  readonly outTxn: Float64Array;
  readonly inTxn: Float64Array;
  readonly day: Int32Array;
  readonly fromPortfolio: Int32Array;
  readonly toPortfolio: Int32Array;
  readonly pieceStart: Int32Array;
  readonly pieces: PieceColumns & { readonly deliveredShareUnits: Float64Array };
}

/** Conversions to Class A at the month end (SPEC §6), per account and portfolio. */
export interface ConversionColumns {
  readonly count: number;
  readonly account: Int32Array;
  readonly day: Int32Array;
  readonly portfolio: Int32Array;
  readonly commissionShareUnits: Float64Array;
  readonly freeShareUnits: Float64Array;
  readonly pieceStart: Int32Array;
  readonly pieces: PieceColumns;
  /** count + 1 entries into `confirmedBy`: the convert rows reporting each conversion */
  readonly confirmedStart: Int32Array;
  readonly confirmedBy: Float64Array;
}

/**
 * Month-end holdings as Exhibit A and DOI-range Transfers need them, per account and portfolio:
 * Commission Shares summed by issuing portfolio and Date of Original Issuance (2(a); a DOI-range
 * Transfer's Commission Shares), Free Shares lot by lot with their attribution (2(b) splits each
 * lot by largest remainder, so they are not summed). Rows follow the lots' order.
 */
export interface MonthEndHoldingColumns {
  readonly count: number;
  readonly account: Int32Array;
  readonly omnibus: Uint8Array;
  readonly portfolio: Int32Array;
  readonly free: Uint8Array;
  readonly issuingPortfolio: Int32Array;
  readonly doiDay: Int32Array;
  /** Free Shares: index in the state's attribution table; -1 for Commission Shares */
  readonly attribution: Int32Array;
  readonly shareUnits: Float64Array;
}

/** Builders for a piece table. */
export class PieceBuilder {
  readonly origin: F64Column;
  readonly free: U8Column;
  readonly doiDay: I32Column;
  readonly issuingPortfolio: I32Column;
  readonly shareUnits: F64Column;
  readonly costCents: F64Column;
  constructor(capacity?: number) {
    this.origin = f64(capacity);
    this.free = u8(capacity);
    this.doiDay = i32(capacity);
    this.issuingPortfolio = i32(capacity);
    this.shareUnits = f64(capacity);
    this.costCents = f64(capacity);
  }
  get length(): number {
    return this.origin.length;
  }
  push(origin: number, free: number, doiDay: number, issuing: number, shares: number, cost: number): void {
    this.origin.push(origin);
    this.free.push(free);
    this.doiDay.push(doiDay);
    this.issuingPortfolio.push(issuing);
    this.shareUnits.push(shares);
    this.costCents.push(cost);
  }
  done(): PieceColumns {
    return {
      count: this.length,
      origin: this.origin.done(),
      free: this.free.done(),
      doiDay: this.doiDay.done(),
      issuingPortfolio: this.issuingPortfolio.done(),
      shareUnits: this.shareUnits.done(),
      costCents: this.costCents.done(),
    };
  }
}
