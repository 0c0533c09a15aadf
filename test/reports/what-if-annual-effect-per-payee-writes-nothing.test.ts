import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import type { CliContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { whatIfMonths, whatIfReport } from '../../src/reports/whatIfReport.js';
import type { Database } from '../../src/store/database.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { fakeTerminal } from '../support/fakeTerminal.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

const AGREEMENT = '003_1b015b91f472160a.txt'; // Class B Agreement: SEVENTH(B) 0.75%, TENTH 0.25%
const FUND = 'AIM Blue Chip Fund';
const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

describe('the what-if year', () => {
  it('is the 12 months before --from’s month, or the last 12 months recorded in full', () => {
    expect(whatIfMonths({ from: '2026-01-01', lastNetAssetsDate: '2026-03-31' })).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    expect(whatIfMonths({ from: '2026-01-20', lastNetAssetsDate: '2026-03-31' })[11]).toBe('2025-12');
    // 2025-12-31 is the month's last business day: December is recorded in full
    expect(whatIfMonths({ lastNetAssetsDate: '2025-12-31' })).toEqual(
      whatIfMonths({ from: '2026-01-01', lastNetAssetsDate: '' }),
    );
    // the feed stops on 2025-12-15: the year ends with November
    expect(whatIfMonths({ lastNetAssetsDate: '2025-12-15' })[11]).toBe('2025-11');
  });
});

/**
 * AIM Blue Chip Fund Class B, net assets $3,650,000.00 every day of 2025 (from 2024-12-02), so that
 * a day's fee is NA × rate / 365 in round dollars: 0.75% → 75.00, 0.50% → 50.00, 0.25% → 25.00,
 * 0.20% → 20.00. Shares: 100,000 bought 2024-12-02 (A1), 50,000 bought 2025-06-02 (A2). Alpha
 * Funding LLC holds 50% of the Distributor's 12b-1 Share (a Transfer, notice received). Dealer One
 * Securities' customers hold $1,460,000.00 of the class (40%): 0.25% → 10.00 a day, 0.20% → 8.00.
 *
 * What if the distribution fee were 0.50% and the service fee 0.20%, over 2025 (--from 2026-01-01)?
 * Before (365 days): distribution 365 × 75.00 = 27,375.00; service 365 × 25.00 = 9,125.00.
 * After — the rate governs from 2025-01-01, and by EIGHTH(E) only shares issued on or after it pay
 * the lower rate; shares are counted at 2025-01-01 and each month end, each count governing the
 * days after it:
 *   Jan 1 – Jun 30 (181 days): every share counted was issued in 2024 → 0.75%: 181 × 75.00 = 13,575.00
 *     (A2's shares of June 2 are first counted at the June 30 close).
 *   Jul 1 – Dec 31 (184 days): 100,000 old at 0.75%, 50,000 new at 0.50%:
 *     3,650,000.00 × (0.75 × 2/3 + 0.50 × 1/3)% / 365 = 66.666… → 66.67 a day; 184 × 66.67 = 12,267.28.
 *   Distribution 13,575.00 + 12,267.28 = 25,842.28 (−1,532.72); service 365 × 20.00 = 7,300.00 (−1,825.00).
 * Payees. The 12b-1 Share is the Distributor's alone (no other distributor), half of it Alpha's,
 * split month by month by largest remainder, the odd cent to the Distributor (listed first):
 *   before: every month 75.00 × days splits evenly → 13,687.50 each.
 *   after: Jan–Jun evenly, 13,575.00 / 2 = 6,787.50 each; Jul, Aug, Oct, Dec 31 × 66.67 = 2,066.77
 *     → 1,033.39 / 1,033.38; Sep, Nov 30 × 66.67 = 2,000.10 → 1,000.05 each.
 *     Distributor 6,787.50 + 4 × 1,033.39 + 2 × 1,000.05 = 12,921.16 (−766.34);
 *     Alpha       6,787.50 + 4 × 1,033.38 + 2 × 1,000.05 = 12,921.12 (−766.38).
 *   Dealer One: 365 × 10.00 = 3,650.00 → 365 × 8.00 = 2,920.00 (−730.00).
 *   The Distributor keeps the rest of the service fee: 9,125.00 − 3,650.00 = 5,475.00 →
 *     7,300.00 − 2,920.00 = 4,380.00 (−1,095.00).
 *   Everyone: 36,500.00 → 33,142.28 (−3,357.72) = the fees.
 */
describe.skipIf(!seedsAvailable).each(dialects)('what-if on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, [{ fileName: AGREEMENT, bytes: readFileSync(join(seedsDir, AGREEMENT)) }]);
    await importAccounts(
      db,
      'accounts.csv',
      csv(['account,omnibus,dealer_of_record', 'A1,no,Dealer One', 'A2,no,Dealer One']),
    );
    await importTransactions(
      db,
      'transactions.csv',
      csv([
        'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
        `2024-12-02,T-1,A1,${FUND},B,purchase,100000.0000,24.3333,,`,
        `2025-06-02,T-2,A2,${FUND},B,purchase,50000.0000,24.3333,,`,
      ]),
    );
    await importNetAssets(
      db,
      'net-assets.csv',
      csv([
        'date,portfolio,class,net_assets',
        ...businessDaysBetween('2024-12-02', '2025-12-31').map((d) => `${d},${FUND},B,3650000.00`),
      ]),
    );
    await importTransfers(
      db,
      'transfers.csv',
      csv([
        'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
        `T1,Alpha Funding LLC,1 Main Street Wilmington DE,${FUND},50,,,,2024-12-01,2024-12-01,direct,`,
      ]),
    );
    await importProviders(
      db,
      'providers.csv',
      csv([
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-1,Dealer One Securities,dealer,2024-12-01,,',
      ]),
    );
    await importProviderAssets(
      db,
      'provider-assets.csv',
      csv([
        'date,provider,portfolio,class,net_assets',
        ...businessDaysBetween('2024-12-02', '2025-12-31').map((d) => `${d},DLR-1,${FUND},B,1460000.00`),
      ]),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('computes the annual effect on the fees and each payee by hand, and writes nothing', async () => {
    const before = await storeSnapshot(db);
    const r = await whatIfReport(db, {
      portfolio: FUND,
      class: 'B',
      distributionFeePct: '0.50',
      serviceFeePct: '0.20',
      from: '2026-01-01',
    });
    expect(await storeSnapshot(db)).toEqual(before);
    expect(r.year).toEqual({ from: '2025-01-01', to: '2025-12-31', basis: 'the 12 months before 2026-01' });
    expect(r.rates).toEqual({
      before: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
      after: { distributionFeePct: '0.50', serviceFeePct: '0.20' },
    });
    expect(r.fees).toEqual({
      distributionFee: { before: '27375.00', after: '25842.28', difference: '-1532.72' },
      serviceFee: { before: '9125.00', after: '7300.00', difference: '-1825.00' },
      totalFee: { before: '36500.00', after: '33142.28', difference: '-3357.72' },
    });
    expect(r.payees.map((p) => [p.payee, p.role, p.component, p.before, p.after, p.difference])).toEqual([
      ['Distributor', 'Distributor', 'distribution fee', '13687.50', '12921.16', '-766.34'],
      ['Distributor', 'Distributor', 'service fee retained', '5475.00', '4380.00', '-1095.00'],
      ['Alpha Funding LLC', 'Assignee', 'distribution fee', '13687.50', '12921.12', '-766.38'],
      ['Dealer One Securities', 'Service Provider', 'service fee', '3650.00', '2920.00', '-730.00'],
    ]);
    expect(r.notes.some((n) => n.includes('EIGHTH(E)') && n.includes('2025-01-01'))).toBe(true);
  });

  it('refuses a rate above FINRA Rule 2341 (68) and an unknown portfolio (66), writing nothing', async () => {
    const before = await storeSnapshot(db);
    await expect(
      whatIfReport(db, { portfolio: FUND, class: 'B', distributionFeePct: '0.80' }),
    ).rejects.toMatchObject({
      exitCode: 68,
    });
    await expect(
      whatIfReport(db, { portfolio: 'No Such Fund', class: 'B', distributionFeePct: '0.50' }),
    ).rejects.toMatchObject({
      exitCode: 66,
    });
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it.runIf(dialect === 'pglite')(
    'end to end: --csv prints the payees; a refusal is exit 68 with a JSON error',
    async () => {
      // What the command prints and writes is the subject, not how the CLI opens its store: it runs
      // on the store this file keeps open (runCliOnOpenStore, as `plan12b serve` runs a query),
      // without a PGlite start and stop per command and a reopen after.
      const args = [
        '--db',
        tdb.target,
        'what-if',
        '--portfolio',
        FUND,
        '--class',
        'B',
        '--from',
        '2026-01-01',
      ];
      // --csv and --xlsx in one run: the CSV on stdout, the workbook written (one sheet
      // definition, src/cli/commands/whatIf.ts; a run for each would compute the year twice)
      const xlsx = join(mkdtempSync(join(tmpdir(), 'plan12b-what-if-')), 'what-if.xlsx');
      const csvRun = await runCliOnOpenStore(db, [
        ...args,
        '--distribution-fee',
        '0.50',
        '--service-fee',
        '0.20',
        '--csv',
        '--xlsx',
        xlsx,
      ]);
      expect(csvRun.code, csvRun.stderr).toBe(0);
      expect(csvRun.stdout.trim().split('\n')).toEqual([
        'payee,role,component,before,after,difference',
        'Distributor,Distributor,distribution fee,13687.50,12921.16,-766.34',
        'Distributor,Distributor,service fee retained,5475.00,4380.00,-1095.00',
        'Alpha Funding LLC,Assignee,distribution fee,13687.50,12921.12,-766.38',
        'Dealer One Securities,Service Provider,service fee,3650.00,2920.00,-730.00',
      ]);
      // --xlsx: the same rows as numbers, and the totals are the fees: 36,500.00 → 33,142.28
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0]!;
      const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
      expect(row(2)).toEqual(['Payee', 'Role', 'Component', 'Before', 'After', 'Difference']);
      expect(row(3)).toEqual(['Distributor', 'Distributor', 'distribution fee', 13687.5, 12921.16, -766.34]);
      expect(row(6)).toEqual(['Dealer One Securities', 'Service Provider', 'service fee', 3650, 2920, -730]);
      expect(row(7).slice(3)).toEqual([
        { formula: 'SUM(D3:D6)', result: 36500 },
        { formula: 'SUM(E3:E6)', result: 33142.28 },
        { formula: 'SUM(F3:F6)', result: -3357.72 },
      ]);
      const refused = await runCliOnOpenStore(db, [...args, '--distribution-fee', '0.80', '--json']);
      expect(refused.code).toBe(68);
      expect(refused.stdout + refused.stderr).toMatch(/above FINRA Rule 2341/);
    },
    120_000,
  );

  it.runIf(dialect === 'pglite')(
    'tells each month of the year done: a bar on a terminal, nothing piped or under --json (SPEC §11)',
    async () => {
      // The bar is the subject: the three runs use the store this file keeps open (lent as
      // `plan12b serve` lends its store), not a PGlite start and stop each and a reopen after.
      const run = async (interactive: boolean, json: boolean) => {
        const { stream: terminal, drawn } = fakeTerminal();
        let out = '';
        const ctx: CliContext = {
          dbTarget: tdb.target,
          workload: 'query',
          out: (t) => {
            out += t.endsWith('\n') ? t : `${t}\n`;
          },
          err: () => {},
          interactive,
          progressStream: terminal,
          lendStore: (fn) => fn(db),
        };
        const argv = ['node', 'plan12b', 'what-if', '--portfolio', FUND, '--class', 'B'];
        argv.push('--distribution-fee', '0.50', '--from', '2026-01-01', ...(json ? ['--json'] : []));
        await (await buildProgram(() => ctx, argv)).parseAsync(argv);
        return { out, drawn: drawn() };
      };
      const tty = await run(true, false);
      expect(tty.drawn).toContain('what-if: months of the year');
      // the bar counts the year's 12 months: drawn at 0 and at the end (the frames between are
      // redrawn at the bar's own pace, so which of them a quick or a busy machine shows varies)
      for (const n of [0, 12]) expect(tty.drawn).toContain(`${n}/12`);
      const piped = await run(false, false);
      expect(piped.drawn).toBe('');
      expect(piped.out).toBe(tty.out);
      const ttyJson = await run(true, true);
      expect(ttyJson.drawn).toBe('');
      expect(JSON.parse(ttyJson.out).fees.distributionFee.after).toBe('25842.28');
    },
    120_000,
  );
});
