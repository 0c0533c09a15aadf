import type { CdscWaiver } from './cdscWaiver.js';
import type { LastHeldIssuance } from './lastHeldIssuance.js';
import type { Lot, LotKind } from './lot.js';

/** What one lot gave up to a redemption, an exchange or a conversion: shares and pro-rata cost. */
export interface LotPiece {
  readonly lotId: string;
  readonly kind: LotKind;
  readonly dateOfOriginalIssuance: string;
  readonly issuingPortfolioId: string;
  readonly shareUnits: bigint;
  readonly costCents: bigint;
}

/**
 * A redeemed piece and its CDSC (SPEC §6): rate by years since the DOI; base = the lesser of the
 * cost given up and the shares' value at the redemption price (exact, 1/100,000,000 dollar);
 * CDSC = round_half_up(rate × base, 2). On a waived redemption `cdscCents` is 0 and
 * `waivedCents` holds what it would have been.
 */
export interface RedemptionPiece extends LotPiece {
  readonly rateMicroPct: bigint;
  readonly baseValueUnits: bigint;
  readonly cdscCents: bigint;
  readonly waivedCents: bigint;
}

/**
 * Agreement FOURTH(D): Gross Redemption Proceeds = net asset value of the shares redeemed; less
 * first the CDSC and second the redemption fee = Net Redemption Proceeds.
 */
export interface RedemptionResult {
  readonly kind: 'redemption';
  readonly txnId: string;
  readonly date: string;
  readonly portfolioId: string;
  readonly shareUnits: bigint;
  readonly priceUnits: bigint;
  readonly waiver: CdscWaiver | null;
  readonly grossCents: bigint;
  readonly cdscCents: bigint;
  readonly waivedCents: bigint;
  readonly redemptionFeeCents: bigint;
  readonly netCents: bigint;
  readonly pieces: readonly RedemptionPiece[];
}

/** A piece moved by a Free Exchange Transaction and the shares of the Issuing Portfolio it became. */
export interface ExchangedPiece extends LotPiece {
  readonly deliveredShareUnits: bigint;
}

export interface ExchangeResult {
  readonly kind: 'freeExchange';
  readonly exchangeId: string;
  readonly date: string;
  readonly outTxnId: string;
  readonly inTxnId: string;
  readonly fromPortfolioId: string;
  readonly toPortfolioId: string;
  readonly pieces: readonly ExchangedPiece[];
}

/** Conversion to Class A at a month end (SPEC §6), per account and portfolio. */
export interface ConversionResult {
  readonly kind: 'conversion';
  readonly date: string;
  readonly portfolioId: string;
  readonly commissionShareUnits: bigint;
  readonly freeShareUnits: bigint;
  readonly pieces: readonly LotPiece[];
  /** the convert rows of the transfer agent that report it */
  readonly confirmedBy: readonly string[];
}

export interface AccountLedger {
  readonly account: string;
  /** lots held at the end of the replay */
  readonly lots: readonly Lot[];
  /** the first issuances of the Commission Shares of DOIs no longer held where they were (lastHeldIssuance.ts) */
  readonly lastHeld: readonly LastHeldIssuance[];
  readonly redemptions: readonly RedemptionResult[];
  readonly exchanges: readonly ExchangeResult[];
  readonly conversions: readonly ConversionResult[];
}
