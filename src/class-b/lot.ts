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
 * reinvestment that created it; in one account and portfolio a lotId names at most one lot (the
 * pieces of one lot that reach the same portfolio are one lot again). `sequence` orders lots
 * with the same DOI: the order in which the account's lots were first created.
 */
export type LotKind = 'commission' | 'free';

export interface Lot {
  readonly kind: LotKind;
  readonly lotId: string;
  readonly sequence: number;
  readonly portfolioId: string;
  readonly issuingPortfolioId: string;
  readonly dateOfOriginalIssuance: string;
  readonly shareUnits: bigint;
  readonly costCents: bigint;
}

export function isCommissionLot(lot: Lot): boolean {
  return lot.kind === 'commission';
}

export function createLot(fields: Lot): Lot {
  if (fields.shareUnits <= 0n) throw new RangeError(`lot ${fields.lotId}: shares must be above zero`);
  if (fields.costCents < 0n) throw new RangeError(`lot ${fields.lotId}: a negative cost`);
  return Object.freeze({ ...fields });
}

/** Lots in a canonical order for display and comparison: portfolio, DOI, sequence. */
export function compareLots(a: Lot, b: Lot): number {
  if (a.portfolioId !== b.portfolioId) return a.portfolioId < b.portfolioId ? -1 : 1;
  if (a.dateOfOriginalIssuance !== b.dateOfOriginalIssuance)
    return a.dateOfOriginalIssuance < b.dateOfOriginalIssuance ? -1 : 1;
  return a.sequence - b.sequence;
}
