import { dayNumberFromCivil, daysInMonth, fromDayNumber } from '../calendar/isoDate.js';
import { formatCents } from '../money/cents.js';
import { largestRemainder } from '../money/largestRemainder.js';
import { systematicWithdrawalAllowanceCents } from './cdscWaiver.js';
import type { ClassBTerms } from './classBTerms.js';
import type { FreeShareAttribution } from './freeShareAttribution.js';
import { LedgerRefusal } from './ledgerRefusal.js';
import { checked, mulDivRoundHalfUp, mulExact } from './monthPassArithmetic.js';
import {
  type ClassBLedgerState,
  type ConversionColumns,
  type ExchangeColumns,
  f64,
  i32,
  i64,
  type LotColumns,
  type MonthEndHoldingColumns,
  type MonthTransactionColumns,
  NO_DAY,
  PieceBuilder,
  type RedemptionColumns,
  SYSTEMATIC_WITHDRAWAL_CODE,
  TXN_CONVERT,
  TXN_EXCHANGE,
  TXN_PURCHASE,
  TXN_REDEEM,
  TXN_REINVEST,
  u8,
} from './monthPassColumns.js';
import { MonthPassTerms } from './monthPassTerms.js';
import { formatShareUnits } from './shareUnits.js';

/** What the pass needs besides the data: the month, the terms, and the caller's dictionaries. */
export interface MonthPassContext {
  /** YYYY-MM */
  readonly month: string;
  readonly terms: ClassBTerms;
  /** portfolio key → portfolio id */
  readonly portfolioIds: readonly string[];
  /** distributor key → name (reinvestments stating `attributed_distributor`) */
  readonly distributors?: readonly string[];
  /** txn key → txn_id, for refusals */
  readonly txnIdOf?: (key: number) => string;
  /**
   * A day of the month at whose close the holdings are wanted too (Exhibit A's first computation
   * date, the end of the Distributor's term, may fall inside a month): after that day's
   * activity, before the later days' (no conversion falls inside a month).
   */
  readonly holdingsAfterDay?: number;
}

/** One chunk of accounts after the month. */
export interface ClassBMonthResult {
  /** the ledger at the month end, to be read by the next month's pass */
  readonly state: ClassBLedgerState;
  readonly redemptions: RedemptionColumns;
  readonly exchanges: ExchangeColumns;
  readonly conversions: ConversionColumns;
  readonly holdings: MonthEndHoldingColumns;
  /** the holdings at the close of `holdingsAfterDay`, when asked for */
  readonly holdingsAfterDay?: MonthEndHoldingColumns;
}

/** Compiled once per month and reused by every chunk. */
export function compileMonthPass(ctx: MonthPassContext): MonthPass {
  return new MonthPass(ctx);
}

/**
 * The pass of `month` over a chunk read with these dictionaries (monthPassRecords.ts): its
 * portfolio and distributor keys, and its txn keys for refusals.
 */
export function compileMonthPassFor(
  month: string,
  terms: ClassBTerms,
  d: {
    readonly portfolios: { readonly names: readonly string[] };
    readonly distributors: { readonly names: readonly string[] };
    readonly txns: { name(key: number): string };
  },
): MonthPass {
  return compileMonthPass({
    month,
    terms,
    portfolioIds: d.portfolios.names,
    distributors: d.distributors.names,
    txnIdOf: (k) => d.txns.name(k),
  });
}

const VALUE_UNITS_PER_CENT = 1_000_000;
const MAX = Number.MAX_SAFE_INTEGER;

/**
 * The Class B month in one pass (issue 14): a chunk of accounts' lots at the start of the month
 * and the month's transactions in, the lots at the month end, the month's redemptions, Free
 * Exchange Transactions and conversions, and the month-end holdings by DOI out. Each account is
 * worked on in a small scratch area kept in the ledger's lot order (portfolio, DOI, sequence,
 * arrival); the rules are classBLedger.ts's, rule for rule (SPEC §6), and
 * test/class-b/month-pass-matches-reference-ledger.test.ts holds it to the decimal reference.
 */
export class MonthPass {
  readonly terms: MonthPassTerms;
  readonly monthStartDay: number;
  readonly monthEndDay: number;
  readonly year: number;
  private readonly w = new Workspace();
  private readonly notices: number[] = [];
  private readonly weightDoi: number[] = [];
  private readonly weightPortfolio: number[] = [];
  private readonly weightShares: number[] = [];

  constructor(readonly ctx: MonthPassContext) {
    this.terms = new MonthPassTerms(ctx.terms, ctx.portfolioIds, ctx.month);
    this.year = Number(ctx.month.slice(0, 4));
    const m = Number(ctx.month.slice(5, 7));
    this.monthStartDay = dayNumberFromCivil(this.year, m, 1);
    this.monthEndDay = dayNumberFromCivil(this.year, m, daysInMonth(this.year, m));
    const split = ctx.holdingsAfterDay;
    if (split !== undefined && (split < this.monthStartDay || split > this.monthEndDay))
      throw new RangeError(`holdings after ${fromDayNumber(split)}: not a day of ${ctx.month}`);
  }

  private txnId(key: number): string {
    return this.ctx.txnIdOf ? this.ctx.txnIdOf(key) : String(key);
  }

  private pid(p: number): string {
    return this.ctx.portfolioIds[p]!;
  }

  private readonly isoDates = new Map<number, string>();
  /** YYYY-MM-DD of a day number, remembered (attributions name DOIs as strings) */
  private iso(day: number): string {
    let s = this.isoDates.get(day);
    if (s === undefined) {
      s = fromDayNumber(day);
      this.isoDates.set(day, s);
    }
    return s;
  }

  /** Applies the month to one chunk of accounts. */
  apply(state: ClassBLedgerState, tx: MonthTransactionColumns): ClassBMonthResult {
    const out = new Output(state, tx.count);
    const w = this.w;
    const acc = state.accounts;
    let t = 0;
    for (let a = 0; a < acc.count; a++) {
      const account = acc.key[a]!;
      w.load(state, a, this.terms.rank);
      this.checkClosedThroughLastMonth(account);
      let lastDay = NO_DAY;
      const notices = this.notices;
      notices.length = 0;
      const split = this.ctx.holdingsAfterDay;
      let splitWritten = split === undefined;
      for (; t < tx.count && tx.account[t] === account; t++) {
        const day = tx.day[t]!;
        if (!splitWritten && day > split!) {
          out.writeHoldingsAfterDay(account, acc.omnibus[a]!, w);
          splitWritten = true;
        }
        if (day < this.monthStartDay || day > this.monthEndDay)
          throw new RangeError(
            `${this.txnId(tx.txn[t]!)}: ${fromDayNumber(day)} is not in ${this.ctx.month}`,
          );
        if (day < lastDay)
          throw new RangeError(
            `${account}: activity on ${fromDayNumber(day)} after activity on ${fromDayNumber(lastDay)}`,
          );
        lastDay = day;
        switch (tx.type[t]) {
          case TXN_PURCHASE:
          case TXN_REINVEST:
            this.issue(tx, t, out);
            break;
          case TXN_REDEEM:
            this.redeem(account, tx, t, out);
            break;
          case TXN_EXCHANGE:
            this.exchange(account, tx, t, out);
            break;
          case TXN_CONVERT:
            notices.push(t);
            break;
          default:
            throw new RangeError(`transaction type ${tx.type[t]} is not known`);
        }
      }
      if (!splitWritten) out.writeHoldingsAfterDay(account, acc.omnibus[a]!, w);
      const conversionsFrom = out.conversionCount();
      this.convertAtMonthEnd(account, out);
      this.checkConversionNotices(tx, notices, conversionsFrom, out);
      out.writeAccount(account, acc.omnibus[a]!, w, this.year);
    }
    if (t !== tx.count)
      throw new RangeError(
        `transaction ${this.txnId(tx.txn[t]!)} is for account ${tx.account[t]}, which is not in this chunk (or out of order)`,
      );
    return out.done();
  }

