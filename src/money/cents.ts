import { readDecimalText } from './decimalText.js';

/**
 * Money as integer cents (bigint) inside, decimal strings ("1234.50") at every boundary.
 * SPEC §3: exact decimal, never binary floating point.
 */

export class MoneyFormatError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${JSON.stringify(input)} is not an amount of money: ${reason}`);
    this.name = 'MoneyFormatError';
  }
}

/**
 * Parses a dollar amount with at most two decimals into integer cents (the decimal strings of
 * src/money/decimalText.ts: `.5` is 0.50; a minus sign is read — a feed's column refuses it).
 * @example parseCents('1234.5') === 123450n; parseCents('.5') === 50n
 */
export function parseCents(input: string): bigint {
  const d = readDecimalText(input, 2);
  if ('problem' in d)
    throw new MoneyFormatError(
      input,
      d.problem === 'not a decimal number' || d.problem === 'empty'
        ? 'expected digits with at most two decimals, e.g. 1234.50'
        : d.problem,
    );
  const cents = BigInt(d.whole) * 100n + BigInt(d.frac.padEnd(2, '0'));
  return d.negative ? -cents : cents;
}

/**
 * Formats integer cents as a decimal string with exactly two places.
 * @example formatCents(-5n) === '-0.05'
 */
export function formatCents(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** An amount already as formatCents writes it: no leading zero, two decimals, no "-0.00". */
const CANONICAL_MONEY_RE = /^-?(?:0|[1-9]\d*)\.\d\d$/;

/**
 * formatCents(parseCents(s)) (the property test holds them equal), without the bigint round trip
 * where `s` is already in that form, as the store's numeric(…, 2) columns give it: a close
 * reports every redemption and piece of its month (issue 14).
 * @example canonicalCents('12.30') === '12.30'; canonicalCents('012.3') === '12.30'
 */
export function canonicalCents(s: string): string {
  return CANONICAL_MONEY_RE.test(s) && s !== '-0.00' ? s : formatCents(parseCents(s));
}

/**
 * Integer division rounded half-up (ties away from zero), SPEC §3 ROUND_HALF_UP.
 * @example divRoundHalfUp(5n, 2n) === 3n; divRoundHalfUp(-5n, 2n) === -3n
 */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divRoundHalfUp(-numerator, -denominator);
  const neg = numerator < 0n;
  const n = neg ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return neg ? -q : q;
}

export function sumCents(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}
