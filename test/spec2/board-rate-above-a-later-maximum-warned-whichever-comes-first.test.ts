import { describe, expect, it } from 'vitest';
import { AMENDMENT_1_TEXT, GROWTH, INCOME, ok, PLAN_TEXT, workArea } from '../calc6/support/zenith.js';
import { freshDatabase } from '../support/databases.js';

/**
 * SPEC §2: Board-set current rates lie below the schedule maxima; a rate above the instrument's
 * maximum is refused. A rate set while the maximum allows it governs until the Board's next rate —
 * and an amendment may lower the maximum below it from a later date. Then, from that date, the
 * schedule's rate applies, and the user is told so whichever was recorded first: the amendment
 * (its import warns) or the rate (`rates set` warns). Import order never changes the answers.
 *
 * Zenith Growth Fund class C: the Plan (2023-01-03) allows an ABSC of up to 0.75%; Amendment No. 1
 * lowers it to 0.50% from 2024-02-15. The Board sets 0.70% from 2023-06-01 (allowed on that day).
 * Zenith Income Fund keeps 0.75%: its Board rate of 0.70% is never set aside.
 *
 * Net assets 3,660,000.00 on Wed 2024-02-14 and Thu 2024-02-15 (2024 is a leap year: Y = 366):
 *   2024-02-14 distribution 3,660,000 × 0.70% / 366 = 25,620 / 366 = 70.00 (the Board's rate)
 *   2024-02-15 distribution 3,660,000 × 0.50% / 366 = 18,300 / 366 = 50.00 (the schedule's maximum)
 *   service each day       3,660,000 × 0.25% / 366 =  9,150 / 366 = 25.00
 *   → distribution 120.00, service 50.00, total 170.00; average (3,660,000 × 2) / 2 = 3,660,000.00
 */
const NET_ASSETS = `date,portfolio,class,net_assets
2024-02-14,${GROWTH},C,3660000.00
2024-02-15,${GROWTH},C,3660000.00
`;
const SET_ASIDE =
  /Zenith Growth Fund class C: from 2024-02-15: the Board-set rate of 2023-06-01 is above the caps of Schedule A effective 2024-02-15 \(distribution fee above the maximum\): the schedule's rates apply/;

interface Fees {
  classes: {
    portfolio: string;
    month: string;
    days: number;
    averageDailyNetAssets: string;
    distributionFee: string;
    serviceFee: string;
    totalFee: string;
  }[];
  warnings: string[];
}

const setRate = (db: string, portfolio: string) =>
  ok(db, [
    'rates',
    'set',
    '--portfolio',
    portfolio,
    '--class',
    'C',
    '--from',
    '2023-06-01',
    '--distribution-fee',
    '0.70',
    '--json',
  ]) as Promise<{
    recorded: boolean;
    warnings?: string[];
  }>;

describe('a Board rate above the maximum of a later amendment', () => {
  it('amendment first, then the rate: rates set records it and warns from the amendment date', async () => {
    const area = workArea('board-rate-after');
    // the run's migrated store, copied (test/support/databases.ts): a store the CLI creates is other files' subject
    await freshDatabase('pglite', area.dir);
    await ok(area.db, [
      'exhibit',
      'import',
      area.file('plan.txt', PLAN_TEXT),
      area.file('am1.txt', AMENDMENT_1_TEXT),
    ]);
    const growth = await setRate(area.db, GROWTH);
    expect(growth.recorded).toBe(true);
    expect(growth.warnings).toEqual([expect.stringMatching(SET_ASIDE)]);
    // Income: 0.70% stays below its 0.75% maximum throughout — nothing to warn of
    const income = await setRate(area.db, INCOME);
    expect(income.recorded).toBe(true);
    expect(income.warnings).toEqual([]);
    await ok(area.db, ['net-assets', 'import', area.file('na.csv', NET_ASSETS)]);
    const fees = (await ok(area.db, [
      'fees',
      '--from',
      '2024-02-14',
      '--to',
      '2024-02-15',
      '--portfolio',
      GROWTH,
      '--json',
    ])) as Fees;
    expect(fees.classes).toEqual([
      expect.objectContaining({
        portfolio: GROWTH,
        month: '2024-02',
        days: 2,
        averageDailyNetAssets: '3660000.00',
        distributionFee: '120.00',
        serviceFee: '50.00',
        totalFee: '170.00',
      }),
    ]);
    expect(fees.warnings).toEqual([expect.stringMatching(SET_ASIDE)]);
    // the schedule in force on a day of it shows the schedule's 0.50%, and says why not the Board's
    const schedule = (await ok(area.db, [
      'schedule',
      '--as-of',
      '2024-03-01',
      '--portfolio',
      GROWTH,
      '--json',
    ])) as {
      entries: { assetBasedSalesChargePct: string; rateSource: string }[];
      warnings: string[];
    };
    expect(schedule.entries.map((e) => [e.assetBasedSalesChargePct, e.rateSource])).toEqual([
      ['0.50', 'schedule'],
    ]);
    expect(schedule.warnings).toEqual([
      expect.stringMatching(
        /^Zenith Growth Fund class C: the Board-set rate of 2023-06-01 is above the caps of Schedule A effective 2024-02-15 \(distribution fee above the maximum\): the schedule's rates apply$/,
      ),
    ]);
    // and on a day before the amendment, the Board's 0.70% governs, with nothing to warn of
    const before = (await ok(area.db, [
      'schedule',
      '--as-of',
      '2024-02-14',
      '--portfolio',
      GROWTH,
      '--json',
    ])) as {
      entries: { assetBasedSalesChargePct: string; rateSource: string }[];
      warnings: string[];
    };
    expect(before.entries.map((e) => [e.assetBasedSalesChargePct, e.rateSource])).toEqual([
      ['0.70', 'board'],
    ]);
    expect(before.warnings).toEqual([]);
  });

  it('the rate first, then the amendment: the same fees, the same warning', async () => {
    const area = workArea('board-rate-before');
    await freshDatabase('pglite', area.dir);
    await ok(area.db, ['exhibit', 'import', area.file('plan.txt', PLAN_TEXT)]);
    const growth = await setRate(area.db, GROWTH);
    expect(growth.recorded).toBe(true);
    expect(growth.warnings).toEqual([]);
    const imported = (await ok(area.db, [
      'exhibit',
      'import',
      area.file('am1.txt', AMENDMENT_1_TEXT),
      '--json',
    ])) as {
      warnings: string[];
    };
    expect(imported.warnings).toEqual([
      expect.stringMatching(/board-set rate of 2023-06-01 .* is above the caps/),
    ]);
    await ok(area.db, ['net-assets', 'import', area.file('na.csv', NET_ASSETS)]);
    const fees = (await ok(area.db, [
      'fees',
      '--from',
      '2024-02-14',
      '--to',
      '2024-02-15',
      '--portfolio',
      GROWTH,
      '--json',
    ])) as Fees;
    expect(fees.classes.map((c) => [c.distributionFee, c.serviceFee, c.totalFee])).toEqual([
      ['120.00', '50.00', '170.00'],
    ]);
    expect(fees.warnings).toEqual([expect.stringMatching(SET_ASIDE)]);
  });
});
