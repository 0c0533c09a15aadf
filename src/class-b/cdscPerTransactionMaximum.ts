import { parseRateMicroPct } from '../money/rate.js';

/**
 * FINRA Rule 2341(d)(2) (DOMAIN §3.4, RECALLED): for a fund with an asset-based sales charge, the
 * front-end or deferred sales charge of one transaction may not exceed 6.25% of the amount
 * invested where a service fee is paid, 7.25% where none is. Class B pays one (Agreement TENTH),
 * and a CDSC is a rate times at most the cost given up (SPEC §6), so the bound holds for every
 * redemption exactly when no year of the schedule is above 6.25%. RECALLED: plan12b warns and
 * records the schedule as the prospectus states it (Agreement FOURTH(A)); it never refuses it.
 */
export const CDSC_PER_TRANSACTION_MAX_MICRO_PCT = 6_250_000n;

/**
 * The first year of a schedule whose rate is above the maximum, with that rate, or null.
 * @example cdscYearAboveMaximum(['7.00', '6.00']) → { year: 1, pct: '7.00' }; (['6.25']) → null
 */
export function cdscYearAboveMaximum(yearRatesPct: readonly string[]): { year: number; pct: string } | null {
  const i = yearRatesPct.findIndex((r) => parseRateMicroPct(r) > CDSC_PER_TRANSACTION_MAX_MICRO_PCT);
  return i < 0 ? null : { year: i + 1, pct: yearRatesPct[i]! };
}
