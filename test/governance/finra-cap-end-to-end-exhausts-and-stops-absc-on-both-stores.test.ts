import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { ProblemsError } from '../../src/errors.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { finraCapReport } from '../../src/reports/finraCapReport.js';
import { whatIfReport } from '../../src/reports/whatIfReport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadGrossSales, loadPrimeRates } from '../../src/store/finraCapRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Worked by hand. AIM Value Fund class C (Sixth A&R Master Distribution Plan: ABSC 0.75%, service
 * 0.25%, so a service fee is paid and the cap is 6.25% of new gross sales). Net assets are
 * 3,650,000.00 every day: ABSC 3,650,000.00 × 0.75% / 365 = 75.00 a day, service fee 25.00 a day.
 * Prime is 2.65%, so interest is 3.65% a year = 0.01% a day of the opening remaining amount.
 *
 * 2025-01 (31 d): gross sales 160,000.00 → + 10,000.00; interest 0; ABSC 31 × 75 = 2,325.00
 *                 → 7,675.00
 * 2025-02 (28 d): interest 7,675.00 × 0.0028 = 21.49; deferred (CDSC) 50.00; ABSC 2,100.00
 *                 → 7,675.00 + 21.49 − 50.00 − 2,100.00 = 5,546.49
 * 2025-03 (31 d): interest 5,546.49 × 0.0031 = 17.194119 → 17.19; ABSC 2,325.00
 *                 → 5,546.49 + 17.19 − 2,325.00 = 3,238.68
 * 2025-04 (30 d): interest 3,238.68 × 0.0030 = 9.71604 → 9.72; ABSC 2,250.00
 *                 → 3,238.68 + 9.72 − 2,250.00 = 998.40
 * 2025-05 (31 d): interest 998.40 × 0.0031 = 3.09504 → 3.10; room 1,001.50: days 1–13 pay
 *                 13 × 75 = 975.00, day 14 pays the 26.50 left, days 15–31 nothing
 *                 → allowed 1,001.50 of 2,325.00 accrued (1,323.50 cut); remaining 0;
 *                 the ABSC stops on 2025-05-14
 * 2025-06 … 2026-05: remaining 0, no sales, no interest: ABSC allowed 0 (2025-08's CDSC of
 *                 120.00 is credited to the fund, not counted)
 * 2026-06 (30 d): gross sales 16,000.00 → + 1,000.00: days 1–13 pay 975.00, day 14 pays 25.00
 *                 → allowed 1,000.00, remaining 0 again
 * 2026-07 … 2026-12: 0. Twenty-four months, 2025-01 … 2026-12 (no leap day: 75.00 every day).
 */
const NA = '3650000.00';
const netAssets = () =>
  Buffer.from(
    [
      'date,portfolio,class,net_assets',
      ...businessDaysBetween('2024-12-31', '2026-12-31').map((d) => `${d},AIM Value Fund,C,${NA}`),
    ].join('\n'),
  );
const grossSales = Buffer.from(
  [
    'month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges',
    '2025-01,AIM Value Fund,C,160000.00,,',
    '2025-02,AIM Value Fund,C,0.00,,50.00',
    '2025-08,AIM Value Fund,C,0.00,,120.00',
    '2026-06,AIM Value Fund,C,16000.00,,',
  ].join('\n'),
);
const prime = Buffer.from('effective_date,prime_rate\n2024-12-19,2.65\n');

