import { monthEnd } from '../calendar/isoDate.js';
import { divRoundHalfUp, formatCents } from '../money/cents.js';
import { largestRemainder } from '../money/largestRemainder.js';
import { systematicWithdrawalAllowanceCents } from './cdscWaiver.js';
import type {
  ClassBActivity,
  ConversionNotice,
  FreeExchange,
  Purchase,
  Redemption,
  Reinvestment,
} from './classBActivity.js';
import { type ClassBTerms, cdscRateFor, conversionDateFor, redemptionFeeFor } from './classBTerms.js';
import { attributeReinvestment, type FreeShareAttribution } from './freeShareAttribution.js';
import { type LastHeldIssuance, rememberLastHeld } from './lastHeldIssuance.js';
import { LedgerRefusal } from './ledgerRefusal.js';
import type {
  AccountLedger,
  ConversionResult,
  ExchangedPiece,
  ExchangeResult,
  LotPiece,
  RedemptionPiece,
  RedemptionResult,
} from './ledgerResults.js';
import { createLot, type Lot, type LotKind } from './lot.js';
import { VALUE_UNITS_PER_CENT, valueCents } from './pricePerShare.js';
import { feeApplies } from './redemptionFeeRule.js';
import { freeSharesFirstThenOldestCommission } from './redemptionOrder.js';
import { formatShareUnits } from './shareUnits.js';
import type { StoredAccountLedger } from './storedAccountLedger.js';

/** micro-percent × value units → cents: 100 (percent) × 10^6 (micro) × 10^6 (value units per cent) */
const RATE_TIMES_VALUE_PER_CENT = 100n * 1_000_000n * VALUE_UNITS_PER_CENT;

interface BookLot {
  readonly kind: LotKind;
  readonly lotId: string;
  readonly sequence: number;
  readonly arrival: number;
  readonly portfolioId: string;
  readonly issuingPortfolioId: string;
  readonly dateOfOriginalIssuance: string;
  readonly conversionDate: string;
  readonly attribution: FreeShareAttribution | null;
  shareUnits: bigint;
  costCents: bigint;
}

/** One account's lots in one portfolio, kept in (DOI, sequence, arrival) order. */
interface Holding {
  readonly portfolioId: string;
  readonly lots: BookLot[];
  shareUnits: bigint;
}

function byAge(a: BookLot, b: BookLot): number {
  if (a.dateOfOriginalIssuance !== b.dateOfOriginalIssuance)
    return a.dateOfOriginalIssuance < b.dateOfOriginalIssuance ? -1 : 1;
  return a.sequence - b.sequence || a.arrival - b.arrival;
}

/**
 * The share ledger of one account (SPEC §6), the fast engine: per-portfolio lot queues kept in
 * order and indexed by lot, integer arithmetic in bigint (shares in 1/10,000ths, money in cents,
 * values in 1/100,000,000 dollar). Activity is applied in date order; conversions to Class A
 * happen at the close of their month-end date, after that day's activity. `referenceLedger.ts`
 * is the slow, obviously-correct twin it must agree with.
 */
export class AccountBook {
  private readonly holdings = new Map<string, Holding>();
  /** lotId → the sequence of the lot it was created as (carried through exchanges) */
  private readonly sequences = new Map<string, number>();
  private nextSequence = 0;
  /** the order in which lots reached their portfolio: by issue or by a Free Exchange Transaction */
  private nextArrival = 0;
  private lastDate = '';
  private conversionDue: string | null | undefined = null;
  private readonly systematicWithdrawals = new Map<string, { allowance: bigint; used: bigint }>();
  /** Commission Shares of DOIs no longer held where they were: their first issuances (lastHeldIssuance.ts) */
  private lastHeld: readonly LastHeldIssuance[] = [];
  readonly redemptions: RedemptionResult[] = [];
  readonly exchanges: ExchangeResult[] = [];
  readonly conversions: ConversionResult[] = [];

  constructor(
    readonly account: string,
    private readonly terms: ClassBTerms,
  ) {}

