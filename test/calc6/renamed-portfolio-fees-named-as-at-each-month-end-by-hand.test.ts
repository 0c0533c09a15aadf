import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/databases.js';
import {
  AMENDMENT_1_TEXT,
  csv,
  GROWTH,
  INCOME,
  type Json,
  netAssetsRows,
  ok,
  PLAN_TEXT,
  planAmendmentText,
  workArea,
} from './support/zenith.js';

/**
 * SPEC §2, §4: a portfolio renamed by an amendment mid-month keeps its identity; `fees` names it as
 * at each month's end, and accrues across the rename without a break. Worked by hand.
 *
 * Amendment No. 2, effective Fri 2024-03-15, changes the name of Zenith Income Fund to Zenith Bond
 * Income Fund (same rates: ABSC 0.75%, service 0.25%). The feed uses the old name through Mar 14
 * and the new one from Mar 15. Net assets 7,320,000.00 → 150.00 and 50.00 a day (Y = 366).
 *   2024-02 Zenith Income Fund:      29 days, 4,350.00 / 1,450.00
 *   2024-03 Zenith Bond Income Fund: 31 days, 4,650.00 / 1,550.00
 *   2024-04 Zenith Bond Income Fund: 30 days, 4,500.00 / 1,500.00
 * The rows of one portfolio stay together in calendar order (placed by its name at the end of the
 * range): before the fix they came sorted by each month's name — March, April, then February.
 */
const BOND = 'Zenith Bond Income Fund';

describe('a renamed portfolio: fees named as at each month end, accrued without a break', () => {
  const { dir, db, file } = workArea('rename');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, ['exhibit', 'import', file('amendment-1.txt', AMENDMENT_1_TEXT)]);
    await ok(db, [
      'exhibit',
      'import',
      file(
        'amendment-2.txt',
        planAmendmentText(
          2,
          'March 15, 2024',
          [
            [GROWTH, '0.50', '0.25', '0.75'],
            [BOND, '0.75', '0.25', '1.00'],
          ],
          [INCOME, BOND],
        ),
      ),
    ]);
    const flat = () => '7320000.00';
    await ok(db, [
      'net-assets',
      'import',
      file(
        'na.csv',
        csv('date,portfolio,class,net_assets', [
          ...netAssetsRows(INCOME, '2024-02-01', '2024-03-14', flat),
          ...netAssetsRows(BOND, '2024-03-15', '2024-04-30', flat),
        ]),
      ),
    ]);
  });

  it('three months by the old name', async () => {
    const res = await ok(db, [
      'fees',
      '--from',
      '2024-02-01',
      '--to',
      '2024-04-30',
      '--portfolio',
      INCOME,
      '--json',
    ]);
    expect(
      res.classes.map((c: Json) => [
        c.portfolio,
        c.portfolioId,
        c.month,
        c.days,
        c.distributionFee,
        c.serviceFee,
      ]),
    ).toEqual([
      [INCOME, 'zenith-income-fund', '2024-02', 29, '4350.00', '1450.00'],
      [BOND, 'zenith-income-fund', '2024-03', 31, '4650.00', '1550.00'],
      [BOND, 'zenith-income-fund', '2024-04', 30, '4500.00', '1500.00'],
    ]);
    expect(res.warnings).toEqual([]);
  });

  it('day by day across the rename: each day named as on that day', async () => {
    const res = await ok(db, ['fees', '--from', '2024-03-14', '--to', '2024-03-15', '--daily', '--json']);
    expect(res.daily.map((d: Json) => [d.portfolio, d.date, d.distributionFee])).toEqual([
      [INCOME, '2024-03-14', '150.00'],
      [BOND, '2024-03-15', '150.00'],
    ]);
  });

  it('the same order with February and March closed (the sealed rows)', async () => {
    await ok(db, ['close', '--month', '2024-02']);
    await ok(db, ['close', '--month', '2024-03']);
    const res = await ok(db, ['fees', '--from', '2024-02-01', '--to', '2024-04-30', '--json']);
    expect(res.closedMonths.map((m: Json) => [m.month, m.basis])).toEqual([
      ['2024-02', 'sealed'],
      ['2024-03', 'sealed'],
    ]);
    // Growth has no net assets: Zenith Bond Income Fund's months only, in calendar order
    expect(res.classes.map((c: Json) => [c.portfolio, c.month, c.distributionFee])).toEqual([
      [INCOME, '2024-02', '4350.00'],
      [BOND, '2024-03', '4650.00'],
      [BOND, '2024-04', '4500.00'],
    ]);
  });
});
