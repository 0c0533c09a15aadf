import { divRoundHalfUp } from '../money/cents.js';
import { largestRemainder } from '../money/largestRemainder.js';

/**
 * SPEC §7: "any percentage shown reproduces the dollars beside it". Under one computation each
 * party's dollars are the sum of its daily parts (each day's Distribution Fee split by the shares
 * in force that day, SPEC §3), which the share itself, rounded, need not reproduce: 102.50 a day
 * split 3 : 1 for 31 days gives 2,383.28, while 75% of 3,177.50 is 2,383.13. So the percentage
 * shown is the party's dollars over the days' fee — to 0.0001%, or to as many more places as it
 * takes for round_half_up(fee × pct / 100, 2) to give each party's dollars back — split by largest
 * remainder so that the percentages add up to 100. Enough places always exist: with a fee of F
 * dollars, any 10^-k% below 0.5 / F moves no party's dollars by half a cent.
 *
 * Returns the percentages as strings with the same number of places (at least four), or null
 * when the fee is zero (no dollars to reproduce).
 *
 * @example percentagesOfDollars([238_328n, 79_422n], 317_750n) → ['75.0049', '24.9951']
 */
export function percentagesOfDollars(amountsCents: readonly bigint[], feeCents: bigint): string[] | null {
  let total = 0n;
  for (const a of amountsCents) {
    if (a < 0n) throw new RangeError('a party’s dollars cannot be negative');
    total += a;
  }
  if (total !== feeCents) throw new RangeError('the parties’ dollars must add up to the fee');
  if (feeCents === 0n) return null;
  for (let places = 4; ; places++) {
    const whole = 100n * 10n ** BigInt(places);
    const units = largestRemainder(whole, amountsCents);
    if (units.every((u, i) => divRoundHalfUp(feeCents * u, whole) === amountsCents[i]))
      return units.map((u) => formatPctPlaces(u, places));
  }
}

/** Units of 10^-places percent as a percent string: (7500488n, 5) → "75.00488". */
export function formatPctPlaces(units: bigint, places: number): string {
  const s = units.toString().padStart(places + 1, '0');
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
}
