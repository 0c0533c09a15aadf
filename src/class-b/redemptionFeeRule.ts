import { toDayNumber } from '../calendar/isoDate.js';
import { parseRateMicroPct } from '../money/rate.js';

/**
 * A portfolio's redemption fee (Agreement FOURTH(D): "any applicable redemption fee as provided
 * in the Prospectus, which redemption fee shall be retained by the Portfolio"): a rate on the
 * value of the shares redeemed that were held fewer than `holdingDays` days since their DOI
 * (null: on every share redeemed). It is charged by the portfolio redeeming, not by the one that
 * first issued the shares.
 */
export interface RedemptionFeeRule {
  readonly kind: 'redemptionFeeRule';
  readonly portfolioId: string;
  readonly rateMicroPct: bigint;
  readonly holdingDays: number | null;
}

/** @example createRedemptionFeeRule({ portfolioId: 'p2', ratePct: '2', holdingDays: 30 }) */
export function createRedemptionFeeRule(opts: {
  portfolioId: string;
  ratePct: string;
  holdingDays?: number | null;
}): RedemptionFeeRule {
  const rateMicroPct = parseRateMicroPct(opts.ratePct);
  if (rateMicroPct > 100_000_000n) throw new RangeError('a redemption fee above 100%');
  const holdingDays = opts.holdingDays ?? null;
  if (holdingDays !== null && (!Number.isInteger(holdingDays) || holdingDays <= 0))
    throw new RangeError(
      `redemption fee holding period ${holdingDays} is not a positive whole number of days`,
    );
  return Object.freeze({
    kind: 'redemptionFeeRule',
    portfolioId: opts.portfolioId,
    rateMicroPct,
    holdingDays,
  });
}

/** Whether a piece with this DOI redeemed on `date` bears the fee. */
export function feeApplies(rule: RedemptionFeeRule, doi: string, date: string): boolean {
  return rule.holdingDays === null || toDayNumber(date) - toDayNumber(doi) < rule.holdingDays;
}
