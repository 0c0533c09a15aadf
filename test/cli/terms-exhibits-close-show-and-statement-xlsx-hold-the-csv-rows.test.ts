import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INT_FORMAT, MONEY_FORMAT, PCT_FORMAT, SHARES_FORMAT } from '../../src/reports/xlsxOut.js';
import type { Database } from '../../src/store/database.js';
import { runCliInProcess, runCliOnOpenStore } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { DEMO_FIRST_MONTH, demoJanuaryClosedStore } from '../support/demoOpen.js';

/**
 * DEVELOPERS rule 7, the gaps a survey found: `class-b-terms list` had neither CSV nor XLSX;
 * `transfers statement`, `exhibit list`, `exhibit diff` and `close show` had CSV but no XLSX. Each
 * workbook holds the lines of its CSV, cell by cell: the CSV's header (row 2, under the title),
 * then its rows in order — money as numbers in `#,##0.00`, rates as fractions in `0.0000%`, counts
 * and shares as numbers, the rest as the CSV's text. What each cell must be is said here, per
 * column, from the CSV's text; where the workbook totals, the total is summed here in cents.
 */

/** A demo portfolio with Class B shares, by its current name. */
const FUND = 'Summit Core Stock Fund';

type Kind = 'money' | 'pct' | 'int' | 'shares';

const FORMAT_OF: Record<Kind, string> = {
  money: MONEY_FORMAT,
  pct: PCT_FORMAT,
  int: INT_FORMAT,
  shares: SHARES_FORMAT,
};

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

/** What the workbook's cell must hold for the CSV's text of a column of this kind. */
function expectedCell(kind: Kind | undefined, text: string): unknown {
  if (text === '') return null;
  if (kind === undefined) return text;
  if (kind === 'pct') return Number(text) / 100;
  return Number(text);
}

/** Cents of a decimal string, exactly (the test's own reading, not the product's). */
function cents(s: string): bigint {
  if (s === '') return 0n;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new Error(`not money: ${s}`);
  const v = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -v : v;
}

/**
 * The workbook's first sheet against the CSV: row 1 the title, row 2 the CSV's header, rows 3… the
 * CSV's rows cell by cell; the typed columns with their number format. Returns the sheet and the
 * parsed CSV for further checks.
 */
async function expectSameLines(
  csvText: string,
  xlsxFile: string,
  kinds: Readonly<Record<string, Kind>>,
): Promise<{ ws: ExcelJS.Worksheet; header: string[]; rows: string[][] }> {
  const [header, ...rows] = parse(csvText, { relax_column_count: false }) as string[][];
  const ws = (await workbook(xlsxFile)).worksheets[0]!;
  expect(typeof ws.getCell('A1').value).toBe('string');
  const cellsOf = (n: number) =>
    header!.map((_, c) => {
      const v = ws.getRow(n).getCell(c + 1).value;
      return v === undefined ? null : v;
    });
  expect(cellsOf(2)).toEqual(header);
  rows.forEach((row, i) => {
    const n = i + 3;
    const want = row.map((text, c) => expectedCell(kinds[header![c]!], text));
    const got = cellsOf(n);
    // a rate is a fraction of a decimal percentage: equal to the last binary digit or so
    header!.forEach((key, c) => {
      if (kinds[key] === 'pct' && typeof want[c] === 'number') {
        expect(got[c], `${key} row ${n}`).toBeCloseTo(want[c] as number, 12);
        got[c] = want[c];
      }
    });
    expect(got, `row ${n}`).toEqual(want);
    header!.forEach((key, c) => {
      const kind = kinds[key];
      if (kind && row[c] !== '') expect(ws.getRow(n).getCell(c + 1).numFmt, key).toBe(FORMAT_OF[kind]);
    });
  });
  return { ws, header: header!, rows };
}

