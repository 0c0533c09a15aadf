import { fromDayNumber } from '../calendar/isoDate.js';
import type { DistributorTerm } from '../class-b/distributorTerm.js';
import type { ClassBLedgerState } from '../class-b/monthPassColumns.js';
import { largestRemainder } from '../money/largestRemainder.js';
import {
  type DistributorShareComputation,
  distributorOfIssuance,
  resolveAttribution,
} from './distributorShare.js';

/**
 * Exhibit A at a month end read straight from a chunk's ledger columns (issue 14: no record per
 * lot, no visit of each account): for each asked portfolio, the 2(a) Commission Shares and 2(b)
 * Free Shares by party summed over the accounts other than Omnibus Accounts (those are listed:
 * 2(c) attributes their Free Shares account by account), and SPEC §8's counts over every account
 * (the Distributor's Commission Shares by DOI, all shares outstanding, the shares 2(a)–(b)
 * allocate to it). Every sum is the one `computeDistributorShare` and the Monthly Calculation's
 * per-account recount give over the same lots (the differential test holds them equal): each
 * Commission Share goes to whoever was exclusive on its DOI, each Free Share lot is split on its
 * own by largest remainder, so the sums do not depend on how accounts are grouped.
 */
export interface ExhibitAStateSums {
  /** 2(a)–(b) of the accounts other than Omnibus Accounts, as a computation (no 2(c) shares) */
  readonly others: DistributorShareComputation;
  /** the Omnibus Accounts holding the portfolio: their indexes in the state, ascending */
  readonly omnibusAccounts: readonly number[];
}

/** SPEC §8: what a DOI-range Transfer counts at a date, over every account of the chunk. */
export interface DistributorCountSums {
  /** the Distributor's Commission Shares by DOI and issuing portfolio, with the lots holding them */
  readonly byDoi: ReadonlyMap<
    string,
    { doi: string; issuingPortfolioId: string; shares: bigint; lots: number }
  >;
  /** all shares outstanding */
  readonly total: bigint;
  /**
   * shares allocated to the Distributor by 2(a) and 2(b); an Omnibus Account's Free Shares are left
   * out (2(b) excludes them; the Monthly Calculation adds the Distributor's 2(c) ones as they stand)
   */
  readonly allocated: bigint;
}

/**
 * A sum of share units kept exact: a float while it stays a safe integer, carried into a bigint
 * before it could pass 2^53 (each addend is a column value, itself a safe integer).
 */
export class UnitsSum {
  private small = 0;
  private big = 0n;
  add(v: number): void {
    if (this.small + v > Number.MAX_SAFE_INTEGER) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
    this.small += v;
  }
  addBig(v: bigint): void {
    this.big += v;
  }
  value(): bigint {
    return this.big + BigInt(this.small);
  }
}

/**
 * Sums of share units by a small integer index (a party, an issuance), each kept exact as
 * {@link UnitsSum} keeps one: a float while it stays a safe integer, carried into a bigint before
 * it could pass 2^53. One typed array of floats, so that adding a lot allocates nothing.
 */
class UnitsSums {
  private small = new Float64Array(8);
  private big: bigint[] = [];

  add(i: number, v: number): void {
    if (i >= this.small.length) this.small = holding(this.small, i);
    const s = this.small[i]! + v;
    if (s > Number.MAX_SAFE_INTEGER) {
      this.big[i] = (this.big[i] ?? 0n) + BigInt(this.small[i]!);
      this.small[i] = v;
    } else this.small[i] = s;
  }

  addBig(i: number, v: bigint): void {
    this.big[i] = (this.big[i] ?? 0n) + v;
  }

  value(i: number): bigint {
    return (this.big[i] ?? 0n) + BigInt(i < this.small.length ? this.small[i]! : 0);
  }
}

/** `a` if index `i` is in it, else a copy at least twice as long that holds it (the rest zeros). */
function holding<T extends Float64Array | Int32Array | Uint8Array>(a: T, i: number): T {
  if (i < a.length) return a;
  const grown = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, i + 1));
  grown.set(a);
  return grown;
}

