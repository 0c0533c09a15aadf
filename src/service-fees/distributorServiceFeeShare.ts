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
 * @example distributorServiceFeeShare('p|A', '2007-01', 7850n, 5000n) === 2850n
 */
export function distributorServiceFeeShare(
  classKey: string,
  month: string,
  classServiceFeeCents: bigint,
  providerFeesCents: bigint,
): bigint {
  const retained = classServiceFeeCents - providerFeesCents;
  if (retained < 0n) throw new ServiceFeeShortfall(classKey, month, classServiceFeeCents, providerFeesCents);
  // Conservation, asserted (TigerBeetle style): the parts add up to the whole.
  if (providerFeesCents + retained !== classServiceFeeCents)
    throw new Error(`conservation broken for ${classKey} ${month}`);
  return retained;
}
