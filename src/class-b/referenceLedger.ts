/**
 * The obviously-correct share ledger (SPEC §6), beside the fast one in `classBLedger.ts`: one flat
 * list of lots, a full scan and sort for every redemption, dates through JavaScript's own
 * calendar, and exact decimal arithmetic (decimal.js) with every rounding written where SPEC §6
 * names it. It is slow on purpose; the differential test requires the fast ledger to agree with it.
 */
import DecimalModule from 'decimal.js';
import type { CdscSchedule } from './cdscSchedule.js';
import type { ClassBActivity, ConversionNotice } from './classBActivity.js';
import type { ClassBTerms } from './classBTerms.js';
import type { DerivedFromWeight, FreeShareAttribution } from './freeShareAttribution.js';
import { compareLastHeld, type LastHeldIssuance } from './lastHeldIssuance.js';
import { LedgerRefusal } from './ledgerRefusal.js';
import type {
  AccountLedger,
  ConversionResult,
  ExchangeResult,
  LotPiece,
  RedemptionPiece,
  RedemptionResult,
} from './ledgerResults.js';
import type { Lot, LotKind } from './lot.js';

// decimal.js types its ESM build as CommonJS: at run time the default export is the class itself.
const Decimal = DecimalModule as unknown as typeof DecimalModule.Decimal;
type Decimal = DecimalModule.Decimal;
const Exact = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });

interface RefLot {
  kind: LotKind;
  lotId: string;
  sequence: number;
  arrival: number;
  portfolioId: string;
  issuingPortfolioId: string;
  doi: string;
  shares: Decimal;
  cost: Decimal;
  attribution: FreeShareAttribution | null;
}

const shares = (units: bigint) => new Exact(units.toString()).div(10_000);
const dollars = (units: bigint) => new Exact(units.toString()).div(10_000);
const toShareUnits = (d: Decimal) => BigInt(d.times(10_000).toFixed(0));
const toCents = (d: Decimal) => BigInt(d.times(100).toFixed(0));
const toValueUnits = (d: Decimal) => BigInt(d.times(100_000_000).toFixed(0));
const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const round4 = (d: Decimal) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
const pct = (microPct: bigint) => new Exact(microPct.toString()).div(1_000_000);

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The n-th anniversary: the same day n years on; if that day does not exist (Feb 29), the month's last day. */
function anniversary(doi: string, years: number): string {
  const [y, m, d] = doi.split('-').map(Number) as [number, number, number];
  const candidate = new Date(Date.UTC(y + years, m - 1, d));
  if (candidate.getUTCMonth() !== m - 1) return isoOf(new Date(Date.UTC(y + years, m, 0)));
  return isoOf(candidate);
}

function yearsSince(doi: string, date: string): number {
  let n = 0;
  while (anniversary(doi, n + 1) <= date) n++;
  return n;
}

function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return isoOf(new Date(Date.UTC(y, m, 0)));
}

function scheduleOf(terms: ClassBTerms, issuing: string, doi: string): CdscSchedule {
  const covering = terms.cdscSchedules.filter(
    (s) =>
      (s.portfolioId === null || s.portfolioId === issuing) &&
      (s.doiFrom === null || s.doiFrom <= doi) &&
      (s.doiTo === null || doi <= s.doiTo),
  );
  const own = covering.filter((s) => s.portfolioId === issuing);
  return (own.length > 0 ? own : covering).at(-1)!;
}

function rateOf(
  terms: ClassBTerms,
  lot: { kind: LotKind; issuingPortfolioId: string; doi: string },
  date: string,
): bigint {
  if (lot.kind === 'free') return 0n;
  const rates = scheduleOf(terms, lot.issuingPortfolioId, lot.doi).yearRatesMicroPct;
  const year = yearsSince(lot.doi, date);
  return year < rates.length ? rates[year]! : 0n;
}

function conversionDate(terms: ClassBTerms, lot: RefLot): string {
  const own = terms.conversionPeriods.filter((p) => p.portfolioId === lot.issuingPortfolioId);
  const all = terms.conversionPeriods.filter((p) => p.portfolioId === null);
  const years = (own.length > 0 ? own : all).at(-1)!.years;
  return lastDayOfMonth(anniversary(lot.doi, years));
}

/**
 * The Commission Shares of each (portfolio, DOI) the last time the account held any there, by
 * issuing portfolio — written out plainly: after every step of the replay (an activity, a
 * conversion date) the composition of every (portfolio, DOI) still held is written over the one
 * remembered, so one no longer held keeps the composition it had after the last step that held it.
 */
