/**
 * A provider's feed that stops before the end of a month: its holding is taken as ended on the
 * first business day after its last row (providerHolding.ts `holdingEndDate`). That is worth
 * telling only where it can cost the provider a fee (SPEC §5: "only days on which the agreement
 * is in force"; SPEC §4: no accrual where the class is not covered or has ended): on some day from
 * the end through the month's last, the provider's agreement is in force and the class accrues a
 * service fee. A provider whose agreement ended, or a class terminated, before its feed stopped
 * is owed nothing on those days, and its users have no assets to import.
 */
import type { ClassServiceDay } from './classServiceDay.js';
import { agreementInForceOn, type ServiceAgreement } from './serviceAgreement.js';

export interface ProviderHoldingEnd {
  readonly providerId: string;
  /** `portfolioId|class` */
  readonly classKey: string;
  /** the first day nothing is carried forward (exclusive end of the holding) */
  readonly endDate: string;
  /** through this day (the month's last) */
  readonly through: string;
}

/**
 * True when a day in [end.endDate, end.through] has the provider's agreement in force and the
 * class accruing a service fee.
 * @example
 * // an agreement terminated from 2004-02-25, a feed stopping on 2004-03-03: nothing could be owed
 * holdingEndCostsAFee(end, [agreementEndedFeb25], marchClassDays) === false
 */
export function holdingEndCostsAFee(
  end: ProviderHoldingEnd,
  agreements: readonly ServiceAgreement[],
  classDays: readonly ClassServiceDay[],
): boolean {
  const agreement = agreements.find((a) => a.providerId === end.providerId);
  if (agreement === undefined) return false;
  return classDays.some(
    (d) =>
      d.classKey === end.classKey &&
      d.date >= end.endDate &&
      d.date <= end.through &&
      d.serviceFeeMicroPct > 0n &&
      agreementInForceOn(agreement, d.date),
  );
}
