/**
 * What the Distributor keeps of a class's service fee for a month (SPEC §5): the class's service
 * fee under the Plan (SPEC §4 accrual) less what it pays the service providers under Plan §4.
 * Money is conserved: Σ provider fees + the Distributor's part = the class's service fee.
 */

/** Σ provider fees exceeds the class's service fee: the Distributor would keep a negative amount. */
export class ServiceFeeShortfall extends Error {
  constructor(
    readonly classKey: string,
    readonly month: string,
    readonly classServiceFeeCents: bigint,
    readonly providerFeesCents: bigint,
  ) {
    super(`class ${classKey} ${month}: provider fees exceed the class's service fee`);
    this.name = 'ServiceFeeShortfall';
  }
}

/**
 * The Distributor's part is what the class's service fee (accrued on the class's net assets)
 * leaves after the provider fees (each accrued on its customers' assets and rounded by itself).
 * When the providers hold all of a class, each provider-day's half-up rounding can take up to half
 * a cent more than the class's own rounding did, so Σ provider fees may exceed the class's fee by
 * rounding alone: SPEC §5 lets the Distributor's part go negative by at most one cent per
 * provider-day, reported as such; a larger excess means the assets are wrong (an error).
 * @example distributorServiceFeeShare('p|A', '2007-01', 7850n, 5000n, 31) === 2850n
 * @example distributorServiceFeeShare('p|A', '2007-01', 2400030n, 2400060n, 62) === -30n
 */
export function distributorServiceFeeShare(
  classKey: string,
  month: string,
  classServiceFeeCents: bigint,
  providerFeesCents: bigint,
  providerDays: number,
): bigint {
  const retained = classServiceFeeCents - providerFeesCents;
  if (-retained > BigInt(providerDays))
    throw new ServiceFeeShortfall(classKey, month, classServiceFeeCents, providerFeesCents);
  return retained;
}
