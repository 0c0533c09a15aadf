/**
 * Every calendar day of the range, for every class, is exactly one of: before the class's first
 * row, on/after its termination, uncovered (a warning), or accrued (SPEC §4; Plan §9).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uncoveredDays } from '../../src/accrual/coverageChecks.js';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { toDayNumber } from '../../src/calendar/isoDate.js';
import { complexShape } from './support/complexArbitrary.js';
import { generateComplex } from './support/generatedComplex.js';

describe('day counts', () => {
  it('partition each class range into not-begun, ended, uncovered and accrued days', () => {
    fc.assert(
      fc.property(complexShape, (shape) => {
        const { series, from, to } = generateComplex(shape);
        const fromDay = toDayNumber(from);
        const toDay = toDayNumber(to);
        const { months, daily } = accrueFast(series, from, to, { daily: true });
        for (const cls of series) {
          const first = cls.netAssets[0] ? toDayNumber(cls.netAssets[0].date) : Number.POSITIVE_INFINITY;
          const end = cls.endDate != null ? toDayNumber(cls.endDate) : Number.POSITIVE_INFINITY;
          let notBegun = 0;
          let ended = 0;
          for (let d = fromDay; d <= toDay; d++) {
            if (d < first) notBegun++;
            else if (d >= end) ended++;
          }
          const uncovered = uncoveredDays(cls, from, to).reduce((n, r) => n + r.days, 0);
          const accrued = months.filter((m) => m.classKey === cls.classKey).reduce((n, m) => n + m.days, 0);
          expect(daily.filter((d) => d.classKey === cls.classKey)).toHaveLength(accrued);
          expect(notBegun + ended + uncovered + accrued).toBe(toDay - fromDay + 1);
          for (const m of months) expect(m.days).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 80 },
    );
  });
});
