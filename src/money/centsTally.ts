import { parseCents } from './cents.js';

/** Beyond this a float sum of whole cents may no longer be exact. */
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Exact sums of amounts given as decimal strings, by slot (SPEC §3: money is exact): each sum a
 * float of whole cents while it stays a safe integer, carried into a bigint before it could pass
 * 2^53 — so that adding an amount allocates nothing (issue 14: a close sums five amounts of every
 * redemption of its month, and a bigint per addition was most of that part's garbage). An amount
 * as `formatCents` writes it, with at most 13 whole digits, is read here digit by digit; any other
 * goes through `parseCents`, which refuses what is not money. The reference is a bigint sum of
 * `parseCents` (test/money/cents-tally-equals-bigint-sums.test.ts).
 * @example
 *   const t = new CentsTally(2);
 *   t.add(0, '1.25'); t.add(0, '-0.05'); t.add(1, '3');
 *   t.value(0) === 120n; t.value(1) === 300n
 */
export class CentsTally {
  private readonly small: Float64Array;
  private readonly big: bigint[];

  constructor(slots: number) {
    this.small = new Float64Array(slots);
    this.big = new Array<bigint>(slots).fill(0n);
  }

  /** Adds `amount` (dollars, at most two decimals) to slot `slot`. */
  add(slot: number, amount: string): void {
    // -?d{1,13}.dd, read in place: exact as a float (below 10^15 cents)
    const n = amount.length;
    const neg = amount.charCodeAt(0) === 45;
    const from = neg ? 1 : 0;
    const whole = n - 3 - from;
    let cents = 0;
    let plain = whole >= 1 && whole <= 13 && amount.charCodeAt(n - 3) === 46;
    for (let i = from; plain && i < n; i++) {
      if (i === n - 3) continue;
      const d = amount.charCodeAt(i) - 48;
      if (d < 0 || d > 9) plain = false;
      else cents = cents * 10 + d;
    }
    if (!plain) {
      this.big[slot] = this.big[slot]! + parseCents(amount);
      return;
    }
    if (neg) cents = -cents;
    const s = this.small[slot]! + cents;
    if (s > SAFE || s < -SAFE) {
      this.big[slot] = this.big[slot]! + BigInt(this.small[slot]!);
      this.small[slot] = cents;
    } else this.small[slot] = s;
  }

  /** The slot's sum in cents. */
  value(slot: number): bigint {
    return this.big[slot]! + BigInt(this.small[slot]!);
  }
}
