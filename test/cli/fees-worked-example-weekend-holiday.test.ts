import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * AIM Value Fund Class C under the Sixth A&R Master Distribution Plan of AIM Funds Group (seed
 * 002: 0.75% asset-based sales charge, 0.25% service fee), January 2007 — 365-day year.
 *
 * Net assets: 36,500,000.00 every business day, except Friday Jan 12 = 40,150,000.00 and
 * Wednesday Jan 31 = 36,500,730.00. Jan 1 (New Year's Day) and Jan 2 (closed: national day of
 * mourning for President Ford) carry forward Friday Dec 29's row; Jan 12 carries over Saturday 13,
 * Sunday 14 and Monday 15 (Martin Luther King Day).
 *
 *   36,500,000.00 × 0.75% / 365 = 750.00        × 0.25% / 365 = 250.00      (26 days)
 *   40,150,000.00 × 0.75% / 365 = 825.00        × 0.25% / 365 = 275.00      (4 days: Jan 12–15)
 *   36,500,730.00 × 0.75% / 365 = 750.015 → 750.02 (half-up)
 *                 × 0.25% / 365 = 250.005 → 250.01 (half-up)          (Jan 31)
 *   distribution = 26 × 750.00 + 4 × 825.00 + 750.02 = 23,550.02
 *   service      = 26 × 250.00 + 4 × 275.00 + 250.01 =  7,850.01
 *   ADNA = (26 × 36,500,000.00 + 4 × 40,150,000.00 + 36,500,730.00) / 31
 *        = 1,146,100,730.00 / 31 = 36,970,991.290… → 36,970,991.29
 */
describe.skipIf(!seedsAvailable)('plan12b fees: a worked month with a weekend and holidays', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-fees-'));
  const db = join(dir, 'db');
  // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
  beforeAll(() => freshDatabase('pglite', dir), 120_000);

  it('matches the worked example to the cent', async () => {
    const plan = seedFiles().find((f) => f.includes('002_'))!;
    expect((await runCliInProcess(['--db', db, 'exhibit', 'import', plan])).code).toBe(0);
    const rows = ['date,portfolio,class,net_assets', '2006-12-29,AIM Value Fund,C,36500000.00'];
    for (const day of businessDaysBetween('2007-01-01', '2007-01-31')) {
      const na = day === '2007-01-12' ? '40150000.00' : day === '2007-01-31' ? '36500730.00' : '36500000.00';
      rows.push(`${day},AIM Value Fund,C,${na}`);
    }
    expect(rows.some((r) => r.startsWith('2007-01-02'))).toBe(false);
    expect(rows.some((r) => r.startsWith('2007-01-15'))).toBe(false);
    const csv = join(dir, 'na.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const imp = await runCliInProcess(['--db', db, 'net-assets', 'import', csv, '--json']);
    expect(imp.code).toBe(0);

    const res = await runCliInProcess([
      '--db',
      db,
      'fees',
      '--from',
      '2007-01-01',
      '--to',
      '2007-01-31',
      '--json',
    ]);
    expect(res.code).toBe(0);
    expect(res.json<{ classes: unknown[] }>().classes).toEqual([
      {
        portfolio: 'AIM Value Fund',
        portfolioId: 'aim-value-fund',
        class: 'C',
        month: '2007-01',
        days: 31,
        averageDailyNetAssets: '36970991.29',
        distributionFee: '23550.02',
        serviceFee: '7850.01',
        totalFee: '31400.03',
      },
    ]);

    const daily = await runCliInProcess([
      '--db',
      db,
      'fees',
      '--from',
      '2007-01-12',
      '--to',
      '2007-01-16',
      '--daily',
      '--json',
    ]);
    const days = daily.json<{ daily: { date: string; netAssets: string; distributionFee: string }[] }>()
      .daily;
    expect(days.map((d) => [d.date, d.netAssets, d.distributionFee])).toEqual([
      ['2007-01-12', '40150000.00', '825.00'],
      ['2007-01-13', '40150000.00', '825.00'],
      ['2007-01-14', '40150000.00', '825.00'],
      ['2007-01-15', '40150000.00', '825.00'],
      ['2007-01-16', '36500000.00', '750.00'],
    ]);

    // --out names the CSV's file with --json as without it (the JSON still printed)
    const out = join(dir, 'journal-2007-01.csv');
    const journal = await runCliInProcess([
      '--db',
      db,
      'journal',
      '--month',
      '2007-01',
      '--json',
      '--out',
      out,
    ]);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(
      'date,entry,account,portfolio,class,debit,credit,memo',
    );
    const j = journal.json<{
      paymentDate: string;
      totalDebits: string;
      totalCredits: string;
      lines: { entry: string }[];
    }>();
    // 10th NYSE business day after 2007-01-31: Feb 1,2,5,6,7,8,9,12,13,14 (Presidents' Day is Feb 19).
    expect(j.paymentDate).toBe('2007-02-14');
    // 31 days × two fees accrued, plus the payment: debits = 2 × 31,400.03
    expect(j.totalDebits).toBe('62800.06');
    expect(j.totalCredits).toBe(j.totalDebits);

    const csvOut = await runCliInProcess([
      '--db',
      db,
      'fees',
      '--from',
      '2007-01-01',
      '--to',
      '2007-01-31',
      '--csv',
    ]);
    expect(csvOut.stdout.split('\n')[0]).toBe(
      'portfolio,class,month,days,averageDailyNetAssets,distributionFee,serviceFee,totalFee',
    );
    expect(csvOut.stdout.split('\n')[1]).toBe(
      'AIM Value Fund,C,2007-01,31,36970991.29,23550.02,7850.01,31400.03',
    );
  });
});
