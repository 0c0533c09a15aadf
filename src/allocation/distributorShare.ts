import { type DistributorTerm, distributorTermOn, rightsHolder } from '../class-b/distributorTerm.js';
import type { FreeShareAttribution } from '../class-b/freeShareAttribution.js';
import type { Lot } from '../class-b/lot.js';
import { largestRemainder } from '../money/largestRemainder.js';

/**
 * Agreement SEVENTH(B) and Exhibit A: the Distributor's 12b-1 Share of a portfolio's Distribution
 * Fees is 100% while it is exclusive distributor; from the end of its term it is the percentage
 * of the portfolio's shares outstanding on each computation date allocated to it:
 *   (a) Commission Shares — to whoever was exclusive distributor on their Date of Original Issuance
 *       (traced to the portfolio that first issued them; a predecessor's term counts as its
 *       successor's, NINETEENTH);
 *   (b) Free Shares other than Omnibus Shares — by the attribution fixed when they were issued
 *       (SPEC §7; see freeShareAttribution.ts): the distributor the transfer agent named, or the
 *       Commission Shares they derive from, each taken by (a) (none: whoever was exclusive on
 *       the Free Shares' own date); each lot's shares split by largest remainder;
 *   (c) Free Shares in Omnibus Accounts — as attributed month by month by the A × (B/C) rules
 *       (see omnibusFreeShares.ts), per account and summed.
 * Shares are integers of 1/10,000.
 */
export interface AllocationAccount {
  readonly account: string;
  readonly omnibus: boolean;
  /** the account's lots in this portfolio at the computation date */
  readonly lots: readonly Lot[];
}

export interface PartyAllocation {
  readonly distributor: string;
  readonly commissionShares: bigint;
  readonly freeShares: bigint;
  readonly omnibusFreeShares: bigint;
  readonly total: bigint;
}

export interface DistributorShareComputation {
  readonly portfolioId: string;
  readonly date: string;
  readonly distributor: string;
  readonly parties: readonly PartyAllocation[];
  /** numerator: shares allocated to the Distributor */
  readonly distributorShares: bigint;
  /** denominator: all shares outstanding */
  readonly outstandingShares: bigint;
}

/** Who holds the rights to shares issued on `date` by `portfolioId`, or `fallback` when no term says. */
export function distributorOfIssuance(
  terms: readonly DistributorTerm[],
  portfolioId: string,
  date: string,
  fallback: string,
): string {
  const term = distributorTermOn(terms, portfolioId, date);
  return term === undefined ? fallback : rightsHolder(terms, term.distributor);
}

/** Distributor first, then the Other Distributors by name (SPEC §3: ties to the party listed first). */
function partyOrder(distributor: string): (a: string, b: string) => number {
  return (a, b) => (a === b ? 0 : a === distributor ? -1 : b === distributor ? 1 : a < b ? -1 : 1);
}

/**
 * Exhibit A 2(b): the distributors a Free Share attribution names, with weights; null when it
 * derives from no Commission Share (the Free Shares then go to whoever was exclusive on their date).
 * A named distributor's rights, if assigned, are its assignee's (NINETEENTH).
 */
export function resolveAttribution(
  a: FreeShareAttribution,
  terms: readonly DistributorTerm[],
  distributor: string,
): { parties: string[]; weights: bigint[] } | null {
  if (a.kind === 'distributor') return { parties: [rightsHolder(terms, a.distributor)], weights: [1n] };
  if (a.weights.length === 0) return null;
  const by = new Map<string, bigint>();
  for (const w of a.weights) {
    const who = distributorOfIssuance(terms, w.issuingPortfolioId, w.dateOfOriginalIssuance, distributor);
    by.set(who, (by.get(who) ?? 0n) + w.shareUnits);
  }
  const parties = [...by.keys()].sort(partyOrder(distributor));
  return { parties, weights: parties.map((p) => by.get(p)!) };
}

/**
 * @param omnibusFreeShares the Free Shares of each Omnibus Account attributed by 2(c), by distributor
 *   (accounts absent here have their Free Shares attributed as non-omnibus ones)
 */
