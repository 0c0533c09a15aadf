import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/databases.js';
import { cli, csv, GROWTH, INCOME, ok, PLAN_TEXT, workArea } from './support/zenith.js';

/**
 * SPEC §4, small shapes worked by hand (Plan: ABSC 0.75%, service 0.25%; 2024, Y = 366).
 *
 * Growth begins Thu 2024-06-27: 1,000,000.02, then Fri 06-28 1,000,000.00 (carried Sat 29, Sun 30).
 *   daily ABSC 1,000,000.02 × 0.75 / 100 / 366 = 20.4918… → 20.49; 1,000,000.00 → 20.49 too;
 *   service 6.8306… → 6.83. June: 4 days, ABSC 4 × 20.49 = 81.96, service 4 × 6.83 = 27.32;
 *   ADNA (1,000,000.02 + 3 × 1,000,000.00) / 4 = 1,000,000.005 → 1,000,000.01 (a tie, half-up).
 * Income's first row is Sat 2024-06-29 (a weekend row is that day's figure): the class begins that
 *   day. 7,320,000.00 → 150.00 and 50.00 a day: June 2 days (29, 30) = 300.00 / 100.00; Mon Jul 1
 *   1 day = 150.00 / 50.00. A row for Wed Jul 3 without Tue Jul 2 is refused on its line.
 */
describe('a first row on a Saturday begins the class; the average rounds a half cent up', () => {
  const { dir, db, file } = workArea('small');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, [
      'net-assets',
      'import',
      file(
        'a.csv',
        csv('date,portfolio,class,net_assets', [
          `2024-06-27,${GROWTH},C,1000000.02`,
          `2024-06-28,${GROWTH},C,1000000.00`,
          `2024-06-29,${INCOME},C,7320000.00`,
          `2024-07-01,${INCOME},C,7320000.00`,
        ]),
      ),
    ]);
  });

  it('June and July to the cent', async () => {
    const res = await ok(db, ['fees', '--from', '2024-06-01', '--to', '2024-07-01', '--json']);
    expect(
      (res.classes as Record<string, unknown>[]).map((c) => [
        c.portfolio,
        c.month,
        c.days,
        c.averageDailyNetAssets,
        c.distributionFee,
        c.serviceFee,
      ]),
    ).toEqual([
      [GROWTH, '2024-06', 4, '1000000.01', '81.96', '27.32'],
      [INCOME, '2024-06', 2, '7320000.00', '300.00', '100.00'],
      [INCOME, '2024-07', 1, '7320000.00', '150.00', '50.00'],
    ]);
  });

  it('a missing business day is refused naming the class and the date', async () => {
    const res = await cli(db, [
      'net-assets',
      'import',
      file('b.csv', csv('date,portfolio,class,net_assets', [`2024-07-03,${INCOME},C,7320000.00`])),
      '--json',
    ]);
    expect(res.code).toBe(65);
    expect(res.json<{ error: { problems: Record<string, unknown>[] } }>().error.problems).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'date',
        value: '2024-07-02',
        reason: expect.stringContaining('Zenith Income Fund class C on 2024-07-02'),
      }),
    ]);
  });
});