describe.skipIf(!seedsAvailable).each(dialects)('FINRA 2341 aggregate cap end to end on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => ['002_', '003_'].some((w) => f.fileName.includes(w))),
    );
    await importNetAssets(db, 'na.csv', netAssets());
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('without gross sales there is no ledger and no stop', async () => {
    const fees = await db.transaction((q) =>
      feesReport(q, { from: '2025-05-01', to: '2025-05-31', class: 'C' }),
    );
    // 31 × 75.00 = 2,325.00
    expect(fees.classes[0]).toMatchObject({ distributionFee: '2325.00', serviceFee: '775.00' });
    expect(fees.warnings.filter((w) => /FINRA/.test(w))).toEqual([]);
  });

  it('bad feed rows are refused with file, line and field, and nothing is written', async () => {
    const auditBefore = (await loadAuditLog(db)).length;
    const bad = Buffer.from(
      [
        'month,portfolio,class,gross_sales,deferred_sales_charges',
        '2024-13,AIM Value Fund,C,100.00,', // line 2: not a month
        '2024-01,No Such Fund,C,100.00,', // line 3: unknown portfolio
        '2024-02,AIM Value Fund,C,-5.00,', // line 4: negative
        '2024-03,AIM Value Fund,C,100.00,', // fine
        '2024-03,AIM Value Fund,C,200.00,', // line 6: the same month twice
      ].join('\n'),
    );
    const e = await importGrossSales(db, 'gs.csv', bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemsError);
    const where = (e as ProblemsError).problems.map((p) => [p.file, p.line, p.field]);
    expect(where).toEqual([
      ['gs.csv', 2, 'month'],
      ['gs.csv', 3, 'portfolio'],
      ['gs.csv', 4, 'gross_sales'],
      ['gs.csv', 6, 'gross_sales'],
    ]);
    const badPrime = Buffer.from('effective_date,prime_rate\n2024-02-30,3.25\n2024-03-01,3.25%\n');
    const p = await importPrimeRate(db, 'prime.csv', badPrime).catch((x: unknown) => x);
    expect((p as ProblemsError).problems.map((x) => [x.line, x.field])).toEqual([
      [2, 'effective_date'],
      [3, 'prime_rate'],
    ]);
    // Class B's deferred sales charges are the CDSCs of plan12b's own ledger: the feed may not state them
    const classB = await importGrossSales(
      db,
      'gs-b.csv',
      Buffer.from(
        'month,portfolio,class,gross_sales,deferred_sales_charges\n2025-01,AIM Aggressive Growth Fund,B,1000.00,5.00\n',
      ),
    ).catch((x: unknown) => x);
    expect((classB as ProblemsError).problems).toEqual([
      expect.objectContaining({ file: 'gs-b.csv', line: 2, field: 'deferred_sales_charges' }),
    ]);
    expect(await db.transaction((q) => loadGrossSales(q))).toEqual([]);
    expect(await db.transaction((q) => loadPrimeRates(q))).toEqual([]);
    expect((await loadAuditLog(db)).length).toBe(auditBefore);
  });

  it('the ledger month by month, as worked by hand', async () => {
    await importPrimeRate(db, 'prime.csv', prime);
    const first = await importGrossSales(db, 'gs.csv', grossSales);
    expect(first).toMatchObject({ inserted: 4, unchanged: 0 });
    // the same file again changes nothing
    expect(await importGrossSales(db, 'gs.csv', grossSales)).toMatchObject({ inserted: 0, unchanged: 4 });

    const r = await db.transaction((q) => finraCapReport(q, { class: 'c', through: '2026-12' }));
    expect(r.months).toHaveLength(24);
    const m = (month: string) => r.months.find((x) => x.month === month)!;
    expect(m('2025-01')).toMatchObject({
      capPct: '6.25',
      capAddition: '10000.00',
      interest: '0.00',
      abscAccrued: '2325.00',
      abscAllowed: '2325.00',
      remaining: '7675.00',
    });
    expect(m('2025-02')).toMatchObject({
      interest: '21.49',
      frontEndAndDeferred: '50.00',
      remaining: '5546.49',
    });
    expect(m('2025-03')).toMatchObject({ interest: '17.19', remaining: '3238.68' });
    expect(m('2025-04')).toMatchObject({ interest: '9.72', remaining: '998.40' });
    expect(m('2025-05')).toMatchObject({
      interest: '3.10',
      abscAccrued: '2325.00',
      abscAllowed: '1001.50',
      abscNotAccrued: '1323.50',
      remaining: '0.00',
      exhausted: true,
    });
    expect(m('2025-08')).toMatchObject({
      frontEndAndDeferred: '0.00',
      deferredCreditedToFund: '120.00',
      abscAllowed: '0.00',
    });
    expect(m('2026-06')).toMatchObject({ capAddition: '1000.00', abscAllowed: '1000.00', remaining: '0.00' });
    expect(m('2026-12')).toMatchObject({ abscAccrued: '2325.00', abscAllowed: '0.00' });
    // the current state at 2026-12: exhausted since 2026-06-14 (day 14 of June paid the 25.00
    // left); the first exhaustion, ended when June's sales made room from 2026-06-01, is history
    expect(r.classes).toEqual([
      expect.objectContaining({
        portfolio: 'AIM Value Fund',
        class: 'C',
        exhaustedOn: '2026-06-14',
        exhaustions: [
          { from: '2025-05-14', resumedOn: '2026-06-01' },
          { from: '2026-06-14', resumedOn: null },
        ],
        remaining: '0.00',
      }),
    ]);
    expect(r.warnings.join('\n')).toMatch(/exhausted on 2025-05-14/);
    expect(r.warnings.join('\n')).toMatch(/120\.00 of deferred sales charges .* credited to the fund/);
  });

  it('the fees stop accruing the ABSC from the exhaustion, with a warning; the service fee goes on', async () => {
    const fees = await db.transaction((q) =>
      feesReport(q, { from: '2025-04-01', to: '2025-06-30', class: 'C', daily: true }),
    );
    const month = (mm: string) => fees.classes.find((c) => c.month === mm)!;
    expect(month('2025-04')).toMatchObject({ distributionFee: '2250.00', serviceFee: '750.00' });
    // 2025-05: 1,001.50 allowed of 2,325.00; service 31 × 25.00 = 775.00; total 1,776.50
    expect(month('2025-05')).toMatchObject({
      distributionFee: '1001.50',
      serviceFee: '775.00',
      totalFee: '1776.50',
    });
    expect(month('2025-06')).toMatchObject({ distributionFee: '0.00', serviceFee: '750.00' });
    const day = (d: string) => fees.daily!.find((x) => x.date === d)!;
    expect(day('2025-05-13').distributionFee).toBe('75.00');
    expect(day('2025-05-14').distributionFee).toBe('26.50');
    expect(day('2025-05-15').distributionFee).toBe('0.00');
    // 1,323.50 (May) + 2,250.00 (June) = 3,573.50 not accrued
    expect(fees.warnings.join('\n')).toMatch(/exhausted on 2025-05-14;.*3573\.50 not accrued/);
  });

  it('PLAN12B_FINRA_CAP_STOP=warn leaves the fees as accrued, still warning', async () => {
    process.env.PLAN12B_FINRA_CAP_STOP = 'warn';
    try {
      const fees = await db.transaction((q) =>
        feesReport(q, { from: '2025-05-01', to: '2025-05-31', class: 'C' }),
      );
      expect(fees.classes[0]).toMatchObject({ distributionFee: '2325.00' });
      expect(fees.warnings.join('\n')).toMatch(/1323\.50 of the asset-based sales charge .* over the cap/);
    } finally {
      delete process.env.PLAN12B_FINRA_CAP_STOP;
    }
  });

  it('what-if shows the effect of another rate on the cap, computed from the recorded year (2025)', async () => {
    const whatIf = (distributionFeePct: string) =>
      db.transaction((q) =>
        whatIfReport(q, { portfolio: 'AIM Value Fund', class: 'C', distributionFeePct, from: '2026-01-01' }),
      );
    // At 0.50%: ABSC 3,650,000.00 × 0.50% / 365 = 50.00 a day.
    // 2025-01: + 10,000.00 − 31 × 50 = 8,450.00
    // 2025-02: interest 8,450.00 × 0.0028 = 23.66; − 50.00 deferred − 1,400.00 → 7,023.66
    // 2025-03: interest 7,023.66 × 0.0031 = 21.773346 → 21.77; − 1,550.00 → 5,495.43
    // 2025-04: interest 5,495.43 × 0.0030 = 16.48629 → 16.49; − 1,500.00 → 4,011.92
    // 2025-05: interest 4,011.92 × 0.0031 = 12.436952 → 12.44; − 1,550.00 → 2,474.36
    // 2025-06: interest 2,474.36 × 0.0030 = 7.42308 → 7.42; − 1,500.00 → 981.78
    // 2025-07: interest 981.78 × 0.0031 = 3.043518 → 3.04; room 984.82: days 1–19 pay 950.00,
    //          day 20 pays 34.82 → exhausted on 2025-07-20 instead of 2025-05-14
    const half = await whatIf('0.50');
    expect(half.finraCap).toEqual({
      remaining: { before: '0.00', after: '0.00', difference: '0.00' },
      exhaustedOn: { before: '2025-05-14', after: '2025-07-20' },
    });
    // At 0.10%: 10.00 a day, never exhausted in 2025:
    // 01: 10,000.00 − 310.00 = 9,690.00            02: + 27.13 − 50.00 − 280.00 = 9,387.13
    // 03: + 29.10 − 310.00 = 9,106.23              04: + 27.32 − 300.00 = 8,833.55
    // 05: + 27.38 − 310.00 = 8,550.93              06: + 25.65 − 300.00 = 8,276.58
    // 07: + 25.66 − 310.00 = 7,992.24              08: + 24.78 − 120.00 − 310.00 = 7,587.02
    // 09: + 22.76 − 300.00 = 7,309.78              10: + 22.66 − 310.00 = 7,022.44
    // 11: + 21.07 − 300.00 = 6,743.51              12: + 20.90 − 310.00 = 6,454.41
    const tenth = await whatIf('0.10');
    expect(tenth.finraCap).toEqual({
      remaining: { before: '0.00', after: '6454.41', difference: '6454.41' },
      exhaustedOn: { before: '2025-05-14', after: null },
    });
  });

  it('a Board-set distribution fee above 0.75% is refused (FINRA 2341(d))', async () => {
    await expect(
      setBoardRate(db, {
        portfolio: 'AIM Value Fund',
        class: 'C',
        effectiveDate: '2026-01-02',
        distributionFeePct: '0.80',
        serviceFeePct: null,
        reason: null,
      }),
    ).rejects.toMatchObject({ code: 'REFUSED' });
  });
});