  /**
   * The book of an account as stored at a month end (issue 14 item 1, stage 3): its lots, next
   * sequence and arrival, and its systematic-withdrawal allowances, with the close of `asOf` done;
   * activity dated after `asOf` then applies as it would after a replay from the first
   * transaction. What it does not know of the earlier history — lots consumed in full, the convert
   * rows of months through `asOf` — no later activity reads: a new lot's txn_id is new (the
   * transactions feed refuses a recorded one), and a convert row is checked against its own month.
   */
  static resumedFrom(stored: StoredAccountLedger, terms: ClassBTerms): AccountBook {
    const book = new AccountBook(stored.account, terms);
    for (const l of stored.lots) {
      book.sequences.set(l.lotId, l.sequence);
      book.addLot(book.holding(l.portfolioId), {
        kind: l.kind,
        lotId: l.lotId,
        sequence: l.sequence,
        arrival: l.arrival,
        attribution: l.attribution,
        portfolioId: l.portfolioId,
        issuingPortfolioId: l.issuingPortfolioId,
        dateOfOriginalIssuance: l.dateOfOriginalIssuance,
        conversionDate: conversionDateFor(terms, l.issuingPortfolioId, l.dateOfOriginalIssuance),
        shareUnits: l.shareUnits,
        costCents: l.costCents,
      });
    }
    book.nextSequence = stored.nextSequence;
    book.nextArrival = stored.nextArrival;
    for (const w of stored.systematicWithdrawals)
      book.systematicWithdrawals.set(`${w.portfolioId}|${w.year}`, {
        allowance: w.allowanceUnits,
        used: w.usedUnits,
      });
    book.lastHeld = stored.lastHeld;
    book.lastDate = stored.asOf;
    return book;
  }

  sharesHeld(portfolioId: string): bigint {
    return this.holdings.get(portfolioId)?.shareUnits ?? 0n;
  }

  portfolios(): string[] {
    return [...this.holdings.keys()].sort();
  }

  lots(): Lot[] {
    const out: Lot[] = [];
    for (const pid of this.portfolios())
      for (const l of this.holdings.get(pid)!.lots)
        out.push(
          createLot({
            kind: l.kind,
            lotId: l.lotId,
            sequence: l.sequence,
            arrival: l.arrival,
            portfolioId: l.portfolioId,
            issuingPortfolioId: l.issuingPortfolioId,
            dateOfOriginalIssuance: l.dateOfOriginalIssuance,
            shareUnits: l.shareUnits,
            costCents: l.costCents,
            attribution: l.attribution,
          }),
        );
    return out;
  }

  result(): AccountLedger {
    return {
      account: this.account,
      lots: this.lots(),
      lastHeld: this.lastHeld,
      redemptions: this.redemptions,
      exchanges: this.exchanges,
      conversions: this.conversions,
    };
  }

  /** Applies one activity; activity must come in date order. */
  apply(a: ClassBActivity): void {
    if (a.date < this.lastDate)
      throw new RangeError(`${this.account}: activity on ${a.date} after activity on ${this.lastDate}`);
    this.convertBefore(a.date);
    this.lastDate = a.date;
    switch (a.kind) {
      case 'purchase':
      case 'reinvest':
        this.issue(a);
        return;
      case 'redeem':
        this.redeem(a);
        return;
      case 'exchange':
        this.exchange(a);
        return;
      case 'convert':
        this.confirmConversion(a);
        return;
    }
  }

  /** Applies the conversions due on or before `date` (the close of that day). */
  closeThrough(date: string): void {
    for (let due = this.nextConversionDate(); due !== null && due <= date; due = this.nextConversionDate())
      this.convertAt(due);
    if (date > this.lastDate) this.lastDate = date;
  }

  private convertBefore(date: string): void {
    for (let due = this.nextConversionDate(); due !== null && due < date; due = this.nextConversionDate())
      this.convertAt(due);
  }

  private holding(portfolioId: string): Holding {
    let h = this.holdings.get(portfolioId);
    if (!h) {
      h = { portfolioId, lots: [], shareUnits: 0n };
      this.holdings.set(portfolioId, h);
    }
    return h;
  }

  private addLot(h: Holding, lot: BookLot): void {
    const lots = h.lots;
    let i = lots.length;
    while (i > 0 && byAge(lots[i - 1]!, lot) > 0) i--;
    lots.splice(i, 0, lot);
    h.shareUnits += lot.shareUnits;
    if (lot.kind === 'commission') {
      this.conversionDue = undefined;
      // held again: remembered only while no longer held (lastHeldIssuance.ts)
      if (this.lastHeld.length > 0) this.forgetLastHeld(h.portfolioId, lot.dateOfOriginalIssuance);
    }
  }