  /** The state must have been closed through the previous month end: no conversion overdue. */
  private checkClosedThroughLastMonth(account: number): void {
    const w = this.w;
    for (let i = 0; i < w.n; i++)
      if (w.free[i] === 0 && w.doi[i]! < this.terms.convertFromDay[w.issuing[i]!]!)
        throw new RangeError(
          `account ${account}: lot ${this.txnId(w.origin[i]!)} should have converted to Class A before ${this.ctx.month}; apply the months in order`,
        );
  }

  /**
   * A purchase issues Commission Shares, cost = round_half_up(shares × price, 2); a reinvestment
   * Free Shares, their Exhibit A 2(b) attribution fixed now (SPEC §7).
   */
  private issue(tx: MonthTransactionColumns, t: number, out: Output): void {
    const w = this.w;
    const p = tx.portfolio[t]!;
    const shares = tx.shareUnits[t]!;
    const free = tx.type[t] === TXN_REINVEST ? 1 : 0;
    const attribution = free ? out.attribution(this.attributeReinvestment(tx, t)) : -1;
    if (!free && w.lhN !== 0) w.forgetLastHeld(p, tx.day[t]!);
    w.insert(
      this.terms.rank[p]!,
      p,
      p,
      tx.txn[t]!,
      free,
      tx.day[t]!,
      w.nextSequence++,
      w.nextArrival++,
      shares,
      mulDivRoundHalfUp(shares, tx.priceUnits[t]!, VALUE_UNITS_PER_CENT),
      attribution,
    );
  }

  /** freeShareAttribution.ts `attributeReinvestment` on the scratch lots of the portfolio. */
  private attributeReinvestment(tx: MonthTransactionColumns, t: number): FreeShareAttribution {
    const d = tx.attributedDistributor[t]!;
    if (d >= 0) {
      const distributor = this.ctx.distributors?.[d];
      if (distributor === undefined) throw new RangeError(`distributor key ${d} is not in the dictionary`);
      return Object.freeze({ kind: 'distributor', distributor });
    }
    const doi = tx.derivedFromDoiDay[t]!;
    const p = tx.portfolio[t]!;
    const w = this.w;
    w.range(this.terms.rank[p]!);
    const s = w.rangeStart;
    const e = w.rangeEnd;
    // weights by (DOI, issuing portfolio), in the order of their "DOI|portfolio" keys
    const kd = this.weightDoi;
    const kp = this.weightPortfolio;
    const ks = this.weightShares;
    let k = 0;
    for (let i = s; i < e; i++) {
      if (w.free[i] === 1) continue;
      if (doi !== NO_DAY && w.doi[i] !== doi) continue;
      let j = 0;
      while (j < k && !(kd[j] === w.doi[i] && kp[j] === w.issuing[i])) j++;
      if (j === k) {
        kd[k] = w.doi[i]!;
        kp[k] = w.issuing[i]!;
        ks[k] = 0;
        k++;
      }
      ks[j] = ks[j]! + w.shares[i]!;
    }
    // a stated DOI not held here: the first issuances of the shares of it last held here
    // (lastHeldIssuance.ts; SPEC §6: traced back to the first issuance)
    if (doi !== NO_DAY && k === 0)
      for (let j = 0; j < w.lhN; j++)
        if (w.lhPort[j] === p && w.lhDoi[j] === doi) {
          kd[k] = doi;
          kp[k] = w.lhIssuing[j]!;
          ks[k] = w.lhShares[j]!;
          k++;
        }
    const rank = this.terms.rank;
    const idx = k === 1 ? [0] : Array.from({ length: k }, (_, j) => j);
    if (k > 1) idx.sort((x, y) => kd[x]! - kd[y]! || rank[kp[x]!]! - rank[kp[y]!]!);

    const weights = idx.map((j) =>
      Object.freeze({
        issuingPortfolioId: this.pid(kp[j]!),
        dateOfOriginalIssuance: this.iso(kd[j]!),
        shareUnits: BigInt(ks[j]!),
      }),
    );
    if (doi !== NO_DAY && weights.length === 0)
      weights.push(
        Object.freeze({
          issuingPortfolioId: this.pid(p),
          dateOfOriginalIssuance: this.iso(doi),
          shareUnits: 1n,
        }),
      );
    return Object.freeze({
      kind: 'derivedFrom',
      basis: doi !== NO_DAY ? 'statedDoi' : 'accountCommissionShares',
      weights: Object.freeze(weights),
    });
  }

  /** Sets the workspace's range to the portfolio's lots. */
  private requireHeld(txn: number, p: number, shares: number, day: number, what: string): void {
    const w = this.w;
    w.range(this.terms.rank[p]!);
    const s = w.rangeStart;
    const e = w.rangeEnd;
    let held = 0;
    for (let i = s; i < e; i++) held += w.shares[i]!;
    if (held < shares)
      throw new LedgerRefusal(
        this.txnId(txn),
        'shares',
        `${what} ${formatShareUnits(BigInt(shares))} shares of ${this.pid(p)} on ${fromDayNumber(day)} but the account holds ${formatShareUnits(BigInt(held))}; check the shares, or import the activity that comes before it first`,
      );
  }

  /**
   * SPEC §6 redemption order (redemptionOrder.ts): Free Shares oldest first, then Commission
   * Shares past the CDSC period, then those bearing a CDSC, each oldest first; the scratch lots
   * are already in age order. Fills `w.order` and `w.rate`.
   */
  private orderForRedemption(s: number, e: number, day: number): number {
    const w = this.w;
    let k = 0;
    for (let i = s; i < e; i++) if (w.free[i] === 1) w.order[k++] = i;
    for (let i = s; i < e; i++)
      if (w.free[i] === 0) {
        w.rate[i] = this.terms.cdscRate(w.issuing[i]!, w.doi[i]!, day);
        if (w.rate[i] === 0) w.order[k++] = i;
      } else w.rate[i] = 0;
    for (let i = s; i < e; i++) if (w.free[i] === 0 && w.rate[i] !== 0) w.order[k++] = i;
    return k;
  }

