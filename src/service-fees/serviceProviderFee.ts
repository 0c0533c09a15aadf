/**
 * A service provider's fee for one day (SPEC §5, the §4 convention): round_half_up(assets ×
 * rate% / 100 / Y, 2), Y = 366 in a leap year else 365, on the assets its customers hold in the
 * class. With assets in cents and the rate in micro-percent this is the integer
 * round_half_up(assets · rate / (10^8 · Y)) cents.
 */
import { exactDailyFeeCents } from '../accrual/exactDailyFee.js';

/** Below this, assets · rate and every step of the integer division are exact in a Float64. */
const EXACT_PRODUCT_LIMIT = 2 ** 52;

/**
 * Exact, in bigint arithmetic.
 * @example serviceProviderFeeCents(3_650_000_00n, 250_000n, 365) === 2500n  // $25.00
 */
export function serviceProviderFeeCents(assetsCents: bigint, rateMicroPct: bigint, yearDays: number): bigint {
  return exactDailyFeeCents(assetsCents, rateMicroPct, yearDays);
}

/**
 * The same fee for non-negative integer arguments held as numbers: exact integer arithmetic in
 * Float64 while assets · rate < 2^52 (about $180 million at 0.25%), else the bigint path.
 * @example serviceProviderFeeCentsNumber(365_000_000, 250_000, 365) === 2500
 */
export function serviceProviderFeeCentsNumber(
  assetsCents: number,
  rateMicroPct: number,
  yearDays: number,
): number {
  const numerator = assetsCents * rateMicroPct;
  if (numerator >= EXACT_PRODUCT_LIMIT)
    return Number(exactDailyFeeCents(BigInt(assetsCents), BigInt(rateMicroPct), yearDays));
  const denominator = 100_000_000 * yearDays;
  let q = Math.floor(numerator / denominator);
  let r = numerator - q * denominator;
  if (r < 0) {
    q -= 1;
    r += denominator;
  } else if (r >= denominator) {
    q += 1;
    r -= denominator;
  }
  return 2 * r >= denominator ? q + 1 : q;
}