  private removeEmptyLots(h: Holding): void {
    for (let i = h.lots.length - 1; i >= 0; i--) {
      const lot = h.lots[i]!;
      if (lot.shareUnits !== 0n) continue;
      if (lot.costCents !== 0n)
        throw new Error(`lot ${lot.lotId} has no shares left but ${lot.costCents} cents of cost`);
      h.lots.splice(i, 1);
    }
    if (h.lots.length === 0) this.holdings.delete(h.portfolioId);
    this.conversionDue = undefined;
  }

  private nextConversionDate(): string | null {
    if (this.conversionDue === undefined) {
      let next: string | null = null;
      for (const h of this.holdings.values())
        for (const l of h.lots)
          if (l.kind === 'commission' && (next === null || l.conversionDate < next)) next = l.conversionDate;
      this.conversionDue = next;
    }
    return this.conversionDue;
  }

  /**
   * A purchase issues Commission Shares, cost = round_half_up(shares × price, 2); a reinvestment
   * Free Shares, their Exhibit A 2(b) attribution fixed now (SPEC §7).
   */
  private issue(a: Purchase | Reinvestment): void {
    if (this.sequences.has(a.txnId))
      throw new LedgerRefusal(a.txnId, 'txn_id', 'this txn_id already created a lot in this account');
    const sequence = this.nextSequence++;
    this.sequences.set(a.txnId, sequence);
    const h = this.holding(a.portfolioId);
    this.addLot(h, {
      kind: a.kind === 'purchase' ? 'commission' : 'free',
      lotId: a.txnId,
      sequence,
      arrival: this.nextArrival++,
      attribution:
        a.kind === 'reinvest' ? attributeReinvestment(a, a.portfolioId, h.lots, this.lastHeld) : null,
      portfolioId: a.portfolioId,
      issuingPortfolioId: a.portfolioId,
      dateOfOriginalIssuance: a.date,
      conversionDate: conversionDateFor(this.terms, a.portfolioId, a.date),
      shareUnits: a.shareUnits,
      costCents: valueCents(a.shareUnits, a.priceUnits),
    });
  }

  /**
   * Takes `shareUnits` from the lots of a holding in the given order; a lot consumed in part gives
   * up round_half_up(lot cost × shares taken / lot shares, 2) and keeps the rest (SPEC §6).
   */
  private take(
    h: Holding,
    ordered: readonly BookLot[],
    shareUnits: bigint,
    /** receives the lot each piece came from, piece by piece */
    sources?: BookLot[],
  ): LotPiece[] {
    const pieces: LotPiece[] = [];
    let left = shareUnits;
    for (const lot of ordered) {
      if (left === 0n) break;
      const taken = left < lot.shareUnits ? left : lot.shareUnits;
      const cost =
        taken === lot.shareUnits ? lot.costCents : divRoundHalfUp(lot.costCents * taken, lot.shareUnits);
      lot.shareUnits -= taken;
      lot.costCents -= cost;
      h.shareUnits -= taken;
      left -= taken;
      sources?.push(lot);
      pieces.push({
        lotId: lot.lotId,
        kind: lot.kind,
        dateOfOriginalIssuance: lot.dateOfOriginalIssuance,
        issuingPortfolioId: lot.issuingPortfolioId,
        shareUnits: taken,
        costCents: cost,
      });
    }
    if (left !== 0n) throw new Error('take: the holding ran out of shares');
    this.removeEmptyLots(h);
    this.rememberEmptied(h, pieces);
    return pieces;
  }

  /**
   * The Commission Shares of a DOI taken to the last from a portfolio leave their first issuances
   * behind (lastHeldIssuance.ts): a later reinvestment stating that DOI follows them (SPEC §6, §7).
   */
  private forgetLastHeld(portfolioId: string, doi: string): void {
    if (!this.lastHeld.some((m) => m.portfolioId === portfolioId && m.dateOfOriginalIssuance === doi)) return;
    this.lastHeld = Object.freeze(
      this.lastHeld.filter((m) => !(m.portfolioId === portfolioId && m.dateOfOriginalIssuance === doi)),
    );
  }

  private rememberEmptied(h: Holding, pieces: readonly LotPiece[]): void {
    const taken = pieces.filter((p) => p.kind === 'commission');
    if (taken.length === 0) return;
    this.lastHeld = rememberLastHeld(this.lastHeld, h.portfolioId, taken, (doi) =>
      h.lots.some((l) => l.kind === 'commission' && l.dateOfOriginalIssuance === doi),
    );
  }