describe('the XLSX of class-b-terms list, exhibit list/diff, close show and transfers statement', () => {
  let tdb: TestDatabase;
  let dir: string;
  /**
   * The file's subject is what the queries print and write (the CSV and its workbook), not how the
   * CLI opens its store: they run on the store the file keeps open (runCliOnOpenStore, as `plan12b
   * serve` runs a query), without a PGlite start and stop per command (~25 of them). The writes
   * (`close`, `class-b-terms import`) run as the CLI runs them, on the folder, the kept store closed
   * meanwhile.
   */
  let db: Database | undefined;
  const cli = (...args: string[]) => runCliOnOpenStore(db!, ['--db', tdb.target, ...args]);
  const write = async (...args: string[]) => {
    await db!.close();
    db = undefined;
    try {
      return await runCliInProcess(['--db', tdb.target, ...args]);
    } finally {
      db = await tdb.open();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-cli5-'));
    tdb = await freshDatabase('pglite');
    await demoJanuaryClosedStore(tdb.target);
    db = await tdb.open();
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('close show --part P --xlsx: the sealed part lines as its CSV, the amounts totalled in cents', async () => {
    const totalled: Record<string, readonly string[]> = {
      fees: ['distributionFee', 'serviceFee', 'totalFee'],
      journal: ['debit', 'credit'],
      'monthly-calculation': ['twelveB1', 'cdsc', 'total', 'owedOn', 'priorPeriodAdjustment', 'payable'],
    };
    const kinds: Record<string, Record<string, Kind>> = {
      fees: {
        days: 'int',
        averageDailyNetAssets: 'money',
        distributionFee: 'money',
        serviceFee: 'money',
        totalFee: 'money',
      },
      journal: { debit: 'money', credit: 'money' },
      'monthly-calculation': Object.fromEntries(totalled['monthly-calculation']!.map((k) => [k, 'money'])),
    };
    const csvOf: Record<string, string> = {};
    for (const part of ['fees', 'journal', 'monthly-calculation']) {
      const args = ['close', 'show', '--month', DEMO_FIRST_MONTH, '--part', part];
      const csv = await cli(...args, '--csv');
      expect(csv.code, csv.stderr).toBe(0);
      csvOf[part] = csv.stdout;
      const file = join(dir, `close-${part}.xlsx`);
      const x = await cli(...args, '--xlsx', file);
      expect(x.code, x.stderr).toBe(0);
      // the file is the answer asked for: nothing on stdout
      expect(x.stdout).toBe('');
      const { ws, header, rows } = await expectSameLines(csv.stdout, file, kinds[part]!);
      expect(rows.length, part).toBeGreaterThan(0);
      // the totals row under the lines: SUM formulas whose cached result is the column's sum in cents
      const totalsRow = ws.getRow(rows.length + 3);
      expect(totalsRow.getCell(1).value).toBe('Total');
      for (const key of totalled[part]!) {
        const c = header.indexOf(key);
        const sum = rows.reduce((a, r) => a + cents(r[c]!), 0n);
        const v = totalsRow.getCell(c + 1).value as { formula: string; result?: number };
        expect(v.formula, `${part} ${key}`).toMatch(/^SUM\(/);
        // exceljs reads a cached result of 0 back as none (the file holds <v>0</v>)
        expect(Math.round((v.result ?? 0) * 100), `${part} ${key}`).toBe(Number(sum));
      }
      expect(ws.rowCount).toBe(rows.length + 3);
    }
    // the journal balances: its debits and credits sum to the same (the journal's CSV above: each
    // `close show` verifies the month's seal and inputs again, so it is not asked for twice)
    const journal = parse(csvOf.journal!, { columns: true }) as Record<string, string>[];
    const debits = journal.reduce((a, r) => a + cents(r.debit!), 0n);
    expect(debits).toBe(journal.reduce((a, r) => a + cents(r.credit!), 0n));
  });

  it('close --xlsx without show is a usage error (64), before any month is closed', async () => {
    const r = await write('close', '--month', '2025-02', '--xlsx', join(dir, 'no.xlsx'), '--json');
    expect(r.code, r.stderr).toBe(64);
    expect(r.json<{ error: { code: string; message: string } }>().error.message).toContain('close show');
    const months = await cli('close', 'show', '--month', '2025-02', '--json');
    expect(months.code).toBe(66);
  });

  it('transfers statement --xlsx: the statement lines as its CSV, amounts as money', async () => {
    const args = [
      'transfers',
      'statement',
      '--assignee',
      'Keystone Receivables Trust',
      '--month',
      DEMO_FIRST_MONTH,
    ];
    const csv = await cli(...args, '--csv');
    expect(csv.code, csv.stderr).toBe(0);
    const file = join(dir, 'statement.xlsx');
    const x = await cli(...args, '--xlsx', file);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toBe('');
    const money = [
      'distribution_fee',
      'distributor_12b1_share',
      'earned_cdsc',
      'twelve_b1_portion',
      'cdsc_portion',
      'total',
      'owed_on_to_assignee',
    ];
    const kinds: Record<string, Kind> = {
      days: 'int',
      lots: 'int',
      doi_range_shares: 'shares',
      distributor_shares: 'shares',
      ...Object.fromEntries(money.map((k) => [k, 'money' as const])),
    };
    const { header, rows } = await expectSameLines(csv.stdout, file, kinds);
    const col = (k: string) => header.indexOf(k);
    const portions = rows.filter((r) => r[col('row')] === 'portion');
    expect(portions.length).toBeGreaterThan(0);
    // the statement's own total row (the CSV's last line) is the sum of its portions, in cents
    const total = rows.at(-1)!;
    expect(total[col('row')]).toBe('total');
    for (const k of ['twelve_b1_portion', 'cdsc_portion', 'total'])
      expect(cents(total[col(k)]!), k).toBe(portions.reduce((a, r) => a + cents(r[col(k)]!), 0n));
    // … and no second totals row in the workbook
    expect((await workbook(file)).worksheets[0]!.rowCount).toBe(rows.length + 2);
  });

  it('exhibit list --xlsx and exhibit diff --xlsx: the CSV lines as text', async () => {
    const list = await cli('exhibit', 'list', '--csv');
    expect(list.code, list.stderr).toBe(0);
    const file = join(dir, 'exhibits.xlsx');
    const x = await cli('exhibit', 'list', '--xlsx', file, '--csv');
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toBe(list.stdout);
    const { rows, header } = await expectSameLines(list.stdout, file, {});
    expect(rows.length).toBeGreaterThan(1);
    // a document whose diff has lines: the first with any change
    let diffed = false;
    for (const row of rows) {
      const id = row[header.indexOf('id')]!.slice(0, 12);
      const csv = await cli('exhibit', 'diff', id, '--csv');
      expect(csv.code, csv.stderr).toBe(0);
      if ((parse(csv.stdout) as string[][]).length < 2) continue;
      const diffFile = join(dir, `diff-${id}.xlsx`);
      const d = await cli('exhibit', 'diff', id, '--xlsx', diffFile);
      expect(d.code, d.stderr).toBe(0);
      const { header: h } = await expectSameLines(csv.stdout, diffFile, {});
      expect(h).toEqual(['change', 'portfolio', 'class', 'before', 'after', 'from']);
      diffed = true;
      break;
    }
    expect(diffed).toBe(true);
  });

  it('class-b-terms list --csv and --xlsx: the rules in the feed columns, which import again unchanged', async () => {
    // before any rule: the header only, the defaults in the workbook title
    const empty = await cli('class-b-terms', 'list', '--csv');
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout.trim()).toBe(
      'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
    );
    const terms = join(dir, 'terms.csv');
    writeFileSync(
      terms,
      [
        'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
        // far-past DOIs: no demo lot has them; the conversion period is the default's 8 years
        'cdsc-schedule,all,1990-01-01,1990-12-31,"4,3,2,1",,,',
        `conversion-period,${FUND},,,,8,,`,
        `redemption-fee,${FUND},,,,,2.00,1`,
        '',
      ].join('\n'),
    );
    const imported = await write('class-b-terms', 'import', terms, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const csv = await cli('class-b-terms', 'list', '--csv');
    expect(csv.code, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'cdsc-schedule', portfolio: 'all', doi_from: '1990-01-01' }),
        expect.objectContaining({ rule: 'conversion-period', portfolio: FUND, conversion_years: '8' }),
        expect.objectContaining({ rule: 'redemption-fee', portfolio: FUND, redemption_fee_days: '1' }),
      ]),
    );
    const schedule = rows.find((r) => r.rule === 'cdsc-schedule')!.cdsc_schedule_pct!;
    // rates in their canonical form, as --json gives them: "4.00", not the "4" imported
    expect(schedule).toBe('4.00,3.00,2.00,1.00');
    expect(rows.find((r) => r.rule === 'redemption-fee')!.redemption_fee_pct).toBe('2.00');

    const file = join(dir, 'terms.xlsx');
    const x = await cli('class-b-terms', 'list', '--xlsx', file);
    expect(x.code, x.stderr).toBe(0);
    const { ws } = await expectSameLines(csv.stdout, file, {
      conversion_years: 'int',
      redemption_fee_pct: 'pct',
      redemption_fee_days: 'int',
    });
    expect(String(ws.getCell('A1').value)).toContain('where none applies');

    // the CSV the list prints is an import file: importing it changes nothing
    const again = join(dir, 'terms-again.csv');
    writeFileSync(again, csv.stdout);
    const reimport = await write('class-b-terms', 'import', again, '--json');
    expect(reimport.code, reimport.stderr).toBe(0);
    expect(reimport.json<{ inserted: number; restated: number; unchanged: number }>()).toMatchObject({
      inserted: 0,
      restated: 0,
      unchanged: 3,
    });
  });
});
