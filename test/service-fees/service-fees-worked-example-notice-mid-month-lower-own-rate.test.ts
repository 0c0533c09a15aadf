import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import {
  WORKED_EXPECTED,
  WORKED_PROVIDERS_CSV,
  workedNetAssetsCsv,
  workedProviderAssetsCsv,
} from './support/workedExample.js';

// The worked example of support/workedExample.ts, end to end through the CLI as a user runs it.
describe.skipIf(!seedsAvailable)(
  'plan12b service-fees: two providers, one terminated on notice mid-month, one at a lower own rate',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-service-fees-'));
    const db = join(dir, 'db');
    // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
    beforeAll(() => freshDatabase('pglite', dir), 120_000);
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    it('pays each provider to the cent and leaves the Distributor the rest', async () => {
      const plan = seedFiles().find((f) => f.includes('002_'))!;
      expect((await runCliInProcess(['--db', db, 'exhibit', 'import', plan])).code).toBe(0);
      expect(
        (await runCliInProcess(['--db', db, 'net-assets', 'import', file('na.csv', workedNetAssetsCsv())]))
          .code,
      ).toBe(0);
      expect(
        (
          await runCliInProcess([
            '--db',
            db,
            'providers',
            'import',
            file('providers.csv', WORKED_PROVIDERS_CSV),
          ])
        ).code,
      ).toBe(0);
      expect(
        (
          await runCliInProcess([
            '--db',
            db,
            'provider-assets',
            'import',
            file('assets.csv', workedProviderAssetsCsv()),
          ])
        ).code,
      ).toBe(0);
      const notice = await runCliInProcess([
        '--db',
        db,
        'providers',
        'terminate',
        '--provider',
        'DLR-1',
        '--notice-date',
        '2007-01-05',
        '--effective',
        '2007-01-16',
      ]);
      expect(notice.code, notice.stderr).toBe(0);

      const statements = join(dir, 'statements');
      const payments = join(dir, 'payments.csv');
      const res = await runCliInProcess([
        '--db',
        db,
        'service-fees',
        '--month',
        '2007-01',
        '--json',
        '--payments-csv',
        payments,
        '--statements',
        statements,
      ]);
      expect(res.code, res.stderr).toBe(0);
      const report = res.json<{
        month: string;
        paymentDate: string;
        providers: { id: string; amount: string; classes: unknown[]; terminationEffective: string | null }[];
        classes: unknown[];
        totals: unknown;
      }>();
      // 10th NYSE business day after 2007-01-31 (SPEC §8 convention).
      expect(report.paymentDate).toBe('2007-02-14');
      expect(report.providers.map((p) => ({ id: p.id, amount: p.amount, classes: p.classes }))).toEqual(
        WORKED_EXPECTED.providers,
      );
      expect(report.providers.find((p) => p.id === 'DLR-1')!.terminationEffective).toBe('2007-01-16');
      expect(report.classes).toEqual(WORKED_EXPECTED.classes);
      expect(report.totals).toEqual(WORKED_EXPECTED.totals);

      expect(readFileSync(payments, 'utf8')).toBe(
        [
          'provider_id,name,kind,month,amount,pay_date',
          'BNK-1,Second National Bank,bank,2007-01,1080.00,2007-02-14',
          'DLR-1,Dealer One Securities,dealer,2007-01,1500.04,2007-02-14',
          '',
        ].join('\n'),
      );
      expect(readdirSync(statements).sort()).toEqual([
        'statement-2007-01-BNK-1.csv',
        'statement-2007-01-BNK-1.pdf',
        'statement-2007-01-DLR-1.csv',
        'statement-2007-01-DLR-1.pdf',
      ]);
      expect(readFileSync(join(statements, 'statement-2007-01-DLR-1.csv'), 'utf8')).toBe(
        [
          'provider_id,provider,month,portfolio,class,days,average_daily_net_assets,rate_pct,amount,restated_month,original,restated',
          'DLR-1,Dealer One Securities,2007-01,AIM Value Fund,C,15,14600194.67,0.25,1500.04,,,',
          'DLR-1,Dealer One Securities,2007-01,Total,,,,,1500.04,,,',
          '',
        ].join('\n'),
      );
      const pdf = readFileSync(join(statements, 'statement-2007-01-DLR-1.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    });

    // Plan §10(a) "on not more than sixty (60) days' written notice": the termination takes effect
    // on the date the notice names (DLR-1 above: notice 2007-01-05, effective 2007-01-16, fees through
    // 01-15); a notice recorded with no date is taken at the latest the Plan allows, notice + 60
    // calendar days — 2007-02-01 + 60 = 2007-04-02 (27 days of February after the 1st, 31 of March,
    // 2 of April) — and says so, rather than paying up to 60 days more without a word
    it('a notice recorded without the date it names takes the latest date and says so', async () => {
      const notice = await runCliInProcess([
        '--db',
        db,
        'providers',
        'terminate',
        '--provider',
        'BNK-1',
        '--notice-date',
        '2007-02-01',
      ]);
      expect(notice.code, notice.stderr).toBe(0);
      expect(notice.stdout).toContain('agreement terminated effective 2007-04-02');
      expect(notice.stderr).toMatch(
        /^warning: no effective date given: the termination takes effect 2007-04-02, 60 days after the notice of 2007-02-01, the latest Plan §10\(a\) allows \("on not more than sixty \(60\) days' written notice", 002_1ece2ff6353a3318\.txt line 187\); .*--effective DATE/,
      );
      // the same termination again changes nothing, and warns of nothing
      const again = await runCliInProcess([
        '--db',
        db,
        'providers',
        'terminate',
        '--provider',
        'BNK-1',
        '--notice-date',
        '2007-02-01',
      ]);
      expect([again.code, again.stderr]).toEqual([0, '']);
    });
  },
);
