/** The @example figures in src/accrual's JSDoc, executed: $1bn at 0.75% for one day is $20,547.95. */
import { describe, expect, it } from 'vitest';
import { dailyFeeCentsFast } from '../../src/accrual/accrualKernel.js';
import { buildDenseInput } from '../../src/accrual/denseInput.js';
import { exactDailyFeeCents } from '../../src/accrual/exactDailyFee.js';
import { averageRoundedHalfUp } from '../../src/accrual/fastAccrual.js';
import { referenceDailyFeeCents } from '../../src/accrual/referenceAccrual.js';

describe('documented accrual examples', () => {
  it('hold', () => {
    expect(referenceDailyFeeCents(100_000_000_000n, 750_000n, 2007)).toBe(2_054_795n);
    expect(exactDailyFeeCents(100_000_000_000n, 750_000n, 365)).toBe(2_054_795n);
    expect(dailyFeeCentsFast(100_000_000_000, 750_000 / 3.65e10, 0.5 - 1e-3, 750_000, 365)).toBe(2_054_795);
    expect(averageRoundedHalfUp(5, 2)).toBe(3);
    expect(averageRoundedHalfUp(-5, 2)).toBe(-3);
    expect(buildDenseInput([], '2008-01-01', '2008-12-31').dayCount).toBe(366);
  });
});