  private requireHeld(
    txnId: string,
    portfolioId: string,
    shareUnits: bigint,
    date: string,
    what: string,
  ): Holding {
    const held = this.sharesHeld(portfolioId);
    if (held < shareUnits)
      throw new LedgerRefusal(
        txnId,
        'shares',
        `${what} ${formatShareUnits(shareUnits)} shares of ${portfolioId} on ${date} but the account holds ${formatShareUnits(held)}; check the shares, or import the activity that comes before it first`,
        portfolioId,
      );
    return this.holdings.get(portfolioId)!;
  }

  private cdscRateOf(
    lot: { kind: LotKind; issuingPortfolioId: string; dateOfOriginalIssuance: string },
    date: string,
  ): bigint {
    return lot.kind === 'commission'
      ? cdscRateFor(this.terms, lot.issuingPortfolioId, lot.dateOfOriginalIssuance, date)
      : 0n;
  }

  /**
   * DOMAIN §4.3: systematic withdrawals are waived up to 12% a calendar year of the account value
   * (the portfolio's shares × price at the year's first one, before it), in gross proceeds.
   */
  private checkSystematicWithdrawal(a: Redemption): void {
    const key = `${a.portfolioId}|${a.date.slice(0, 4)}`;
    let swp = this.systematicWithdrawals.get(key);
    if (!swp) {
      swp = {
        allowance: systematicWithdrawalAllowanceCents(this.sharesHeld(a.portfolioId), a.priceUnits),
        used: 0n,
      };
      this.systematicWithdrawals.set(key, swp);
    }
    const gross = valueCents(a.shareUnits, a.priceUnits);
    if (swp.used + gross > swp.allowance)
      throw new LedgerRefusal(
        a.txnId,
        'waiver',
        `systematic withdrawals from ${a.portfolioId} in ${a.date.slice(0, 4)} would reach $${formatCents(swp.used + gross)} of gross proceeds, above the 12% a year waived ($${formatCents(swp.allowance)}: 12% of the account value at the year's first one); record the excess as a redeem row without a waiver`,
        a.portfolioId,
      );
    swp.used += gross;
  }

  /** Agreement FOURTH(D): gross proceeds, less first the CDSC, second the redemption fee. */
  private redeem(a: Redemption): void {
    const h = this.requireHeld(a.txnId, a.portfolioId, a.shareUnits, a.date, 'redeems');
    if (a.waiver === 'systematic_withdrawal') this.checkSystematicWithdrawal(a);
    const rates = new Map<BookLot, bigint>();
    for (const lot of h.lots) rates.set(lot, this.cdscRateOf(lot, a.date));
    const ordered = freeSharesFirstThenOldestCommission(h.lots, (lot) => rates.get(lot)!);
    const feeRule = redemptionFeeFor(this.terms, a.portfolioId);
    const pieces: RedemptionPiece[] = [];
    let cdscCents = 0n;
    let waivedCents = 0n;
    let feeBaseValueUnits = 0n;
    for (const piece of this.take(h, ordered, a.shareUnits)) {
      const rate = this.cdscRateOf(piece, a.date);
      const valueUnits = piece.shareUnits * a.priceUnits;
      const costUnits = piece.costCents * VALUE_UNITS_PER_CENT;
      const base = costUnits < valueUnits ? costUnits : valueUnits;
      const cdsc = divRoundHalfUp(rate * base, RATE_TIMES_VALUE_PER_CENT);
      const waived = a.waiver === null ? 0n : cdsc;
      pieces.push({
        ...piece,
        rateMicroPct: rate,
        baseValueUnits: base,
        cdscCents: cdsc - waived,
        waivedCents: waived,
      });
      cdscCents += cdsc - waived;
      waivedCents += waived;
      if (feeRule && feeApplies(feeRule, piece.dateOfOriginalIssuance, a.date))
        feeBaseValueUnits += valueUnits;
    }
    const grossCents = valueCents(a.shareUnits, a.priceUnits);
    const redemptionFeeCents = feeRule
      ? divRoundHalfUp(feeRule.rateMicroPct * feeBaseValueUnits, RATE_TIMES_VALUE_PER_CENT)
      : 0n;
    const netCents = grossCents - cdscCents - redemptionFeeCents;
    if (netCents < 0n) throw new Error(`${a.txnId}: CDSC and redemption fee exceed the gross proceeds`);
    this.redemptions.push({
      kind: 'redemption',
      txnId: a.txnId,
      date: a.date,
      portfolioId: a.portfolioId,
      shareUnits: a.shareUnits,
      priceUnits: a.priceUnits,
      waiver: a.waiver,
      grossCents,
      cdscCents,
      waivedCents,
      redemptionFeeCents,
      netCents,
      pieces,
    });
  }

