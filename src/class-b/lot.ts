import type { FreeShareAttribution } from './freeShareAttribution.js';

/**
 * A lot of Class B shares held in one account and portfolio (SPEC §6; Agreement Exhibit A 1.).
 *
 * - Commission Shares: issued by a purchase; their redemption "would, in the absence of … some
 *   standard waiver provision, give rise to the payment of a CDSC", and they stay Commission
 *   Shares after the CDSC period ends.
 * - Free Shares: every other share — here, shares issued by reinvesting distributions.
 *
 * A lot keeps, through every Free Exchange Transaction, its Date of Original Issuance, its kind,
 * its original cost and the portfolio that first issued it (Agreement FOURTH(D)(ii): shares
 * "traced to Shares initially issued by a Portfolio"). `lotId` is the txn_id of the purchase or
 * reinvestment that created it. SPEC §6: a lot keeps its identity through every exchange — pieces
 * of one purchase that reach a portfolio by different exchanges (at different price ratios) stay
 * separate lots, each with its own cost, never merged; so one lotId may name several lots of a
 * portfolio. `sequence` orders lots with the same DOI (the order in which the account's lots were
 * first created), then `arrival` (the order in which the account's lots reached their portfolio).
 * A Free Share lot carries its Exhibit A 2(b) attribution, fixed when it was issued.
 */
export type LotKind = 'commission' | 'free';

export interface Lot {
  readonly kind: LotKind;
  readonly lotId: string;
  readonly sequence: number;
  readonly arrival: number;
  readonly portfolioId: string;
  readonly issuingPortfolioId: string;
  readonly dateOfOriginalIssuance: string;
  readonly shareUnits: bigint;
  readonly costCents: bigint;
  /** Free Shares: what Exhibit A 2(b) attributes them by (null for Commission Shares) */
  readonly attribution: FreeShareAttribution | null;
}

export function isCommissionLot(lot: Lot): boolean {
  return lot.kind === 'commission';
}

/** `arrival` defaults to `sequence` (a lot where it was issued); `attribution` to none. */
export function createLot(
  fields: Omit<Lot, 'arrival' | 'attribution'> & Partial<Pick<Lot, 'arrival' | 'attribution'>>,
): Lot {
  if (fields.shareUnits <= 0n) throw new RangeError(`lot ${fields.lotId}: shares must be above zero`);
  if (fields.costCents < 0n) throw new RangeError(`lot ${fields.lotId}: a negative cost`);
  if (fields.kind === 'commission' && fields.attribution != null)
    throw new RangeError(`lot ${fields.lotId}: Commission Shares are attributed by their DOI, not otherwise`);
  return Object.freeze({
    ...fields,
    arrival: fields.arrival ?? fields.sequence,
    attribution: fields.attribution ?? null,
  });
}

/** Lots in a canonical order for display and comparison: portfolio, DOI, sequence. */
export function compareLots(a: Lot, b: Lot): number {
  if (a.portfolioId !== b.portfolioId) return a.portfolioId < b.portfolioId ? -1 : 1;
  if (a.dateOfOriginalIssuance !== b.dateOfOriginalIssuance)
    return a.dateOfOriginalIssuance < b.dateOfOriginalIssuance ? -1 : 1;
  return a.sequence - b.sequence || a.arrival - b.arrival;
}
