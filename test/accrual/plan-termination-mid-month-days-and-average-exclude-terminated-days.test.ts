import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §4: "No accrual … on or after its termination date (Plan §9)"; a month's days and its
 * average daily net assets are over the days that accrue ("over the covered days"), and a provider
 * earns only on days the class accrues its service fee (SPEC §5).
 *
 * AIM Value Fund Class C under the Sixth A&R plan of AIM Funds Group (seed 002: ABSC 0.75%,
 * service 0.25%), March 2007 (365-day year; no NYSE holiday in March 2007). The Board terminates
 * the Plan for the class from Friday 2007-03-16. Net assets 36,500,000.00 on Mar 1–15 and
 * 73,000,000.00 from Mar 16; DLR-1's customers hold 14,600,000.00 all month.
 *   distribution fee: 36,500,000.00 × 0.75% / 365 = 750.00 a day, Mar 1–15 (15 days) = 11,250.00
 *   service fee:      36,500,000.00 × 0.25% / 365 = 250.00 a day                      =  3,750.00
 *   days 15 (not 31); ADNA = 15 × 36,500,000.00 / 15 = 36,500,000.00 (counting the terminated days
 *   it would be (15 × 36.5M + 16 × 73M) / 31 = 55,338,709.68)
 *   DLR-1: 14,600,000.00 × 0.25% / 365 = 100.00 a day × 15 = 1,500.00, one line at 0.25% for 15
 *   days — no line at 0.00% for the terminated days.
 */
describe.skipIf(!seedsAvailable)('a Plan §9 termination mid-month', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-termination-days-'));
  const db = join(dir, 'db');
  beforeAll(() => freshDatabase('pglite', dir), 120_000);
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const days = businessDaysBetween('2007-03-01', '2007-03-30');

  it('counts neither the days nor the net assets on or after the termination date', async () => {
    const run = async (args: string[]) => {
      const r = await runCliInProcess(['--db', db, ...args]);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    await run(['exhibit', 'import', seedFiles().find((f) => f.includes('002_'))!]);
    await run([
      'net-assets',
      'import',
      file('na.csv', [
        'date,portfolio,class,net_assets',
        ...days.map((d) => `${d},AIM Value Fund,C,${d < '2007-03-16' ? '36500000.00' : '73000000.00'}`),
      ]),
    ]);
    await run([
      'providers',
      'import',
      file('providers.csv', [
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-1,Dealer One Securities,dealer,2006-01-01,,',
      ]),
    ]);
    await run([
      'provider-assets',
      'import',
      file('assets.csv', [
        'date,provider,portfolio,class,net_assets',
        ...days.map((d) => `${d},DLR-1,AIM Value Fund,C,14600000.00`),
      ]),
    ]);
    await run([
      'terminate',
      '--portfolio',
      'AIM Value Fund',
      '--class',
      'C',
      '--date',
      '2007-03-16',
      '--by',
      'trustees',
    ]);

    const fees = (await run(['fees', '--from', '2007-03-01', '--to', '2007-03-31', '--json'])).json<{
      classes: Record<string, unknown>[];
      warnings: string[];
    }>();
    expect(fees.classes).toEqual([
      {
        portfolio: 'AIM Value Fund',
        portfolioId: 'aim-value-fund',
        class: 'C',
        month: '2007-03',
        days: 15,
        averageDailyNetAssets: '36500000.00',
        distributionFee: '11250.00',
        serviceFee: '3750.00',
        totalFee: '15000.00',
      },
    ]);
    // The termination is said once, as itself — not also as days "no instrument" covers.
    expect(fees.warnings.join('\n')).toMatch(/the Plan was terminated .* from 2007-03-16/);
    expect(fees.warnings.join('\n')).not.toMatch(/no instrument covering/);

    const service = (await run(['service-fees', '--month', '2007-03', '--json'])).json<{
      providers: { id: string; amount: string; classes: Record<string, unknown>[] }[];
      classes: Record<string, unknown>[];
    }>();
    expect(service.providers.map((p) => [p.id, p.amount, p.classes])).toEqual([
      [
        'DLR-1',
        '1500.00',
        [
          {
            portfolio: 'AIM Value Fund',
            portfolioId: 'aim-value-fund',
            class: 'C',
            days: 15,
            averageDailyNetAssets: '14600000.00',
            ratePct: '0.25',
            amount: '1500.00',
          },
        ],
      ],
    ]);
    // 3,750.00 − 1,500.00 = 2,250.00 for the Distributor
    expect(service.classes).toEqual([
      {
        portfolio: 'AIM Value Fund',
        portfolioId: 'aim-value-fund',
        class: 'C',
        serviceFee: '3750.00',
        providerFees: '1500.00',
        distributorRetained: '2250.00',
        providers: 1,
      },
    ]);
  });
});
