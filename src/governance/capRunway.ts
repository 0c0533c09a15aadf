/**
 * How long the FINRA Rule 2341(d)(2) remaining amount lasts at the class's latest asset-based
 * sales charge (DOMAIN §9, "flag when remaining amount < N months of ABSC"): a compliance officer
 * sees the ABSC about to stop before it stops. At the pace of the last month's ABSC, without new
 * gross sales or interest (both only add room): remaining ÷ that month's ABSC, in whole tenths
 * of a month, rounded down (a remaining amount just short of three months never reads "3.0").
 * None where nothing remains (the cap is exhausted: its own warning says so) or the month accrued
 * no ABSC.
 * @example abscMonthsCoveredTenths(2_500_00n, 1_000_00n) === 25n // 2.5 months
 */
export function abscMonthsCoveredTenths(remainingCents: bigint, monthAbscCents: bigint): bigint | null {
  if (remainingCents <= 0n || monthAbscCents <= 0n) return null;
  return (remainingCents * 10n) / monthAbscCents;
}

/** Below this many months of ABSC the remaining amount is warned of. */
export const CAP_RUNWAY_WARNING_MONTHS = 3n;

/** True when the remaining amount covers less than `months` of the month's ABSC (exactly, not rounded). */
export function capRunwayShort(
  remainingCents: bigint,
  monthAbscCents: bigint,
  months: bigint = CAP_RUNWAY_WARNING_MONTHS,
): boolean {
  return remainingCents > 0n && monthAbscCents > 0n && remainingCents < months * monthAbscCents;
}

/** Tenths of a month as text: 25n → "2.5". */
export function formatTenths(tenths: bigint): string {
  return `${tenths / 10n}.${tenths % 10n}`;
}
