/**
 * The CDSC waivers (Agreement FOURTH(A): the schedule "may reflect … waivers of such charges on
 * redemptions … to any specified class of investors and/or in connection with any specified class
 * of transactions"), as one table. A waived redemption pays no CDSC; the amount waived is recorded.
 */
export const CDSC_WAIVERS = {
  death: 'death of a registered owner',
  disability: 'post-purchase disability of a registered owner',
  systematic_withdrawal: 'systematic withdrawal plan, up to 12% of the account value a year',
  required_minimum_distribution: 'required minimum distribution from a retirement account',
  excess_contribution: 'return of an excess retirement-plan contribution',
  involuntary_small_account: 'involuntary redemption of a small account by the fund',
  reorganization: 'redemption in a fund reorganisation or liquidation',
} as const;

export type CdscWaiver = keyof typeof CDSC_WAIVERS;

export function isCdscWaiver(s: string): s is CdscWaiver {
  return Object.hasOwn(CDSC_WAIVERS, s);
}

/** Systematic withdrawals are waived up to 12% a year (DOMAIN §4.3), in micro-percent. */
export const SYSTEMATIC_WITHDRAWAL_LIMIT_MICRO_PCT = 12_000_000n;

/** 100% in micro-percent, times the value units (share units × price units) in a cent. */
const PERCENT_MICRO_TIMES_VALUE_UNITS_PER_CENT = 100_000_000n * 1_000_000n;

/**
 * DOMAIN §4.3: systematic withdrawals are waived "up to 12% of account value per year". The year is
 * the calendar year; the account value is the value of the shares held in the portfolio when the
 * year's first systematic withdrawal is applied (before it), at that withdrawal's price:
 * round_half_up(12% × shares × price, 2). Each waived withdrawal then uses its gross proceeds,
 * round_half_up(shares × price, 2), whatever the price on its day (docs/FORMATS.md).
 * @example systematicWithdrawalAllowanceCents(1_000_000n, 100_000n) === 12_000n // 100 shares at $10.00 → $120.00
 */
export function systematicWithdrawalAllowanceCents(sharesHeldUnits: bigint, priceUnits: bigint): bigint {
  const n = sharesHeldUnits * priceUnits * SYSTEMATIC_WITHDRAWAL_LIMIT_MICRO_PCT;
  const d = PERCENT_MICRO_TIMES_VALUE_UNITS_PER_CENT;
  return (2n * n + d) / (2n * d);
}
