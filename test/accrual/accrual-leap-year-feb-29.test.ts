/**
 * SPEC §4: Y(d) = 366 if d's year is a leap year, else 365 — per day, so the rate changes at the
 * year boundary and 29 February accrues like any other day.
 */
import { describe, expect, it } from 'vitest';
import type { ClassSeries } from '../../src/accrual/classSeries.js';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { accrueReference } from '../../src/accrual/referenceAccrual.js';

// $36,600,000 at 0.75% is $750.00 a day when Y = 366 and $752.05 (752.0547…) when Y = 365.
const steady = (from: string): ClassSeries => ({
  classKey: 'Steady Fund|B',
  netAssets: [{ date: from, netAssetsCents: 3_660_000_000n }],
  coverage: [
    { from: '1900-01-01', until: null, distributionFeeMicroPct: 750_000n, serviceFeeMicroPct: 250_000n },
  ],
});

describe.each([
  ['reference', accrueReference],
  ['fast', (s: ClassSeries[], f: string, t: string) => accrueFast(s, f, t, { daily: true })],
] as const)('leap years, %s engine', (_name, accrue) => {
  it('accrues 29 February 2008 with Y = 366, and February 2008 has 29 days', () => {
    const { months, daily } = accrue([steady('2008-02-01')], '2008-02-01', '2008-02-29');
    expect(daily.find((d) => d.date === '2008-02-29')?.distributionFeeCents).toBe(75_000n);
    expect(months[0]).toMatchObject({ month: '2008-02', days: 29, distributionFeeCents: 29n * 75_000n });
    expect(months[0]?.serviceFeeCents).toBe(29n * 25_000n);
  });

  it('switches Y at the year boundary: 31 Dec 2007 uses 365, 1 Jan 2008 uses 366, 1 Jan 2009 uses 365', () => {
    const { daily } = accrue([steady('2007-12-31')], '2007-12-31', '2009-01-01');
    const fee = (date: string) => daily.find((d) => d.date === date)?.distributionFeeCents;
    expect(fee('2007-12-31')).toBe(75_205n);
    expect(fee('2008-01-01')).toBe(75_000n);
    expect(fee('2008-12-31')).toBe(75_000n);
    expect(fee('2009-01-01')).toBe(75_205n);
  });

  it('treats 2000 as a leap year (divisible by 400) and 2100 as not (divisible by 100)', () => {
    expect(accrue([steady('2000-02-01')], '2000-02-01', '2000-02-29').months[0]).toMatchObject({ days: 29 });
    expect(accrue([steady('2000-02-01')], '2000-02-29', '2000-02-29').daily[0]?.distributionFeeCents).toBe(
      75_000n,
    );
    const feb2100 = accrue([steady('2100-02-01')], '2100-02-01', '2100-03-01');
    expect(feb2100.months.map((m) => [m.month, m.days])).toEqual([
      ['2100-02', 28],
      ['2100-03', 1],
    ]);
    expect(feb2100.daily[0]?.distributionFeeCents).toBe(75_205n);
  });

  it('gives a leap-year month the 366-day rate even when the range starts mid-month', () => {
    const { months } = accrue([steady('2024-02-10')], '2024-02-15', '2024-03-02');
    expect(months.map((m) => [m.month, m.days, m.distributionFeeCents])).toEqual([
      ['2024-02', 15, 15n * 75_000n],
      ['2024-03', 2, 2n * 75_000n],
    ]);
  });
});