  /**
   * DOMAIN §4.3: systematic withdrawals are waived up to 12% a calendar year of the account value
   * (the portfolio's shares × price at the year's first one, before it), in gross proceeds.
   */
  private checkSystematicWithdrawal(tx: MonthTransactionColumns, t: number, s: number, e: number): void {
    const w = this.w;
    const p = tx.portfolio[t]!;
    const price = tx.priceUnits[t]!;
    let row = w.withdrawalRow(p, this.year);
    if (row < 0) {
      let held = 0;
      for (let i = s; i < e; i++) held += w.shares[i]!;
      row = w.addWithdrawalRow(
        p,
        this.year,
        checked(systematicWithdrawalAllowanceCents(BigInt(held), BigInt(price))),
      );
    }
    const gross = mulDivRoundHalfUp(tx.shareUnits[t]!, price, VALUE_UNITS_PER_CENT);
    const used = w.swpUsed[row]!;
    if (used + gross > w.swpAllowance[row]!)
      throw new LedgerRefusal(
        this.txnId(tx.txn[t]!),
        'waiver',
        `systematic withdrawals from ${this.pid(p)} in ${this.year} would reach $${formatCents(BigInt(used + gross))} of gross proceeds, above the 12% a year waived ($${formatCents(BigInt(w.swpAllowance[row]!))}: 12% of the account value at the year's first one); record the excess as a redeem row without a waiver`,
      );
    w.swpUsed[row] = used + gross;
  }

  /** Agreement FOURTH(D): gross proceeds, less first the CDSC, second the redemption fee. */
  private redeem(account: number, tx: MonthTransactionColumns, t: number, out: Output): void {
    const w = this.w;
    const p = tx.portfolio[t]!;
    const day = tx.day[t]!;
    const shares = tx.shareUnits[t]!;
    const price = tx.priceUnits[t]!;
    const waiver = tx.waiver[t]!;
    this.requireHeld(tx.txn[t]!, p, shares, day, 'redeems');
    const s = w.rangeStart;
    const e = w.rangeEnd;
    if (waiver === SYSTEMATIC_WITHDRAWAL_CODE) this.checkSystematicWithdrawal(tx, t, s, e);
    const k = this.orderForRedemption(s, e, day);
    const fee = this.terms.fee[p];
    const r = out.redemptions;
    const pieceFrom = r.pieces.length;
    w.tkN = 0;
    let cdscCents = 0;
    let waivedCents = 0;
    let feeBase: number | bigint = 0;
    let left = shares;
    for (let j = 0; j < k && left > 0; j++) {
      const i = w.order[j]!;
      w.take(i, left);
      const taken = w.taken;
      const cost = w.takenCost;
      left -= taken;
      const rate = w.rate[i]!;
      const valueUnits = mulExact(taken, price);
      const costUnits = mulExact(cost, VALUE_UNITS_PER_CENT);
      const base = costUnits < valueUnits ? costUnits : valueUnits;
      const cdsc = this.terms.reducedRate(rate).of(base);
      const waived = waiver === 0 ? 0 : cdsc;
      r.pieces.push(w.origin[i]!, w.free[i]!, w.doi[i]!, w.issuing[i]!, taken, cost);
      r.rateMicroPct.push(rate);
      r.baseValueUnits.push(typeof base === 'bigint' ? base : BigInt(base));
      r.pieceCdsc.push(cdsc - waived);
      r.pieceWaived.push(waived);
      cdscCents += cdsc - waived;
      waivedCents += waived;
      if (fee && (fee.holdingDays === null || day - w.doi[i]! < fee.holdingDays)) {
        if (typeof feeBase === 'number' && typeof valueUnits === 'number' && feeBase + valueUnits <= MAX)
          feeBase += valueUnits;
        else feeBase = BigInt(feeBase) + BigInt(valueUnits);
      }
    }
    if (left !== 0) throw new Error('take: the holding ran out of shares');
    w.compact();
    if (w.tkN !== 0) w.rememberEmptied(p, this.terms.rank);
    const grossCents = mulDivRoundHalfUp(shares, price, VALUE_UNITS_PER_CENT);
    const feeCents = fee ? fee.rate.of(feeBase) : 0;
    const netCents = grossCents - cdscCents - feeCents;
    if (netCents < 0)
      throw new Error(`${this.txnId(tx.txn[t]!)}: CDSC and redemption fee exceed the gross proceeds`);
    r.account.push(account);
    r.txn.push(tx.txn[t]!);
    r.day.push(day);
    r.portfolio.push(p);
    r.shareUnits.push(shares);
    r.priceUnits.push(price);
    r.waiver.push(waiver);
    r.grossCents.push(grossCents);
    r.cdscCents.push(cdscCents);
    r.waivedCents.push(waivedCents);
    r.feeCents.push(feeCents);
    r.netCents.push(netCents);
    r.pieceStart.push(pieceFrom);
  }

  /**
   * A Free Exchange Transaction (classBLedger.ts `exchange`): the pieces given up keep DOI, kind,
   * cost and issuing portfolio; shares delivered spread by largest remainder; a piece receiving
   * no share hands its cost to the piece of its kind receiving the most (else to the most).
   */
  private exchange(account: number, tx: MonthTransactionColumns, t: number, out: Output): void {
    const w = this.w;
    const from = tx.portfolio[t]!;
    const to = tx.inPortfolio[t]!;
    const day = tx.day[t]!;
    this.requireHeld(tx.txn[t]!, from, tx.shareUnits[t]!, day, 'exchanges out');
    const s = w.rangeStart;
    const e = w.rangeEnd;
    const k = this.orderForRedemption(s, e, day);
    const x = out.exchanges;
    const pieceFrom = x.pieces.length;
    const moved: MovedPiece[] = [];
    let left = tx.shareUnits[t]!;
    w.tkN = 0;
    for (let j = 0; j < k && left > 0; j++) {
      const i = w.order[j]!;
      w.take(i, left);
      const taken = w.taken;
      const cost = w.takenCost;
      left -= taken;
      moved.push({
        origin: w.origin[i]!,
        free: w.free[i]!,
        doi: w.doi[i]!,
        issuing: w.issuing[i]!,
        sequence: w.sequence[i]!,
        attribution: w.attribution[i]!,
        shares: taken,
        cost,
        landedCost: cost,
        delivered: 0,
      });
    }
    if (left !== 0) throw new Error('take: the holding ran out of shares');
    w.compact();
    if (w.tkN !== 0) w.rememberEmptied(from, this.terms.rank);
    const inShares = tx.inShareUnits[t]!;
    if (moved.length === 1) moved[0]!.delivered = inShares;
    else {
      const parts = largestRemainder(
        BigInt(inShares),
        moved.map((m) => BigInt(m.shares)),
      );
      moved.forEach((m, i) => {
        m.delivered = Number(parts[i]!);
      });
    }
    for (const m of moved) {
      x.pieces.push(m.origin, m.free, m.doi, m.issuing, m.shares, m.cost);
      x.delivered.push(m.delivered);
    }
    for (const m of moved) {
      if (m.delivered !== 0) continue;
      const heir = heirOf(moved, m.free);
      heir.landedCost += m.landedCost;
      m.landedCost = 0;
    }
    // SPEC §6: every piece lands as a lot of its own, never merged.
    const rank = this.terms.rank[to]!;
    for (const m of moved) {
      if (m.delivered === 0) continue;
      if (m.free === 0 && w.lhN !== 0) w.forgetLastHeld(to, m.doi);
      w.insert(
        rank,
        to,
        m.issuing,
        m.origin,
        m.free,
        m.doi,
        m.sequence,
        w.nextArrival++,
        m.delivered,
        m.landedCost,
        m.attribution,
      );
    }
    x.account.push(account);
    x.exchange.push(tx.exchange[t]!);
    x.outTxn.push(tx.txn[t]!);
    x.inTxn.push(tx.inTxn[t]!);
    x.day.push(day);
    x.fromPortfolio.push(from);
    x.toPortfolio.push(to);
    x.pieceStart.push(pieceFrom);
  }

