import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCents, formatCents, parseCents } from '../../src/money/cents.js';

/** Amounts as a store prints them, and as nobody should: signs, leading zeros, one or no decimal, blanks. */
const amount = fc.oneof(
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(formatCents),
  fc
    .tuple(
      fc.constantFrom('', '-', '+', ' ', '--'),
      fc.string({ unit: fc.constantFrom('0', '1', '9'), maxLength: 6 }),
      fc.constantFrom('', '.', '.0', '.5', '.00', '.05', '.50', '.123', '.1.'),
      fc.constantFrom('', ' ', '\t', 'e2'),
    )
    .map(([sign, whole, frac, tail]) => `${sign}${whole}${frac}${tail}`),
  fc.constantFrom('-0.00', '0.00', '-0.01', '00.10', '-00.00', '0', '-0', '.5', '1e3', '١.٠٠'),
);

describe("canonicalCents: a redemption report's amounts without a bigint round trip (issue 14)", () => {
  it('is formatCents(parseCents(s)) for every amount, and refuses what parseCents refuses', () => {
    fc.assert(
      fc.property(amount, (s) => {
        let want: string | Error;
        try {
          want = formatCents(parseCents(s));
        } catch (e) {
          want = e as Error;
        }
        if (want instanceof Error) expect(() => canonicalCents(s)).toThrow(want.message);
        else expect(canonicalCents(s)).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });

  it('worked examples', () => {
    expect(canonicalCents('12.30')).toBe('12.30');
    expect(canonicalCents('012.3')).toBe('12.30');
    expect(canonicalCents('-0.00')).toBe('0.00');
    expect(canonicalCents('-0.05')).toBe('-0.05');
    expect(canonicalCents(' 7 ')).toBe('7.00');
    expect(() => canonicalCents('1.234')).toThrow(/more than two decimals/);
  });
});
