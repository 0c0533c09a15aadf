import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRoundHalfUp } from '../../src/money/cents.js';
import { percentagesOfDollars } from '../../src/transfers/percentagesOfDollars.js';

/** SPEC §7: "any percentage shown reproduces the dollars beside it". */
describe('the percentages shown beside the parties’ dollars', () => {
  it('102.50 a day split 3 : 1 for 31 days: 2,383.28 and 794.22 of 3,177.50 shown as 75.0049% and 24.9951%', () => {
    // 2,383.28 / 3,177.50 = 75.004878…%, 794.22 / 3,177.50 = 24.995121…%; to 0.0001% the floors
    // 750,048 + 249,951 leave one unit, to the larger remainder (.78) → 75.0049 / 24.9951;
    // 3,177.50 × 75.0049% = 2,383.2806… → 2,383.28 and × 24.9951% = 794.2193… → 794.22.
    expect(percentagesOfDollars([238_328n, 79_422n], 317_750n)).toEqual(['75.0049', '24.9951']);
  });

  it('as many places as the fee needs: 10,000,000.00 split 3,333,333.33 / 6,666,666.67 takes seven', () => {
    // To 0.0001%: 33.3333% × 10,000,000.00 = 3,333,330.00, not 3,333,333.33; each place more moves
    // the dollars by a tenth as much: to 0.0000001% (seven places) 3,333,333.33 exactly.
    expect(percentagesOfDollars([333_333_333n, 666_666_667n], 1_000_000_000n)).toEqual([
      '33.3333333',
      '66.6666667',
    ]);
  });

  it('no fee: no percentage of dollars to show', () => {
    expect(percentagesOfDollars([0n, 0n], 0n)).toBeNull();
  });

  it('dollars that do not add up to the fee are refused', () => {
    expect(() => percentagesOfDollars([1n, 2n], 4n)).toThrow(RangeError);
  });

  it('reproduce every party’s dollars, share one number of places and add up to 100 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 5 }),
        (amounts) => {
          const fee = amounts.reduce((s, a) => s + a, 0n);
          const pcts = percentagesOfDollars(amounts, fee);
          if (fee === 0n) return pcts === null;
          const places = pcts![0]!.split('.')[1]!.length;
          const whole = 100n * 10n ** BigInt(places);
          const units = pcts!.map((p) => BigInt(p.replace('.', '')));
          return (
            places >= 4 &&
            pcts!.every((p) => p.split('.')[1]!.length === places) &&
            units.reduce((s, u) => s + u, 0n) === whole &&
            units.every((u, i) => divRoundHalfUp(fee * u, whole) === amounts[i])
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
