import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, parseCents } from '../../src/money/cents.js';
import { CentsTally } from '../../src/money/centsTally.js';

// SPEC §3, issue 14: the sums a close seals of its redemptions' amounts, kept as floats of whole
// cents while exact and carried into bigints beyond, are the bigint sums of parseCents — for
// amounts as formatCents writes them, for any other form parseCents reads, and past 2^53 cents.

/** An amount as the store gives it: formatCents of any cents, up to 20 digits. */
const canonical = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(formatCents);
/** Amounts near the float's limit: 13 whole digits and more. */
const large = fc
  .bigInt({ min: 9_000_000_000_000n, max: 99_999_999_999_999_999n })
  .chain((c) => fc.constantFrom(c, -c))
  .map(formatCents);
/** Other forms parseCents reads (one decimal, none, leading zeros, none before the point, spaces around). */
const otherForms = fc.oneof(
  fc.tuple(fc.nat({ max: 10_000 }), fc.nat({ max: 9 })).map(([w, d]) => `${w}.${d}`),
  fc.nat({ max: 10_000 }).map((w) => `${w}`),
  fc.nat({ max: 10_000 }).map((w) => `00${w}.50`),
  fc.nat({ max: 10_000 }).map((w) => ` ${w}.25 `),
  fc.constantFrom('-0.00', '0.00', '-0', '0.5', '.5', '.25', '-.50'),
);
const amount = fc.oneof(
  { weight: 6, arbitrary: canonical },
  { weight: 2, arbitrary: large },
  { weight: 2, arbitrary: otherForms },
);

function reference(amounts: readonly (readonly [number, string])[], slots: number): bigint[] {
  const sums = Array.from({ length: slots }, () => 0n);
  for (const [slot, a] of amounts) sums[slot]! += parseCents(a);
  return sums;
}

describe('CentsTally', () => {
  it('worked example: cents added exactly, a negative and a short form among them', () => {
    const t = new CentsTally(2);
    t.add(0, '1.25');
    t.add(0, '-0.05');
    t.add(0, '10.5');
    t.add(1, '3');
    // 125 − 5 + 1050 cents; 300 cents
    expect(t.value(0)).toBe(1170n);
    expect(t.value(1)).toBe(300n);
  });

  it('stays exact past 2^53 cents (a float alone would not)', () => {
    const t = new CentsTally(1);
    // 9,999,999,999,999.99 dollars is 999,999,999,999,999 cents, under 2^53 ≈ 9.007e15; ten of them are not
    for (let i = 0; i < 10; i++) t.add(0, '9999999999999.99');
    t.add(0, '0.01');
    expect(t.value(0)).toBe(9_999_999_999_999_991n);
    expect(formatCents(t.value(0))).toBe('99999999999999.91');
    // and below −2^53
    const n = new CentsTally(1);
    for (let i = 0; i < 10; i++) n.add(0, '-9999999999999.99');
    n.add(0, '-0.01');
    expect(n.value(0)).toBe(-9_999_999_999_999_991n);
  });

  it('refuses what parseCents refuses', () => {
    for (const bad of ['', '1.234', 'abc', '+1.00', '1,00', '١.٠٠', '--1.00', '1.0a', '1.', '1e3', '.'])
      expect(() => new CentsTally(1).add(0, bad), bad).toThrow(/not an amount of money/);
  });

  it('equals the bigint sums of parseCents for generated amounts in several slots', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 4 }), amount), { maxLength: 60 }), (amounts) => {
        const t = new CentsTally(5);
        for (const [slot, a] of amounts) t.add(slot, a);
        expect([0, 1, 2, 3, 4].map((k) => t.value(k))).toEqual(reference(amounts, 5));
      }),
      { numRuns: 2000 },
    );
  });
});
