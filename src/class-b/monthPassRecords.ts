import { fromDayNumber, toDayNumber } from '../calendar/isoDate.js';
import type { ClassBActivity } from './classBActivity.js';
import type { FreeShareAttribution } from './freeShareAttribution.js';
import { compareLastHeld, type LastHeldIssuance } from './lastHeldIssuance.js';
import type {
  ConversionResult,
  ExchangedPiece,
  ExchangeResult,
  LotPiece,
  RedemptionPiece,
  RedemptionResult,
} from './ledgerResults.js';
import { createLot, type Lot } from './lot.js';
import type { ClassBMonthResult } from './monthPass.js';
import {
  type ClassBLedgerState,
  f64,
  finishedMonthTransactions,
  i32,
  type MonthTransactionColumns,
  monthTransactionsBuilder,
  NO_DAY,
  type PieceColumns,
  type RedemptionColumns,
  TXN_CONVERT,
  TXN_EXCHANGE,
  TXN_PURCHASE,
  TXN_REDEEM,
  TXN_REINVEST,
  u8,
  WAIVER_CODES,
  waiverCode,
} from './monthPassColumns.js';

/**
 * The month pass's columns to and from the ledger's records (lot.ts, ledgerResults.ts,
 * classBActivity.ts): what an importer writes into the pass and a report reads out of it. Keys
 * are given by dictionaries of strings.
 */
export class KeyDictionary {
  private readonly byName = new Map<string, number>();
  /** the names given one by one (key, append), in key order, the columns' keys left out */
  private readonly own: string[] = [];
  /** the columns appended (appendAll), in key order: their first keys, and how many own names came before each */
  private readonly columns: { first: number; ownBefore: number; column: NamedColumn }[] = [];
  /** the next key */
  private next = 0;
  constructor(names: Iterable<string> = []) {
    for (const n of names) this.key(n);
  }
  /** Every name in key order (a dictionary without appended columns: portfolios, distributors). */
  get names(): readonly string[] {
    if (this.columns.length > 0) throw new Error('a dictionary with appended columns is named key by key');
    return this.own;
  }
  /** Every name in key order, each made a string (a column's too): for comparing dictionaries. */
  allNames(): string[] {
    return Array.from({ length: this.next }, (_, k) => this.name(k));
  }
  key(name: string): number {
    let k = this.byName.get(name);
    if (k === undefined) {
      k = this.append(name);
      this.byName.set(name, k);
    }
    return k;
  }
  /**
   * A key of its own for a name that is only ever named, never looked up: the origins of the lots
   * a chunk's stored ledger holds (their txn_ids are payload to the pass, which compares no origin
   * with another key). A dictionary entry per lot was the state read's costliest step (issue 14).
   */
  append(name: string): number {
    this.own.push(name);
    return this.next++;
  }
  /**
   * {@link append} of every element of a column, keys in its order (the first returned): each
   * named by the column when asked, never made a string before (a chunk's half a million lot
   * origins, most of which nobody asks for).
   */
  appendAll(column: NamedColumn): number {
    const first = this.next;
    this.columns.push({ first, ownBefore: this.own.length, column });
    this.next += column.length;
    return first;
  }
  name(key: number): string {
    if (Number.isInteger(key) && key >= 0 && key < this.next) {
      let ownBefore = key;
      for (const { first, ownBefore: before, column } of this.columns) {
        if (key < first) break;
        if (key < first + column.length) return column.get(key - first);
        ownBefore = before + (key - first - column.length);
      }
      const n = this.own[ownBefore];
      if (n !== undefined) return n;
    }
    throw new RangeError(`key ${key} is not in the dictionary`);
  }
}

/** What {@link KeyDictionary.appendAll} takes: names by index. */
export interface NamedColumn {
  readonly length: number;
  get(i: number): string;
}

export interface MonthPassDictionaries {
  readonly accounts: KeyDictionary;
  readonly portfolios: KeyDictionary;
  readonly txns: KeyDictionary;
  readonly exchanges: KeyDictionary;
  readonly distributors: KeyDictionary;
}