  /**
   * SPEC §6 conversion at the month end: in each portfolio, the Commission Shares whose
   * conversion date it is convert, and Free Shares with them pro rata:
   * round_half_up(free × converting / all commission shares, 0.0001 share), oldest first.
   */
  private convertAtMonthEnd(account: number, out: Output): void {
    const w = this.w;
    const c = out.conversions;
    // portfolio by portfolio in rank order; a portfolio's conversion may empty lots of it only
    for (let rank = w.n > 0 ? w.rank[0]! : -1; rank >= 0; rank = w.rankAfter(rank)) {
      w.range(rank);
      const s = w.rangeStart;
      const e = w.rangeEnd;
      let converting = 0;
      let allCommission = 0;
      let free = 0;
      for (let i = s; i < e; i++) {
        if (w.free[i] === 1) free += w.shares[i]!;
        else {
          allCommission += w.shares[i]!;
          const from = this.terms.convertFromDay[w.issuing[i]!]!;
          if (w.doi[i]! >= from && w.doi[i]! <= this.terms.convertToDay[w.issuing[i]!]!)
            converting += w.shares[i]!;
        }
      }
      if (converting === 0) continue;
      const freeConverting = mulDivRoundHalfUp(free, converting, allCommission);
      const pieceFrom = c.pieces.length;
      let left = freeConverting;
      w.tkN = 0;
      for (let i = s; i < e && left > 0; i++) {
        if (w.free[i] !== 1) continue;
        w.take(i, left);
        const taken = w.taken;
        const cost = w.takenCost;
        left -= taken;
        c.pieces.push(w.origin[i]!, 1, w.doi[i]!, w.issuing[i]!, taken, cost);
      }
      if (left !== 0) throw new Error('take: the holding ran out of shares');
      for (let i = s; i < e; i++) {
        if (w.free[i] !== 0) continue;
        if (
          w.doi[i]! < this.terms.convertFromDay[w.issuing[i]!]! ||
          w.doi[i]! > this.terms.convertToDay[w.issuing[i]!]!
        )
          continue;
        w.take(i, w.shares[i]!);
        const taken = w.taken;
        const cost = w.takenCost;
        c.pieces.push(w.origin[i]!, 0, w.doi[i]!, w.issuing[i]!, taken, cost);
      }
      const converted = w.port[s]!;
      c.account.push(account);
      c.day.push(this.monthEndDay);
      c.portfolio.push(converted);
      c.commissionShareUnits.push(converting);
      c.freeShareUnits.push(freeConverting);
      c.pieceStart.push(pieceFrom);
      // zero lots are removed after the portfolio's conversion, before the next portfolio's range is read
      w.compact();
      if (w.tkN !== 0) w.rememberEmptied(converted, this.terms.rank);
    }
  }

  /** classBLedger.ts `checkConversionNotices` for this month end; fills `confirmedBy`. */
  private checkConversionNotices(
    tx: MonthTransactionColumns,
    notices: readonly number[],
    conversionsFrom: number,
    out: Output,
  ): void {
    const c = out.conversions;
    if (notices.length === 0) {
      for (let i = conversionsFrom; i < c.account.length; i++) c.confirmedStart.push(c.confirmedBy.length);
      return;
    }
    const groups = new Map<number, number[]>();
    for (const t of notices) {
      const g = groups.get(tx.portfolio[t]!);
      if (g) g.push(t);
      else groups.set(tx.portfolio[t]!, [t]);
    }
    const confirmed = new Map<number, number[]>();
    for (const [p, ts] of groups) {
      let reported = 0;
      for (const t of ts) reported += tx.shareUnits[t]!;
      let index = -1;
      for (let i = conversionsFrom; i < c.account.length; i++) if (c.portfolio.get(i) === p) index = i;
      const dueShares = index < 0 ? 0 : c.commissionShareUnits.get(index) + c.freeShareUnits.get(index);
      if (dueShares !== reported) {
        const end = fromDayNumber(this.monthEndDay);
        const month = this.ctx.month;
        throw new LedgerRefusal(
          this.txnId(tx.txn[ts[0]!]!),
          'shares',
          index >= 0
            ? `the conversion to Class A due at ${end} in ${this.pid(p)} is ${formatShareUnits(BigInt(dueShares))} shares (${formatShareUnits(BigInt(c.commissionShareUnits.get(index)))} Commission Shares and ${formatShareUnits(BigInt(c.freeShareUnits.get(index)))} Free Shares pro rata); the convert rows say ${formatShareUnits(BigInt(reported))}; check the rows against \`plan12b conversions --month ${month}\``
            : `no Class B shares of this account in ${this.pid(p)} convert at ${end}; check the date and the shares against \`plan12b conversions --month ${month}\``,
        );
      }
      if (index >= 0)
        confirmed.set(
          index,
          ts.map((t) => tx.txn[t]!),
        );
    }
    for (let i = conversionsFrom; i < c.account.length; i++) {
      c.confirmedStart.push(c.confirmedBy.length);
      for (const txn of confirmed.get(i) ?? []) c.confirmedBy.push(txn);
    }
  }
}

interface MovedPiece {
  readonly origin: number;
  readonly free: number;
  readonly doi: number;
  readonly issuing: number;
  readonly sequence: number;
  readonly attribution: number;
  readonly shares: number;
  readonly cost: number;
  landedCost: number;
  delivered: number;
}

/** The piece that takes the cost of a piece receiving no share: of the same kind if one receives shares. */
function heirOf(pieces: readonly MovedPiece[], free: number): MovedPiece {
  let best: MovedPiece | undefined;
  for (const p of pieces)
    if (p.free === free && p.delivered > 0 && (!best || p.delivered > best.delivered)) best = p;
  if (best) return best;
  for (const p of pieces) if (p.delivered > 0 && (!best || p.delivered > best.delivered)) best = p;
  if (!best) throw new Error('an exchange that delivers no shares');
  return best;
}

/**
 * One account's lots while its month is applied, in the ledger's order: portfolio rank, DOI,
 * sequence, arrival. Reused from account to account (it only grows to the largest account).
 */
class Workspace {
  n = 0;
  cap = 64;
  rank = new Int32Array(64);
  port = new Int32Array(64);
  issuing = new Int32Array(64);
  origin = new Float64Array(64);
  free = new Uint8Array(64);
  doi = new Int32Array(64);
  sequence = new Int32Array(64);
  arrival = new Int32Array(64);
  shares = new Float64Array(64);
  cost = new Float64Array(64);
  attribution = new Int32Array(64);
  rate = new Float64Array(64);
  order = new Int32Array(64);
  nextSequence = 0;
  nextArrival = 0;
  taken = 0;
  takenCost = 0;
  rangeStart = 0;
  rangeEnd = 0;
  /** lastHeldIssuance.ts: the account's remembered issuances (portfolio key, DOI day, issuing key, shares) */
  lhN = 0;
  lhPort: number[] = [];
  lhDoi: number[] = [];
  lhIssuing: number[] = [];
  lhShares: number[] = [];
  /** the Commission Share pieces the current activity took (DOI day, issuing key, shares) */
  tkN = 0;
  tkDoi: number[] = [];
  tkIssuing: number[] = [];
  tkShares: number[] = [];
  swpN = 0;
  swpPortfolio: number[] = [];
  swpYear: number[] = [];
  swpAllowance: number[] = [];
  swpUsed: number[] = [];

