import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/databases.js';
import {
  AMENDMENT_1_TEXT,
  businessDays,
  csv,
  GROWTH,
  INCOME,
  netAssetsRows,
  ok,
  PLAN_TEXT,
  planAmendmentText,
  workArea,
} from './support/zenith.js';

/**
 * SPEC §2, §4, §5 (Plan §9): two ways a class stops accruing mid-month, and the service providers'
 * fees stopping with it. Worked by hand.
 *
 * Amendment No. 2, effective Fri 2024-03-15, replaces Schedule A with Zenith Growth Fund alone:
 * Zenith Income Fund is no longer covered from that day ("deleted in its entirety and replaced").
 * Zenith Growth Fund class C is terminated from Thu 2024-03-21 (Plan §9).
 * Net assets (2024, Y = 366): Income 7,320,000.00 Mar 1–22 (→ ABSC 0.75% 150.00, service 50.00 a
 * day); Growth 36,600,000.00 Mar 1–28 (→ ABSC 0.50% 500.00, service 250.00 a day).
 * DLR-1 (dealer, 0.25%): Income 3,660,000.00 Mar 1–22 (→ 25.00 a day), Growth 14,640,000.00 Mar
 * 1–28 (→ 100.00 a day).
 *
 *   Income: Mar 1–14 = 14 days: ABSC 14 × 150.00 = 2,100.00; service 14 × 50.00 = 700.00;
 *           DLR-1 14 × 25.00 = 350.00; the Distributor keeps 350.00.
 *   Growth: Mar 1–20 = 20 days: ABSC 20 × 500.00 = 10,000.00; service 20 × 250.00 = 5,000.00;
 *           DLR-1 20 × 100.00 = 2,000.00; the Distributor keeps 3,000.00.
 *   DLR-1 in all 2,350.00.
 */
describe('a portfolio dropped by an amendment and a class terminated mid-month', () => {
  const { dir, db, file } = workArea('ended');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, ['exhibit', 'import', file('amendment-1.txt', AMENDMENT_1_TEXT)]);
    await ok(db, [
      'exhibit',
      'import',
      file('amendment-2.txt', planAmendmentText(2, 'March 15, 2024', [[GROWTH, '0.50', '0.25', '0.75']])),
    ]);
    await ok(db, [
      'terminate',
      '--portfolio',
      GROWTH,
      '--class',
      'C',
      '--date',
      '2024-03-21',
      '--by',
      'trustees',
    ]);
    await ok(db, [
      'net-assets',
      'import',
      file(
        'na.csv',
        csv('date,portfolio,class,net_assets', [
          ...netAssetsRows(INCOME, '2024-03-01', '2024-03-22', () => '7320000.00'),
          ...netAssetsRows(GROWTH, '2024-03-01', '2024-03-28', () => '36600000.00'),
        ]),
      ),
    ]);
    await ok(db, [
      'providers',
      'import',
      file(
        'providers.csv',
        csv('id,name,kind,agreement_date,own_rate_pct,terminated_on', [
          'DLR-1,Dealer One Securities,dealer,2024-01-02,,',
        ]),
      ),
    ]);
    await ok(db, [
      'provider-assets',
      'import',
      file(
        'assets.csv',
        csv('date,provider,portfolio,class,net_assets', [
          ...businessDays('2024-03-01', '2024-03-22').map((d) => `${d},DLR-1,${INCOME},C,3660000.00`),
          ...businessDays('2024-03-01', '2024-03-28').map((d) => `${d},DLR-1,${GROWTH},C,14640000.00`),
        ]),
      ),
    ]);
  });

  it('fees stop on the day each class is no longer covered', async () => {
    const res = await ok(db, ['fees', '--from', '2024-03-01', '--to', '2024-03-31', '--json']);
    expect(res.warnings).toEqual([
      expect.stringMatching(/^Zenith Growth Fund class C: from 2024-03-21: .*Plan §9/),
      // Fri Mar 22's row carries over the weekend: Mar 15 … 24 hold net assets no instrument covers
      'Zenith Income Fund class C: net assets but no instrument covering 2024-03-15 … 2024-03-24; no fees accrued',
    ]);
    expect(
      (res.classes as Record<string, unknown>[]).map((c) => [
        c.portfolio,
        c.days,
        c.averageDailyNetAssets,
        c.distributionFee,
        c.serviceFee,
      ]),
    ).toEqual([
      [GROWTH, 20, '36600000.00', '10000.00', '5000.00'],
      [INCOME, 14, '7320000.00', '2100.00', '700.00'],
    ]);
  });

  it('the provider is paid only for the days its class accrues', async () => {
    const res = await ok(db, ['service-fees', '--month', '2024-03', '--json']);
    expect(res.paymentDate).toBe('2024-04-12');
    expect(
      res.providers.map((p: { id: string; amount: string; classes: Record<string, unknown>[] }) => [
        p.id,
        p.amount,
        p.classes.map((c) => [c.portfolio, c.days, c.amount]),
      ]),
    ).toEqual([
      [
        'DLR-1',
        '2350.00',
        [
          [GROWTH, 20, '2000.00'],
          [INCOME, 14, '350.00'],
        ],
      ],
    ]);
    expect(
      res.classes.map((c: Record<string, string>) => [
        c.portfolio,
        c.serviceFee,
        c.providerFees,
        c.distributorRetained,
      ]),
    ).toEqual([
      [GROWTH, '5000.00', '2000.00', '3000.00'],
      [INCOME, '700.00', '350.00', '350.00'],
    ]);
  });
});
