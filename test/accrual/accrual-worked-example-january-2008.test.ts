/**
 * SPEC §4 worked by hand: one class at 0.75% distribution / 0.25% service for January 2008
 * (Y = 366), net assets struck on NYSE business days only. New Year's Day (holiday) carries
 * 31 Dec 2007; weekends carry Friday; MLK Day (21 Jan) carries Friday 18 Jan; 3 Jan lands exactly
 * on half-cent ties (300.015 → 300.02, 100.005 → 100.01).
 */
import { describe, expect, it } from 'vitest';
import type { ClassSeries } from '../../src/accrual/classSeries.js';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { accrueReference } from '../../src/accrual/referenceAccrual.js';
import { formatCents, parseCents } from '../../src/money/cents.js';
import { parseRateMicroPct } from '../../src/money/rate.js';

const rows: [string, string][] = [
  ['2007-12-31', '36600000.00'],
  ['2008-01-02', '36612345.67'],
  ['2008-01-03', '14640732.00'],
  ['2008-01-04', '36700000.00'],
  ['2008-01-07', '36650125.50'],
  ['2008-01-08', '36598000.01'],
  ['2008-01-09', '36702222.22'],
  ['2008-01-10', '36710000.00'],
  ['2008-01-11', '36688888.88'],
  ['2008-01-14', '36600000.00'],
  ['2008-01-15', '36555555.55'],
  ['2008-01-16', '36620000.10'],
  ['2008-01-17', '36650125.50'],
  ['2008-01-18', '36598000.01'],
  ['2008-01-22', '36702222.22'],
  ['2008-01-23', '36710000.00'],
  ['2008-01-24', '36688888.88'],
  ['2008-01-25', '36600000.00'],
  ['2008-01-28', '36555555.55'],
  ['2008-01-29', '36620000.10'],
  ['2008-01-30', '36650125.50'],
  ['2008-01-31', '36598000.01'],
];

// date, NA(d), distribution fee = NA × 0.75 / 100 / 366, service fee = NA × 0.25 / 100 / 366
const expectedDaily: [string, string, string, string][] = [
  ['2008-01-01', '36600000.00', '750.00', '250.00'], // New Year's Day: carries 31 Dec 2007
  ['2008-01-02', '36612345.67', '750.25', '250.08'], // 750.2529…, 250.0843…
  ['2008-01-03', '14640732.00', '300.02', '100.01'], // exactly 300.015 and 100.005: half up
  ['2008-01-04', '36700000.00', '752.05', '250.68'],
  ['2008-01-05', '36700000.00', '752.05', '250.68'], // Saturday
  ['2008-01-06', '36700000.00', '752.05', '250.68'], // Sunday
  ['2008-01-07', '36650125.50', '751.03', '250.34'],
  ['2008-01-08', '36598000.01', '749.96', '249.99'],
  ['2008-01-09', '36702222.22', '752.09', '250.70'],
  ['2008-01-10', '36710000.00', '752.25', '250.75'], // 752.2540…, 250.7513…
  ['2008-01-11', '36688888.88', '751.82', '250.61'],
  ['2008-01-12', '36688888.88', '751.82', '250.61'],
  ['2008-01-13', '36688888.88', '751.82', '250.61'],
  ['2008-01-14', '36600000.00', '750.00', '250.00'],
  ['2008-01-15', '36555555.55', '749.09', '249.70'],
  ['2008-01-16', '36620000.10', '750.41', '250.14'],
  ['2008-01-17', '36650125.50', '751.03', '250.34'],
  ['2008-01-18', '36598000.01', '749.96', '249.99'],
  ['2008-01-19', '36598000.01', '749.96', '249.99'],
  ['2008-01-20', '36598000.01', '749.96', '249.99'],
  ['2008-01-21', '36598000.01', '749.96', '249.99'], // MLK Day: carries Friday
  ['2008-01-22', '36702222.22', '752.09', '250.70'],
  ['2008-01-23', '36710000.00', '752.25', '250.75'],
  ['2008-01-24', '36688888.88', '751.82', '250.61'],
  ['2008-01-25', '36600000.00', '750.00', '250.00'],
  ['2008-01-26', '36600000.00', '750.00', '250.00'],
  ['2008-01-27', '36600000.00', '750.00', '250.00'],
  ['2008-01-28', '36555555.55', '749.09', '249.70'],
  ['2008-01-29', '36620000.10', '750.41', '250.14'],
  ['2008-01-30', '36650125.50', '751.03', '250.34'],
  ['2008-01-31', '36598000.01', '749.96', '249.99'],
];

const series: ClassSeries = {
  classKey: 'Worked Example Fund|C',
  netAssets: rows.map(([date, na]) => ({ date, netAssetsCents: parseCents(na) })),
  coverage: [
    {
      from: '2007-01-01',
      until: null,
      distributionFeeMicroPct: parseRateMicroPct('0.75'),
      serviceFeeMicroPct: parseRateMicroPct('0.25'),
    },
  ],
};

describe.each([
  ['reference', accrueReference],
  ['fast', (s: ClassSeries[], f: string, t: string) => accrueFast(s, f, t, { daily: true })],
] as const)('worked example, January 2008, %s engine', (_name, accrue) => {
  const result = accrue([series], '2008-01-01', '2008-01-31');

  it('accrues every calendar day at the carried-forward net assets', () => {
    expect(
      result.daily.map((d) => [
        d.date,
        formatCents(d.netAssetsCents),
        formatCents(d.distributionFeeCents),
        formatCents(d.serviceFeeCents),
      ]),
    ).toEqual(expectedDaily);
  });

  it('sums the month: 31 days, ADNA 35,929,760.18, fees 22,824.23 and 7,608.11', () => {
    expect(result.months).toHaveLength(1);
    const m = result.months[0]!;
    expect(m.month).toBe('2008-01');
    expect(m.days).toBe(31);
    expect(formatCents(m.netAssetsSumCents)).toBe('1113822565.49');
    expect(formatCents(m.averageDailyNetAssetsCents)).toBe('35929760.18'); // 1,113,822,565.49 / 31 = 35,929,760.1771
    expect(formatCents(m.distributionFeeCents)).toBe('22824.23');
    expect(formatCents(m.serviceFeeCents)).toBe('7608.11');
  });
});
