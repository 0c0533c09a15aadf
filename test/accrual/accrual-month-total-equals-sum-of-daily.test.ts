/** SPEC §4: period fee = sum of its daily fees; the month's days and Σ NA are those of its daily rows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { monthOf } from '../../src/calendar/isoDate.js';
import { complexShape } from './support/complexArbitrary.js';
import { generateComplex } from './support/generatedComplex.js';

describe('month totals', () => {
  it('equal the sums of the daily rows, class by class and month by month', () => {
    fc.assert(
      fc.property(complexShape, (shape) => {
        const { series, from, to } = generateComplex(shape);
        const { months, daily } = accrueFast(series, from, to, { daily: true });
        const sums = new Map<string, { days: number; na: bigint; dist: bigint; serv: bigint }>();
        for (const d of daily) {
          const key = `${d.classKey} ${monthOf(d.date)}`;
          const s = sums.get(key) ?? { days: 0, na: 0n, dist: 0n, serv: 0n };
          s.days += 1;
          s.na += d.netAssetsCents;
          s.dist += d.distributionFeeCents;
          s.serv += d.serviceFeeCents;
          sums.set(key, s);
        }
        expect(months.length).toBe(sums.size);
        for (const m of months) {
          expect({
            days: m.days,
            na: m.netAssetsSumCents,
            dist: m.distributionFeeCents,
            serv: m.serviceFeeCents,
          }).toEqual(sums.get(`${m.classKey} ${m.month}`));
        }
      }),
      { numRuns: 60 },
    );
  });
});