/** What turns keys back into names (accounts may be named by the store's keys). */
export type NamingDictionaries = Omit<MonthPassDictionaries, 'accounts'> & {
  readonly accounts: { name(key: number): string };
};

export function createDictionaries(portfolioIds: Iterable<string> = []): MonthPassDictionaries {
  return {
    accounts: new KeyDictionary(),
    portfolios: new KeyDictionary(portfolioIds),
    txns: new KeyDictionary(),
    exchanges: new KeyDictionary(),
    distributors: new KeyDictionary(),
  };
}

/** One account as the records give it. */
export interface AccountRecordState {
  readonly account: string;
  readonly omnibus: boolean;
  readonly lots: readonly Lot[];
  /** lastHeldIssuance.ts (absent: none) */
  readonly lastHeld?: readonly LastHeldIssuance[];
  readonly nextSequence: number;
  readonly nextArrival: number;
  readonly systematicWithdrawals?: readonly {
    portfolioId: string;
    year: number;
    allowanceUnits: bigint;
    usedUnits: bigint;
  }[];
}

/**
 * Columns of the accounts' states (accounts sorted by key here). Keys come from the accounts
 * dictionary, or from `keyOf` where the caller already has them (the store's account keys).
 */
export function ledgerStateOf(
  accounts: readonly AccountRecordState[],
  d: MonthPassDictionaries,
  keyOf: (a: AccountRecordState) => number = (a) => d.accounts.key(a.account),
): ClassBLedgerState {
  const sorted = accounts.map((a) => ({ a, key: keyOf(a) })).sort((x, y) => x.key - y.key);
  const A = {
    key: i32(),
    omnibus: u8(),
    nextSequence: i32(),
    nextArrival: i32(),
    lotStart: i32(),
    withdrawalStart: i32(),
    lastHeldStart: i32(),
  };
  const LH = { portfolio: i32(), doiDay: i32(), issuingPortfolio: i32(), shareUnits: f64() };
  const L = {
    portfolio: i32(),
    issuingPortfolio: i32(),
    origin: f64(),
    free: u8(),
    doiDay: i32(),
    sequence: i32(),
    arrival: i32(),
    shareUnits: f64(),
    costCents: f64(),
    attribution: i32(),
  };
  const S = { portfolio: i32(), year: i32(), allowanceUnits: f64(), usedUnits: f64() };
  const attributions: FreeShareAttribution[] = [];
  const attributionIndex = new Map<FreeShareAttribution, number>();
  for (const { a, key } of sorted) {
    A.key.push(key);
    A.omnibus.push(a.omnibus ? 1 : 0);
    A.nextSequence.push(a.nextSequence);
    A.nextArrival.push(a.nextArrival);
    A.lotStart.push(L.portfolio.length);
    A.withdrawalStart.push(S.portfolio.length);
    A.lastHeldStart.push(LH.portfolio.length);
    // the month pass's order: portfolio rank (the ids' order), DOI, issuing portfolio
    for (const m of [...(a.lastHeld ?? [])].sort(compareLastHeld)) {
      LH.portfolio.push(d.portfolios.key(m.portfolioId));
      LH.doiDay.push(toDayNumber(m.dateOfOriginalIssuance));
      LH.issuingPortfolio.push(d.portfolios.key(m.issuingPortfolioId));
      LH.shareUnits.push(Number(m.shareUnits));
    }
    for (const l of a.lots) {
      L.portfolio.push(d.portfolios.key(l.portfolioId));
      L.issuingPortfolio.push(d.portfolios.key(l.issuingPortfolioId));
      L.origin.push(d.txns.key(l.lotId));
      L.free.push(l.kind === 'free' ? 1 : 0);
      L.doiDay.push(toDayNumber(l.dateOfOriginalIssuance));
      L.sequence.push(l.sequence);
      L.arrival.push(l.arrival);
      L.shareUnits.push(Number(l.shareUnits));
      L.costCents.push(Number(l.costCents));
      let at = -1;
      if (l.attribution !== null) {
        at = attributionIndex.get(l.attribution) ?? attributions.length;
        if (at === attributions.length) {
          attributions.push(l.attribution);
          attributionIndex.set(l.attribution, at);
        }
      }
      L.attribution.push(at);
    }
    for (const s of a.systematicWithdrawals ?? []) {
      S.portfolio.push(d.portfolios.key(s.portfolioId));
      S.year.push(s.year);
      S.allowanceUnits.push(Number(s.allowanceUnits));
      S.usedUnits.push(Number(s.usedUnits));
    }
  }
  A.lotStart.push(L.portfolio.length);
  A.withdrawalStart.push(S.portfolio.length);
  A.lastHeldStart.push(LH.portfolio.length);
  return {
    accounts: {
      count: A.key.length,
      key: A.key.done(),
      omnibus: A.omnibus.done(),
      nextSequence: A.nextSequence.done(),
      nextArrival: A.nextArrival.done(),
      lotStart: A.lotStart.done(),
      withdrawalStart: A.withdrawalStart.done(),
      lastHeldStart: A.lastHeldStart.done(),
    },
    lastHeld: {
      count: LH.portfolio.length,
      portfolio: LH.portfolio.done(),
      doiDay: LH.doiDay.done(),
      issuingPortfolio: LH.issuingPortfolio.done(),
      shareUnits: LH.shareUnits.done(),
    },
    lots: {
      count: L.portfolio.length,
      portfolio: L.portfolio.done(),
      issuingPortfolio: L.issuingPortfolio.done(),
      origin: L.origin.done(),
      free: L.free.done(),
      doiDay: L.doiDay.done(),
      sequence: L.sequence.done(),
      arrival: L.arrival.done(),
      shareUnits: L.shareUnits.done(),
      costCents: L.costCents.done(),
      attribution: L.attribution.done(),
    },
    systematicWithdrawals: {
      count: S.portfolio.length,
      portfolio: S.portfolio.done(),
      year: S.year.done(),
      allowanceUnits: S.allowanceUnits.done(),
      usedUnits: S.usedUnits.done(),
    },
    attributions,
  };
}

