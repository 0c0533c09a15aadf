/**
 * One day of a class's service fee as the SPEC §4 accrual computed it: the class's net assets
 * NA(d) (carried forward), the service fee rate in force, and the day's service fee. Only days on
 * which the class accrued (covered, not ended) appear; service providers are paid on those only.
 */
export interface ClassServiceDay {
  readonly classKey: string;
  readonly date: string;
  readonly netAssetsCents: bigint;
  readonly serviceFeeMicroPct: bigint;
  readonly serviceFeeCents: bigint;
}
