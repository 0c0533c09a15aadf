/**
 * The CDSC waivers (Agreement FOURTH(A): the schedule "may reflect … waivers of such charges on
 * redemptions … to any specified class of investors and/or in connection with any specified class
 * of transactions"), as one table. A waived redemption pays no CDSC; the amount waived is recorded.
 */
export const CDSC_WAIVERS = {
  death: 'death of a registered owner',
  disability: 'post-purchase disability of a registered owner',
  systematic_withdrawal: 'systematic withdrawal plan, up to 12% of the holding a year',
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
