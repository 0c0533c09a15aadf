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
  /** shares allocated to the Distributor by 2(a) and 2(b) (an Omnibus Account's Free Shares by 2(b)) */
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

interface PartySums {
  readonly commission: UnitsSum;
  readonly free: UnitsSum;
}

interface PortfolioWork {
  readonly exhibitA: boolean;
  readonly counts: boolean;
  readonly parties: Map<string, PartySums>;
  readonly outstanding: UnitsSum;
  readonly omnibus: number[];
  readonly countTotal: UnitsSum;
  readonly allocated: UnitsSum;
  /** by issuing portfolio and DOI day */
  readonly byDoi: ByIssuance<{ issuing: number; doiDay: number; shares: UnitsSum; lots: number }>;
  /** the account being summed holds lots of the portfolio */
  held: boolean;
  /** its Free Share units in the portfolio (2(b) skips an account whose Free Shares are 0 units) */
  freeOfAccount: number;
}

/**
 * Values by issuance: issuing portfolio key, then DOI day number. Both are small integers, so a
 * lookup allocates nothing (one number key of both would pass 2^31 and be a heap number per lot:
 * a close's Exhibit A step looks up every lot, 5 million at the benchmark's size, issue 14).
 */
class ByIssuance<T> {
  private readonly byPortfolio: (Map<number, T> | undefined)[] = [];

  get(issuing: number, doiDay: number): T | undefined {
    return this.byPortfolio[issuing]?.get(doiDay);
  }

  set(issuing: number, doiDay: number, value: T): void {
    let byDay = this.byPortfolio[issuing];
    if (byDay === undefined) {
      byDay = new Map();
      this.byPortfolio[issuing] = byDay;
    }
    byDay.set(doiDay, value);
  }

  *values(): IterableIterator<T> {
    for (const byDay of this.byPortfolio) if (byDay !== undefined) yield* byDay.values();
  }
}

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
  const work: (PortfolioWork | undefined)[] = [];
  for (const [p, a] of asked)
    work[p] = {
      ...a,
      parties: new Map(),
      outstanding: new UnitsSum(),
      omnibus: [],
      countTotal: new UnitsSum(),
      allocated: new UnitsSum(),
      byDoi: new ByIssuance(),
      held: false,
      freeOfAccount: 0,
    };
  // 2(a): who holds the rights to shares of an issuance, asked once per issuance
  const issuer = new ByIssuance<string>();
  const whoIssued = (issuing: number, doiDay: number): string => {
    let who = issuer.get(issuing, doiDay);
    if (who === undefined) {
      who = distributorOfIssuance(terms, portfolioNames[issuing]!, fromDayNumber(doiDay), distributor);
      issuer.set(issuing, doiDay, who);
    }
    return who;
  };
  // 2(b): an attribution's parties and weights, resolved once per attribution (null: by the lot's own DOI)
  // by attribution index: an array, not a map (a lookup per Free Share lot)
  const resolved: ({ parties: string[]; weights: bigint[] } | null | undefined)[] = new Array(
    state.attributions.length,
  );
  const freeParties = (attribution: number): { parties: string[]; weights: bigint[] } | null => {
    if (attribution < 0) return null;
    let r = resolved[attribution];
    if (r === undefined) {
      r = resolveAttribution(state.attributions[attribution]!, terms, distributor);
      resolved[attribution] = r;
    }
    return r;
  };
  const party = (w: PortfolioWork, who: string): PartySums => {
    let s = w.parties.get(who);
    if (s === undefined) {
      s = { commission: new UnitsSum(), free: new UnitsSum() };
      w.parties.set(who, s);
    }
    return s;
  };
  for (const w of work) if (w?.exhibitA) party(w, distributor);

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
        const who = whoIssued(l.issuingPortfolio[i]!, l.doiDay[i]!);
        if (others) {
          party(w, who).commission.add(units);
          w.outstanding.add(units);
        }
        if (w.counts) {
          w.countTotal.add(units);
          if (who === distributor) {
            w.allocated.add(units);
            let held = w.byDoi.get(l.issuingPortfolio[i]!, l.doiDay[i]!);
            if (held === undefined) {
              held = {
                issuing: l.issuingPortfolio[i]!,
                doiDay: l.doiDay[i]!,
                shares: new UnitsSum(),
                lots: 0,
              };
              w.byDoi.set(held.issuing, held.doiDay, held);
            }
            held.shares.add(units);
            held.lots++;
          }
        }
        continue;
      }
      if (others) w.outstanding.add(units);
      if (w.counts) w.countTotal.add(units);
      // an account whose Free Shares in the portfolio are 0 units in all is skipped by 2(b), as
      // computeDistributorShare skips it
      if (w.freeOfAccount === 0) continue;
      const r = freeParties(l.attribution[i]!);
      if (r === null) {
        const who = whoIssued(l.issuingPortfolio[i]!, l.doiDay[i]!);
        if (others) party(w, who).free.add(units);
        if (w.counts && who === distributor) w.allocated.add(units);
        continue;
      }
      if (r.parties.length === 1) {
        if (others) party(w, r.parties[0]!).free.add(units);
        if (w.counts && r.parties[0] === distributor) w.allocated.add(units);
        continue;
      }
      const parts = largestRemainder(BigInt(units), r.weights);
      r.parties.forEach((p, j) => {
        if (others) party(w, p).free.addBig(parts[j]!);
        if (w.counts && p === distributor) w.allocated.addBig(parts[j]!);
      });
    }
    for (const w of touched) {
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
      const parties = [...w.parties]
        .sort(([x], [y]) => (x === distributor ? -1 : y === distributor ? 1 : x < y ? -1 : 1))
        .map(([d, s]) => {
          const commissionShares = s.commission.value();
          const freeShares = s.free.value();
          return {
            distributor: d,
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
          [...w.byDoi.values()].map((h) => {
            const doi = fromDayNumber(h.doiDay);
            const issuingPortfolioId = portfolioNames[h.issuing]!;
            return [
              `${doi}|${issuingPortfolioId}`,
              { doi, issuingPortfolioId, shares: h.shares.value(), lots: h.lots },
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
