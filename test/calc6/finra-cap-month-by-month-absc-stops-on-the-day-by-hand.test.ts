import { beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../support/databases.js';
import { csv, GROWTH, INCOME, type Json, netAssetsRows, ok, PLAN_TEXT, workArea } from './support/zenith.js';

/**
 * SPEC §10, FINRA Rule 2341(d)(2): the aggregate cap per class, month by month, worked by hand.
 * Zenith Growth Fund class C under the Plan alone (ABSC 0.75%, service fee 0.25% — a service fee is
 * paid, so the cap is 6.25% of new gross sales). Net assets 36,600,000.00 from Tue 2024-01-02 (the
 * class begins then): ABSC 36,600,000 × 0.75 / 100 / 366 = 750.00 a day, service 250.00.
 * Prime rate 8.50% from 2023-07-27 and 8.00% from 2024-02-02 (synthetic): each month takes the rate
 * in force on its first day, so February's interest is at 8.50% + 1% = 9.50%.
 *
 * 2024-01: opening 0.00; sales 480,000.08 × 6.25% = 30,000.005 → 30,000.01 (half-up); no interest
 *          on a zero opening; ABSC Jan 2–31 = 30 × 750.00 = 22,500.00, all allowed;
 *          remaining 7,500.01 — it covers 7,500.01 / 22,500.00 = 0.33… → "0.3" months (< 3: warned).
 * 2024-02: opening 7,500.01; sales 0.00; interest 7,500.01 × 9.50% × 29 / 365 = 56.6096… → 56.61;
 *          room 7,556.62: Feb 1–10 = 10 × 750.00 = 7,500.00, Sun Feb 11 pays the 56.62 left, Feb 12–29
 *          nothing: allowed 7,556.62 of 29 × 750.00 = 21,750.00 (14,193.38 not accrued); remaining 0.00,
 *          exhausted on 2024-02-11.
 * 2024-03: opening 0.00 (no interest); sales 16,000.00 × 6.25% = 1,000.00: Mar 1 pays 750.00 (in full:
 *          the first exhaustion ends, resumed on 2024-03-01), Mar 2 the 250.00 left (exhausted again
 *          from 2024-03-02); allowed 1,000.00 of 23,250.00; remaining 0.00.
 * 2024-04: nothing: allowed 0.00 of 30 × 750.00 = 22,500.00.
 * The service fee is never cut: February 29 × 250.00 = 7,250.00.
 *
 * Zenith Income Fund class C, the Board setting its service fee at 0.00% from 2024-01-02 (no
 * service fee paid → 7.25%); net assets 7,320,000.00 from 2024-01-02: ABSC × 0.75 / 100 / 366 = 150.00.
 * 2024-01: 100,000.00 × 7.25% = 7,250.00; ABSC 30 × 150.00 = 4,500.00; remaining 2,750.00.
 * 2024-02: interest 2,750.00 × 9.50% × 29 / 365 = 20.7568… → 20.76; room 2,770.76: Feb 1–18 =
 *          18 × 150.00 = 2,700.00, Mon Feb 19 pays 70.76; allowed 2,770.76 of 4,350.00 (1,579.24 not
 *          accrued); exhausted on 2024-02-19.
 */
describe.each(dialects)(
  'FINRA cap by hand: month by month, the ABSC stops on the day the room runs out (%s)',
  (dialect) => {
    const { dir, file } = workArea('finra');
    let db = '';
    beforeAll(async () => {
      db = (await freshDatabase(dialect, dir)).target;
      await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
      await ok(db, [
        'net-assets',
        'import',
        file(
          'na.csv',
          csv('date,portfolio,class,net_assets', [
            ...netAssetsRows(GROWTH, '2024-01-02', '2024-04-30', () => '36600000.00'),
            ...netAssetsRows(INCOME, '2024-01-02', '2024-02-29', () => '7320000.00'),
          ]),
        ),
      ]);
      await ok(db, [
        'rates',
        'set',
        '--portfolio',
        INCOME,
        '--class',
        'C',
        '--from',
        '2024-01-02',
        '--service-fee',
        '0.00',
      ]);
      await ok(db, [
        'prime-rate',
        'import',
        file(
          'prime.csv',
          csv('effective_date,prime_rate,source', ['2023-07-27,8.50,synthetic', '2024-02-02,8.00,synthetic']),
        ),
      ]);
      await ok(db, [
        'gross-sales',
        'import',
        file(
          'sales.csv',
          csv('month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges', [
            `2024-01,${GROWTH},C,480000.08,,`,
            `2024-02,${GROWTH},C,0.00,,`,
            `2024-03,${GROWTH},C,16000.00,,`,
            `2024-04,${GROWTH},C,0.00,,`,
            `2024-01,${INCOME},C,100000.00,,`,
            `2024-02,${INCOME},C,0.00,,`,
          ]),
        ),
      ]);
    });

    it('the ledger month by month', async () => {
      const res = await ok(db, [
        'finra-cap',
        '--class',
        'C',
        '--portfolio',
        GROWTH,
        '--through',
        '2024-04',
        '--json',
      ]);
      const cols = [
        'month',
        'opening',
        'newGrossSales',
        'capPct',
        'capAddition',
        'primeRatePct',
        'interest',
        'abscAccrued',
        'abscAllowed',
        'abscNotAccrued',
        'remaining',
        'exhausted',
      ];
      expect((res.months as Record<string, unknown>[]).map((m) => cols.map((c) => m[c]))).toEqual([
        [
          '2024-01',
          '0.00',
          '480000.08',
          '6.25',
          '30000.01',
          '8.50',
          '0.00',
          '22500.00',
          '22500.00',
          '0.00',
          '7500.01',
          false,
        ],
        [
          '2024-02',
          '7500.01',
          '0.00',
          '6.25',
          '0.00',
          '8.50',
          '56.61',
          '21750.00',
          '7556.62',
          '14193.38',
          '0.00',
          true,
        ],
        [
          '2024-03',
          '0.00',
          '16000.00',
          '6.25',
          '1000.00',
          '8.00',
          '0.00',
          '23250.00',
          '1000.00',
          '22250.00',
          '0.00',
          true,
        ],
        [
          '2024-04',
          '0.00',
          '0.00',
          '6.25',
          '0.00',
          '8.00',
          '0.00',
          '22500.00',
          '0.00',
          '22500.00',
          '0.00',
          true,
        ],
      ]);
      expect(res.classes).toEqual([
        expect.objectContaining({
          portfolio: GROWTH,
          firstMonth: '2024-01',
          remaining: '0.00',
          exhausted: true,
          exhaustedOn: '2024-03-02',
          exhaustions: [
            { from: '2024-02-11', resumedOn: '2024-03-01' },
            { from: '2024-03-02', resumedOn: null },
          ],
          abscMonthsCovered: null,
        }),
      ]);
    });

    it('through January: 0.3 months of ABSC left, warned', async () => {
      const res = await ok(db, [
        'finra-cap',
        '--class',
        'C',
        '--portfolio',
        GROWTH,
        '--through',
        '2024-01',
        '--json',
      ]);
      expect(res.classes[0]).toMatchObject({
        remaining: '7500.01',
        exhausted: false,
        exhaustedOn: null,
        abscMonthsCovered: '0.3',
      });
      expect(res.warnings).toContainEqual(expect.stringMatching(/7500\.01, covers 0\.3 months/));
    });

    it('fees: the distribution fee stops on the day, the service fee does not', async () => {
      const days = await ok(db, [
        'fees',
        '--from',
        '2024-02-10',
        '--to',
        '2024-02-12',
        '--daily',
        '--portfolio',
        GROWTH,
        '--json',
      ]);
      expect(
        (days.daily as Record<string, string>[]).map((d) => [d.date, d.distributionFee, d.serviceFee]),
      ).toEqual([
        ['2024-02-10', '750.00', '250.00'],
        ['2024-02-11', '56.62', '250.00'],
        ['2024-02-12', '0.00', '250.00'],
      ]);
      const months = await ok(db, [
        'fees',
        '--from',
        '2024-01-01',
        '--to',
        '2024-04-30',
        '--portfolio',
        GROWTH,
        '--json',
      ]);
      expect(
        (months.classes as Record<string, unknown>[]).map((c) => [
          c.month,
          c.days,
          c.distributionFee,
          c.serviceFee,
        ]),
      ).toEqual([
        ['2024-01', 30, '22500.00', '7500.00'],
        ['2024-02', 29, '7556.62', '7250.00'],
        ['2024-03', 31, '1000.00', '7750.00'],
        ['2024-04', 30, '0.00', '7500.00'],
      ]);
      const mar = await ok(db, [
        'fees',
        '--from',
        '2024-03-01',
        '--to',
        '2024-03-03',
        '--daily',
        '--portfolio',
        GROWTH,
        '--json',
      ]);
      expect((mar.daily as Record<string, string>[]).map((d) => d.distributionFee)).toEqual([
        '750.00',
        '250.00',
        '0.00',
      ]);
    });

    it('no service fee paid: 7.25% of new gross sales', async () => {
      const res = await ok(db, [
        'finra-cap',
        '--class',
        'C',
        '--portfolio',
        INCOME,
        '--through',
        '2024-02',
        '--json',
      ]);
      const cols = [
        'month',
        'opening',
        'capPct',
        'capAddition',
        'interest',
        'abscAccrued',
        'abscAllowed',
        'remaining',
      ];
      expect((res.months as Record<string, unknown>[]).map((m) => cols.map((c) => m[c]))).toEqual([
        ['2024-01', '0.00', '7.25', '7250.00', '0.00', '4500.00', '4500.00', '2750.00'],
        ['2024-02', '2750.00', '7.25', '0.00', '20.76', '4350.00', '2770.76', '0.00'],
      ]);
      expect(res.classes[0]).toMatchObject({ exhaustedOn: '2024-02-19' });
      const days = await ok(db, [
        'fees',
        '--from',
        '2024-02-18',
        '--to',
        '2024-02-20',
        '--daily',
        '--portfolio',
        INCOME,
        '--json',
      ]);
      expect(
        (days.daily as Record<string, string>[]).map((d) => [d.date, d.distributionFee, d.serviceFee]),
      ).toEqual([
        ['2024-02-18', '150.00', '0.00'],
        ['2024-02-19', '70.76', '0.00'],
        ['2024-02-20', '0.00', '0.00'],
      ]);
    });

    /**
     * SPEC §12 with the cap: close 2024-01 … 2024-03 (Income's feed stops in February: accepted as
     * ended in the March close), then restate Growth's Fri 2024-01-26 (carried Sat 27, Sun 28) from
     * 36,600,000.00 to 43,920,000.00: × 0.75 / 100 / 366 = 900.00, × 0.25 … = 300.00.
     *  2024-01: ABSC +150.00 × 3 = +450.00 (all within January's room: 22,950.00 ≤ 30,000.01),
     *           service +50.00 × 3 = +150.00; remaining 30,000.01 − 22,950.00 = 7,050.01.
     *  2024-02: interest 7,050.01 × 9.50% × 29 / 365 = 53.2130… → 53.21; room 7,103.22 (was
     *           7,556.62): the ABSC allowed −453.40 (the 450.00 used in January and 3.40 less
     *           interest) — reported as an adjustment of 2024-02 though February was not restated.
     *  2024-03: opening 0.00 either way: no change.
     * The April close reports +450.00 / +150.00 for 2024-01 and −453.40 / 0.00 for 2024-02.
     */
    it('a restated closed month moves the cap room of the later closed months', async () => {
      await ok(db, ['close', '--month', '2024-01']);
      await ok(db, ['close', '--month', '2024-02']);
      await ok(db, ['close', '--month', '2024-03', '--accept-ended', `${INCOME}:C`]);
      await ok(db, [
        'net-assets',
        'import',
        '--restate',
        file('restate.csv', csv('date,portfolio,class,net_assets', [`2024-01-26,${GROWTH},C,43920000.00`])),
      ]);
      const cap = await ok(db, [
        'finra-cap',
        '--class',
        'C',
        '--portfolio',
        GROWTH,
        '--through',
        '2024-03',
        '--json',
      ]);
      expect(
        cap.months.map((m: Json) => [m.month, m.interest, m.abscAccrued, m.abscAllowed, m.remaining]),
      ).toEqual([
        ['2024-01', '0.00', '22950.00', '22950.00', '7050.01'],
        ['2024-02', '53.21', '21750.00', '7103.22', '0.00'],
        ['2024-03', '0.00', '23250.00', '1000.00', '0.00'],
      ]);
      const april = await ok(db, ['close', '--month', '2024-04', '--json']);
      const since = await ok(db, [
        'fees',
        '--from',
        '2024-01-01',
        '--to',
        '2024-03-31',
        '--portfolio',
        GROWTH,
        '--json',
      ]);
      const adjustments = since.closedMonths.flatMap((m: Json) =>
        m.adjustmentsSince
          .filter((a: Json) => a.kind === 'fees')
          .map((a: Json) => [m.month, a.reportedIn, a.distributionFee, a.serviceFee]),
      );
      expect(adjustments).toEqual([
        ['2024-01', '2024-04', '450.00', '150.00'],
        ['2024-02', '2024-04', '-453.40', '0.00'],
      ]);
      // the journal of April pays the Distributor April's fees with both adjustments: April's ABSC is
      // 0.00 (the cap is exhausted), so the distribution fee paid is 450.00 − 453.40 = −3.40
      const journal = april.parts.journal.lines.filter(
        (l: Json) => l.entry.startsWith('PPA-') && l.portfolio === GROWTH,
      );
      expect(
        journal
          .filter((l: Json) => l.account.startsWith('12b-1 distribution fee'))
          .map((l: Json) => [l.debit, l.credit]),
      ).toEqual(
        expect.arrayContaining([
          ['450.00', '0.00'],
          ['0.00', '453.40'],
        ]),
      );
    });

    /**
     * 2024-05 (Growth's feed has stopped: no ABSC): sales 32,000.00 × 6.25% = 2,000.00, front-end
     * charges 500.00, deferred charges 2,000.00. Sales and front-end first: 0.00 + 2,000.00 − 500.00
     * = 1,500.00 of room, so 1,500.00 of the deferred charges count and 500.00 are credited to the
     * fund; remaining 0.00.
     */
    it('deferred sales charges beyond the room are credited to the fund', async () => {
      await ok(db, [
        'gross-sales',
        'import',
        file(
          'sales-may.csv',
          csv('month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges', [
            `2024-05,${GROWTH},C,32000.00,500.00,2000.00`,
          ]),
        ),
      ]);
      const res = await ok(db, [
        'finra-cap',
        '--class',
        'C',
        '--portfolio',
        GROWTH,
        '--through',
        '2024-05',
        '--json',
      ]);
      const may = res.months.find((m: Json) => m.month === '2024-05');
      expect([
        may.opening,
        may.capAddition,
        may.interest,
        may.frontEndAndDeferred,
        may.deferredCreditedToFund,
        may.abscAllowed,
        may.remaining,
      ]).toEqual(['0.00', '2000.00', '0.00', '2000.00', '500.00', '0.00', '0.00']);
    });
  },
);
