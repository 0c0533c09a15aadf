import DecimalModule from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDailyFeeCents } from '../../src/accrual/exactDailyFee.js';
import { vintageDailyFee } from '../../src/class-b/vintageSplit.js';

const Decimal = DecimalModule as unknown as typeof DecimalModule.Decimal;
const Exact = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });

/** Independently, in decimal: NA × shares_v / Σ shares × rate_v% / 100 / Y, unrounded, in cents. */
function exactPart(na: bigint, shares: bigint[], rates: bigint[], k: number, y: number) {
  const total = shares.reduce((a, b) => a + b, 0n);
  return new Exact(na.toString())
    .times(shares[k]!.toString())
    .div(total.toString())
    .times(rates[k]!.toString())
    .div(1_000_000)
    .div(100)
    .div(y);
}

const vintages = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    na: fc.bigInt({ min: 0n, max: 10n ** 13n }), // up to $100 billion
    shares: fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: n, maxLength: n }),
    rates: fc.array(fc.bigInt({ min: 0n, max: 750_000n }), { minLength: n, maxLength: n }),
    y: fc.constantFrom(365, 366),
  }),
);

describe('EIGHTH(E) vintage parts add up to the class’s whole fee under SPEC §3 rounding', () => {
  it('Σ parts = the whole = round_half_up(Σ exact vintage fees); each part within a cent and a half of its exact fee', () => {
    fc.assert(
      fc.property(vintages, ({ na, shares, rates, y }) => {
        fc.pre(shares.some((s) => s > 0n));
        const { wholeCents, partsCents } = vintageDailyFee(na, shares, rates, y);
        expect(partsCents.reduce((a, b) => a + b, 0n)).toBe(wholeCents);
        let exactWhole = new Exact(0);
        shares.forEach((_, k) => {
          const exact = exactPart(na, shares, rates, k, y);
          exactWhole = exactWhole.plus(exact);
          // largest remainder: each part is its exact amount's floor or ceiling (in cents), give or take the whole's rounding
          expect(new Exact(partsCents[k]!.toString()).minus(exact).abs().lt(1.5)).toBe(true);
          expect(partsCents[k]! >= 0n).toBe(true);
        });
        expect(wholeCents).toBe(BigInt(exactWhole.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('one vintage (no reduction) gives exactly the SPEC §4 daily fee', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 750_000n }),
        fc.constantFrom(365, 366),
        (na, shares, rate, y) => {
          expect(vintageDailyFee(na, [shares], [rate], y).wholeCents).toBe(exactDailyFeeCents(na, rate, y));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('shares issued before a reduction never accrue less than at the old rate would give them, to the cent', () => {
    fc.assert(
      fc.property(vintages, ({ na, shares, rates, y }) => {
        fc.pre(shares.length >= 2 && shares.some((s) => s > 0n));
        const sorted = [...rates].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)); // older vintages, higher rates
        const { partsCents } = vintageDailyFee(na, shares, sorted, y);
        const exact = exactPart(na, shares, sorted, 0, y);
        expect(new Exact(partsCents[0]!.toString()).gt(exact.minus(2))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