  private grow(): void {
    const cap = this.cap * 2;
    const g = <A extends Int32Array | Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a as never);
      return b;
    };
    const I = (n: number) => new Int32Array(n);
    const F = (n: number) => new Float64Array(n);
    this.rank = g(this.rank, I);
    this.port = g(this.port, I);
    this.issuing = g(this.issuing, I);
    this.origin = g(this.origin, F);
    this.free = g(this.free, (n) => new Uint8Array(n));
    this.doi = g(this.doi, I);
    this.sequence = g(this.sequence, I);
    this.arrival = g(this.arrival, I);
    this.shares = g(this.shares, F);
    this.cost = g(this.cost, F);
    this.attribution = g(this.attribution, I);
    this.rate = g(this.rate, F);
    this.order = g(this.order, I);
    this.cap = cap;
  }

  load(state: ClassBLedgerState, a: number, rank: Int32Array): void {
    const acc = state.accounts;
    const l = state.lots;
    this.n = 0;
    this.nextSequence = acc.nextSequence[a]!;
    this.nextArrival = acc.nextArrival[a]!;
    for (let i = acc.lotStart[a]!; i < acc.lotStart[a + 1]!; i++)
      this.insert(
        rank[l.portfolio[i]!]!,
        l.portfolio[i]!,
        l.issuingPortfolio[i]!,
        l.origin[i]!,
        l.free[i]!,
        l.doiDay[i]!,
        l.sequence[i]!,
        l.arrival[i]!,
        l.shareUnits[i]!,
        l.costCents[i]!,
        l.attribution[i]!,
      );
    const lh = state.lastHeld;
    this.lhN = 0;
    for (let i = acc.lastHeldStart[a]!; i < acc.lastHeldStart[a + 1]!; i++) {
      this.lhPort[this.lhN] = lh.portfolio[i]!;
      this.lhDoi[this.lhN] = lh.doiDay[i]!;
      this.lhIssuing[this.lhN] = lh.issuingPortfolio[i]!;
      this.lhShares[this.lhN] = lh.shareUnits[i]!;
      this.lhN++;
    }
    const sw = state.systematicWithdrawals;
    this.swpN = 0;
    for (let i = acc.withdrawalStart[a]!; i < acc.withdrawalStart[a + 1]!; i++)
      this.addWithdrawalRow(sw.portfolio[i]!, sw.year[i]!, sw.allowanceUnits[i]!, sw.usedUnits[i]!);
  }

  /** Inserts a lot after every lot that sorts before or with it. */
  insert(
    rank: number,
    port: number,
    issuing: number,
    origin: number,
    free: number,
    doi: number,
    sequence: number,
    arrival: number,
    shares: number,
    cost: number,
    attribution: number,
  ): void {
    if (this.n === this.cap) this.grow();
    let i = this.n;
    while (i > 0) {
      const j = i - 1;
      const before =
        this.rank[j]! < rank ||
        (this.rank[j] === rank &&
          (this.doi[j]! < doi ||
            (this.doi[j] === doi &&
              (this.sequence[j]! < sequence ||
                (this.sequence[j] === sequence && this.arrival[j]! <= arrival)))));
      if (before) break;
      i--;
    }
    // a few lots per account: shifting by hand beats eleven copyWithin calls
    for (let j = this.n; j > i; j--) {
      this.rank[j] = this.rank[j - 1]!;
      this.port[j] = this.port[j - 1]!;
      this.issuing[j] = this.issuing[j - 1]!;
      this.origin[j] = this.origin[j - 1]!;
      this.free[j] = this.free[j - 1]!;
      this.doi[j] = this.doi[j - 1]!;
      this.sequence[j] = this.sequence[j - 1]!;
      this.arrival[j] = this.arrival[j - 1]!;
      this.shares[j] = this.shares[j - 1]!;
      this.cost[j] = this.cost[j - 1]!;
      this.attribution[j] = this.attribution[j - 1]!;
    }
    this.rank[i] = rank;
    this.port[i] = port;
    this.issuing[i] = issuing;
    this.origin[i] = origin;
    this.free[i] = free;
    this.doi[i] = doi;
    this.sequence[i] = sequence;
    this.arrival[i] = arrival;
    this.shares[i] = shares;
    this.cost[i] = cost;
    this.attribution[i] = attribution;
    this.n++;
  }

  /** The lots of the portfolio of this rank: [rangeStart, rangeEnd). */
  range(rank: number): void {
    let s = 0;
    while (s < this.n && this.rank[s]! < rank) s++;
    let e = s;
    while (e < this.n && this.rank[e] === rank) e++;
    this.rangeStart = s;
    this.rangeEnd = e;
  }

  /**
   * Takes up to `wanted` shares from lot i; a lot consumed in part gives up
   * round_half_up(cost × taken / shares, 2) and keeps the rest (SPEC §6); sets `taken`, `takenCost`.
   */
  take(i: number, wanted: number): void {
    const shares = this.shares[i]!;
    const taken = wanted < shares ? wanted : shares;
    const cost = taken === shares ? this.cost[i]! : mulDivRoundHalfUp(this.cost[i]!, taken, shares);
    this.shares[i] = shares - taken;
    this.cost[i] = this.cost[i]! - cost;
    this.taken = taken;
    this.takenCost = cost;
    if (this.free[i] === 0) {
      const k = this.tkN++;
      this.tkDoi[k] = this.doi[i]!;
      this.tkIssuing[k] = this.issuing[i]!;
      this.tkShares[k] = taken;
    }
  }

  /** Commission Shares of (p, doi) held again: what was remembered of them goes (lastHeldIssuance.ts). */
  forgetLastHeld(p: number, doi: number): void {
    let m = 0;
    for (let e = 0; e < this.lhN; e++) {
      if (this.lhPort[e] === p && this.lhDoi[e] === doi) continue;
      if (m !== e) {
        this.lhPort[m] = this.lhPort[e]!;
        this.lhDoi[m] = this.lhDoi[e]!;
        this.lhIssuing[m] = this.lhIssuing[e]!;
        this.lhShares[m] = this.lhShares[e]!;
      }
      m++;
    }
    this.lhN = m;
  }

  /**
   * lastHeldIssuance.ts `rememberLastHeld` after an activity took the pieces `tk*` from portfolio
   * `p` (its lots compacted): each DOI taken to the last forgets what was remembered of it and
   * remembers its pieces by issuing portfolio, if any came from another portfolio. Nothing to do
   * (the common case) when nothing is remembered and every piece was issued by `p` itself.
   */
  rememberEmptied(p: number, rank: Int32Array): void {
    const n = this.tkN;
    if (this.lhN === 0) {
      let foreign = false;
      for (let j = 0; j < n; j++) if (this.tkIssuing[j] !== p) foreign = true;
      if (!foreign) return;
    }
    this.range(rank[p]!);
    for (let j = 0; j < n; j++) {
      const doi = this.tkDoi[j]!;
      let seen = false;
      for (let e = 0; e < j && !seen; e++) seen = this.tkDoi[e] === doi;
      if (seen) continue;
      let held = false;
      for (let i = this.rangeStart; i < this.rangeEnd && !held; i++)
        held = this.free[i] === 0 && this.doi[i] === doi;
      if (held) continue;
      this.forgetLastHeld(p, doi);
      let foreign = false;
      for (let e = j; e < n; e++) if (this.tkDoi[e] === doi && this.tkIssuing[e] !== p) foreign = true;
      if (!foreign) continue;
      for (let e = j; e < n; e++) {
        if (this.tkDoi[e] !== doi) continue;
        const issuing = this.tkIssuing[e]!;
        let at = 0;
        while (
          at < this.lhN &&
          !(this.lhPort[at] === p && this.lhDoi[at] === doi && this.lhIssuing[at] === issuing)
        )
          at++;
        if (at < this.lhN) {
          this.lhShares[at] = this.lhShares[at]! + this.tkShares[e]!;
          continue;
        }
        // kept in (portfolio rank, DOI, issuing rank) order
        at = this.lhN;
        while (
          at > 0 &&
          (rank[this.lhPort[at - 1]!]! > rank[p]! ||
            (this.lhPort[at - 1] === p &&
              (this.lhDoi[at - 1]! > doi ||
                (this.lhDoi[at - 1] === doi && rank[this.lhIssuing[at - 1]!]! > rank[issuing]!))))
        ) {
          this.lhPort[at] = this.lhPort[at - 1]!;
          this.lhDoi[at] = this.lhDoi[at - 1]!;
          this.lhIssuing[at] = this.lhIssuing[at - 1]!;
          this.lhShares[at] = this.lhShares[at - 1]!;
          at--;
        }
        this.lhPort[at] = p;
        this.lhDoi[at] = doi;
        this.lhIssuing[at] = issuing;
        this.lhShares[at] = this.tkShares[e]!;
        this.lhN++;
      }
    }
  }

  /** Removes the lots left without shares (their cost must be gone with them). */
  compact(): void {
    let k = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.shares[i] === 0) {
        if (this.cost[i] !== 0)
          throw new Error(`lot ${this.origin[i]} has no shares left but ${this.cost[i]} cents of cost`);
        continue;
      }
      if (k !== i) {
        this.rank[k] = this.rank[i]!;
        this.port[k] = this.port[i]!;
        this.issuing[k] = this.issuing[i]!;
        this.origin[k] = this.origin[i]!;
        this.free[k] = this.free[i]!;
        this.doi[k] = this.doi[i]!;
        this.sequence[k] = this.sequence[i]!;
        this.arrival[k] = this.arrival[i]!;
        this.shares[k] = this.shares[i]!;
        this.cost[k] = this.cost[i]!;
        this.attribution[k] = this.attribution[i]!;
      }
      k++;
    }
    this.n = k;
  }

  /** the smallest portfolio rank held above `rank`, or -1 */
  rankAfter(rank: number): number {
    for (let i = 0; i < this.n; i++) if (this.rank[i]! > rank) return this.rank[i]!;
    return -1;
  }

  withdrawalRow(portfolio: number, year: number): number {
    for (let i = 0; i < this.swpN; i++)
      if (this.swpPortfolio[i] === portfolio && this.swpYear[i] === year) return i;
    return -1;
  }

  addWithdrawalRow(portfolio: number, year: number, allowance: number, used = 0): number {
    const i = this.swpN++;
    this.swpPortfolio[i] = portfolio;
    this.swpYear[i] = year;
    this.swpAllowance[i] = allowance;
    this.swpUsed[i] = used;
    return i;
  }
}

