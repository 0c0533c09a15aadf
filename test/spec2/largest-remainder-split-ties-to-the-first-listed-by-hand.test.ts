import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from '../../src/money/largestRemainder.js';

/**
 * SPEC §3: one amount split among parties (Distributor, then Other Distributors / Assignees by
 * id) by the largest-remainder method at cent granularity: each party first gets the whole cents
 * of its exact share, then the cents left over go one each to the largest fractional remainders;
 * equal remainders go to the party listed first. The parts always add up to the whole.
 */
describe('largest-remainder split (SPEC §3), worked by hand', () => {
  it('$1.00 among three equal parties: 33.33… each, the one cent left goes to the first listed', () => {
    // 100 × 1/3 = 33 r 1 for each; one cent left over (100 − 99); all remainders tie → party 1
    expect(largestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
  });

  it('$0.02 among three equal parties: the first two listed get a cent each', () => {
    // 2 × 1/3 = 0 r 2 each; two cents left; ties → parties 1 and 2
    expect(largestRemainder(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
  });

  it('the larger remainder wins over the first listed', () => {
    // $0.10 as 1 : 2 — exact 3.333… and 6.666…; whole cents 3 + 6 = 9; remainders 10×1 mod 3 = 1
    // and 10×2 mod 3 = 2: the second party's is larger and takes the last cent → 3 and 7
    expect(largestRemainder(10n, [1n, 2n])).toEqual([3n, 7n]);
  });

  it('a 12b-1 Share of 62.5% / 37.5% of a $1,234.57 daily fee', () => {
    // weights 625 : 375 (of 1000): 123457 × 625 / 1000 = 77160.625 → 77160 r 625
    //                              123457 × 375 / 1000 = 46296.375 → 46296 r 375
    // 77160 + 46296 = 123456: one cent left, to the larger remainder (625, the Distributor)
    expect(largestRemainder(123457n, [625n, 375n])).toEqual([77161n, 46296n]);
  });

  it('a party with no weight gets nothing; the whole goes to the others', () => {
    // 1001 × 1/2 = 500 r 1 for parties 1 and 3, 0 for party 2; one cent left → party 1 (listed first)
    expect(largestRemainder(1001n, [1n, 0n, 1n])).toEqual([501n, 0n, 500n]);
  });

  it('a negative amount (a prior-period reduction) splits as its magnitude, signs kept', () => {
    // −$1.00 among three: magnitudes 34, 33, 33 as above, each negative
    expect(largestRemainder(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it('property: parts add up to the whole, each within a cent of its exact share, ties to the first', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10_000_000_00n, max: 10_000_000_00n }),
        fc.array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const parts = largestRemainder(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0n);
          // the whole, summed independently of the function's own check
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          const mag = total < 0n ? -total : total;
          parts.forEach((p, i) => {
            const m = p < 0n ? -p : p;
            // |part| is floor(exact) or floor(exact) + 1, exact = |total| × w / Σw
            const floor = (mag * weights[i]!) / sum;
            expect(m === floor || m === floor + 1n).toBe(true);
            if (total !== 0n && p !== 0n) expect(p < 0n).toBe(total < 0n);
          });
          // equal weights: the extra cents go to the earlier of them, never the later
          for (let i = 0; i < weights.length; i++)
            for (let j = i + 1; j < weights.length; j++)
              if (weights[i] === weights[j]) {
                const a = parts[i]! < 0n ? -parts[i]! : parts[i]!;
                const b = parts[j]! < 0n ? -parts[j]! : parts[j]!;
                expect(a >= b).toBe(true);
              }
        },
      ),
      { numRuns: 500 },
    );
  });
});
