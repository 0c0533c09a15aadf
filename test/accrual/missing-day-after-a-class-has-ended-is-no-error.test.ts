/**
 * SPEC §4: within the range, every NYSE business day from a class's first row must have a row —
 * a missing one is an error — "unless the class has ended (terminated, liquidated, or no longer
 * covered)". The import applied the rule without the exception: a file carrying a terminated
 * class's figures on some days after its termination was refused. Days worked by hand on the
 * NYSE calendar of November 2012 (Mon 12 … Fri 16, Mon 19 are business days; Thanksgiving 22).
 */
import { describe, expect, it } from 'vitest';
import { classEndedOn } from '../../src/accrual/coverageChecks.js';
import { missingNetAssetsDayProblems } from '../../src/accrual/netAssetsCoverage.js';
import type { Registry } from '../../src/registry/registry.js';

const registry = { identities: { nameOn: () => 'AIM Value Fund' } } as unknown as Registry;
// 2012-11-05 .. 2012-11-09 (Mon–Fri), then nothing until Tue 2012-11-20
const rows = ['2012-11-05', '2012-11-06', '2012-11-07', '2012-11-08', '2012-11-09', '2012-11-20'].map(
  (date, i) => ({ line: i + 2, portfolioId: 'aim-value-fund', class: 'R', date }),
);
const missing = (endedOn: string | null) =>
  missingNetAssetsDayProblems('na.csv', rows, new Map(), registry, () => endedOn).map((p) => [
    p.line,
    p.value,
  ]);

describe('a missing business day on or after the day a class ended is no error (SPEC §4)', () => {
  it('a class still covered: the first missing day, Mon 2012-11-12, is refused on the line after it', () => {
    expect(missing(null)).toEqual([[7, '2012-11-12']]);
  });
  it('a class terminated from 2012-11-12 (or earlier): no problem', () => {
    expect(missing('2012-11-12')).toEqual([]);
    expect(missing('2012-11-07')).toEqual([]);
  });
  it('a class ended from Wed 2012-11-14: Mon 12 and Tue 13 are still missing days of a live class', () => {
    expect(missing('2012-11-14')).toEqual([[7, '2012-11-12']]);
  });
  it('the end is the end of the last covered segment, none while coverage is open-ended', () => {
    expect(classEndedOn([])).toBeNull();
    expect(classEndedOn([{ until: '2004-11-17' }, { until: null }])).toBeNull();
    expect(classEndedOn([{ until: '2004-11-17' }, { until: '2012-11-05' }])).toBe('2012-11-05');
  });
});
