import { describe, expect, it } from 'vitest';
import { GROWTH, INCOME, ok, PLAN_TEXT, workArea } from '../calc6/support/zenith.js';
import { freshDatabase } from '../support/databases.js';

/**
 * SPEC §4, worked by hand over 2023-01-01 … 2023-01-06 (2023: Y = 365). Zenith's Plan (Class C)
 * takes effect on Tue 2023-01-03 at 0.75% ABSC and 0.25% service fee for both portfolios.
 * Mon 2023-01-02 is the NYSE's New Year's Day holiday (Jan 1 fell on a Sunday).
 *
 * Zenith Income Fund C has net assets from Fri 2022-12-30 (1,500,000.00), carried over Sat, Sun and
 * the holiday, but no instrument covers it before 2023-01-03: those days are warned of and accrue
 * nothing, and count neither in `days` nor in the average ("over the covered days").
 *   day         NA             ABSC 0.75%: NA×0.0075/365      service 0.25%: NA×0.0025/365
 *   01-03  1,000,000.00   7,500/365 = 20.5479… → 20.55     2,500/365 = 6.8493… → 6.85
 *   01-04  1,100,000.00   8,250/365 = 22.6027… → 22.60     2,750/365 = 7.5342… → 7.53
 *   01-05  1,200,000.00   9,000/365 = 24.6575… → 24.66     3,000/365 = 8.2191… → 8.22
 *   01-06  1,300,000.00   9,750/365 = 26.7123… → 26.71     3,250/365 = 8.9041… → 8.90
 *   sums                                      94.52                               31.50  → 126.02
 *   average 4,600,000.00 / 4 = 1,150,000.00 (with the two uncovered days it would be
 *   7,600,000.00 / 6 = 1,266,666.67: wrong)
 *
 * Zenith Growth Fund C begins with its first row on Thu 2023-01-05: Jan 3 and 4 are before it,
 * accrue nothing and are no missing business days.
 *   01-05  2,000,000.00  15,000/365 = 41.0958… → 41.10     5,000/365 = 13.6986… → 13.70
 *   01-06  2,190,000.01  16,425.000075/365 = 45.0000002… → 45.00   5,475.000025/365 = 15.0000000… → 15.00
 *   sums                                      86.10                               28.70  → 114.80
 *   average 4,190,000.01 / 2 = 2,095,000.005 → half-up 2,095,000.01
 */
const NET_ASSETS = `date,portfolio,class,net_assets
2022-12-30,${INCOME},C,1500000.00
2023-01-03,${INCOME},C,1000000.00
2023-01-04,${INCOME},C,1100000.00
2023-01-05,${INCOME},C,1200000.00
2023-01-06,${INCOME},C,1300000.00
2023-01-05,${GROWTH},C,2000000.00
2023-01-06,${GROWTH},C,2190000.01
`;

describe('fees of the first days of a Plan, and of a class begun after it (SPEC §4)', () => {
  it('accrue on covered days only, average over them, and warn of the uncovered days', async () => {
    const area = workArea('covered-days');
    // the run's migrated store, copied (test/support/databases.ts): a store the CLI creates is other files' subject
    await freshDatabase('pglite', area.dir);
    await ok(area.db, ['exhibit', 'import', area.file('plan.txt', PLAN_TEXT)]);
    await ok(area.db, ['net-assets', 'import', area.file('na.csv', NET_ASSETS)]);
    const fees = (await ok(area.db, ['fees', '--from', '2023-01-01', '--to', '2023-01-06', '--json'])) as {
      from: string;
      to: string;
      classes: Record<string, unknown>[];
      warnings: string[];
    };
    expect(fees.from).toBe('2023-01-01');
    expect(fees.to).toBe('2023-01-06');
    expect(fees.classes).toEqual([
      {
        portfolio: GROWTH,
        portfolioId: expect.any(String),
        class: 'C',
        month: '2023-01',
        days: 2,
        averageDailyNetAssets: '2095000.01',
        distributionFee: '86.10',
        serviceFee: '28.70',
        totalFee: '114.80',
      },
      {
        portfolio: INCOME,
        portfolioId: expect.any(String),
        class: 'C',
        month: '2023-01',
        days: 4,
        averageDailyNetAssets: '1150000.00',
        distributionFee: '94.52',
        serviceFee: '31.50',
        totalFee: '126.02',
      },
    ]);
    expect(fees.warnings).toEqual([
      `${INCOME} class C: net assets but no instrument covering 2023-01-01 … 2023-01-02; no fees accrued`,
    ]);
  });
});
