import type { LastHeldIssuance } from './lastHeldIssuance.js';
import type { LotKind } from './lot.js';

/**
 * Exhibit A 2(b): a Free Share (other than an Omnibus Share) "will be attributed to the
 * Distributor and each Other Distributor in accordance with the transfer agent reports". SPEC §7:
 * the attribution is fixed when the Free Share is issued and travels with it through
 * redemptions, exchanges and conversions; a later purchase through another distributor never
 * moves it.
 *
 * The share ledger knows no distributor terms, so it records what the attribution rests on:
 * - `distributor`: the reinvestment row names the distributor (feed column `attributed_distributor`);
 * - `derivedFrom`: the Commission Shares the Free Shares derive from, as weights by issuing
 *   portfolio and Date of Original Issuance — those of the DOI the row names
 *   (`derived_from_doi`), or else all the account's Commission Shares in that portfolio on the
 *   reinvestment date (pro rata). No weights: the Free Shares derive from no Commission Share and
 *   go to whoever was exclusive distributor on their own date.
 * Exhibit A (src/allocation/distributorShare.ts) turns the weights into distributors by 2(a).
 */
export interface DerivedFromWeight {
  readonly issuingPortfolioId: string;
  readonly dateOfOriginalIssuance: string;
  readonly shareUnits: bigint;
}

export type FreeShareAttribution =
  | { readonly kind: 'distributor'; readonly distributor: string }
  | {
      readonly kind: 'derivedFrom';
      readonly basis: 'statedDoi' | 'accountCommissionShares';
      readonly weights: readonly DerivedFromWeight[];
    };

/** What a reinvestment row may state (both absent: pro rata to the account's Commission Shares). */
export interface StatedAttribution {
  readonly attributedDistributor?: string | null;
  readonly derivedFromDoi?: string | null;
}

interface HeldLot {
  readonly kind: LotKind;
  readonly issuingPortfolioId: string;
  readonly dateOfOriginalIssuance: string;
  readonly shareUnits: bigint;
}

/**
 * The attribution of a reinvestment's Free Shares, fixed on the reinvestment date from what the
 * row states and the account's lots then held in the reinvesting portfolio. A stated DOI of which
 * no Commission Share is held there derives from the first issuances of the shares of that DOI
 * last held there (`lastHeld`, lastHeldIssuance.ts; SPEC §6: traced back to the first issuance),
 * and only where the account never held any of another portfolio's issuance, from the reinvesting
 * portfolio's own issuance of that date.
 * @example
 *   // 200 Commission Shares of DOI 2004-03-01 held; a reinvestment stating nothing
 *   attributeReinvestment({}, 'fund-x', [{ kind: 'commission', issuingPortfolioId: 'fund-x',
 *     dateOfOriginalIssuance: '2004-03-01', shareUnits: 2_000_000n }])
 *   // → { kind: 'derivedFrom', basis: 'accountCommissionShares',
 *   //     weights: [{ issuingPortfolioId: 'fund-x', dateOfOriginalIssuance: '2004-03-01', shareUnits: 2_000_000n }] }
 */
export function attributeReinvestment(
  stated: StatedAttribution,
  portfolioId: string,
  held: Iterable<HeldLot>,
  lastHeld: readonly LastHeldIssuance[] = [],
): FreeShareAttribution {
  if (stated.attributedDistributor != null)
    return Object.freeze({ kind: 'distributor', distributor: stated.attributedDistributor });
  const doi = stated.derivedFromDoi ?? null;
  const byKey = new Map<string, DerivedFromWeight>();
  for (const l of held) {
    if (l.kind !== 'commission') continue;
    if (doi !== null && l.dateOfOriginalIssuance !== doi) continue;
    const key = `${l.dateOfOriginalIssuance}|${l.issuingPortfolioId}`;
    const w = byKey.get(key);
    byKey.set(key, {
      issuingPortfolioId: l.issuingPortfolioId,
      dateOfOriginalIssuance: l.dateOfOriginalIssuance,
      shareUnits: (w?.shareUnits ?? 0n) + l.shareUnits,
    });
  }
  const weights = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, w]) => Object.freeze(w));
  // A stated DOI the account no longer holds still names the issuance the shares derive from:
  // that of the shares last held (Exhibit A 2(b); SPEC §6 traces them to their first issuance),
  // weighted by the shares last held of each first issuance, in (DOI, issuing portfolio) order.
  if (doi !== null && weights.length === 0)
    for (const m of lastHeld)
      if (m.portfolioId === portfolioId && m.dateOfOriginalIssuance === doi)
        weights.push(
          Object.freeze({
            issuingPortfolioId: m.issuingPortfolioId,
            dateOfOriginalIssuance: doi,
            shareUnits: m.shareUnits,
          }),
        );
  if (doi !== null && weights.length === 0)
    weights.push(
      Object.freeze({ issuingPortfolioId: portfolioId, dateOfOriginalIssuance: doi, shareUnits: 1n }),
    );
  return Object.freeze({
    kind: 'derivedFrom',
    basis: doi !== null ? 'statedDoi' : 'accountCommissionShares',
    weights: Object.freeze(weights),
  });
}
