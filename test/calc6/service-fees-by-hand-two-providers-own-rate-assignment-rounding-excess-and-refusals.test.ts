import { beforeAll, describe, expect, it } from 'vitest';
import {
  distributorServiceFeeShare,
  ServiceFeeShortfall,
} from '../../src/service-fees/distributorServiceFeeShare.js';
import { freshDatabase } from '../support/databases.js';
import {
  AMENDMENT_1_TEXT,
  businessDays,
  cli,
  csv,
  GROWTH,
  netAssetsRows,
  ok,
  PLAN_TEXT,
  workArea,
} from './support/zenith.js';

/**
 * SPEC §5 (Plan §4, §10), worked by hand through the CLI. Zenith Growth Fund class C (support/
 * zenith.ts: service fee 0.25%), net assets 36,600,000.00 every business day of April and May
 * 2024 (Y = 366): the class's service fee is 36,600,000 × 0.25 / 100 / 366 = 250.00 a day.
 *
 * Providers (agreements dated 2024-01-02 unless said):
 *   DLR-1 dealer, no own rate → 0.25%.  April 14,640,000.00: × 0.25/100/366 = 100.00 a day.
 *         May 18,300,732.00: × 0.25/100/366 = 125.005 → 125.01 (a tie, half-up).
 *   BNK-1 bank, own rate 0.15% (the lowest of 0.25%, the class's 0.25% and 0.15%): 7,320,000.00
 *         × 0.15/100/366 = 30.00 a day; assigned on Tue 2024-04-16 (Plan §10(b): terminates
 *         automatically, effective that date) → in force Apr 1–15 only, though its customers
 *         still hold 7,320,000.00 through Apr 30.
 *   DLR-2 dealer, agreement dated 2024-05-01. May 18,299,268.00 (with DLR-1's, exactly the
 *         class's 36,600,000.00): × 0.25/100/366 = 124.995 → 125.00 (a tie, half-up).
 *
 * April: DLR-1 30 × 100.00 = 3,000.00; BNK-1 15 × 30.00 = 450.00 (rate 0.15, ADNA 7,320,000.00);
 *        class 30 × 250.00 = 7,500.00; Distributor keeps 7,500.00 − 3,450.00 = 4,050.00.
 * May:   DLR-1 31 × 125.01 = 3,875.31; DLR-2 31 × 125.00 = 3,875.00; Σ 7,750.31 against the class's
 *        31 × 250.00 = 7,750.00: the providers, holding the whole class, round up by 0.01 a day in
 *        all — 0.31 over 31 days, within one cent per provider-day (2 × 31 = 62 cents) — so the
 *        Distributor's part is −0.31, reported as such.
 * Payment dates (10th NYSE business day after month end): April → May 1,2,3,6,7,8,9,10,13,14 →
 *        2024-05-14; May → June 3,4,5,6,7,10,11,12,13,14 → 2024-06-14 (Juneteenth comes after).
 *
 * June (net assets 36,600,000.00 through Fri Jun 28; Juneteenth skipped): the Board sets the class's
 * service fee at 0.20% from Mon 2024-06-17 → 36,600,000 × 0.20/100/366 = 200.00 a day. Providers at
 * the lowest of 0.25%, the class's rate and their own: DLR-1 14,640,000.00 → 100.00 (0.25%) then
 * 80.00 (0.20%); DLR-2 7,320,000.00 → 50.00 then 40.00; DLR-4 (agreement dated Wed 2024-06-12, its
 * customers holding 3,660,000.00 from Jun 3) → 25.00 then 20.00, from Jun 12 only.
 *   class: 16 × 250.00 + 14 × 200.00 = 4,000.00 + 2,800.00 = 6,800.00
 *   (Sat Jun 1 and Sun Jun 2 carry Fri May 31's rows: DLR-1 125.01, DLR-2 125.00 a day)
 *   DLR-1: 2 × 125.01 + 14 × 100.00 = 1,650.02 at 0.25 + 14 × 80.00 = 1,120.00 at 0.20 = 2,770.02
 *   DLR-2: 2 × 125.00 + 14 × 50.00 = 950.00 at 0.25 + 14 × 40.00 = 560.00 at 0.20 = 1,510.00
 *   DLR-4: Jun 12–16 5 × 25.00 = 125.00 + 14 × 20.00 = 280.00 = 405.00
 *   Distributor keeps 6,800.00 − 4,685.02 = 2,114.98; paid July 1,2,3,5,8,9,10,11,12,15 → 2024-07-15.
 */
