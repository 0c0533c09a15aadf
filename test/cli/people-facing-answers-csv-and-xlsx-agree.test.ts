import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/api/apiTokens.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { MONEY_FORMAT, PCT_FORMAT } from '../../src/reports/xlsxOut.js';
import { withActor } from '../../src/store/actor.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { runCliInProcess, runCliOnOpenStore } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';

/**
 * DEVELOPERS rule 7: `--csv` and `--xlsx FILE` wherever a person would open the answer — the
 * schedule in force, an account's lots, a month's conversions, redemptions, CDSC, the Transfers and
 * the service providers. The CSV and the workbook carry the same rows; the amounts are worked out
 * by hand from the small history written here.
 */

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

const FUND = 'AIM Basic Value Fund';

/** The feeds this file imports, as their `plan12b <feed> import` commands call them. */
const FEEDS: Record<string, (db: Database, file: string, bytes: Uint8Array) => Promise<unknown>> = {
  accounts: importAccounts,
  distributors: importDistributors,
  transactions: importTransactions,
  transfers: importTransfers,
  providers: importProviders,
  'net-assets': importNetAssets,
  'provider-assets': importProviderAssets,
  exhibit: async (db, fileName, bytes) =>
    expect((await importExhibits(db, [{ fileName, bytes }])).imported).toHaveLength(1),
};