interface PortfolioWork {
  readonly exhibitA: boolean;
  readonly counts: boolean;
  /** 2(a) Commission Shares and 2(b) Free Shares of the accounts other than Omnibus Accounts, by party index */
  readonly commission: UnitsSums;
  readonly free: UnitsSums;
  /** the parties 2(a)–(b) named for this portfolio (party index → 1), as computeDistributorShare lists them */
  named: Uint8Array;
  readonly outstanding: UnitsSum;
  readonly omnibus: number[];
  readonly countTotal: UnitsSum;
  readonly allocated: UnitsSum;
  /** the Distributor's Commission Shares by issuance index, the lots holding them, and the issuances seen */
  readonly byDoiShares: UnitsSums;
  byDoiLots: Int32Array;
  readonly byDoiSeen: number[];
  /** the account being summed holds lots of the portfolio */
  held: boolean;
  /** its Free Share units in the portfolio (2(b) skips an account whose Free Shares are 0 units) */
  freeOfAccount: number;
}

/**
 * Issuances (issuing portfolio key, DOI day number) numbered as first seen, each with the index of
 * the party 2(a) gives its Commission Shares: per issuing portfolio a typed array by day, so that a
 * lot's lookup is two array reads — a close's Exhibit A step looks up every lot, 5 million at the
 * benchmark's size (issue 14), and a map lookup per lot was the step's largest cost.
 */
class Issuances {
  private readonly byPortfolio: ({ firstDay: number; id: Int32Array } | undefined)[] = [];
  /** days beyond a portfolio's window (a DOI centuries from the others): by portfolio, then day */
  private readonly beyond = new Map<number, Map<number, number>>();
  readonly issuing: number[] = [];
  readonly doiDay: number[] = [];
  readonly who: number[] = [];

  constructor(private readonly whoIssued: (issuing: number, doiDay: number) => number) {}

  /** The issuance's index (numbered on first sight). */
  of(issuing: number, doiDay: number): number {
    let days = this.byPortfolio[issuing];
    if (days === undefined || doiDay < days.firstDay || doiDay >= days.firstDay + days.id.length) {
      days = this.widened(issuing, doiDay);
      if (days === undefined) return this.ofBeyond(issuing, doiDay);
    }
    const at = doiDay - days.firstDay;
    const id = days.id[at]! - 1;
    if (id >= 0) return id;
    days.id[at] = this.issuing.length + 1;
    return this.added(issuing, doiDay);
  }

  private added(issuing: number, doiDay: number): number {
    this.issuing.push(issuing);
    this.doiDay.push(doiDay);
    this.who.push(this.whoIssued(issuing, doiDay));
    return this.issuing.length - 1;
  }

  private ofBeyond(issuing: number, doiDay: number): number {
    let days = this.beyond.get(issuing);
    if (days === undefined) {
      days = new Map();
      this.beyond.set(issuing, days);
    }
    let id = days.get(doiDay);
    if (id === undefined) {
      id = this.added(issuing, doiDay);
      days.set(doiDay, id);
    }
    return id;
  }

  /**
   * The portfolio's days widened to hold `doiDay` (by at least a year either way: few widenings),
   * or undefined past {@link MAX_DAYS} (its array stays as it is, bounded whatever the DOIs).
   */
  private widened(issuing: number, doiDay: number): { firstDay: number; id: Int32Array } | undefined {
    const old = this.byPortfolio[issuing];
    const from = old === undefined ? doiDay - 366 : Math.min(old.firstDay, doiDay - 366);
    const to = old === undefined ? doiDay + 366 : Math.max(old.firstDay + old.id.length, doiDay + 366);
    if (to - from > MAX_DAYS) return undefined;
    const days = { firstDay: from, id: new Int32Array(to - from) };
    if (old !== undefined) days.id.set(old.id, old.firstDay - from);
    this.byPortfolio[issuing] = days;
    return days;
  }
}

/** The days an issuing portfolio's array spans at most (~90 years; 128 kB). */
const MAX_DAYS = 2 ** 15;

/**
 * Exhibit A 2(a)–(b) and SPEC §8's counts of a chunk's ledger at one date, per asked portfolio
 * key: `exhibitA` for the computation's sums, `counts` for the DOI-range Transfers' counts.
 * @example
 *   // two accounts of fund-x, Commission Shares of DOIs in the Distributor's term and after it
 *   exhibitAOfLedgerState(state, ['fund-x'], new Map([[0, { exhibitA: true, counts: false }]]),
 *     { portfolioId: 'fund-x', date: '2025-12-31', distributor: 'ADI', terms })
 *   // → Map { 0 → { others: { parties: [ADI …, Other …], outstandingShares … }, omnibusAccounts: [] } }
 */
