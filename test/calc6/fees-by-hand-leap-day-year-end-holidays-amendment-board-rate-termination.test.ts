import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/databases.js';
import {
  AMENDMENT_1_TEXT,
  businessDays,
  cli,
  csv,
  GROWTH,
  INCOME,
  type Json,
  netAssetsRows,
  ok,
  PLAN_TEXT,
  workArea,
} from './support/zenith.js';

/**
 * SPEC §4, worked by hand (a calculator for the long divisions, never plan12b's output), through
 * the CLI's own imports and `fees --json`. The complex is support/zenith.ts: Class C plan effective
 * 2023-01-03 (Growth and Income: ABSC 0.75%, service 0.25%), Amendment No. 1 effective 2024-02-15
 * (Growth ABSC 0.50%). daily fee = round_half_up(NA × rate% / 100 / Y), Y = 366 in 2024, 365 in
 * 2023 and 2025; a non-business day takes the latest earlier row.
 *
 * GROWTH (first row Fri 2023-12-01). Rows on every business day (holidays listed by hand in
 * support/zenith.ts); figures 36,500,000.00 in 2023 and 2025, 36,600,000.00 in 2024, except:
 *   Fri 2023-12-29  36,500,730.00  (carried over Sat 30, Sun 31 and Mon 2024-01-01, New Year's Day)
 *   Wed 2024-02-14  36,600,732.00   Thu 2024-02-29 (leap day) 36,600,732.00
 *   Thu 2024-03-28  36,600,488.00  (carried over Good Friday 29, Sat 30, Sun 31)
 *   Tue 2024-06-18  36,600,366.00  (carried over Juneteenth, Wed 19)
 *   Wed 2025-01-08  36,500,365.00  (carried over Thu 2025-01-09, the closure)
 * Per-day fees:
 *   36,500,000 × 0.75 / 100 / 365 = 750.00        × 0.25 … / 365 = 250.00
 *   36,600,000 × 0.75 / 100 / 366 = 750.00        × 0.50 … = 500.00     × 0.25 … = 250.00
 *   36,500,730 / 365: 0.75 → 750.015 → 750.02 (a tie, half-up); 0.25 → 250.005 → 250.01
 *   36,500,730 / 366 (Jan 1 2024): 0.75 → 747.9657… → 747.97; 0.25 → 249.3219… → 249.32
 *   36,600,732 / 366: 0.75 → 750.015 → 750.02; 0.50 → 500.01; 0.25 → 250.005 → 250.01
 *   36,600,488 / 366: 0.50 → 500.00666… → 500.01; 0.25 → 250.00333… → 250.00
 *   36,600,366 / 366: 0.50 → 500.005 → 500.01; 0.25 → 250.0025 → 250.00
 *   36,500,365 / 365: 0.50 → 500.005 → 500.01; 0.25 → 250.0025 → 250.00
 *   36,600,000 / 365 (Wed 2025-01-01 takes Tue 2024-12-31's row): 0.50 → 501.3698… → 501.37;
 *                                                              0.25 → 250.6849… → 250.68
 *
 *   2023-12: 28 × 750.00 + 3 × 750.02 = 23,250.06;  28 × 250.00 + 3 × 250.01 = 7,750.03
 *            ADNA (28 × 36,500,000 + 3 × 36,500,730) / 31 = 36,500,070.645… → 36,500,070.65
 *   2024-01: 30 × 750.00 + 747.97 = 23,247.97;       30 × 250.00 + 249.32 = 7,749.32
 *            ADNA (30 × 36,600,000 + 36,500,730) / 31 = 36,596,797.741… → 36,596,797.74
 *   2024-02: Feb 1–14 at 0.75% (Amendment No. 1 governs from Feb 15, the latest effective date):
 *            13 × 750.00 + 750.02; Feb 15–29 at 0.50%: 14 × 500.00 + 500.01
 *            = 9,750.00 + 750.02 + 7,000.00 + 500.01 = 18,000.03
 *            service 27 × 250.00 + 2 × 250.01 = 7,250.02
 *            ADNA (27 × 36,600,000 + 2 × 36,600,732) / 29 = 36,600,050.482… → 36,600,050.48
 *   2024-03: 27 × 500.00 + 4 × 500.01 = 15,500.04;   31 × 250.00 = 7,750.00
 *            ADNA (27 × 36,600,000 + 4 × 36,600,488) / 31 = 36,600,062.967… → 36,600,062.97
 *   2024-06: 28 × 500.00 + 2 × 500.01 = 15,000.02;   30 × 250.00 = 7,500.00
 *            ADNA (28 × 36,600,000 + 2 × 36,600,366) / 30 = 36,600,024.40
 *   2025-01: 501.37 + 28 × 500.00 + 2 × 500.01 = 15,501.39;  250.68 + 30 × 250.00 = 7,750.68
 *            ADNA (36,600,000 + 28 × 36,500,000 + 2 × 36,500,365) / 31 = 36,503,249.354… → 36,503,249.35
 *
 * INCOME begins mid-month: first row Wed 2023-12-13 (Dec 1–12 accrue nothing). 7,300,000.00 in
 * 2023, 7,320,000.00 in 2024. The Board sets its ABSC at 0.60% (below the 0.75% maximum) from
 * Wed 2024-01-10; the Plan is terminated for it from Wed 2024-03-20 (Plan §9: nothing on or after),
 * rows continuing to Fri 03-22 (they accrue nothing).
 *   7,300,000 / 365: 0.75 → 150.00, 0.25 → 50.00.  7,300,000 / 366 (Jan 1 2024 takes Dec 29):
 *   0.75 → 149.5901… → 149.59; 0.25 → 49.8633… → 49.86.  7,320,000 / 366: 0.75 → 150.00,
 *   0.60 → 120.00, 0.25 → 50.00.
 *   2023-12: 19 days (13–31): 19 × 150.00 = 2,850.00; 19 × 50.00 = 950.00; ADNA 7,300,000.00
 *   2024-01: 149.59 + 8 × 150.00 (Jan 2–9) + 22 × 120.00 (Jan 10–31) = 3,989.59;
 *            49.86 + 30 × 50.00 = 1,549.86; ADNA (7,300,000 + 30 × 7,320,000) / 31 = 7,319,354.838… → 7,319,354.84
 *   2024-02: 29 × 120.00 = 3,480.00 (the Board rate survives the amendment: 0.60% is under its
 *            0.75% maximum); 29 × 50.00 = 1,450.00
 *   2024-03: 19 days (1–19): 19 × 120.00 = 2,280.00; 19 × 50.00 = 950.00; ADNA 7,320,000.00
 */