export function computeDistributorShare(opts: {
  portfolioId: string;
  date: string;
  distributor: string;
  terms: readonly DistributorTerm[];
  accounts: readonly AllocationAccount[];
  omnibusFreeShares?: ReadonlyMap<string, ReadonlyMap<string, bigint>>;
}): DistributorShareComputation {
  const { portfolioId, date, distributor, terms } = opts;
  const rows = new Map<string, { commission: bigint; free: bigint; omnibusFree: bigint }>();
  const row = (d: string) => {
    let r = rows.get(d);
    if (!r) {
      r = { commission: 0n, free: 0n, omnibusFree: 0n };
      rows.set(d, r);
    }
    return r;
  };
  row(distributor);
  // One attribution is shared by every lot a reinvestment became (exchanges carry it): resolve once.
  const resolved = new Map<FreeShareAttribution, { parties: string[]; weights: bigint[] }>();
  const freeShareWeights = (lot: Lot): { parties: string[]; weights: bigint[] } => {
    const own = () => ({
      parties: [
        distributorOfIssuance(terms, lot.issuingPortfolioId, lot.dateOfOriginalIssuance, distributor),
      ],
      weights: [1n],
    });
    const a = lot.attribution;
    if (a === null) return own();
    let r = resolved.get(a);
    if (r === undefined) {
      r = resolveAttribution(a, terms, distributor) ?? own();
      resolved.set(a, r);
    }
    return r;
  };
  let outstanding = 0n;
  for (const acct of opts.accounts) {
    const freeLots: Lot[] = [];
    for (const lot of acct.lots) {
      if (lot.portfolioId !== portfolioId) continue;
      outstanding += lot.shareUnits;
      if (lot.kind === 'free') {
        freeLots.push(lot);
        continue;
      }
      row(
        distributorOfIssuance(terms, lot.issuingPortfolioId, lot.dateOfOriginalIssuance, distributor),
      ).commission += lot.shareUnits;
    }
    const freeTotal = freeLots.reduce((s, l) => s + l.shareUnits, 0n);
    if (freeTotal === 0n) continue;
    const omnibus = acct.omnibus ? opts.omnibusFreeShares?.get(acct.account) : undefined;
    if (omnibus !== undefined) {
      // 2(c): the sub-transfer agent's figures, as attributed month by month.
      let attributed = 0n;
      for (const [who, shares] of omnibus) {
        row(who).omnibusFree += shares;
        attributed += shares;
      }
      if (attributed !== freeTotal)
        throw new Error(
          `Exhibit A 2(c): ${acct.account} holds ${freeTotal} Free Share units on ${date} but ${attributed} are attributed`,
        );
      continue;
    }
    // 2(b): each Free Share lot by the attribution it was issued with, wherever it has travelled.
    for (const lot of freeLots) {
      const { parties, weights } = freeShareWeights(lot);
      const parts = parties.length === 1 ? [lot.shareUnits] : largestRemainder(lot.shareUnits, weights);
      parties.forEach((p, i) => {
        row(p).free += parts[i]!;
      });
    }
  }
  const parties: PartyAllocation[] = [...rows.entries()]
    .sort(([a], [b]) => (a === distributor ? -1 : b === distributor ? 1 : a < b ? -1 : 1))
    .map(([d, r]) => ({
      distributor: d,
      commissionShares: r.commission,
      freeShares: r.free,
      omnibusFreeShares: r.omnibusFree,
      total: r.commission + r.free + r.omnibusFree,
    }));
  const sumParties = parties.reduce((s, p) => s + p.total, 0n);
  if (sumParties !== outstanding)
    throw new Error('Exhibit A: allocated shares do not add up to the shares outstanding');
  return {
    portfolioId,
    date,
    distributor,
    parties,
    distributorShares: parties[0]!.total,
    outstandingShares: outstanding,
  };
}

/**
 * SPEC §7: a day's Distribution Fee split between the Distributor (first) and the Other
 * Distributors by the computation in force that day (largest remainder, parts add up).
 */
export function splitDailyFee(
  feeCents: bigint,
  computation: DistributorShareComputation | null,
  distributor: string,
): Map<string, bigint> {
  if (computation === null || computation.outstandingShares === 0n) return new Map([[distributor, feeCents]]);
  const parts = largestRemainder(
    feeCents,
    computation.parties.map((p) => p.total),
  );
  return new Map(computation.parties.map((p, i) => [p.distributor, parts[i]!]));
}
