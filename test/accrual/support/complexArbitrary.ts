/** fast-check shapes for {@link generateComplex}: small enough for the per-day decimal reference. */
import fc from 'fast-check';
import type { ComplexShape } from './generatedComplex.js';

export const complexShape: fc.Arbitrary<ComplexShape> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  classes: fc.integer({ min: 1, max: 5 }),
  startOffset: fc.integer({ min: 0, max: 4_000 }),
  days: fc.integer({ min: 1, max: 600 }),
});