describe('service fees by hand: two providers, an own rate, an assignment, rounding excess, refusals', () => {
  const { dir, db, file } = workArea('svc');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, ['exhibit', 'import', file('amendment-1.txt', AMENDMENT_1_TEXT)]);
    await ok(db, [
      'net-assets',
      'import',
      file(
        'na.csv',
        csv(
          'date,portfolio,class,net_assets',
          netAssetsRows(GROWTH, '2024-04-01', '2024-06-28', () => '36600000.00'),
        ),
      ),
    ]);
    await ok(db, [
      'providers',
      'import',
      file(
        'providers.csv',
        csv('id,name,kind,agreement_date,own_rate_pct,terminated_on', [
          'DLR-1,Dealer One Securities,dealer,2024-01-02,,',
          'BNK-1,Second National Bank,bank,2024-01-02,0.15,',
          'DLR-2,Dealer Two Securities,dealer,2024-05-01,,',
          'DLR-3,Dealer Three Securities,dealer,2024-05-01,,',
          'DLR-4,Dealer Four Securities,dealer,2024-06-12,,',
        ]),
      ),
    ]);
    const assets = [
      ...businessDays('2024-04-01', '2024-04-30').map((d) => `${d},DLR-1,${GROWTH},C,14640000.00`),
      ...businessDays('2024-05-01', '2024-05-31').map((d) => `${d},DLR-1,${GROWTH},C,18300732.00`),
      ...businessDays('2024-04-01', '2024-04-30').map((d) => `${d},BNK-1,${GROWTH},C,7320000.00`),
      ...businessDays('2024-05-01', '2024-05-31').map((d) => `${d},DLR-2,${GROWTH},C,18299268.00`),
      ...businessDays('2024-06-03', '2024-06-28').map((d) => `${d},DLR-1,${GROWTH},C,14640000.00`),
      ...businessDays('2024-06-03', '2024-06-28').map((d) => `${d},DLR-2,${GROWTH},C,7320000.00`),
      ...businessDays('2024-06-03', '2024-06-28').map((d) => `${d},DLR-4,${GROWTH},C,3660000.00`),
    ];
    await ok(db, [
      'provider-assets',
      'import',
      file('assets.csv', csv('date,provider,portfolio,class,net_assets', assets)),
    ]);
    await ok(db, [
      'rates',
      'set',
      '--portfolio',
      GROWTH,
      '--class',
      'C',
      '--from',
      '2024-06-17',
      '--service-fee',
      '0.20',
    ]);
    await ok(db, [
      'providers',
      'assign',
      '--provider',
      'BNK-1',
      '--date',
      '2024-04-16',
      '--to',
      'Third Bank',
    ]);
  });

  it('April: each provider at its rate and days, the Distributor keeps the rest', async () => {
    const res = await ok(db, ['service-fees', '--month', '2024-04', '--json']);
    expect(res.paymentDate).toBe('2024-05-14');
    const byId = Object.fromEntries(
      (res.providers as { id: string; amount: string; classes: unknown[] }[]).map((p) => [p.id, p]),
    );
    expect(byId['DLR-1']).toMatchObject({
      amount: '3000.00',
      classes: [
        expect.objectContaining({
          days: 30,
          averageDailyNetAssets: '14640000.00',
          ratePct: '0.25',
          amount: '3000.00',
        }),
      ],
    });
    expect(byId['BNK-1']).toMatchObject({
      amount: '450.00',
      terminationEffective: '2024-04-16',
      classes: [
        expect.objectContaining({
          days: 15,
          averageDailyNetAssets: '7320000.00',
          ratePct: '0.15',
          amount: '450.00',
        }),
      ],
    });
    // DLR-2 and DLR-3: agreements from May, not in force in April
    expect(Object.keys(byId).sort()).toEqual(['BNK-1', 'DLR-1']);
    expect(res.classes).toEqual([
      expect.objectContaining({
        portfolio: GROWTH,
        class: 'C',
        serviceFee: '7500.00',
        providerFees: '3450.00',
        distributorRetained: '4050.00',
      }),
    ]);
  });

  it('May: the providers round up past the class fee by 0.31, the Distributor shown at -0.31', async () => {
    const res = await ok(db, ['service-fees', '--month', '2024-05', '--json']);
    expect(res.paymentDate).toBe('2024-06-14');
    const amounts = Object.fromEntries(
      (res.providers as { id: string; amount: string }[]).map((p) => [p.id, p.amount]),
    );
    expect(amounts).toMatchObject({ 'DLR-1': '3875.31', 'DLR-2': '3875.00' });
    expect(res.classes).toEqual([
      expect.objectContaining({
        serviceFee: '7750.00',
        providerFees: '7750.31',
        distributorRetained: '-0.31',
      }),
    ]);
    expect(res.totals).toEqual({
      serviceFee: '7750.00',
      providerFees: '7750.31',
      distributorRetained: '-0.31',
    });
  });

  it('June: the class rate changes mid-month, one line per rate; an agreement from mid-month', async () => {
    const res = await ok(db, ['service-fees', '--month', '2024-06', '--json']);
    expect(res.paymentDate).toBe('2024-07-15');
    const lines = (res.providers as { id: string; amount: string; classes: Record<string, unknown>[] }[])
      .filter((p) => p.amount !== '0.00')
      .map((p) => [
        p.id,
        p.amount,
        // one line per rate (their order is not the point: sorted by rate, highest first)
        p.classes
          .map((c) => [c.days, c.ratePct, c.amount])
          .sort((a, b) => String(b[1]).localeCompare(String(a[1]))),
      ]);
    expect(lines).toEqual([
      [
        'DLR-1',
        '2770.02',
        [
          [16, '0.25', '1650.02'],
          [14, '0.20', '1120.00'],
        ],
      ],
      [
        'DLR-2',
        '1510.00',
        [
          [16, '0.25', '950.00'],
          [14, '0.20', '560.00'],
        ],
      ],
      [
        'DLR-4',
        '405.00',
        [
          [5, '0.25', '125.00'],
          [14, '0.20', '280.00'],
        ],
      ],
    ]);
    expect(res.classes).toEqual([
      expect.objectContaining({
        serviceFee: '6800.00',
        providerFees: '4685.02',
        distributorRetained: '2114.98',
      }),
    ]);
  });

  it('assets above the class net assets are refused on their file, line and field, nothing written', async () => {
    // alone above: 36,600,000.01 > 36,600,000.00 on Fri 2024-05-31 (line 2)
    const alone = file(
      'above.csv',
      csv('date,provider,portfolio,class,net_assets', [`2024-05-31,DLR-3,${GROWTH},C,36600000.01`]),
    );
    const a = await cli(db, ['--actor', 'calc6', 'provider-assets', 'import', alone, '--json']);
    expect(a.code).toBe(65);
    expect(a.stdout + a.stderr).toMatch(/above\.csv:2/);
    expect(a.stdout + a.stderr).toMatch(/net_assets/);
    expect(a.stdout + a.stderr).toMatch(/36600000\.01/);
    // the sum above: DLR-1 18,300,732.00 + DLR-2 18,299,268.00 + DLR-3 1.00 = 36,600,001.00 > 36,600,000.00
    const sum = file(
      'sum.csv',
      csv('date,provider,portfolio,class,net_assets', [`2024-05-31,DLR-3,${GROWTH},C,1.00`]),
    );
    const s = await cli(db, ['--actor', 'calc6', 'provider-assets', 'import', sum, '--json']);
    expect(s.code).toBe(65);
    expect(s.stdout + s.stderr).toMatch(/sum\.csv:2/);
    // nothing written: May is as before, DLR-3 paid 0.00
    const may = await ok(db, ['service-fees', '--month', '2024-05', '--json']);
    expect(may.classes[0].providerFees).toBe('7750.31');
  });

  it('a rounding excess of one cent per provider-day passes, one more is an error', () => {
    // 2 providers × 31 days = 62 provider-days: −0.62 allowed, −0.63 refused
    expect(distributorServiceFeeShare('g|C', '2024-05', 775000n, 775062n, 62)).toBe(-62n);
    expect(() => distributorServiceFeeShare('g|C', '2024-05', 775000n, 775063n, 62)).toThrow(
      ServiceFeeShortfall,
    );
  });
});