  /**
   * A Free Exchange Transaction: the lots given up keep DOI, kind, original cost and issuing
   * portfolio; the shares delivered are spread over them by largest remainder at 0.0001 share.
   * A piece that would receive no share hands its cost to the piece of its kind that receives the
   * most (else to the piece that receives the most), so cost is conserved to the cent.
   */
  private exchange(a: FreeExchange): void {
    const from = this.requireHeld(a.out.txnId, a.out.portfolioId, a.out.shareUnits, a.date, 'exchanges out');
    const rates = new Map<BookLot, bigint>();
    for (const lot of from.lots) rates.set(lot, this.cdscRateOf(lot, a.date));
    const ordered = freeSharesFirstThenOldestCommission(from.lots, (lot) => rates.get(lot)!);
    const sources: BookLot[] = [];
    const pieces = this.take(from, ordered, a.out.shareUnits, sources);
    const delivered = largestRemainder(
      a.in.shareUnits,
      pieces.map((p) => p.shareUnits),
    );
    const moved: ExchangedPiece[] = pieces.map((p, i) => ({ ...p, deliveredShareUnits: delivered[i]! }));
    const landed: LandedPiece[] = moved.map((p) => ({ ...p }));
    const attributionOf = new Map(landed.map((p, i) => [p, sources[i]!.attribution]));
    for (const p of landed) {
      if (p.deliveredShareUnits !== 0n) continue;
      const heir = heirOf(landed, p.kind);
      heir.costCents += p.costCents;
      p.costCents = 0n;
    }
    // SPEC §6: every piece lands as a lot of its own, even where a piece of the same purchase
    // reached this portfolio before by another exchange (at another price ratio): never merged.
    const to = this.holding(a.in.portfolioId);
    for (const p of landed) {
      if (p.deliveredShareUnits === 0n) continue;
      this.addLot(to, {
        kind: p.kind,
        lotId: p.lotId,
        sequence: this.sequences.get(p.lotId)!,
        arrival: this.nextArrival++,
        attribution: attributionOf.get(p)!,
        portfolioId: a.in.portfolioId,
        issuingPortfolioId: p.issuingPortfolioId,
        dateOfOriginalIssuance: p.dateOfOriginalIssuance,
        conversionDate: conversionDateFor(this.terms, p.issuingPortfolioId, p.dateOfOriginalIssuance),
        shareUnits: p.deliveredShareUnits,
        costCents: p.costCents,
      });
    }
    this.exchanges.push({
      kind: 'freeExchange',
      exchangeId: a.exchangeId,
      date: a.date,
      outTxnId: a.out.txnId,
      inTxnId: a.in.txnId,
      fromPortfolioId: a.out.portfolioId,
      toPortfolioId: a.in.portfolioId,
      pieces: moved,
    });
  }

  /**
   * SPEC §6 conversion at month end `date`: in each portfolio, the Commission Shares whose
   * conversion date it is convert, and Free Shares with them pro rata:
   * round_half_up(free × converting commission / all commission shares, 0.0001 share), taken
   * oldest first.
   */
  private convertAt(date: string): void {
    for (const pid of this.portfolios()) {
      const h = this.holdings.get(pid)!;
      let converting = 0n;
      let allCommission = 0n;
      let free = 0n;
      for (const l of h.lots) {
        if (l.kind === 'free') free += l.shareUnits;
        else {
          allCommission += l.shareUnits;
          if (l.conversionDate === date) converting += l.shareUnits;
        }
      }
      if (converting === 0n) continue;
      const freeConverting = divRoundHalfUp(free * converting, allCommission);
      const commissionLots = h.lots.filter((l) => l.kind === 'commission' && l.conversionDate === date);
      const freeLots = h.lots.filter((l) => l.kind === 'free');
      const pieces = [...this.take(h, freeLots, freeConverting), ...this.take(h, commissionLots, converting)];
      this.conversions.push({
        kind: 'conversion',
        date,
        portfolioId: pid,
        commissionShareUnits: converting,
        freeShareUnits: freeConverting,
        pieces,
        confirmedBy: [],
      });
    }
    this.conversionDue = undefined;
  }

  private readonly notices: ConversionNotice[] = [];

  private confirmConversion(a: ConversionNotice): void {
    this.notices.push(a);
  }