const accBuilders = (n: number) => ({
  key: i32(n),
  omnibus: u8(n),
  nextSequence: i32(n),
  nextArrival: i32(n),
  lotStart: i32(n),
  withdrawalStart: i32(n),
  lastHeldStart: i32(n),
});
const lastHeldBuilders = (n: number) => ({
  portfolio: i32(n),
  doiDay: i32(n),
  issuingPortfolio: i32(n),
  shareUnits: f64(n),
});
const lotsBuilders = (n: number) => new LotTable(n);
const swpBuilders = (n: number) => ({
  portfolio: i32(n),
  year: i32(n),
  allowanceUnits: f64(n),
  usedUnits: f64(n),
});
const redemptionsBuilders = (n: number) => ({
  account: i32(n),
  txn: f64(n),
  day: i32(n),
  portfolio: i32(n),
  shareUnits: f64(n),
  priceUnits: f64(n),
  waiver: u8(n),
  grossCents: f64(n),
  cdscCents: f64(n),
  waivedCents: f64(n),
  feeCents: f64(n),
  netCents: f64(n),
  pieceStart: i32(n),
  pieces: new PieceBuilder(n),
  rateMicroPct: f64(n),
  baseValueUnits: i64(n),
  pieceCdsc: f64(n),
  pieceWaived: f64(n),
});
const exchangesBuilders = (n: number) => ({
  account: i32(n),
  exchange: f64(n),
  outTxn: f64(n),
  inTxn: f64(n),
  day: i32(n),
  fromPortfolio: i32(n),
  toPortfolio: i32(n),
  pieceStart: i32(n),
  pieces: new PieceBuilder(n),
  delivered: f64(n),
});
const conversionsBuilders = (n: number) => ({
  account: i32(n),
  day: i32(n),
  portfolio: i32(n),
  commissionShareUnits: f64(n),
  freeShareUnits: f64(n),
  pieceStart: i32(n),
  pieces: new PieceBuilder(n),
  confirmedStart: i32(n),
  confirmedBy: f64(n),
});
const holdingsBuilders = (n: number) => new HoldingTable(n);

/** A column grown into a larger one: the old values copied to its start. */
function grow<A extends Int32Array | Float64Array | Uint8Array>(a: A, b: A): A {
  b.set(a as never);
  return b;
}