/**
 * Columns of the month's activity of the accounts (each account's activity in date order; the
 * accounts in the order of their keys, as in the state; keys as in {@link ledgerStateOf}).
 */
export function monthTransactionsOf(
  byAccount: readonly { account: string; activity: readonly ClassBActivity[] }[],
  d: MonthPassDictionaries,
  keyOf: (account: string) => number = (account) => d.accounts.key(account),
): MonthTransactionColumns {
  const c = monthTransactionsBuilder();
  const sorted = byAccount.map((x) => ({ x, key: keyOf(x.account) })).sort((a, b) => a.key - b.key);
  for (const { x, key } of sorted)
    for (const a of x.activity) {
      c.account.push(key);
      c.day.push(toDayNumber(a.date));
      const type =
        a.kind === 'purchase'
          ? TXN_PURCHASE
          : a.kind === 'reinvest'
            ? TXN_REINVEST
            : a.kind === 'redeem'
              ? TXN_REDEEM
              : a.kind === 'exchange'
                ? TXN_EXCHANGE
                : TXN_CONVERT;
      c.type.push(type);
      const leg = a.kind === 'exchange' ? a.out : a;
      c.txn.push(d.txns.key(leg.txnId));
      c.portfolio.push(d.portfolios.key(leg.portfolioId));
      c.shareUnits.push(Number(leg.shareUnits));
      c.priceUnits.push('priceUnits' in leg ? Number(leg.priceUnits) : 0);
      c.waiver.push(a.kind === 'redeem' ? waiverCode(a.waiver) : 0);
      c.exchange.push(a.kind === 'exchange' ? d.exchanges.key(a.exchangeId) : -1);
      c.inTxn.push(a.kind === 'exchange' ? d.txns.key(a.in.txnId) : -1);
      c.inPortfolio.push(a.kind === 'exchange' ? d.portfolios.key(a.in.portfolioId) : -1);
      c.inShareUnits.push(a.kind === 'exchange' ? Number(a.in.shareUnits) : 0);
      c.inPriceUnits.push(a.kind === 'exchange' ? Number(a.in.priceUnits) : 0);
      c.attributedDistributor.push(
        a.kind === 'reinvest' && a.attributedDistributor ? d.distributors.key(a.attributedDistributor) : -1,
      );
      c.derivedFromDoiDay.push(
        a.kind === 'reinvest' && a.derivedFromDoi ? toDayNumber(a.derivedFromDoi) : NO_DAY,
      );
    }
  return finishedMonthTransactions(c);
}