  /**
   * Checks the transfer agent's convert rows against the conversions due, per portfolio and month
   * end, for every month closed by `through`.
   */
  checkConversionNotices(through: string): void {
    const groups = new Map<string, ConversionNotice[]>();
    for (const n of this.notices) {
      const end = monthEnd(n.date.slice(0, 7));
      if (end > through) continue;
      const key = `${n.portfolioId}|${end}`;
      groups.set(key, [...(groups.get(key) ?? []), n]);
    }
    for (const [key, notices] of groups) {
      const [pid, end] = key.split('|') as [string, string];
      const reported = notices.reduce((s, n) => s + n.shareUnits, 0n);
      const index = this.conversions.findIndex((c) => c.portfolioId === pid && c.date === end);
      const due = index < 0 ? undefined : this.conversions[index]!;
      const dueShares = due ? due.commissionShareUnits + due.freeShareUnits : 0n;
      if (dueShares !== reported)
        throw new LedgerRefusal(
          notices[0]!.txnId,
          'shares',
          due
            ? `the conversion to Class A due at ${end} in ${pid} is ${formatShareUnits(dueShares)} shares (${formatShareUnits(due.commissionShareUnits)} Commission Shares and ${formatShareUnits(due.freeShareUnits)} Free Shares pro rata); the convert rows say ${formatShareUnits(reported)}; check the rows against \`plan12b conversions --month ${end.slice(0, 7)}\``
            : `no Class B shares of this account in ${pid} convert at ${end}; check the date and the shares against \`plan12b conversions --month ${end.slice(0, 7)}\``,
          pid,
        );
      if (due) this.conversions[index] = { ...due, confirmedBy: notices.map((n) => n.txnId) };
    }
  }
}

type LandedPiece = { -readonly [K in keyof ExchangedPiece]: ExchangedPiece[K] };

/** The piece that takes the cost of a piece receiving no share: of the same kind if one receives shares. */
function heirOf(pieces: readonly LandedPiece[], kind: LotKind): LandedPiece {
  let best: LandedPiece | undefined;
  for (const p of pieces)
    if (
      p.kind === kind &&
      p.deliveredShareUnits > 0n &&
      (!best || p.deliveredShareUnits > best.deliveredShareUnits)
    )
      best = p;
  if (best) return best;
  for (const p of pieces)
    if (p.deliveredShareUnits > 0n && (!best || p.deliveredShareUnits > best.deliveredShareUnits)) best = p;
  if (!best) throw new Error('an exchange that delivers no shares');
  return best;
}

/** The last day whose close a replay must reach: the last activity, or the month end of a convert row. */
export function replayEnd(activities: readonly ClassBActivity[]): string {
  let end = '';
  for (const a of activities) {
    const d = a.kind === 'convert' ? monthEnd(a.date.slice(0, 7)) : a.date;
    if (d > end) end = d;
  }
  return end;
}

/**
 * Replays one account's activity (in date order) through `until` (default: {@link replayEnd}),
 * applying the conversions due by then and checking the convert rows against them.
 * @throws LedgerRefusal when the activity cannot be applied
 */
export function replayAccount(
  account: string,
  activities: readonly ClassBActivity[],
  terms: ClassBTerms,
  opts: { until?: string } = {},
): AccountLedger {
  return replayBook(new AccountBook(account, terms), activities, opts.until ?? replayEnd(activities));
}

/**
 * {@link replayAccount} resumed from the account's ledger stored at a month end (issue 14 item 1,
 * stage 3): `activities` are those dated after `stored.asOf`; the result's redemptions, exchanges
 * and conversions are theirs only, its lots the account's lots.
 * @throws LedgerRefusal when the activity cannot be applied — the same refusal, on the same
 *   transaction, as the replay from the first transaction
 */
export function replayAccountFrom(
  stored: StoredAccountLedger,
  activities: readonly ClassBActivity[],
  terms: ClassBTerms,
  opts: { until?: string } = {},
): AccountLedger {
  for (const a of activities)
    if (a.date <= stored.asOf)
      throw new RangeError(
        `${stored.account}: activity on ${a.date} is not after the stored ledger's ${stored.asOf}`,
      );
  const until = opts.until ?? replayEnd(activities);
  return replayBook(AccountBook.resumedFrom(stored, terms), activities, until === '' ? stored.asOf : until);
}

function replayBook(book: AccountBook, activities: readonly ClassBActivity[], until: string): AccountLedger {
  for (const a of activities) {
    if (a.date > until) break;
    book.apply(a);
  }
  if (until !== '') book.closeThrough(until);
  book.checkConversionNotices(until);
  return book.result();
}