type LastSeen = Map<string, Map<string, Decimal>>;

function noteHoldings(lastSeen: LastSeen, lots: readonly RefLot[]): void {
  const now: LastSeen = new Map();
  for (const l of lots) {
    if (l.kind !== 'commission') continue;
    const key = `${l.portfolioId}|${l.doi}`;
    const byIssuer = now.get(key) ?? new Map<string, Decimal>();
    byIssuer.set(l.issuingPortfolioId, (byIssuer.get(l.issuingPortfolioId) ?? new Exact(0)).plus(l.shares));
    now.set(key, byIssuer);
  }
  for (const [key, byIssuer] of now) lastSeen.set(key, byIssuer);
}

/**
 * lastHeldIssuance.ts's memory from the plain record: the (portfolio, DOI)s no longer held whose
 * last composition holds another portfolio's issuance.
 */
function lastHeldOf(lastSeen: LastSeen, lots: readonly RefLot[]): LastHeldIssuance[] {
  const out: LastHeldIssuance[] = [];
  for (const [key, byIssuer] of lastSeen) {
    const [pid, doi] = key.split('|') as [string, string];
    if (lots.some((l) => l.kind === 'commission' && l.portfolioId === pid && l.doi === doi)) continue;
    if ([...byIssuer.keys()].every((issuing) => issuing === pid)) continue;
    for (const [issuing, sh] of byIssuer)
      out.push({
        portfolioId: pid,
        dateOfOriginalIssuance: doi,
        issuingPortfolioId: issuing,
        shareUnits: toShareUnits(sh),
      });
  }
  return out.sort(compareLastHeld);
}

/**
 * Exhibit A 2(b), SPEC §7, written out plainly: the distributor the row names; else the
 * Commission Shares of the DOI it names (none held: the first issuances of those last held in this
 * portfolio, by the shares last held, where any came from another portfolio; else that issuance in
 * this portfolio); else every Commission Share of the account in the portfolio that day; weights
 * by issuing portfolio and DOI.
 */
function reinvestmentAttribution(
  a: { portfolioId: string; attributedDistributor?: string | null; derivedFromDoi?: string | null },
  lots: readonly RefLot[],
  lastHeld: readonly LastHeldIssuance[],
): FreeShareAttribution {
  if (a.attributedDistributor) return { kind: 'distributor', distributor: a.attributedDistributor };
  const doi = a.derivedFromDoi ?? null;
  const from = lots.filter(
    (l) => l.portfolioId === a.portfolioId && l.kind === 'commission' && (doi === null || l.doi === doi),
  );
  const keys = [...new Set(from.map((l) => `${l.doi}|${l.issuingPortfolioId}`))].sort();
  const weights: DerivedFromWeight[] = keys.map((k) => {
    const [d, issuing] = k.split('|') as [string, string];
    const mine = from.filter((l) => l.doi === d && l.issuingPortfolioId === issuing);
    return {
      issuingPortfolioId: issuing,
      dateOfOriginalIssuance: d,
      shareUnits: toShareUnits(mine.reduce((s, l) => s.plus(l.shares), new Exact(0))),
    };
  });
  if (doi !== null && weights.length === 0)
    for (const m of lastHeld)
      if (m.portfolioId === a.portfolioId && m.dateOfOriginalIssuance === doi)
        weights.push({
          issuingPortfolioId: m.issuingPortfolioId,
          dateOfOriginalIssuance: doi,
          shareUnits: m.shareUnits,
        });
  if (doi !== null && weights.length === 0)
    weights.push({ issuingPortfolioId: a.portfolioId, dateOfOriginalIssuance: doi, shareUnits: 1n });
  return { kind: 'derivedFrom', basis: doi === null ? 'accountCommissionShares' : 'statedDoi', weights };
}

function fmtShares(d: Decimal): string {
  return d.toFixed(4);
}