/** The lots written out, in raw typed arrays grown once per account (the hottest writes of the pass). */
class LotTable {
  count = 0;
  portfolio: Int32Array;
  issuingPortfolio: Int32Array;
  origin: Float64Array;
  free: Uint8Array;
  doiDay: Int32Array;
  sequence: Int32Array;
  arrival: Int32Array;
  shareUnits: Float64Array;
  costCents: Float64Array;
  attribution: Int32Array;
  constructor(private capacity: number) {
    this.portfolio = new Int32Array(capacity);
    this.issuingPortfolio = new Int32Array(capacity);
    this.origin = new Float64Array(capacity);
    this.free = new Uint8Array(capacity);
    this.doiDay = new Int32Array(capacity);
    this.sequence = new Int32Array(capacity);
    this.arrival = new Int32Array(capacity);
    this.shareUnits = new Float64Array(capacity);
    this.costCents = new Float64Array(capacity);
    this.attribution = new Int32Array(capacity);
  }
  ensure(extra: number): void {
    if (this.count + extra <= this.capacity) return;
    const cap = Math.max(this.capacity * 2, this.count + extra);
    this.portfolio = grow(this.portfolio, new Int32Array(cap));
    this.issuingPortfolio = grow(this.issuingPortfolio, new Int32Array(cap));
    this.origin = grow(this.origin, new Float64Array(cap));
    this.free = grow(this.free, new Uint8Array(cap));
    this.doiDay = grow(this.doiDay, new Int32Array(cap));
    this.sequence = grow(this.sequence, new Int32Array(cap));
    this.arrival = grow(this.arrival, new Int32Array(cap));
    this.shareUnits = grow(this.shareUnits, new Float64Array(cap));
    this.costCents = grow(this.costCents, new Float64Array(cap));
    this.attribution = grow(this.attribution, new Int32Array(cap));
    this.capacity = cap;
  }
  done(): LotColumns {
    const n = this.count;
    return {
      count: n,
      portfolio: this.portfolio.subarray(0, n),
      issuingPortfolio: this.issuingPortfolio.subarray(0, n),
      origin: this.origin.subarray(0, n),
      free: this.free.subarray(0, n),
      doiDay: this.doiDay.subarray(0, n),
      sequence: this.sequence.subarray(0, n),
      arrival: this.arrival.subarray(0, n),
      shareUnits: this.shareUnits.subarray(0, n),
      costCents: this.costCents.subarray(0, n),
      attribution: this.attribution.subarray(0, n),
    };
  }
}

/** The month-end holdings written out, like {@link LotTable}. */
class HoldingTable {
  count = 0;
  account: Int32Array;
  omnibus: Uint8Array;
  portfolio: Int32Array;
  free: Uint8Array;
  issuingPortfolio: Int32Array;
  doiDay: Int32Array;
  attribution: Int32Array;
  shareUnits: Float64Array;
  constructor(private capacity: number) {
    this.account = new Int32Array(capacity);
    this.omnibus = new Uint8Array(capacity);
    this.portfolio = new Int32Array(capacity);
    this.free = new Uint8Array(capacity);
    this.issuingPortfolio = new Int32Array(capacity);
    this.doiDay = new Int32Array(capacity);
    this.attribution = new Int32Array(capacity);
    this.shareUnits = new Float64Array(capacity);
  }
  /**
   * One lot's holding (room made by `ensure`): Commission Shares are summed with the account's row
   * of the same issuing portfolio and DOI in this portfolio (its rows start at `portfolioStart`);
   * Free Shares keep a row each (Exhibit A 2(b) splits each lot on its own).
   */
  add(
    portfolioStart: number,
    account: number,
    omnibus: number,
    portfolio: number,
    free: number,
    issuing: number,
    doiDay: number,
    attribution: number,
    shareUnits: number,
  ): void {
    if (free === 0)
      for (let r = portfolioStart; r < this.count; r++)
        if (this.free[r] === 0 && this.doiDay[r] === doiDay && this.issuingPortfolio[r] === issuing) {
          this.shareUnits[r] = this.shareUnits[r]! + shareUnits;
          return;
        }
    const h = this.count++;
    this.account[h] = account;
    this.omnibus[h] = omnibus;
    this.portfolio[h] = portfolio;
    this.free[h] = free;
    this.issuingPortfolio[h] = issuing;
    this.doiDay[h] = doiDay;
    this.attribution[h] = attribution;
    this.shareUnits[h] = shareUnits;
  }
  ensure(extra: number): void {
    if (this.count + extra <= this.capacity) return;
    const cap = Math.max(this.capacity * 2, this.count + extra);
    this.account = grow(this.account, new Int32Array(cap));
    this.omnibus = grow(this.omnibus, new Uint8Array(cap));
    this.portfolio = grow(this.portfolio, new Int32Array(cap));
    this.free = grow(this.free, new Uint8Array(cap));
    this.issuingPortfolio = grow(this.issuingPortfolio, new Int32Array(cap));
    this.doiDay = grow(this.doiDay, new Int32Array(cap));
    this.attribution = grow(this.attribution, new Int32Array(cap));
    this.shareUnits = grow(this.shareUnits, new Float64Array(cap));
    this.capacity = cap;
  }
  done(): MonthEndHoldingColumns {
    const n = this.count;
    return {
      count: n,
      account: this.account.subarray(0, n),
      omnibus: this.omnibus.subarray(0, n),
      portfolio: this.portfolio.subarray(0, n),
      free: this.free.subarray(0, n),
      issuingPortfolio: this.issuingPortfolio.subarray(0, n),
      doiDay: this.doiDay.subarray(0, n),
      attribution: this.attribution.subarray(0, n),
      shareUnits: this.shareUnits.subarray(0, n),
    };
  }
}

/** The builders of one chunk's results, sized from the chunk. */
class Output {
  private readonly attributionsIn: readonly FreeShareAttribution[];
  private readonly fresh: FreeShareAttribution[] = [];
  private readonly attributionMap: Int32Array;
  private readonly attributionsOut: FreeShareAttribution[] = [];
  private readonly acc: ReturnType<typeof accBuilders>;
  private readonly lots: ReturnType<typeof lotsBuilders>;
  private readonly swp: ReturnType<typeof swpBuilders>;
  private readonly lastHeld: ReturnType<typeof lastHeldBuilders>;
  readonly redemptions: ReturnType<typeof redemptionsBuilders>;
  readonly exchanges: ReturnType<typeof exchangesBuilders>;
  readonly conversions: ReturnType<typeof conversionsBuilders>;
  private readonly holdings: ReturnType<typeof holdingsBuilders>;
  private readonly holdingsAtDay: ReturnType<typeof holdingsBuilders>;
  private wantHoldingsAtDay = false;

  constructor(state: ClassBLedgerState, txns: number) {
    const accounts = state.accounts.count + 1;
    const lots = state.lots.count + txns + 16;
    const exchanges = (txns >> 2) + 16;
    this.acc = accBuilders(accounts);
    this.lots = lotsBuilders(lots);
    this.swp = swpBuilders(16);
    this.lastHeld = lastHeldBuilders(16);
    this.redemptions = redemptionsBuilders(txns);
    this.exchanges = exchangesBuilders(exchanges);
    this.conversions = conversionsBuilders((accounts >> 4) + 16);
    this.holdings = holdingsBuilders(lots);
    this.holdingsAtDay = holdingsBuilders(16);
    this.attributionsIn = state.attributions;
    this.attributionMap = new Int32Array(state.attributions.length).fill(-1);
  }

  conversionCount(): number {
    return this.conversions.account.length;
  }

  /** A new attribution; its index counts after the input table's. */
  attribution(a: FreeShareAttribution): number {
    this.fresh.push(a);
    return this.attributionsIn.length + this.fresh.length - 1;
  }

  /** The output table keeps only the attributions of the lots still held. */
  private attributionOut(index: number): number {
    if (index < 0) return -1;
    if (index >= this.attributionsIn.length) {
      this.attributionsOut.push(this.fresh[index - this.attributionsIn.length]!);
      return this.attributionsOut.length - 1;
    }
    let m = this.attributionMap[index]!;
    if (m < 0) {
      this.attributionsOut.push(this.attributionsIn[index]!);
      m = this.attributionsOut.length - 1;
      this.attributionMap[index] = m;
    }
    return m;
  }