export function exhibitAOfLedgerState(
  state: ClassBLedgerState,
  portfolioNames: readonly string[],
  asked: ReadonlyMap<number, { readonly exhibitA: boolean; readonly counts: boolean }>,
  ctx: { readonly date: string; readonly distributor: string; readonly terms: readonly DistributorTerm[] },
): Map<number, { exhibitA?: ExhibitAStateSums; counts?: DistributorCountSums }> {
  const { distributor, terms } = ctx;
  // the parties by index, the Distributor first (index 0)
  const partyNames: string[] = [distributor];
  const partyIndex = new Map<string, number>([[distributor, 0]]);
  const partyOf = (who: string): number => {
    let i = partyIndex.get(who);
    if (i === undefined) {
      i = partyNames.length;
      partyNames.push(who);
      partyIndex.set(who, i);
    }
    return i;
  };
  // 2(a): who holds the rights to shares of an issuance, asked once per issuance
  const issuances = new Issuances((issuing, doiDay) =>
    partyOf(distributorOfIssuance(terms, portfolioNames[issuing]!, fromDayNumber(doiDay), distributor)),
  );
  const work: (PortfolioWork | undefined)[] = [];
  for (const [p, a] of asked)
    work[p] = {
      ...a,
      commission: new UnitsSums(),
      free: new UnitsSums(),
      named: new Uint8Array(8),
      outstanding: new UnitsSum(),
      omnibus: [],
      countTotal: new UnitsSum(),
      allocated: new UnitsSum(),
      byDoiShares: new UnitsSums(),
      byDoiLots: new Int32Array(64),
      byDoiSeen: [],
      held: false,
      freeOfAccount: 0,
    };
  // 2(b): an attribution's parties (as indexes) and weights, resolved once per attribution (null:
  // by the lot's own DOI); by attribution index, an array, not a map (a lookup per Free Share lot)
  const resolved: ({ parties: number[]; weights: bigint[] } | null | undefined)[] = new Array(
    state.attributions.length,
  );
  const freeParties = (attribution: number): { parties: number[]; weights: bigint[] } | null => {
    if (attribution < 0) return null;
    let r = resolved[attribution];
    if (r === undefined) {
      const byName = resolveAttribution(state.attributions[attribution]!, terms, distributor);
      r = byName === null ? null : { parties: byName.parties.map(partyOf), weights: byName.weights };
      resolved[attribution] = r;
    }
    return r;
  };
  // a party named by 2(a)–(b) for the portfolio (listed even if its shares sum to 0 units)
  const name = (w: PortfolioWork, party: number): void => {
    if (party >= w.named.length) w.named = holding(w.named, party);
    w.named[party] = 1;
  };
  for (const w of work) if (w?.exhibitA) name(w, 0);

  const l = state.lots;
  const touched: PortfolioWork[] = [];
  for (let a = 0; a < state.accounts.count; a++) {
    const from = state.accounts.lotStart[a]!;
    const to = state.accounts.lotStart[a + 1]!;
    const omnibus = state.accounts.omnibus[a] === 1;
    // first the account's Free Share units per asked portfolio, and which it holds
    for (let i = from; i < to; i++) {
      const w = work[l.portfolio[i]!];
      if (w === undefined) continue;
      if (!w.held) {
        w.held = true;
        touched.push(w);
      }
      if (l.free[i] === 1) w.freeOfAccount += l.shareUnits[i]!;
    }
    if (touched.length === 0) continue;
    for (let i = from; i < to; i++) {
      const w = work[l.portfolio[i]!];
      if (w === undefined) continue;
      const units = l.shareUnits[i]!;
      const free = l.free[i] === 1;
      const others = w.exhibitA && !omnibus;
      if (!free) {
        const issuance = issuances.of(l.issuingPortfolio[i]!, l.doiDay[i]!);
        const who = issuances.who[issuance]!;
        if (others) {
          name(w, who);
          w.commission.add(who, units);
          w.outstanding.add(units);
        }
        if (w.counts) {
          w.countTotal.add(units);
          if (who === 0) {
            w.allocated.add(units);
            if (issuance >= w.byDoiLots.length) w.byDoiLots = holding(w.byDoiLots, issuance);
            if (w.byDoiLots[issuance] === 0) w.byDoiSeen.push(issuance);
            w.byDoiShares.add(issuance, units);
            w.byDoiLots[issuance]!++;
          }
        }
        continue;
      }
      if (others) w.outstanding.add(units);
      if (w.counts) w.countTotal.add(units);
      // an account whose Free Shares in the portfolio are 0 units in all is skipped by 2(b), as
      // computeDistributorShare skips it; an Omnibus Account's Free Shares are 2(c)'s, not 2(b)'s
      if (w.freeOfAccount === 0 || omnibus) continue;
      const r = freeParties(l.attribution[i]!);
      if (r === null) {
        const who = issuances.who[issuances.of(l.issuingPortfolio[i]!, l.doiDay[i]!)]!;
        if (others) {
          name(w, who);
          w.free.add(who, units);
        }
        if (w.counts && who === 0) w.allocated.add(units);
        continue;
      }
      if (r.parties.length === 1) {
        const who = r.parties[0]!;
        if (others) {
          name(w, who);
          w.free.add(who, units);
        }
        if (w.counts && who === 0) w.allocated.add(units);
        continue;
      }
      const parts = largestRemainder(BigInt(units), r.weights);
      // a loop, not a closure: a closure here made V8 allocate this block's variables (w, others,
      // parts) in a context object for every lot, ~80 bytes each (issue 14: 5 million lots a close)
      for (let j = 0; j < r.parties.length; j++) {
        const p = r.parties[j]!;
        if (others) {
          name(w, p);
          w.free.addBig(p, parts[j]!);
        }
        if (w.counts && p === 0) w.allocated.addBig(parts[j]!);
      }
    }
    for (let t = 0; t < touched.length; t++) {
      const w = touched[t]!;
      if (w.exhibitA && omnibus) w.omnibus.push(a);
      w.held = false;
      w.freeOfAccount = 0;
    }
    touched.length = 0;
  }

  const out = new Map<number, { exhibitA?: ExhibitAStateSums; counts?: DistributorCountSums }>();
  for (const [p] of asked) {
    const w = work[p]!;
    const o: { exhibitA?: ExhibitAStateSums; counts?: DistributorCountSums } = {};
    if (w.exhibitA) {
      const named: number[] = [];
      for (let j = 0; j < w.named.length; j++) if (w.named[j] === 1) named.push(j);
      const parties = named
        .sort((x, y) => (x === 0 ? -1 : y === 0 ? 1 : partyNames[x]! < partyNames[y]! ? -1 : 1))
        .map((j) => {
          const commissionShares = w.commission.value(j);
          const freeShares = w.free.value(j);
          return {
            distributor: partyNames[j]!,
            commissionShares,
            freeShares,
            omnibusFreeShares: 0n,
            total: commissionShares + freeShares,
          };
        });
      const outstandingShares = w.outstanding.value();
      // conservation (Exhibit A: the parties' shares are all the shares outstanding)
      if (parties.reduce((s, x) => s + x.total, 0n) !== outstandingShares)
        throw new Error('Exhibit A: allocated shares do not add up to the shares outstanding');
      o.exhibitA = {
        others: {
          portfolioId: portfolioNames[p]!,
          date: ctx.date,
          distributor,
          parties,
          distributorShares: parties[0]!.total,
          outstandingShares,
        },
        omnibusAccounts: w.omnibus,
      };
    }
    if (w.counts)
      o.counts = {
        byDoi: new Map(
          w.byDoiSeen.map((issuance) => {
            const doi = fromDayNumber(issuances.doiDay[issuance]!);
            const issuingPortfolioId = portfolioNames[issuances.issuing[issuance]!]!;
            return [
              `${doi}|${issuingPortfolioId}`,
              {
                doi,
                issuingPortfolioId,
                shares: w.byDoiShares.value(issuance),
                lots: w.byDoiLots[issuance]!,
              },
            ];
          }),
        ),
        total: w.countTotal.value(),
        allocated: w.allocated.value(),
      };
    out.set(p, o);
  }
  return out;
}