/** The lots of the state's i-th account as the ledger's records. */
export function lotsOfAccount(state: ClassBLedgerState, a: number, d: MonthPassDictionaries): Lot[] {
  const out: Lot[] = [];
  for (let i = state.accounts.lotStart[a]!; i < state.accounts.lotStart[a + 1]!; i++)
    out.push(lotOfState(state, i, d));
  return out;
}

/** The state's i-th account's remembered issuances (lastHeldIssuance.ts) as records, in their canonical order. */
export function lastHeldOfAccount(
  state: ClassBLedgerState,
  a: number,
  d: MonthPassDictionaries,
): LastHeldIssuance[] {
  const m = state.lastHeld;
  const out: LastHeldIssuance[] = [];
  for (let i = state.accounts.lastHeldStart[a]!; i < state.accounts.lastHeldStart[a + 1]!; i++)
    out.push({
      portfolioId: d.portfolios.name(m.portfolio[i]!),
      dateOfOriginalIssuance: fromDayNumber(m.doiDay[i]!),
      issuingPortfolioId: d.portfolios.name(m.issuingPortfolio[i]!),
      shareUnits: BigInt(m.shareUnits[i]!),
    });
  return out.sort(compareLastHeld);
}

/**
 * The state's lot `i` as the ledger's record; `isoDay` turns a day number into its ISO date (a
 * caller visiting many lots passes a cached one).
 */
export function lotOfState(
  state: ClassBLedgerState,
  i: number,
  d: MonthPassDictionaries,
  isoDay: (day: number) => string = fromDayNumber,
): Lot {
  const l = state.lots;
  return createLot({
    kind: l.free[i] === 1 ? 'free' : 'commission',
    lotId: d.txns.name(l.origin[i]!),
    sequence: l.sequence[i]!,
    arrival: l.arrival[i]!,
    portfolioId: d.portfolios.name(l.portfolio[i]!),
    issuingPortfolioId: d.portfolios.name(l.issuingPortfolio[i]!),
    dateOfOriginalIssuance: isoDay(l.doiDay[i]!),
    shareUnits: BigInt(l.shareUnits[i]!),
    costCents: BigInt(l.costCents[i]!),
    attribution: l.attribution[i]! < 0 ? null : state.attributions[l.attribution[i]!]!,
  });
}

function piece(p: PieceColumns, i: number, d: NamingDictionaries): LotPiece {
  return {
    lotId: d.txns.name(p.origin[i]!),
    kind: p.free[i] === 1 ? 'free' : 'commission',
    dateOfOriginalIssuance: fromDayNumber(p.doiDay[i]!),
    issuingPortfolioId: d.portfolios.name(p.issuingPortfolio[i]!),
    shareUnits: BigInt(p.shareUnits[i]!),
    costCents: BigInt(p.costCents[i]!),
  };
}

/**
 * A chunk's redemptions as the month pass computed them, to be stored for these accounts:
 * `transactions import` writes them straight from the pass's columns (classBRepository.ts
 * `passRedemptionCopyText`), the same rows as {@link monthRecordsOf}'s records give.
 */
export interface PassRedemptionsToStore {
  readonly redemptions: RedemptionColumns;
  readonly naming: NamingDictionaries;
  /** the accounts, in the order their rows are written: each its redemptions dated on or after `from` */
  readonly accounts: readonly { readonly account: string; readonly key: number; readonly from: string }[];
}

/** Each account key's redemptions (indices into the columns, in their order), for the accounts with any. */
export function redemptionRowsByAccount(R: RedemptionColumns): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < R.count; i++) {
    const list = out.get(R.account[i]!);
    if (list === undefined) out.set(R.account[i]!, [i]);
    else list.push(i);
  }
  return out;
}