  /** The holdings in the middle of the month (see `holdingsAfterDay`), as at the month end. */
  writeHoldingsAfterDay(account: number, omnibus: number, w: Workspace): void {
    this.wantHoldingsAtDay = true;
    const H = this.holdingsAtDay;
    H.ensure(w.n);
    let portfolioStart = H.count;
    let lastPortfolio = -1;
    for (let i = 0; i < w.n; i++) {
      // lots redeemed later in the month keep their attribution in the output table for this
      const attr = w.attribution[i]! < 0 ? -1 : this.attributionOut(w.attribution[i]!);
      if (w.port[i] !== lastPortfolio) {
        lastPortfolio = w.port[i]!;
        portfolioStart = H.count;
      }
      H.add(
        portfolioStart,
        account,
        omnibus,
        w.port[i]!,
        w.free[i]!,
        w.issuing[i]!,
        w.doi[i]!,
        attr,
        w.shares[i]!,
      );
    }
  }

  writeAccount(account: number, omnibus: number, w: Workspace, year: number): void {
    const L = this.lots;
    const H = this.holdings;
    this.acc.key.push(account);
    this.acc.omnibus.push(omnibus);
    this.acc.nextSequence.push(w.nextSequence);
    this.acc.nextArrival.push(w.nextArrival);
    this.acc.lotStart.push(L.count);
    this.acc.withdrawalStart.push(this.swp.portfolio.length);
    this.acc.lastHeldStart.push(this.lastHeld.portfolio.length);
    for (let i = 0; i < w.lhN; i++) {
      this.lastHeld.portfolio.push(w.lhPort[i]!);
      this.lastHeld.doiDay.push(w.lhDoi[i]!);
      this.lastHeld.issuingPortfolio.push(w.lhIssuing[i]!);
      this.lastHeld.shareUnits.push(w.lhShares[i]!);
    }
    // a new lot's fresh attribution may be shared by several pieces after exchanges: map it once
    let freshMap: Map<number, number> | undefined;
    // Commission Shares summed by (issuing portfolio, DOI) within each portfolio
    L.ensure(w.n);
    H.ensure(w.n);
    let portfolioStart = H.count;
    let lastPortfolio = -1;
    for (let i = 0; i < w.n; i++) {
      let attr = w.attribution[i]!;
      if (attr >= 0) {
        if (attr >= this.attributionsIn.length) {
          freshMap ??= new Map();
          let m = freshMap.get(attr);
          if (m === undefined) {
            m = this.attributionOut(attr);
            freshMap.set(attr, m);
          }
          attr = m;
        } else attr = this.attributionOut(attr);
      }
      const k = L.count++;
      L.portfolio[k] = w.port[i]!;
      L.issuingPortfolio[k] = w.issuing[i]!;
      L.origin[k] = w.origin[i]!;
      L.free[k] = w.free[i]!;
      L.doiDay[k] = w.doi[i]!;
      L.sequence[k] = w.sequence[i]!;
      L.arrival[k] = w.arrival[i]!;
      L.shareUnits[k] = w.shares[i]!;
      L.costCents[k] = w.cost[i]!;
      L.attribution[k] = attr;
      if (w.port[i] !== lastPortfolio) {
        lastPortfolio = w.port[i]!;
        portfolioStart = H.count;
      }
      H.add(
        portfolioStart,
        account,
        omnibus,
        w.port[i]!,
        w.free[i]!,
        w.issuing[i]!,
        w.doi[i]!,
        attr,
        w.shares[i]!,
      );
    }
    // only this year's allowances matter from here on (activity comes in date order)
    for (let i = 0; i < w.swpN; i++) {
      if (w.swpYear[i]! < year) continue;
      this.swp.portfolio.push(w.swpPortfolio[i]!);
      this.swp.year.push(w.swpYear[i]!);
      this.swp.allowanceUnits.push(w.swpAllowance[i]!);
      this.swp.usedUnits.push(w.swpUsed[i]!);
    }
  }

  done(): ClassBMonthResult {
    const A = this.acc;
    A.lotStart.push(this.lots.count);
    A.withdrawalStart.push(this.swp.portfolio.length);
    A.lastHeldStart.push(this.lastHeld.portfolio.length);
    const L = this.lots;
    const LH = this.lastHeld;
    const R = this.redemptions;
    R.pieceStart.push(R.pieces.length);
    const X = this.exchanges;
    X.pieceStart.push(X.pieces.length);
    const C = this.conversions;
    C.pieceStart.push(C.pieces.length);
    C.confirmedStart.push(C.confirmedBy.length);
    const H = this.holdings;
    return {
      state: {
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
        lots: L.done(),
        lastHeld: {
          count: LH.portfolio.length,
          portfolio: LH.portfolio.done(),
          doiDay: LH.doiDay.done(),
          issuingPortfolio: LH.issuingPortfolio.done(),
          shareUnits: LH.shareUnits.done(),
        },
        systematicWithdrawals: {
          count: this.swp.portfolio.length,
          portfolio: this.swp.portfolio.done(),
          year: this.swp.year.done(),
          allowanceUnits: this.swp.allowanceUnits.done(),
          usedUnits: this.swp.usedUnits.done(),
        },
        attributions: this.attributionsOut,
      },
      redemptions: {
        count: R.account.length,
        account: R.account.done(),
        txn: R.txn.done(),
        day: R.day.done(),
        portfolio: R.portfolio.done(),
        shareUnits: R.shareUnits.done(),
        priceUnits: R.priceUnits.done(),
        waiver: R.waiver.done(),
        grossCents: R.grossCents.done(),
        cdscCents: R.cdscCents.done(),
        waivedCents: R.waivedCents.done(),
        redemptionFeeCents: R.feeCents.done(),
        netCents: R.netCents.done(),
        pieceStart: R.pieceStart.done(),
        pieces: {
          ...R.pieces.done(),
          rateMicroPct: R.rateMicroPct.done(),
          baseValueUnits: R.baseValueUnits.done(),
          cdscCents: R.pieceCdsc.done(),
          waivedCents: R.pieceWaived.done(),
        },
      },
      exchanges: {
        count: X.account.length,
        account: X.account.done(),
        exchange: X.exchange.done(),
        outTxn: X.outTxn.done(),
        inTxn: X.inTxn.done(),
        day: X.day.done(),
        fromPortfolio: X.fromPortfolio.done(),
        toPortfolio: X.toPortfolio.done(),
        pieceStart: X.pieceStart.done(),
        pieces: { ...X.pieces.done(), deliveredShareUnits: X.delivered.done() },
      },
      conversions: {
        count: C.account.length,
        account: C.account.done(),
        day: C.day.done(),
        portfolio: C.portfolio.done(),
        commissionShareUnits: C.commissionShareUnits.done(),
        freeShareUnits: C.freeShareUnits.done(),
        pieceStart: C.pieceStart.done(),
        pieces: C.pieces.done(),
        confirmedStart: C.confirmedStart.done(),
        confirmedBy: C.confirmedBy.done(),
      },
      holdings: H.done(),
      ...(this.wantHoldingsAtDay ? { holdingsAfterDay: this.holdingsAtDay.done() } : {}),
    };
  }
}
