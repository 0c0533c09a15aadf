/**
 * SPEC §4 restatement: changing one day's net assets changes exactly the daily rows that carry
 * that row (the day itself and the days up to the next row) and only their months' totals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClassSeries } from '../../src/accrual/classSeries.js';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { monthOf } from '../../src/calendar/isoDate.js';
import { accrualJson } from './support/accrualJson.js';
import { complexShape } from './support/complexArbitrary.js';
import { generateComplex } from './support/generatedComplex.js';

describe('restating one day', () => {
  it('changes only the daily rows carried from it and the months holding them', () => {
    fc.assert(
      fc.property(complexShape, fc.nat(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (shape, pick, delta) => {
        const { series, from, to } = generateComplex(shape);
        const candidates = series.filter((s) => s.netAssets.length > 0);
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length]!;
        const rowIndex = Math.floor(pick / candidates.length) % target.netAssets.length;
        const row = target.netAssets[rowIndex]!;
        const nextRow = target.netAssets[rowIndex + 1];
        const restated: ClassSeries[] = series.map((s) =>
          s !== target
            ? s
            : {
                ...s,
                netAssets: s.netAssets.map((r, i) =>
                  i === rowIndex ? { date: r.date, netAssetsCents: r.netAssetsCents + delta } : r,
                ),
              },
        );
        const before = accrueFast(series, from, to, { daily: true });
        const after = accrueFast(restated, from, to, { daily: true });
        const carries = (classKey: string, date: string) =>
          classKey === target.classKey && date >= row.date && (nextRow === undefined || date < nextRow.date);
        expect(after.daily.length).toBe(before.daily.length);
        const touchedMonths = new Set<string>();
        before.daily.forEach((b, i) => {
          const a = after.daily[i]!;
          if (carries(b.classKey, b.date)) {
            expect(a.netAssetsCents).toBe(b.netAssetsCents + delta);
            touchedMonths.add(monthOf(b.date));
          } else {
            expect(accrualJson(a)).toEqual(accrualJson(b));
          }
        });
        expect(after.months.length).toBe(before.months.length);
        before.months.forEach((b, i) => {
          const a = after.months[i]!;
          if (b.classKey === target.classKey && touchedMonths.has(b.month)) {
            expect(a.netAssetsSumCents - b.netAssetsSumCents).toBe(
              delta *
                BigInt(
                  before.daily.filter((d) => carries(d.classKey, d.date) && monthOf(d.date) === b.month)
                    .length,
                ),
            );
          } else {
            expect(accrualJson(a)).toEqual(accrualJson(b));
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
