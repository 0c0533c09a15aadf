import { divRoundHalfUp } from '../money/cents.js';
import { readDecimalText } from '../money/decimalText.js';

/**
 * Net asset value per share as integer ten-thousandths of a dollar (bigint) inside, decimal
 * strings at the boundary. SPEC §3: prices have at most 4 decimal places.
 */

export const PRICE_UNITS_PER_DOLLAR = 10_000n;

/**
 * shares (1/10,000 share) × price (1/10,000 dollar) is an exact amount in 1/100,000,000 dollar
 * ("value units"); one cent is 1,000,000 of them.
 */
export const VALUE_UNITS_PER_CENT = 1_000_000n;

export class PriceFormatError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${JSON.stringify(input)} is not a price per share: ${reason}`);
    this.name = 'PriceFormatError';
  }
}

/**
 * Parses a price per share with at most four decimals; it must be above zero.
 * @example parsePriceUnits('10.25') === 102500n
 */
export function parsePriceUnits(input: string): bigint {
  const d = readDecimalText(input, 4);
  if ('problem' in d)
    throw new PriceFormatError(
      input,
      d.problem === 'not a decimal number' || d.problem === 'empty'
        ? 'expected digits with at most 4 decimals, e.g. 10.2500'
        : d.problem,
    );
  if (d.negative) throw new PriceFormatError(input, 'a price must be above zero');
  const units = BigInt(d.whole) * PRICE_UNITS_PER_DOLLAR + BigInt(d.frac.padEnd(4, '0'));
  if (units <= 0n) throw new PriceFormatError(input, 'a price must be above zero');
  return units;
}

/** @example formatPriceUnits(102500n) === '10.2500' */
export function formatPriceUnits(units: bigint): string {
  return `${units / PRICE_UNITS_PER_DOLLAR}.${(units % PRICE_UNITS_PER_DOLLAR).toString().padStart(4, '0')}`;
}

/**
 * Exact value of shares at a price, in 1/100,000,000 dollar.
 * @example exactValueUnits(15000n, 102500n) === 1537500000n  // 1.5 shares × $10.25 = $15.375
 */
export function exactValueUnits(shareUnits: bigint, priceUnits: bigint): bigint {
  return shareUnits * priceUnits;
}

/**
 * SPEC §6: round_half_up(shares × price, 2), in cents — a purchase's cost, gross proceeds.
 * @example valueCents(15000n, 102500n) === 1538n  // $15.375 → $15.38
 */
export function valueCents(shareUnits: bigint, priceUnits: bigint): bigint {
  return divRoundHalfUp(shareUnits * priceUnits, VALUE_UNITS_PER_CENT);
}

/**
 * An exact value (1/100,000,000 dollar) as a decimal string with 2 to 8 places, trailing zeros
 * beyond the cent dropped: the CDSC base of a piece redeemed below cost is not a whole cent.
 * @example formatValueUnits(1537500000n) === '15.375'
 */
export function formatValueUnits(valueUnits: bigint): string {
  const neg = valueUnits < 0n;
  const abs = neg ? -valueUnits : valueUnits;
  const whole = abs / 100_000_000n;
  let frac = (abs % 100_000_000n).toString().padStart(8, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${neg ? '-' : ''}${whole}.${frac}`;
}
