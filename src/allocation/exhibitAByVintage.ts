import type { DistributorTerm } from '../class-b/distributorTerm.js';
import type { Lot } from '../class-b/lot.js';
import {
  type DistributionFeeReduction,
  vintageOfDoi,
  vintageSharesOfLots,
  vintagesOf,
} from '../class-b/vintageSplit.js';
import { largestRemainder } from '../money/largestRemainder.js';
import { type AllocationAccount, distributorOfIssuance, resolveAttribution } from './distributorShare.js';

/**
 * Agreement EIGHTH(E) with Exhibit A: where a Class B distribution fee was reduced, each
 * vintage's fee (vintageSplit.ts) is split among the parties by their shares in that vintage, so
 * this is Exhibit A's allocation restricted to each vintage — the same party for every share as
 * `computeDistributorShare` gives it, and the vintage the fee accrual counts it in:
 *   (a) Commission Shares: the party and the vintage of their Date of Original Issuance;
 *   (b) Free Shares other than Omnibus Shares: each lot split among the parties as 2(b) splits it
 *       (largest remainder over the attribution's weights by party); each party's part then among
 *       the vintages of the Commission Shares it derives from through that party (largest remainder
 *       over those weights); a Free Share attributed to a named distributor, or deriving from none,
 *       is of its own date's vintage;
 *   (c) Free Shares in an Omnibus Account carry no DOI: each party's 2(c) Free Shares of the account
 *       are spread over the vintages of the account's Free Shares as the accrual counts them (by
 *       what they derive from, else their own date), in proportion (largest remainder).
 * Each party's vintages add up to its Exhibit A total (the caller checks it against the
 * computation). Shares are integers of 1/10,000.
 * @example the Distributor's 600 shares of DOI 2004-05-03 and a successor's 300 of 2005-05-10, a
 *   reduction on 2005-05-01 → Map { Distributor → [6_000_000n, 0n], Successor → [0n, 3_000_000n] }
 */
export function exhibitAByVintage(opts: {
  portfolioId: string;
  distributor: string;
  terms: readonly DistributorTerm[];
  accounts: readonly AllocationAccount[];
  reductions: readonly Pick<DistributionFeeReduction, 'date'>[];
  /** 2(c): each Omnibus Account's Free Shares by party, as the computation attributed them */
  omnibusFreeShares?: ReadonlyMap<string, ReadonlyMap<string, bigint>>;
}): Map<string, bigint[]> {
  const { portfolioId, distributor, terms, reductions } = opts;
  const n = vintagesOf(reductions).length;
  const out = new Map<string, bigint[]>([[distributor, new Array<bigint>(n).fill(0n)]]);
  const add = (party: string, k: number, units: bigint) => {
    let row = out.get(party);
    if (row === undefined) {
      row = new Array<bigint>(n).fill(0n);
      out.set(party, row);
    }
    row[k] = row[k]! + units;
  };
  const own = (lot: Lot) =>
    distributorOfIssuance(terms, lot.issuingPortfolioId, lot.dateOfOriginalIssuance, distributor);
  for (const acct of opts.accounts) {
    const freeLots: Lot[] = [];
    for (const lot of acct.lots) {
      if (lot.portfolioId !== portfolioId) continue;
      if (lot.kind === 'free') freeLots.push(lot);
      else add(own(lot), vintageOfDoi(lot.dateOfOriginalIssuance, reductions), lot.shareUnits);
    }
    const freeTotal = freeLots.reduce((s, l) => s + l.shareUnits, 0n);
    if (freeTotal === 0n) continue;
    const omnibus = acct.omnibus ? opts.omnibusFreeShares?.get(acct.account) : undefined;
    if (omnibus !== undefined) {
      // 2(c): no DOI; the account's Free Shares by vintage weigh each party's 2(c) shares
      const byVintage = vintageSharesOfLots(freeLots, portfolioId, reductions);
      for (const [who, shares] of omnibus)
        largestRemainder(shares, byVintage).forEach((part, k) => {
          if (part !== 0n) add(who, k, part);
        });
      continue;
    }
    for (const lot of freeLots) {
      const a = lot.attribution;
      const resolved = a === null ? null : resolveAttribution(a, terms, distributor);
      if (a === null || a.kind === 'distributor' || resolved === null) {
        const who = resolved?.parties[0] ?? own(lot);
        add(who, vintageOfDoi(lot.dateOfOriginalIssuance, reductions), lot.shareUnits);
        continue;
      }
      // 2(b) by the Commission Shares the lot derives from: per party, their vintages
      const parts =
        resolved.parties.length === 1 ? [lot.shareUnits] : largestRemainder(lot.shareUnits, resolved.weights);
      resolved.parties.forEach((who, i) => {
        const weights = new Array<bigint>(n).fill(0n);
        for (const w of a.weights)
          if (
            distributorOfIssuance(terms, w.issuingPortfolioId, w.dateOfOriginalIssuance, distributor) === who
          ) {
            const k = vintageOfDoi(w.dateOfOriginalIssuance, reductions);
            weights[k] = weights[k]! + w.shareUnits;
          }
        largestRemainder(parts[i]!, weights).forEach((part, k) => {
          if (part !== 0n) add(who, k, part);
        });
      });
    }
  }
  return out;
}
