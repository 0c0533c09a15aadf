/**
 * Differential contract (STYLE: Zod's compile-differential): the fast engine and the per-day
 * decimal reference must agree to the cent — monthly rows and daily detail — on generated
 * complexes (SPEC §4).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { accrueReference } from '../../src/accrual/referenceAccrual.js';
import { accrualJson } from './support/accrualJson.js';
import { generateComplex } from './support/generatedComplex.js';

function expectSameAccrual(shape: Parameters<typeof generateComplex>[0]): void {
  const { series, from, to } = generateComplex(shape);
  const reference = accrueReference(series, from, to);
  const fast = accrueFast(series, from, to, { daily: true });
  expect(accrualJson(fast.months)).toEqual(accrualJson(reference.months));
  expect(fast.daily.length).toBe(reference.daily.length);
  expect(accrualJson(fast.daily)).toEqual(accrualJson(reference.daily));
}

describe('accrueFast matches accrueReference', () => {
  it('on fast-check generated complexes (rate changes, gaps, terminations, ties, leap years)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          classes: fc.integer({ min: 1, max: 6 }),
          startOffset: fc.integer({ min: 0, max: 4_000 }),
          days: fc.integer({ min: 1, max: 800 }),
        }),
        (shape) => expectSameAccrual(shape),
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    { seed: 1, classes: 40, startOffset: 700, days: 1_200 }, // 1999-12 … 2003-03: 2000 leap year, Sept 2001 closures
    { seed: 2, classes: 30, startOffset: 2_150, days: 1_500 }, // 2003-11 … 2008-01: 2004 leap, Reagan and Ford closures
    { seed: 3, classes: 25, startOffset: 3_600, days: 700 }, // 2007-11 … 2009-10: 2008 leap year
  ])('on the seeded complex %o', (shape) => expectSameAccrual(shape));
});
