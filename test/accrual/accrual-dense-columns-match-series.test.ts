/**
 * The dense layout built straight from scanned columns (the benchmark's and the bulk path) equals
 * the one built from ClassSeries: same carry-in from before the range, same runs, same sums.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accrualKernel } from '../../src/accrual/accrualKernel.js';
import { ClassSeriesError } from '../../src/accrual/classSeries.js';
import { buildDenseInput, buildDenseInputFromColumns } from '../../src/accrual/denseInput.js';
import { scanNetAssetsCsv } from '../../src/accrual/netAssetsColumns.js';
import { formatCents } from '../../src/money/cents.js';
import { complexShape } from './support/complexArbitrary.js';
import { generateComplex } from './support/generatedComplex.js';

describe('dense input from columns', () => {
  it('matches the dense input from series, with rows in any order', () => {
    fc.assert(
      fc.property(complexShape, (shape) => {
        const { series, from, to } = generateComplex(shape);
        const lines = series.flatMap((s) =>
          s.netAssets.map(
            (r) => `${r.date},${s.classKey.replace('|', ',')},${formatCents(r.netAssetsCents)}`,
          ),
        );
        lines.sort(); // by date first, as a daily feed arrives
        const columns = scanNetAssetsCsv(
          new TextEncoder().encode(`date,portfolio,class,net_assets\n${lines.join('\n')}`),
        );
        const fromSeries = buildDenseInput(series, from, to);
        const fromColumns = buildDenseInputFromColumns(columns, series, from, to);
        expect(fromColumns.classKeys).toEqual(fromSeries.classKeys);
        expect(fromColumns.runs).toEqual(fromSeries.runs);
        expect(Array.from(accrualKernel(fromColumns))).toEqual(Array.from(accrualKernel(fromSeries)));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses two rows for one class and day', () => {
    const columns = scanNetAssetsCsv(
      new TextEncoder().encode('date,portfolio,class,net_assets\n2008-01-02,P,A,1\n2008-01-02,P,A,2\n'),
    );
    const terms = [{ classKey: 'P|A', coverage: [] }];
    expect(() => buildDenseInputFromColumns(columns, terms, '2008-01-01', '2008-01-31')).toThrow(
      ClassSeriesError,
    );
    expect(() => buildDenseInputFromColumns(columns, terms, '2008-01-03', '2008-01-31')).toThrow(
      ClassSeriesError,
    );
  });
});

describe('Float64 exactness guard', () => {
  it('refuses net assets beyond 2^53 cents and monthly sums that could reach 2^53', () => {
    const coverage = [
      { from: '2008-01-01', until: null, distributionFeeMicroPct: 750_000n, serviceFeeMicroPct: 250_000n },
    ];
    const tooBig = [
      { classKey: 'Huge|A', coverage, netAssets: [{ date: '2008-01-02', netAssetsCents: 2n ** 53n + 1n }] },
    ];
    expect(() => buildDenseInput(tooBig, '2008-01-01', '2008-01-31')).toThrow(/2\^53/);
    const sumTooBig = [
      { classKey: 'Huge|A', coverage, netAssets: [{ date: '2008-01-02', netAssetsCents: 2n ** 52n }] },
    ];
    expect(() => buildDenseInput(sumTooBig, '2008-01-01', '2008-01-31')).toThrow(/exact Float64/);
  });
});
