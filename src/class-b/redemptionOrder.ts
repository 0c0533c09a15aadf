/**
 * SPEC §6 redemption and exchange order, one named strategy (as hledger and Beancount name their
 * lot-matching methods): Free Shares first (oldest first), then Commission Shares past the CDSC
 * period (oldest DOI first), then Commission Shares still bearing a CDSC (oldest DOI first). Ties
 * on DOI go to the lot created first, then to the piece that reached the portfolio first. It redeems the shares that bear no CDSC before any that do,
 * and among those that do, the lowest rate first (DOMAIN §4.3: "to minimise the charge").
 */
export interface OrderedLot {
  readonly kind: 'commission' | 'free';
  readonly dateOfOriginalIssuance: string;
  readonly sequence: number;
  readonly arrival: number;
}

function byAge(a: OrderedLot, b: OrderedLot): number {
  if (a.dateOfOriginalIssuance !== b.dateOfOriginalIssuance)
    return a.dateOfOriginalIssuance < b.dateOfOriginalIssuance ? -1 : 1;
  return a.sequence - b.sequence || a.arrival - b.arrival;
}

/**
 * @param cdscRateOf the CDSC rate of a Commission Share lot on the redemption date (0: past the period)
 * @example
 *   freeSharesFirstThenOldestCommission(
 *     [{ kind: 'commission', dateOfOriginalIssuance: '2001-01-02', sequence: 0, arrival: 0 },
 *      { kind: 'free', dateOfOriginalIssuance: '2003-06-30', sequence: 1, arrival: 1 }], () => 3_000_000n)
 *   // → the free lot, then the commission lot
 */
export function freeSharesFirstThenOldestCommission<L extends OrderedLot>(
  lots: readonly L[],
  cdscRateOf: (lot: L) => bigint,
): L[] {
  const free: L[] = [];
  const pastCdscPeriod: L[] = [];
  const bearingCdsc: L[] = [];
  for (const lot of lots) {
    if (lot.kind === 'free') free.push(lot);
    else if (cdscRateOf(lot) === 0n) pastCdscPeriod.push(lot);
    else bearingCdsc.push(lot);
  }
  return [...free.sort(byAge), ...pastCdscPeriod.sort(byAge), ...bearingCdsc.sort(byAge)];
}