describe.skipIf(!seedsAvailable)('people-facing answers as CSV and XLSX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-csv-xlsx-'));
  const db = join(dir, 'db');
  /**
   * A query: on the store this file keeps open between its writes (runCliOnOpenStore), the same
   * answers without a PGlite start per command; how the CLI opens a store is other files' subject.
   */
  let store: Database | undefined;
  const cli = async (...args: string[]) => {
    store ??= await openDatabase(db, { workload: 'query' });
    return runCliOnOpenStore(store, ['--db', db, ...args]);
  };
  /** A write: the CLI as a user runs it, on the store it opens (the kept one closed first). */
  const write = async (...args: string[]) => {
    await store?.close();
    store = undefined;
    return runCliInProcess(['--db', db, ...args]);
  };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  /**
   * The history's imports: through the import pipeline on the kept store, as `plan12b … import`
   * runs them (the same functions, the same files), without a PGlite start and stop per import;
   * what the import commands print is other files' subject.
   */
  const importInto = async (command: string, path: string) => {
    store ??= await openDatabase(db, { workload: 'query' });
    const bytes = readFileSync(path);
    const feed = FEEDS[command];
    if (!feed) throw new Error(`no feed ${command}`);
    await feed(store, path, bytes);
  };

  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    for (const seed of ['000_3c6e05c0e0d73230.txt', '003_1b015b91f472160a.txt'])
      await importInto('exhibit', join(seedsDir, seed));
    const steps: [string, string][] = [
      ['accounts', 'account,omnibus,dealer_of_record\nA1,no,Dealer One\nA2,no,Dealer Two\n'],
      ['distributors', `portfolio,distributor,start,end\n${FUND},A I M Distributors,2000-01-01,\n`],
      [
        'transactions',
        [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          // A1: 100 shares at 10.00 (cost 1,000.00), then 40 redeemed at 12.00 in year 2 of the DOI
          `2020-01-15,T1,A1,${FUND},B,purchase,100,10.00,,`,
          `2021-03-01,T2,A1,${FUND},B,redeem,40,12.00,,`,
          // A2: bought 2012-02-10, converts at the end of February 2020 (8th anniversary)
          `2012-02-10,T3,A2,${FUND},B,purchase,50,8.00,,`,
          '',
        ].join('\n'),
      ],
      [
        'transfers',
        'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent\n' +
          'TR-1,"=Keystone Trust","1 Main St",all,50,25,,,2016-01-01,2016-01-06,direct,\n',
      ],
      [
        'providers',
        'id,name,kind,agreement_date,own_rate_pct,terminated_on\nP1,First Dealer Inc,dealer,2005-01-03,0.20,\n',
      ],
    ];
    for (const [command, text] of steps) await importInto(command, file(`${command}.csv`, text));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('schedule --csv and --xlsx: the entries in force with their rates and document', async () => {
    const csv = await cli('schedule', '--as-of', '2006-04-01', '--class', 'R', '--csv');
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    // seed 000 (Amendment No. 12, Class R): 42 entries, each minimum ABSC 0.25, service 0.25, aggregate 0.50
    expect(rows).toHaveLength(42);
    const charter = rows.find((r) => r.portfolio === 'AIM Charter Fund')!;
    expect(charter).toMatchObject({
      registrant: 'AIM EQUITY FUNDS',
      class: 'R',
      assetBasedSalesChargePct: '0.25',
      assetBasedSalesChargeBound: 'minimum',
      serviceFeePct: '0.25',
      aggregateFeePct: '0.50',
      documentFile: '000_3c6e05c0e0d73230.txt',
    });

    const xlsx = join(dir, 'schedule.xlsx');
    const x = await cli('schedule', '--as-of', '2006-04-01', '--class', 'R', '--xlsx', xlsx);
    expect(x.code, x.stderr).toBe(0);
    const ws = (await workbook(xlsx)).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Schedule entries in force on 2006-04-01');
    expect(values(ws, 2).slice(0, 4)).toEqual([
      'Registrant',
      'Portfolio',
      'Class',
      'ABSC (distribution fee)',
    ]);
    expect(ws.rowCount).toBe(2 + 42);
    const at = [...Array(42).keys()]
      .map((i) => i + 3)
      .find((n) => ws.getCell(`B${n}`).value === 'AIM Charter Fund')!;
    // 0.25% per annum, stored as the fraction 0.0025 and shown as a percentage
    expect(ws.getCell(`D${at}`).value).toBe(0.0025);
    expect(ws.getCell(`D${at}`).numFmt).toBe(PCT_FORMAT);
  });

  it('lots --csv and --xlsx: cost given up pro rata, the lot keeps the rest', async () => {
    const csv = await cli('lots', '--account', 'A1', '--csv');
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    // 100 shares cost 1,000.00; 40 redeemed give up round_half_up(1,000.00 × 40 / 100) = 400.00
    expect(rows).toEqual([
      expect.objectContaining({
        portfolio: FUND,
        kind: 'commission',
        dateOfOriginalIssuance: '2020-01-15',
        shares: '60.0000',
        cost: '600.00',
      }),
    ]);
    const xlsx = join(dir, 'lots.xlsx');
    expect((await cli('lots', '--account', 'A1', '--xlsx', xlsx)).code).toBe(0);
    const ws = (await workbook(xlsx)).worksheets[0]!;
    expect(ws.getCell('G3').value).toBe(600);
    expect(ws.getCell('G3').numFmt).toBe(MONEY_FORMAT);
    expect(ws.getCell('G4').value).toEqual({ formula: 'SUM(G3:G3)', result: 600 });
  });

  it('redemptions --xlsx: a redemptions sheet totalled and a lot-pieces sheet, as the CSV', async () => {
    const xlsx = join(dir, 'redemptions.xlsx');
    const r = await cli('redemptions', '--from', '2021-01-01', '--to', '2021-12-31', '--xlsx', xlsx);
    expect(r.code, r.stderr).toBe(0);
    const wb = await workbook(xlsx);
    const ws = wb.getWorksheet('Redemptions')!;
    expect(values(ws, 2)).toEqual([
      'Date',
      'Transaction',
      'Account',
      'Portfolio',
      'Shares',
      'Price',
      'Waiver',
      'Gross',
      'CDSC',
      'CDSC waived',
      'Redemption fee',
      'Net',
      'Lot pieces',
    ]);
    // gross 40 × 12.00 = 480.00; year 2 of the DOI: 4% of min(cost given up 400.00, 480.00) = 16.00;
    // net 480.00 − 16.00 = 464.00
    expect(ws.getCell('H3').value).toBe(480);
    expect(ws.getCell('I3').value).toBe(16);
    expect(ws.getCell('L3').value).toBe(464);
    expect(ws.getCell('I4').value).toEqual({ formula: 'SUM(I3:I3)', result: 16 });
    const pieces = wb.getWorksheet('Lot pieces')!;
    const csv = await cli('redemptions', '--from', '2021-01-01', '--to', '2021-12-31', '--csv');
    const [header, ...csvRows] = parse(csv.stdout) as string[][];
    expect(values(pieces, 2)).toEqual(header);
    expect(csvRows).toHaveLength(1);
    expect(pieces.getCell(`${letterOf(header!, 'piece_cost')}3`).value).toBe(400);
    expect(pieces.getCell(`${letterOf(header!, 'piece_cdsc')}3`).value).toBe(16);
    // the redemption's own figures on its piece are numbers a spreadsheet sums, not text
    expect(pieces.getCell(`${letterOf(header!, 'price')}3`).value).toBe(12);
    expect(pieces.getCell(`${letterOf(header!, 'gross')}3`).value).toBe(480);
    expect(pieces.getCell(`${letterOf(header!, 'cdsc')}3`).value).toBe(16);
    expect(pieces.getCell(`${letterOf(header!, 'net')}3`).value).toBe(464);
    expect(pieces.getCell(`${letterOf(header!, 'redemption_fee')}3`).value).toBe(0);
    // the CDSC base, min(cost given up 400.00, 40 × 12.00 = 480.00) = 400.00, is money as the
    // rest (it was written as the text "400.00")
    const base = pieces.getCell(`${letterOf(header!, 'base')}3`);
    expect([base.value, base.numFmt]).toEqual([400, MONEY_FORMAT]);
  });

  it('service-fees --csv: one line per provider and class, as the workbook and the JSON', async () => {
    // AIM Basic Value Fund class R (seed 000: service fee 0.25%), February 2021: its 19 NYSE
    // business days (15 February is Washington's Birthday); P1's own rate 0.20% is the lowest.
    const days = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 16, 17, 18, 19, 22, 23, 24, 25, 26].map(
      (d) => `2021-02-${String(d).padStart(2, '0')}`,
    );
    const na = days.map((d) => `${d},${FUND},R,10000000.00`);
    const pa = days.map((d) => `${d},P1,${FUND},R,3650000.00`);
    for (const [command, text] of [
      ['net-assets', `date,portfolio,class,net_assets\n${na.join('\n')}\n`],
      ['provider-assets', `date,provider,portfolio,class,net_assets\n${pa.join('\n')}\n`],
    ] as const)
      await importInto(command, file(`${command}-2021-02.csv`, text));
    // P1: 3,650,000.00 × 0.20% / 365 = 20.00 a day, 28 days = 560.00. The class: 10,000,000.00 ×
    // 0.25% / 365 = 68.4931… → 68.49 a day, 28 days = 1,917.72; the Distributor keeps 1,357.72.
    const xlsx = join(dir, 'service-fees.xlsx');
    const r = await cli('service-fees', '--month', '2021-02', '--csv', '--xlsx', xlsx);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({
        provider: 'P1',
        name: 'First Dealer Inc',
        portfolio: FUND,
        class: 'R',
        days: '28',
        averageDailyNetAssets: '3650000.00',
        ratePct: '0.20',
        amount: '560.00',
      }),
    ]);
    const ws = (await workbook(xlsx)).getWorksheet('Providers')!;
    expect(values(ws, 2)).toEqual([
      'Provider',
      'Name',
      'Portfolio',
      'Class',
      'Days',
      'Average daily net assets',
      'Rate',
      'Amount',
    ]);
    expect(values(ws, 3)).toEqual(['P1', 'First Dealer Inc', FUND, 'R', 28, 3650000, 0.002, 560]);
    const classes = (await workbook(xlsx)).getWorksheet('Classes')!;
    expect(values(classes, 3)).toEqual([FUND, 'R', 1917.72, 560, 1357.72]);
    const json = (await cli('service-fees', '--month', '2021-02', '--json')).json<{
      totals: { serviceFee: string; providerFees: string; distributorRetained: string };
    }>();
    expect(json.totals).toEqual({
      serviceFee: '1917.72',
      providerFees: '560.00',
      distributorRetained: '1357.72',
    });
  });

  it('conversions and cdsc: the 8th anniversary converts at the month end; CDSC totalled', async () => {
    const conv = await cli('conversions', '--month', '2020-02', '--csv');
    expect(conv.code, conv.stderr).toBe(0);
    expect(parse(conv.stdout, { columns: true })).toEqual([
      expect.objectContaining({
        account: 'A2',
        portfolio: FUND,
        commissionShares: '50.0000',
        shares: '50.0000',
      }),
    ]);
    const xlsx = join(dir, 'cdsc.xlsx');
    expect((await cli('cdsc', '--from', '2021-01-01', '--to', '2021-12-31', '--xlsx', xlsx)).code).toBe(0);
    const ws = (await workbook(xlsx)).worksheets[0]!;
    expect(values(ws, 3)).toEqual([FUND, 'A I M Distributors', 16, 0, 1]);
  });

  it('--distributor of cdsc and redemptions: a name no term records is 66 listing the names, not an empty answer', async () => {
    for (const command of ['cdsc', 'redemptions']) {
      const r = await cli(
        command,
        '--from',
        '2021-01-01',
        '--to',
        '2021-12-31',
        '--distributor',
        'Nobody',
        '--json',
      );
      expect(r.code, r.stderr).toBe(66);
      const doc = r.json<{ error: { code: string; message: string; hint: string } }>().error;
      expect(doc).toMatchObject({ code: 'NOT_FOUND', hint: 'the distributors recorded: A I M Distributors' });
      expect(doc.message).toContain('"Nobody"');
    }
    // the distributor recorded: its CDSC, 16.00 (year 2 of the DOI, 4% of 400.00)
    const known = await cli(
      'cdsc',
      '--from',
      '2021-01-01',
      '--to',
      '2021-12-31',
      '--distributor',
      'A I M Distributors',
      '--json',
    );
    expect(known.code, known.stderr).toBe(0);
    expect(known.stdout).toContain('"16.00"');
  });

  it('audit log, approvals list, continuance and terminations list: --xlsx holds the --csv rows', async () => {
    for (const command of [
      ['audit', 'log'],
      ['approvals', 'list'],
      ['continuance', '--as-of', '2021-12-31'],
      ['terminations', 'list'],
    ]) {
      const xlsx = join(dir, `${command[0]}.xlsx`);
      const csv = await cli(...command, '--csv');
      expect(csv.code, csv.stderr).toBe(0);
      expect((await cli(...command, '--xlsx', xlsx)).code).toBe(0);
      const ws = (await workbook(xlsx)).worksheets[0]!;
      const header = (parse(csv.stdout) as string[][])[0]!;
      const rows: string[][] = [];
      // each cell by column (a row's values are sparse where a cell is empty)
      for (let n = 2; n <= ws.rowCount; n++)
        rows.push(
          header.map((_, c) => {
            const v = ws.getRow(n).getCell(c + 1).value;
            return v === null || v === undefined ? '' : String(v);
          }),
        );
      expect(rows).toEqual(parse(csv.stdout));
    }
    // the audit log has this test's imports: its sequence numbers are numbers in the workbook
    const audit = (await workbook(join(dir, 'audit.xlsx'))).worksheets[0]!;
    expect(audit.getCell('A3').value).toBe(1);
  });

  it('settings list and tokens list: --csv and --xlsx like the other lists, never the token itself', async () => {
    // a token created as `tokens create` does (the kept store; what create prints is another file's subject)
    const created = await withActor('Jane Doe, Treasurer', () =>
      createApiToken(store!, { name: 'jane', role: 'viewer' }),
    );
    const expected: Record<string, (rows: string[][]) => void> = {
      settings: (rows) => {
        expect(rows[0]).toEqual(['key', 'value', 'default', 'isDefault', 'meaning']);
        // nothing set here: each setting at its default
        expect(rows.find((r) => r[0] === 'approvals.enforce')?.slice(0, 4)).toEqual([
          'approvals.enforce',
          'false',
          'false',
          'true',
        ]);
        expect(rows.slice(1).every((r) => r[1] === r[2] && r[3] === 'true')).toBe(true);
      },
      tokens: (rows) => {
        expect(rows[0]).toEqual(['name', 'role', 'createdAt', 'createdBy', 'revokedAt', 'revokedBy']);
        expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
          ['jane', 'viewer', 'Jane Doe, Treasurer', '', ''],
        ]);
      },
    };
    for (const command of ['settings', 'tokens']) {
      const xlsx = join(dir, `${command}-list.xlsx`);
      const csv = await cli(command, 'list', '--csv');
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout).not.toContain(created.token);
      const rows = parse(csv.stdout) as string[][];
      expected[command]!(rows);
      expect((await cli(command, 'list', '--xlsx', xlsx)).code).toBe(0);
      const ws = (await workbook(xlsx)).worksheets[0]!;
      const cells: string[][] = [];
      for (let n = 2; n <= ws.rowCount; n++)
        cells.push(
          rows[0]!.map((_, c) => {
            const v = ws.getRow(n).getCell(c + 1).value;
            return v === null || v === undefined ? '' : String(v);
          }),
        );
      expect(cells).toEqual(rows);
    }
  });

  it('transfers list and providers list: CSV rows, a formula-like name neutralised', async () => {
    const t = await cli('transfers', 'list', '--csv');
    expect(t.code, t.stderr).toBe(0);
    const [transfer] = parse(t.stdout, { columns: true }) as Record<string, string>[];
    expect(transfer).toMatchObject({
      id: 'TR-1',
      assignee: "'=Keystone Trust",
      twelve_b1_portion_pct: '50.00',
      cdsc_portion_pct: '25.00',
      effective_date: '2016-01-01',
    });
    const xlsx = join(dir, 'providers.xlsx');
    const p = await cli('providers', 'list', '--xlsx', xlsx, '--csv');
    expect(p.code, p.stderr).toBe(0);
    expect(parse(p.stdout, { columns: true })).toEqual([
      expect.objectContaining({ id: 'P1', name: 'First Dealer Inc', ownRatePct: '0.20', status: 'in force' }),
    ]);
    const ws = (await workbook(xlsx)).worksheets[0]!;
    expect(ws.getCell('F3').value).toBe(0.002);
  });
  it('rates list --csv and --xlsx: each Board-set rate, as percentages in the workbook', async () => {
    const set = await write(
      'rates',
      'set',
      '--portfolio',
      FUND,
      '--class',
      'R',
      '--from',
      '2021-06-01',
      '--service-fee',
      '0.20',
      '--reason',
      'Board resolution of 2021-05-20',
    );
    expect(set.code, set.stderr).toBe(0);
    const rate = (cls: string, from: string) =>
      write(
        'rates',
        'set',
        '--portfolio',
        FUND,
        '--class',
        cls,
        '--from',
        from,
        '--service-fee',
        '0.20',
        '--json',
      );
    // the class in any case, as the feeds read it: the same rate again, recorded once, as class R
    expect((await rate('r', '2021-06-01')).stdout).toContain('"recorded": false');
    // a class no instrument has: 66, saying where to look
    const unknown = await rate('Q', '2021-06-01');
    expect(unknown.code).toBe(66);
    expect(unknown.json<{ error: { message: string; hint: string } }>().error).toEqual(
      expect.objectContaining({
        message: `${FUND} has no class "Q" in any instrument`,
        hint: expect.stringContaining('plan12b schedule'),
      }),
    );
    // a day before any instrument covers the class: refused (68), saying to date it within coverage
    const early = await rate('R', '1995-01-03');
    expect(early.code).toBe(68);
    expect(early.json<{ error: { hint: string } }>().error.hint).toContain(
      'a day an instrument covers the class',
    );
    const listed = await cli('rates', 'list', '--json');
    expect(listed.json<{ rates: { serviceFeePct: string }[] }>().rates.map((x) => x.serviceFeePct)).toEqual([
      '0.20',
    ]);
    const xlsx = join(dir, 'rates.xlsx');
    const r = await cli('rates', 'list', '--csv', '--xlsx', xlsx);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout)).toEqual([
      ['effectiveDate', 'portfolio', 'class', 'distributionFeePct', 'serviceFeePct', 'reason'],
      // in the canonical form every rate is shown in (and as --json prints it): "0.20", not the
      // stored "0.200000"
      ['2021-06-01', FUND, 'R', '', '0.20', 'Board resolution of 2021-05-20'],
    ]);
    const ws = (await workbook(xlsx)).worksheets[0]!;
    expect(values(ws, 3)).toEqual([
      '2021-06-01',
      FUND,
      'R',
      undefined,
      0.002,
      'Board resolution of 2021-05-20',
    ]);
  });
});

function letterOf(header: readonly string[], key: string): string {
  return String.fromCharCode(65 + header.indexOf(key));
}