/** The month's redemptions, exchanges and conversions of the result as the ledger's records, by account name. */
export function monthRecordsOf(
  r: ClassBMonthResult,
  d: NamingDictionaries,
): Map<
  string,
  { redemptions: RedemptionResult[]; exchanges: ExchangeResult[]; conversions: ConversionResult[] }
> {
  const out = new Map<
    string,
    { redemptions: RedemptionResult[]; exchanges: ExchangeResult[]; conversions: ConversionResult[] }
  >();
  const of = (key: number) => {
    const name = d.accounts.name(key);
    let x = out.get(name);
    if (!x) {
      x = { redemptions: [], exchanges: [], conversions: [] };
      out.set(name, x);
    }
    return x;
  };
  const R = r.redemptions;
  for (let i = 0; i < R.count; i++) {
    const pieces: RedemptionPiece[] = [];
    for (let j = R.pieceStart[i]!; j < R.pieceStart[i + 1]!; j++)
      pieces.push({
        ...piece(R.pieces, j, d),
        rateMicroPct: BigInt(R.pieces.rateMicroPct[j]!),
        baseValueUnits: R.pieces.baseValueUnits[j]!,
        cdscCents: BigInt(R.pieces.cdscCents[j]!),
        waivedCents: BigInt(R.pieces.waivedCents[j]!),
      });
    of(R.account[i]!).redemptions.push({
      kind: 'redemption',
      txnId: d.txns.name(R.txn[i]!),
      date: fromDayNumber(R.day[i]!),
      portfolioId: d.portfolios.name(R.portfolio[i]!),
      shareUnits: BigInt(R.shareUnits[i]!),
      priceUnits: BigInt(R.priceUnits[i]!),
      waiver: WAIVER_CODES[R.waiver[i]!]!,
      grossCents: BigInt(R.grossCents[i]!),
      cdscCents: BigInt(R.cdscCents[i]!),
      waivedCents: BigInt(R.waivedCents[i]!),
      redemptionFeeCents: BigInt(R.redemptionFeeCents[i]!),
      netCents: BigInt(R.netCents[i]!),
      pieces,
    });
  }
  const X = r.exchanges;
  for (let i = 0; i < X.count; i++) {
    const pieces: ExchangedPiece[] = [];
    for (let j = X.pieceStart[i]!; j < X.pieceStart[i + 1]!; j++)
      pieces.push({
        ...piece(X.pieces, j, d),
        deliveredShareUnits: BigInt(X.pieces.deliveredShareUnits[j]!),
      });
    of(X.account[i]!).exchanges.push({
      kind: 'freeExchange',
      exchangeId: d.exchanges.name(X.exchange[i]!),
      date: fromDayNumber(X.day[i]!),
      outTxnId: d.txns.name(X.outTxn[i]!),
      inTxnId: d.txns.name(X.inTxn[i]!),
      fromPortfolioId: d.portfolios.name(X.fromPortfolio[i]!),
      toPortfolioId: d.portfolios.name(X.toPortfolio[i]!),
      pieces,
    });
  }
  const C = r.conversions;
  for (let i = 0; i < C.count; i++) {
    const pieces: LotPiece[] = [];
    for (let j = C.pieceStart[i]!; j < C.pieceStart[i + 1]!; j++) pieces.push(piece(C.pieces, j, d));
    const confirmedBy: string[] = [];
    for (let j = C.confirmedStart[i]!; j < C.confirmedStart[i + 1]!; j++)
      confirmedBy.push(d.txns.name(C.confirmedBy[j]!));
    of(C.account[i]!).conversions.push({
      kind: 'conversion',
      date: fromDayNumber(C.day[i]!),
      portfolioId: d.portfolios.name(C.portfolio[i]!),
      commissionShareUnits: BigInt(C.commissionShareUnits[i]!),
      freeShareUnits: BigInt(C.freeShareUnits[i]!),
      pieces,
      confirmedBy,
    });
  }
  return out;
}
