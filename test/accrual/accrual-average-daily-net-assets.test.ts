/** SPEC §4: average daily net assets = round_half_up(Σ NA(d) / days, 2) over the accrued days. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accrueFast, averageRoundedHalfUp } from '../../src/accrual/fastAccrual.js';
import { accrueReference } from '../../src/accrual/referenceAccrual.js';
import { divRoundHalfUp } from '../../src/money/cents.js';
import { complexShape } from './support/complexArbitrary.js';
import { generateComplex } from './support/generatedComplex.js';

describe('average daily net assets', () => {
  it('is Σ NA / days rounded half away from zero, to the cent', () => {
    fc.assert(
      fc.property(complexShape, (shape) => {
        const { series, from, to } = generateComplex(shape);
        for (const m of accrueFast(series, from, to).months) {
          const days = BigInt(m.days);
          // |ADNA·days − Σ| ≤ days/2, and on an exact half the magnitude rounds up.
          const twiceError = 2n * (m.averageDailyNetAssetsCents * days - m.netAssetsSumCents);
          expect(twiceError <= days && twiceError >= -days).toBe(true);
          if (twiceError === days || twiceError === -days) {
            const magnitudeUp = m.netAssetsSumCents >= 0n ? twiceError === days : twiceError === -days;
            expect(magnitudeUp).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rounds 2.5 cents up: Σ = 5 cents over 2 days → 3 cents', () => {
    const series = [
      {
        classKey: 'Tiny|A',
        netAssets: [
          { date: '2010-03-04', netAssetsCents: 2n },
          { date: '2010-03-05', netAssetsCents: 3n },
        ],
        coverage: [
          { from: '2010-01-01', until: null, distributionFeeMicroPct: 250_000n, serviceFeeMicroPct: 0n },
        ],
      },
    ];
    for (const accrue of [accrueReference, accrueFast]) {
      const [m] = accrue(series, '2010-03-04', '2010-03-05').months;
      expect(m?.netAssetsSumCents).toBe(5n);
      expect(m?.averageDailyNetAssetsCents).toBe(3n);
    }
  });

  it('computes the Float64 average exactly up to the 2^53 bound, where the float quotient is off by one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.bigInt({ min: -(2n ** 53n) + 32n, max: 2n ** 53n - 32n }),
        (days, sum) => {
          expect(BigInt(averageRoundedHalfUp(Number(sum), days))).toBe(divRoundHalfUp(sum, BigInt(days)));
        },
      ),
      { numRuns: 5_000 },
    );
    expect(averageRoundedHalfUp(2 ** 53 - 32, 31)).toBe(Number(divRoundHalfUp(2n ** 53n - 32n, 31n)));
  });
});
