/**
 * FINRA Rule 2341(d)(2)(E): an asset-based sales charge above 0.75% a year, or a service fee
 * above 0.25% a year, is not a rate a 12b-1 schedule can set; nor can the aggregate fee be below
 * one of its parts. A schedule row that says so was misread or misprinted ("25%" for "0.25%",
 * issue 11): the reader refuses it rather than accrue a hundred times the fee.
 */

import { formatRatePct, parseRateMicroPct } from '../money/rate.js';

const MAX_ABSC = parseRateMicroPct('0.75');
const MAX_SERVICE = parseRateMicroPct('0.25');
/** a combined fee (one column) is at most the two caps together */
const MAX_COMBINED = MAX_ABSC + MAX_SERVICE;

export interface RowRates {
  readonly assetBasedSalesChargePct: string | null;
  readonly serviceFeePct: string | null;
  readonly aggregateFeePct: string | null;
}

/**
 * Why the rates break the Rule, or null when they do not.
 * @example finraBreach({ assetBasedSalesChargePct: '25.00', serviceFeePct: null, aggregateFeePct: null })
 *   === 'asset-based sales charge 25.00% is above the 0.75% FINRA Rule 2341 allows'
 */
export function finraBreach(r: RowRates): string | null {
  const micro = (pct: string | null) => (pct === null ? null : parseRateMicroPct(pct));
  const absc = micro(r.assetBasedSalesChargePct);
  const service = micro(r.serviceFeePct);
  const aggregate = micro(r.aggregateFeePct);
  if (absc !== null && absc > MAX_ABSC)
    return `asset-based sales charge ${r.assetBasedSalesChargePct}% is above the 0.75% FINRA Rule 2341 allows`;
  if (service !== null && service > MAX_SERVICE)
    return `service fee ${r.serviceFeePct}% is above the 0.25% FINRA Rule 2341 allows`;
  if (aggregate !== null) {
    if (absc === null && service === null && aggregate > MAX_COMBINED)
      return `fee ${r.aggregateFeePct}% is above the 1.00% FINRA Rule 2341 allows (0.75% + 0.25%)`;
    for (const [part, what] of [
      [absc, 'asset-based sales charge'],
      [service, 'service fee'],
    ] as const)
      if (part !== null && aggregate < part)
        return `aggregate fee ${r.aggregateFeePct}% is below its ${what} ${formatRatePct(part)}%`;
  }
  return null;
}
