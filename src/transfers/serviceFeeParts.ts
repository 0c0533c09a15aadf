/**
 * Agreement TENTH: the Class B service fee (0.25%) "the Distributor may receive and use … to
 * provide continuing personal shareholder services". TENTH is not among the provisions FIFTEENTH(B)
 * makes survive a termination (FOURTH(D)–(E), SEVENTH(B)–(C), EIGHTH(A)–(E), TWELFTH(A)), and
 * EIGHTH(A) transfers only the 12b-1 Share of the Distribution Fees and the Earned CDSC: so each
 * day's service fee is owed whole to the distributor serving that day — the Distributor through its
 * term end E, the Other Distributor then serving after it — and never to an Assignee.
 */

/** One run of consecutive days whose service fee is owed to the same distributor. */
export interface ServiceFeePart {
  readonly distributor: string;
  readonly role: 'Distributor' | 'Other Distributor';
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly cents: bigint;
}

/**
 * The month's service fee by the distributor serving each day, in date order (runs of days).
 * @example days 03-15 and 03-16 at 2,500¢, AIM serving through 03-15, Beacon after →
 *   [{ AIM, Distributor, 03-15, 03-15, 1, 2500n }, { Beacon, Other Distributor, 03-16, 03-16, 1, 2500n }]
 */
export function serviceFeeParts(
  days: readonly { readonly date: string; readonly cents: bigint }[],
  servingOn: (date: string) => string,
  distributor: string,
): ServiceFeePart[] {
  const out: { -readonly [K in keyof ServiceFeePart]: ServiceFeePart[K] }[] = [];
  for (const d of [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const who = servingOn(d.date);
    const last = out.at(-1);
    if (last !== undefined && last.distributor === who) {
      last.to = d.date;
      last.days += 1;
      last.cents += d.cents;
      continue;
    }
    out.push({
      distributor: who,
      role: who === distributor ? 'Distributor' : 'Other Distributor',
      from: d.date,
      to: d.date,
      days: 1,
      cents: d.cents,
    });
  }
  return out;
}
