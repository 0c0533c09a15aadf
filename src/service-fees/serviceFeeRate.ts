/**
 * Plan §4(a): "The maximum service fee paid to any service provider shall be … 0.25%, or such
 * lower rate for the Portfolio as is specified on Schedule A"; an agreement may state a lower
 * rate still (SPEC §5). Rates in micro-percent (% per annum × 10^6).
 */

/** Plan §4(a): twenty-five one-hundredths of one percent. */
export const PLAN_MAXIMUM_SERVICE_FEE_MICRO_PCT = 250_000n;

/**
 * The rate a service provider is paid on a day: the lowest of 0.25%, the class's service fee
 * rate in force that day, and the agreement's own rate if it has one.
 * @example serviceProviderFeeRate(250_000n, 150_000n) === 150_000n
 * @example serviceProviderFeeRate(200_000n, null) === 200_000n
 */
export function serviceProviderFeeRate(
  classServiceFeeMicroPct: bigint,
  ownRateMicroPct: bigint | null,
): bigint {
  let rate = PLAN_MAXIMUM_SERVICE_FEE_MICRO_PCT;
  if (classServiceFeeMicroPct < rate) rate = classServiceFeeMicroPct;
  if (ownRateMicroPct !== null && ownRateMicroPct < rate) rate = ownRateMicroPct;
  return rate;
}
