import { normalizeRatePct, parseRateMicroPct } from '../money/rate.js';

/**
 * A current rate set by the Board below the schedule's maximum, effective-dated (SPEC §2).
 * A component left null keeps the schedule's rate.
 */
export interface BoardRate {
  readonly portfolio: string;
  readonly class: string;
  readonly effectiveDate: string;
  readonly distributionFeePct: string | null;
  readonly serviceFeePct: string | null;
  readonly reason: string | null;
}

/**
 * A Board-set rate as `rates list` and `GET /api/rates` show it: its percentages in the canonical
 * form every other rate is shown in ("0.05", not the stored "0.050000").
 */
export function boardRateAsShown(rate: BoardRate): BoardRate {
  return {
    ...rate,
    distributionFeePct: rate.distributionFeePct === null ? null : normalizeRatePct(rate.distributionFeePct),
    serviceFeePct: rate.serviceFeePct === null ? null : normalizeRatePct(rate.serviceFeePct),
  };
}

/** FINRA Rule 2341(d): asset-based sales charge ≤ 0.75% and service fee ≤ 0.25% a year. */
export const FINRA_MAX_ABSC_MICRO_PCT = parseRateMicroPct('0.75');
export const FINRA_MAX_SERVICE_FEE_MICRO_PCT = parseRateMicroPct('0.25');

export interface RateCaps {
  readonly distributionFeeMaxMicroPct: bigint | null;
  readonly serviceFeeMaxMicroPct: bigint | null;
  readonly aggregateMaxMicroPct: bigint | null;
}

/**
 * The most the Board may set under a schedule entry. Where the column says "maximum" the ABSC
 * rate is the cap; where it says "minimum" the ABSC may take what the maximum aggregate fee
 * leaves after the service fee. FINRA's caps apply always.
 */
export function capsOf(entry: {
  assetBasedSalesChargePct: string | null;
  assetBasedSalesChargeBound: 'minimum' | 'maximum' | null;
  serviceFeePct: string | null;
  aggregateFeePct: string | null;
}): RateCaps {
  const absc =
    entry.assetBasedSalesChargePct === null ? null : parseRateMicroPct(entry.assetBasedSalesChargePct);
  const service = entry.serviceFeePct === null ? null : parseRateMicroPct(entry.serviceFeePct);
  const aggregate = entry.aggregateFeePct === null ? null : parseRateMicroPct(entry.aggregateFeePct);
  let distributionFeeMax: bigint | null;
  if (entry.assetBasedSalesChargeBound === 'minimum') distributionFeeMax = aggregate;
  else distributionFeeMax = absc;
  const min = (a: bigint | null, b: bigint) => (a === null ? b : a < b ? a : b);
  return {
    distributionFeeMaxMicroPct: min(distributionFeeMax, FINRA_MAX_ABSC_MICRO_PCT),
    serviceFeeMaxMicroPct: min(service, FINRA_MAX_SERVICE_FEE_MICRO_PCT),
    aggregateMaxMicroPct: aggregate,
  };
}

/** Why a rate pair is above the caps, or null when it is within them. */
export function exceedsCaps(
  caps: RateCaps,
  distributionFeeMicroPct: bigint,
  serviceFeeMicroPct: bigint,
): string | null {
  if (caps.distributionFeeMaxMicroPct !== null && distributionFeeMicroPct > caps.distributionFeeMaxMicroPct)
    return 'distribution fee above the maximum';
  if (caps.serviceFeeMaxMicroPct !== null && serviceFeeMicroPct > caps.serviceFeeMaxMicroPct)
    return 'service fee above the maximum';
  if (
    caps.aggregateMaxMicroPct !== null &&
    distributionFeeMicroPct + serviceFeeMicroPct > caps.aggregateMaxMicroPct
  )
    return 'aggregate fee above the maximum';
  return null;
}

/**
 * The Board-set rates in force on a day: each component from the latest Board rate, on or before
 * the day, that set it. Setting one fee never drops the other fee's earlier Board rate.
 */
export function boardRatesInForce(
  boardRates: readonly BoardRate[],
  day: string,
): { distributionFeePct: string | null; serviceFeePct: string | null; latest: BoardRate } | null {
  const upTo = boardRates.filter((b) => b.effectiveDate <= day);
  if (upTo.length === 0) return null;
  return {
    distributionFeePct: upTo.filter((b) => b.distributionFeePct !== null).at(-1)?.distributionFeePct ?? null,
    serviceFeePct: upTo.filter((b) => b.serviceFeePct !== null).at(-1)?.serviceFeePct ?? null,
    latest: upTo.at(-1)!,
  };
}

/** A rate pair against the caps, a component not known counting as 0 (FINRA caps always apply). */
export function exceedsCapsOrFinra(
  caps: RateCaps,
  distributionFeePct: string | null,
  serviceFeePct: string | null,
): string | null {
  return exceedsCaps(
    caps,
    distributionFeePct === null ? 0n : parseRateMicroPct(distributionFeePct),
    serviceFeePct === null ? 0n : parseRateMicroPct(serviceFeePct),
  );
}