describe('fees by hand: leap day, year end, holidays, amendment and Board rate mid-month, termination', () => {
  const { dir, db, file } = workArea('fees');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, ['exhibit', 'import', file('amendment-1.txt', AMENDMENT_1_TEXT)]);
    const base = (d: string) => (d.startsWith('2024') ? '36600000.00' : '36500000.00');
    const growth = netAssetsRows(GROWTH, '2023-12-01', '2025-01-31', base, {
      '2023-12-29': '36500730.00',
      '2024-02-14': '36600732.00',
      '2024-02-29': '36600732.00',
      '2024-03-28': '36600488.00',
      '2024-06-18': '36600366.00',
      '2025-01-08': '36500365.00',
    });
    const income = netAssetsRows(INCOME, '2023-12-13', '2024-03-22', (d) =>
      d.startsWith('2024') ? '7320000.00' : '7300000.00',
    );
    await ok(db, [
      'rates',
      'set',
      '--portfolio',
      INCOME,
      '--class',
      'C',
      '--from',
      '2024-01-10',
      '--distribution-fee',
      '0.60',
    ]);
    await ok(db, [
      'terminate',
      '--portfolio',
      INCOME,
      '--class',
      'C',
      '--date',
      '2024-03-20',
      '--by',
      'trustees',
    ]);
    await ok(db, [
      'net-assets',
      'import',
      file('na.csv', csv('date,portfolio,class,net_assets', [...growth, ...income])),
    ]);
  });

  it('the hand-listed holidays are the only weekdays without a row', () => {
    expect(businessDays('2024-03-25', '2024-04-01')).toEqual([
      '2024-03-25',
      '2024-03-26',
      '2024-03-27',
      '2024-03-28',
      '2024-04-01',
    ]);
    expect(businessDays('2024-06-17', '2024-06-21')).not.toContain('2024-06-19');
    expect(businessDays('2025-01-06', '2025-01-10')).toEqual([
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-01-10',
    ]);
  });

  it('Dec 2023 to Mar 2024: every class and month to the cent', async () => {
    const res = await ok(db, ['fees', '--from', '2023-12-01', '--to', '2024-03-31', '--json']);
    const rows = (res.classes as Record<string, unknown>[]).map((r) => [
      r.portfolio,
      r.month,
      r.days,
      r.averageDailyNetAssets,
      r.distributionFee,
      r.serviceFee,
      r.totalFee,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [GROWTH, '2023-12', 31, '36500070.65', '23250.06', '7750.03', '31000.09'],
        [GROWTH, '2024-01', 31, '36596797.74', '23247.97', '7749.32', '30997.29'],
        [GROWTH, '2024-02', 29, '36600050.48', '18000.03', '7250.02', '25250.05'],
        [GROWTH, '2024-03', 31, '36600062.97', '15500.04', '7750.00', '23250.04'],
        [INCOME, '2023-12', 19, '7300000.00', '2850.00', '950.00', '3800.00'],
        [INCOME, '2024-01', 31, '7319354.84', '3989.59', '1549.86', '5539.45'],
        [INCOME, '2024-02', 29, '7320000.00', '3480.00', '1450.00', '4930.00'],
        [INCOME, '2024-03', 19, '7320000.00', '2280.00', '950.00', '3230.00'],
      ]),
    );
    expect(rows).toHaveLength(8);
    // the rows of Mar 20–22 accrue nothing: the termination is named, from its first day
    expect(res.warnings).toEqual([
      expect.stringMatching(/^Zenith Income Fund class C: from 2024-03-20: .*Plan §9/),
    ]);
  });

  it('the days around the year end, the amendment and Good Friday, day by day', async () => {
    const res = await ok(db, [
      'fees',
      '--from',
      '2023-12-29',
      '--to',
      '2024-01-02',
      '--daily',
      '--json',
      '--portfolio',
      GROWTH,
    ]);
    const days = (res.daily as Record<string, string>[]).map((d) => [
      d.date,
      d.netAssets,
      d.distributionFee,
      d.serviceFee,
    ]);
    expect(days).toEqual([
      ['2023-12-29', '36500730.00', '750.02', '250.01'],
      ['2023-12-30', '36500730.00', '750.02', '250.01'],
      ['2023-12-31', '36500730.00', '750.02', '250.01'],
      ['2024-01-01', '36500730.00', '747.97', '249.32'],
      ['2024-01-02', '36600000.00', '750.00', '250.00'],
    ]);
    const feb = await ok(db, [
      'fees',
      '--from',
      '2024-02-14',
      '--to',
      '2024-02-15',
      '--daily',
      '--json',
      '--portfolio',
      GROWTH,
    ]);
    expect(
      (feb.daily as Record<string, string>[]).map((d) => [d.date, d.distributionFeePct, d.distributionFee]),
    ).toEqual([
      ['2024-02-14', '0.75', '750.02'],
      ['2024-02-15', '0.50', '500.00'],
    ]);
    const mar = await ok(db, [
      'fees',
      '--from',
      '2024-03-28',
      '--to',
      '2024-04-01',
      '--daily',
      '--json',
      '--portfolio',
      GROWTH,
    ]);
    expect(
      (mar.daily as Record<string, string>[]).map((d) => [d.date, d.netAssets, d.distributionFee]),
    ).toEqual([
      ['2024-03-28', '36600488.00', '500.01'],
      ['2024-03-29', '36600488.00', '500.01'],
      ['2024-03-30', '36600488.00', '500.01'],
      ['2024-03-31', '36600488.00', '500.01'],
      ['2024-04-01', '36600000.00', '500.00'],
    ]);
  });

  it('Juneteenth 2024 and the closure of 2025-01-09 carry the day before', async () => {
    const res = await ok(db, ['fees', '--from', '2024-06-01', '--to', '2024-06-30', '--json']);
    expect(res.classes).toEqual([
      expect.objectContaining({
        portfolio: GROWTH,
        month: '2024-06',
        days: 30,
        averageDailyNetAssets: '36600024.40',
        distributionFee: '15000.02',
        serviceFee: '7500.00',
      }),
    ]);
    const jan = await ok(db, ['fees', '--from', '2025-01-01', '--to', '2025-01-31', '--json']);
    expect(jan.classes).toEqual([
      expect.objectContaining({
        portfolio: GROWTH,
        month: '2025-01',
        days: 31,
        averageDailyNetAssets: '36503249.35',
        distributionFee: '15501.39',
        serviceFee: '7750.68',
        totalFee: '23252.07',
      }),
    ]);
  });

  it('a Board rate above the governing maximum is refused, and nothing changes', async () => {
    // from 2024-03-01 Amendment No. 1 governs Growth: ABSC maximum 0.50% → 0.55% refused;
    // on 2024-01-10 the Plan's 0.75% maximum governs → 0.76% refused
    for (const [from, pct] of [
      ['2024-03-01', '0.55'],
      ['2024-01-10', '0.76'],
    ] as const) {
      const res = await cli(db, [
        'rates',
        'set',
        '--portfolio',
        GROWTH,
        '--class',
        'C',
        '--from',
        from,
        '--distribution-fee',
        pct,
        '--json',
      ]);
      expect(res.code, res.stdout).toBe(68);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(
        /^rate refused: distribution fee above the maximum of Schedule A/,
      );
    }
    const rates = await ok(db, ['rates', 'list', '--json']);
    expect(rates.rates).toHaveLength(1); // Income's 0.60% only
    const res = await ok(db, [
      'fees',
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
      '--portfolio',
      GROWTH,
      '--json',
    ]);
    expect(res.classes[0].distributionFee).toBe('15500.04');
  });

  /**
   * what-if over the recorded year 2024 (the 12 months before 2025-01), Growth at ABSC 0.25% and
   * service 0.20% from 2024-01-01. Before (as recorded, from the months above):
   *   ABSC 23,247.97 + 18,000.03 + 15,500.04 + Apr–Dec 275 days × 500.00 + 0.02 (Jun 18–19)
   *        = 194,248.06;  service 7,749.32 + 7,250.02 + 7,750.00 + 275 × 250.00 = 91,499.34
   * After: ABSC 0.25% = what the 0.25% service fee was: 91,499.34 (365 × 250.00 + Jan 1 249.32 +
   *   0.01 on Feb 14 and Feb 29); service 0.20%: 36,600,000 → 200.00 a day; Jan 1 36,500,730 ×
   *   0.20 / 100 / 366 = 199.4575… → 199.46; the other special days round to 200.00 (36,600,732 →
   *   200.004, 36,600,488 → 200.0026…, 36,600,366 → 200.002): 365 × 200.00 + 199.46 = 73,199.46.
   * Class C: the Distributor takes the distribution fee and keeps the service fee (no providers).
   */
  it('what-if: the year 2024 at 0.25% / 0.20%', async () => {
    const res = await ok(db, [
      'what-if',
      '--portfolio',
      GROWTH,
      '--class',
      'C',
      '--distribution-fee',
      '0.25',
      '--service-fee',
      '0.20',
      '--from',
      '2025-01-01',
      '--json',
    ]);
    expect(res.year).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
    expect(res.fees).toEqual({
      distributionFee: { before: '194248.06', after: '91499.34', difference: '-102748.72' },
      serviceFee: { before: '91499.34', after: '73199.46', difference: '-18299.88' },
      totalFee: { before: '285747.40', after: '164698.80', difference: '-121048.60' },
    });
    expect(res.payees.map((p: Json) => [p.role, p.component, p.before, p.after, p.difference])).toEqual([
      ['Distributor', 'distribution fee', '194248.06', '91499.34', '-102748.72'],
      ['Distributor', 'service fee retained', '91499.34', '73199.46', '-18299.88'],
    ]);
  });
});
