import { divRoundHalfUp } from '../money/cents.js';

/**
 * Exact integer arithmetic on doubles for the month pass: integers below 2^53 are exact in a
 * double, so a product is done in double arithmetic when it stays below 2^53 and in bigint
 * otherwise. Results are the same as the bigint ledger's, always (SPEC §3 ROUND_HALF_UP).
 */
const MAX = Number.MAX_SAFE_INTEGER;

/** round_half_up(n / d) for non-negative integers n ≤ 2^53, d > 0. */
export function divRoundHalfUpExact(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  // the double quotient may be one off near 2^53: correct it with the exact remainder
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

/**
 * round_half_up(a × b / d) for non-negative integers, exact.
 * @example mulDivRoundHalfUp(1_001, 5, 10) === 501
 */
export function mulDivRoundHalfUp(a: number, b: number, d: number): number {
  const p = a * b;
  if (p <= MAX) return divRoundHalfUpExact(p, d);
  return checked(divRoundHalfUp(BigInt(a) * BigInt(b), BigInt(d)));
}

/** a × b exactly: a number below 2^53, else a bigint. */
export function mulExact(a: number, b: number): number | bigint {
  const p = a * b;
  return p <= MAX ? p : BigInt(a) * BigInt(b);
}

/** A bigint result back in a double column: it must fit exactly. */
export function checked(v: bigint): number {
  if (v > BigInt(MAX) || v < -BigInt(MAX))
    throw new RangeError(`${v} is beyond the exact range of the month pass's columns (2^53)`);
  return Number(v);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * round_half_up(rate × base / scale) with the fraction rate / scale reduced first (a CDSC rate of
 * 5% in micro-percent over 10^14 is 1 / 2 × 10^7), so the product stays in doubles for any
 * realistic base.
 */
export class ReducedRate {
  readonly numerator: number;
  readonly denominator: number;
  constructor(
    readonly rate: number,
    readonly scale: number,
  ) {
    const g = rate === 0 ? scale : gcd(rate, scale);
    this.numerator = rate / g;
    this.denominator = scale / g;
  }
  /** round_half_up(rate × base / scale), base a number or (beyond 2^53) a bigint */
  of(base: number | bigint): number {
    if (this.rate === 0) return 0;
    if (typeof base === 'number') return mulDivRoundHalfUp(this.numerator, base, this.denominator);
    return checked(divRoundHalfUp(BigInt(this.numerator) * base, BigInt(this.denominator)));
  }
}
