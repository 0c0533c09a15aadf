/**
 * SPEC §4 daily fee in exact integer arithmetic: round_half_up(NA × rate% / 100 / Y, 2) with NA
 * in cents and the rate in micro-percent is round_half_up(NA · rate / (10^8 · Y)) cents.
 */
import { divRoundHalfUp } from '../money/cents.js';

/** 100 (percent) × 10^6 (micro): the rate's denominator before dividing by Y. */
const PERCENT_MICRO = 100_000_000n;

/**
 * @example exactDailyFeeCents(100_000_000_000n, 750_000n, 365) === 2054795n  // $20,547.95
 */
export function exactDailyFeeCents(netAssetsCents: bigint, rateMicroPct: bigint, yearDays: number): bigint {
  return divRoundHalfUp(netAssetsCents * rateMicroPct, PERCENT_MICRO * BigInt(yearDays));
}