export function referenceReplayAccount(
  account: string,
  activities: readonly ClassBActivity[],
  terms: ClassBTerms,
  opts: { until?: string } = {},
): AccountLedger {
  let until = opts.until;
  if (until === undefined) {
    until = '';
    for (const a of activities) {
      const d = a.kind === 'convert' ? lastDayOfMonth(a.date) : a.date;
      if (d > until) until = d;
    }
  }
  let lots: RefLot[] = [];
  let nextSequence = 0;
  let nextArrival = 0;
  const sequences = new Map<string, number>();
  const redemptions: RedemptionResult[] = [];
  const exchanges: ExchangeResult[] = [];
  const conversions: ConversionResult[] = [];
  const notices: ConversionNotice[] = [];
  const swp = new Map<string, { allowance: Decimal; used: Decimal }>();
  const lastSeen: LastSeen = new Map();

  const held = (pid: string) =>
    lots.filter((l) => l.portfolioId === pid).reduce((s, l) => s.plus(l.shares), new Exact(0));

  const inOrder = (pid: string, date: string) =>
    lots
      .filter((l) => l.portfolioId === pid)
      .map((l) => ({ l, rank: l.kind === 'free' ? 0 : rateOf(terms, l, date) === 0n ? 1 : 2 }))
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          (a.l.doi < b.l.doi ? -1 : a.l.doi > b.l.doi ? 1 : 0) ||
          a.l.sequence - b.l.sequence ||
          a.l.arrival - b.l.arrival,
      )
      .map((x) => x.l);

  const take = (ordered: RefLot[], wanted: Decimal): { lot: RefLot; piece: LotPiece }[] => {
    const out: { lot: RefLot; piece: LotPiece }[] = [];
    let left = wanted;
    for (const lot of ordered) {
      if (left.isZero()) break;
      const taken = Decimal.min(left, lot.shares);
      const cost = taken.eq(lot.shares) ? lot.cost : round2(lot.cost.times(taken).div(lot.shares));
      lot.shares = lot.shares.minus(taken);
      lot.cost = lot.cost.minus(cost);
      left = left.minus(taken);
      out.push({
        lot,
        piece: {
          lotId: lot.lotId,
          kind: lot.kind,
          dateOfOriginalIssuance: lot.doi,
          issuingPortfolioId: lot.issuingPortfolioId,
          shareUnits: toShareUnits(taken),
          costCents: toCents(cost),
        },
      });
    }
    lots = lots.filter((l) => !l.shares.isZero());
    return out;
  };

  const convertDueBefore = (limit: string, inclusive: boolean) => {
    for (;;) {
      const due = lots
        .filter((l) => l.kind === 'commission')
        .map((l) => conversionDate(terms, l))
        .filter((d) => (inclusive ? d <= limit : d < limit))
        .sort();
      const date = due[0];
      if (date === undefined) return;
      const pids = [...new Set(lots.map((l) => l.portfolioId))].sort();
      for (const pid of pids) {
        const mine = lots.filter((l) => l.portfolioId === pid);
        const converting = mine
          .filter((l) => l.kind === 'commission' && conversionDate(terms, l) === date)
          .sort((a, b) =>
            a.doi < b.doi ? -1 : a.doi > b.doi ? 1 : a.sequence - b.sequence || a.arrival - b.arrival,
          );
        if (converting.length === 0) continue;
        const c = converting.reduce((s, l) => s.plus(l.shares), new Exact(0));
        const all = mine
          .filter((l) => l.kind === 'commission')
          .reduce((s, l) => s.plus(l.shares), new Exact(0));
        const free = mine.filter((l) => l.kind === 'free').reduce((s, l) => s.plus(l.shares), new Exact(0));
        const freeConverting = round4(free.times(c).div(all));
        const freeOrdered = inOrder(pid, date).filter((l) => l.kind === 'free');
        const pieces = [...take(freeOrdered, freeConverting), ...take(converting, c)].map((x) => x.piece);
        conversions.push({
          kind: 'conversion',
          date,
          portfolioId: pid,
          commissionShareUnits: toShareUnits(c),
          freeShareUnits: toShareUnits(freeConverting),
          pieces,
          confirmedBy: [],
        });
      }
      noteHoldings(lastSeen, lots);
    }
  };

  for (const a of activities) {
    if (a.date > until) break;
    convertDueBefore(a.date, false);
    if (a.kind === 'purchase' || a.kind === 'reinvest') {
      if (sequences.has(a.txnId))
        throw new LedgerRefusal(a.txnId, 'txn_id', 'this txn_id already created a lot in this account');
      sequences.set(a.txnId, nextSequence);
      lots.push({
        kind: a.kind === 'purchase' ? 'commission' : 'free',
        lotId: a.txnId,
        sequence: nextSequence++,
        arrival: nextArrival++,
        attribution:
          a.kind === 'reinvest' ? reinvestmentAttribution(a, lots, lastHeldOf(lastSeen, lots)) : null,
        portfolioId: a.portfolioId,
        issuingPortfolioId: a.portfolioId,
        doi: a.date,
        shares: shares(a.shareUnits),
        cost: round2(shares(a.shareUnits).times(dollars(a.priceUnits))),
      });
    } else if (a.kind === 'redeem') {
      const wanted = shares(a.shareUnits);
      const price = dollars(a.priceUnits);
      if (held(a.portfolioId).lt(wanted))
        throw new LedgerRefusal(
          a.txnId,
          'shares',
          `redeems ${fmtShares(wanted)} but holds ${fmtShares(held(a.portfolioId))}`,
        );
      if (a.waiver === 'systematic_withdrawal') {
        // DOMAIN §4.3: up to 12% of the account value a calendar year — the value held at the
        // year's first systematic withdrawal, at its price — counted in gross proceeds
        const key = `${a.portfolioId}|${a.date.slice(0, 4)}`;
        const s = swp.get(key) ?? {
          allowance: round2(held(a.portfolioId).times(price).times('0.12')),
          used: new Exact(0),
        };
        swp.set(key, s);
        const gross = round2(wanted.times(price));
        if (s.used.plus(gross).gt(s.allowance))
          throw new LedgerRefusal(
            a.txnId,
            'waiver',
            'systematic withdrawals above 12% of the account value a year',
          );
        s.used = s.used.plus(gross);
      }
      const rule = terms.redemptionFees.find((f) => f.portfolioId === a.portfolioId);
      let feeBase = new Exact(0);
      const pieces: RedemptionPiece[] = take(inOrder(a.portfolioId, a.date), wanted).map(({ piece }) => {
        const rate = rateOf(terms, { ...piece, doi: piece.dateOfOriginalIssuance }, a.date);
        const value = shares(piece.shareUnits).times(price);
        const cost = new Exact(piece.costCents.toString()).div(100);
        const base = Decimal.min(cost, value);
        const cdsc = round2(pct(rate).div(100).times(base));
        const heldDays =
          (Date.parse(`${a.date}T00:00:00Z`) - Date.parse(`${piece.dateOfOriginalIssuance}T00:00:00Z`)) /
          86_400_000;
        if (rule && (rule.holdingDays === null || heldDays < rule.holdingDays)) feeBase = feeBase.plus(value);
        const waived = a.waiver === null ? new Exact(0) : cdsc;
        return {
          ...piece,
          rateMicroPct: rate,
          baseValueUnits: toValueUnits(base),
          cdscCents: toCents(cdsc.minus(waived)),
          waivedCents: toCents(waived),
        };
      });
      const gross = round2(wanted.times(price));
      const cdsc = pieces.reduce((s, p) => s + p.cdscCents, 0n);
      const waived = pieces.reduce((s, p) => s + p.waivedCents, 0n);
      const fee = rule ? toCents(round2(pct(rule.rateMicroPct).div(100).times(feeBase))) : 0n;
      redemptions.push({
        kind: 'redemption',
        txnId: a.txnId,
        date: a.date,
        portfolioId: a.portfolioId,
        shareUnits: a.shareUnits,
        priceUnits: a.priceUnits,
        waiver: a.waiver,
        grossCents: toCents(gross),
        cdscCents: cdsc,
        waivedCents: waived,
        redemptionFeeCents: fee,
        netCents: toCents(gross) - cdsc - fee,
        pieces,
      });
    } else if (a.kind === 'exchange') {
      const wanted = shares(a.out.shareUnits);
      if (held(a.out.portfolioId).lt(wanted))
        throw new LedgerRefusal(
          a.out.txnId,
          'shares',
          `exchanges out ${fmtShares(wanted)} but holds ${fmtShares(held(a.out.portfolioId))}`,
        );
      const takenWith = take(inOrder(a.out.portfolioId, a.date), wanted);
      const taken = takenWith.map((x) => x.piece);
      const takenFrom = takenWith.map((x) => x.lot);
      // Largest remainder, the plain way, in whole 0.0001-share units so that remainders compare
      // exactly: quota_i = total × w_i / W; floors first, then one unit each to the largest
      // remainders (ties to the piece taken first).
      const total = new Exact(a.in.shareUnits.toString());
      const weights = taken.map((p) => new Exact(p.shareUnits.toString()));
      const weight = weights.reduce((s, w) => s.plus(w), new Exact(0));
      const numerators = weights.map((w) => total.times(w));
      const floors = numerators.map((n) => n.divToInt(weight));
      const remainders = numerators.map((n, i) => n.minus(floors[i]!.times(weight)));
      let left = total.minus(floors.reduce((s, f) => s.plus(f), new Exact(0))).toNumber();
      const byRemainder = remainders
        .map((r, i) => ({ i, r }))
        .sort((x, y) => (x.r.eq(y.r) ? x.i - y.i : x.r.gt(y.r) ? -1 : 1));
      const delivered = [...floors];
      for (const { i } of byRemainder) {
        if (left === 0) break;
        delivered[i] = delivered[i]!.plus(1);
        left--;
      }
      const moved = taken.map((p, i) => ({ ...p, deliveredShareUnits: BigInt(delivered[i]!.toFixed(0)) }));
      const landedCost = moved.map((p) => p.costCents);
      moved.forEach((p, i) => {
        if (p.deliveredShareUnits !== 0n) return;
        const receiving = moved.map((q, j) => ({ q, j })).filter(({ q }) => q.deliveredShareUnits > 0n);
        const sameKind = receiving.filter(({ q }) => q.kind === p.kind);
        const pool = sameKind.length > 0 ? sameKind : receiving;
        const heir = pool.reduce((best, c) =>
          c.q.deliveredShareUnits > best.q.deliveredShareUnits ? c : best,
        );
        landedCost[heir.j] = landedCost[heir.j]! + landedCost[i]!;
        landedCost[i] = 0n;
      });
      // SPEC §6: a landed piece is a lot of its own, never merged with another piece of its purchase.
      moved.forEach((p, i) => {
        if (p.deliveredShareUnits === 0n) return;
        lots.push({
          kind: p.kind,
          lotId: p.lotId,
          sequence: sequences.get(p.lotId)!,
          arrival: nextArrival++,
          attribution: takenFrom[i]!.attribution,
          portfolioId: a.in.portfolioId,
          issuingPortfolioId: p.issuingPortfolioId,
          doi: p.dateOfOriginalIssuance,
          shares: shares(p.deliveredShareUnits),
          cost: new Exact(landedCost[i]!.toString()).div(100),
        });
      });
      exchanges.push({
        kind: 'freeExchange',
        exchangeId: a.exchangeId,
        date: a.date,
        outTxnId: a.out.txnId,
        inTxnId: a.in.txnId,
        fromPortfolioId: a.out.portfolioId,
        toPortfolioId: a.in.portfolioId,
        pieces: moved,
      });
    } else notices.push(a);
    noteHoldings(lastSeen, lots);
  }
  if (until !== '') convertDueBefore(until, true);

  const checked = new Set<string>();
  for (const n of notices) {
    const end = lastDayOfMonth(n.date);
    const key = `${n.portfolioId}|${end}`;
    if (end > until || checked.has(key)) continue;
    checked.add(key);
    const group = notices.filter((m) => m.portfolioId === n.portfolioId && lastDayOfMonth(m.date) === end);
    const reported = group.reduce((s, m) => s + m.shareUnits, 0n);
    const index = conversions.findIndex((c) => c.portfolioId === n.portfolioId && c.date === end);
    const due = conversions[index];
    if ((due ? due.commissionShareUnits + due.freeShareUnits : 0n) !== reported)
      throw new LedgerRefusal(n.txnId, 'shares', 'the convert rows do not match the conversion due');
    if (due) conversions[index] = { ...due, confirmedBy: group.map((m) => m.txnId) };
  }

  const finalLots: Lot[] = lots
    .map((l) => ({
      kind: l.kind,
      lotId: l.lotId,
      sequence: l.sequence,
      arrival: l.arrival,
      portfolioId: l.portfolioId,
      issuingPortfolioId: l.issuingPortfolioId,
      dateOfOriginalIssuance: l.doi,
      shareUnits: toShareUnits(l.shares),
      costCents: toCents(l.cost),
      attribution: l.attribution,
    }))
    .sort((a, b) =>
      a.portfolioId !== b.portfolioId
        ? a.portfolioId < b.portfolioId
          ? -1
          : 1
        : a.dateOfOriginalIssuance !== b.dateOfOriginalIssuance
          ? a.dateOfOriginalIssuance < b.dateOfOriginalIssuance
            ? -1
            : 1
          : a.sequence - b.sequence || a.arrival - b.arrival,
    );
  return {
    account,
    lots: finalLots,
    lastHeld: lastHeldOf(lastSeen, lots),
    redemptions,
    exchanges,
    conversions,
  };
}
