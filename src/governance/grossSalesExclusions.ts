import { formatCents } from '../money/cents.js';

/**
 * FINRA Rule 2341(d)(2): the cap grows with "total new gross sales", which exclude shares issued on
 * reinvestment of distributions and on exchanges within the complex (DOMAIN §3.4, RECALLED: a
 * warning, not a refusal). For Class B plan12b holds the transfer agent's activity, so a month's
 * fed gross sales can be set beside the purchases it records; where they differ, this says so and
 * names the reinvestments and exchanges in a feed may have counted. Null where they agree.
 * @example
 * // fed 470.62, purchases 420.00, reinvestments 50.62 → a warning naming all three
 * grossSalesExclusionDoubt({ portfolio: 'X', class: 'B', month: '2025-01', fedCents: 47062n,
 *   purchasesCents: 42000n, reinvestCents: 5062n, exchangeInCents: 0n }) !== null
 */
export function grossSalesExclusionDoubt(m: {
  readonly portfolio: string;
  readonly class: string;
  readonly month: string;
  readonly fedCents: bigint;
  readonly purchasesCents: bigint;
  readonly reinvestCents: bigint;
  readonly exchangeInCents: bigint;
}): string | null {
  if (m.fedCents === m.purchasesCents) return null;
  const fed = formatCents(m.fedCents);
  return `${m.portfolio} class ${m.class}: the gross sales fed for ${m.month}, ${fed}, are not the ${formatCents(m.purchasesCents)} of purchases the transactions record; new gross sales exclude reinvestments (${formatCents(m.reinvestCents)} that month) and exchanges in (${formatCents(m.exchangeInCents)}) (FINRA 2341(d)(2); DOMAIN §3.4) — the ledger uses the fed ${fed}`;
}
