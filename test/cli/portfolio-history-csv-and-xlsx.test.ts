import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INT_FORMAT, PCT_FORMAT } from '../../src/reports/xlsxOut.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { demoOpenStore } from '../support/demoOpen.js';

/**
 * DEVELOPERS rule 7: `portfolio history NAME` is opened by a person (the rates a class bore over
 * time), so it has `--csv` and `--xlsx` as the other query commands. The demo's Summit Small Cap
 * Fund (exhibits demo-01 … demo-06): Class A 0.10% + 0.25% = 0.35% from 2024-01-02, renewed by
 * Amendments No. 1 (2025-04-01) and No. 2 (2025-10-01); Class B 0.75% + 0.25% = 1.00% from
 * 2024-01-02 and by Amendment No. 1 from 2025-07-01; Class C 0.75% + 0.25% = 1.00% through
 * 2026-01-02, then 0.00% (the plan lapsed). Rates are the schedule's decimal strings, dates ISO,
 * an open run's last day empty; the workbook's first sheet holds the CSV's lines (rates as
 * fractions in 0.0000%), then the names and the registrants.
 */
const FUND = 'Summit Small Cap Fund';
const HEADER = [
  'portfolioId',
  'class',
  'from',
  'lastDay',
  'distributionFeePct',
  'serviceFeePct',
  'aggregateFeePct',
  'rateSource',
  'instrument',
  'schedule',
  'document',
  'amendmentNumber',
  'approvedOn',
  'approvalNote',
  'stopped',
  'renamedTo',
  'renamedFrom',
];

describe('portfolio history --csv and --xlsx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-history-csv-'));
  const target = join(dir, 'db');
  let store: Database;
  const cli = (...args: string[]) => runCliOnOpenStore(store, ['--db', target, ...args]);
  beforeAll(async () => {
    await demoOpenStore(target);
    store = await openDatabase(target);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--csv: one line per class run, rates as decimal strings and dates ISO', async () => {
    const run = await cli('portfolio', 'history', FUND, '--csv');
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = parse(run.stdout) as string[][];
    expect(header).toEqual(HEADER);
    const pick = (r: string[]) =>
      [
        'class',
        'from',
        'lastDay',
        'distributionFeePct',
        'serviceFeePct',
        'aggregateFeePct',
        'amendmentNumber',
      ].map((k) => r[HEADER.indexOf(k)]);
    expect(rows.map(pick)).toEqual([
      ['A', '2024-01-02', '2025-03-31', '0.10', '0.25', '0.35', ''],
      ['B', '2024-01-02', '2025-06-30', '0.75', '0.25', '1.00', ''],
      ['C', '2024-01-02', '2026-01-02', '0.75', '0.25', '1.00', ''],
      ['A', '2025-04-01', '2025-09-30', '0.10', '0.25', '0.35', '1'],
      ['B', '2025-07-01', '', '0.75', '0.25', '1.00', '1'],
      ['A', '2025-10-01', '', '0.10', '0.25', '0.35', '2'],
      ['C', '2026-01-03', '', '0.00', '0.00', '0.00', ''],
    ]);
    for (const r of rows) {
      expect(r[0]).toBe('summit-small-cap-fund');
      expect(r[HEADER.indexOf('approvedOn')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(rows.at(-1)![HEADER.indexOf('stopped')]).toMatch(/lapsed/);
  });

  it('--xlsx: the CSV lines first (rates as percentages), then names and registrants', async () => {
    const csv = parse((await cli('portfolio', 'history', FUND, '--csv')).stdout) as string[][];
    const file = join(dir, 'history.xlsx');
    const run = await cli('portfolio', 'history', FUND, '--xlsx', file);
    expect(run.code, run.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Classes and rates', 'Names', 'Registrants']);
    const ws = wb.worksheets[0]!;
    const cells = (w: ExcelJS.Worksheet, n: number, width: number) =>
      Array.from({ length: width }, (_, c) => w.getRow(n).getCell(c + 1).value ?? null);
    expect(cells(ws, 2, HEADER.length)).toEqual(HEADER);
    const pcts = ['distributionFeePct', 'serviceFeePct', 'aggregateFeePct'];
    csv.slice(1).forEach((row, i) => {
      const got = cells(ws, i + 3, HEADER.length);
      HEADER.forEach((key, c) => {
        const text = row[c]!;
        if (text === '') expect(got[c], key).toBeNull();
        else if (pcts.includes(key)) {
          expect(got[c] as number, key).toBeCloseTo(Number(text) / 100, 12);
          expect(ws.getRow(i + 3).getCell(c + 1).numFmt).toBe(PCT_FORMAT);
        } else if (key === 'amendmentNumber') {
          expect(got[c], key).toBe(Number(text));
          expect(ws.getRow(i + 3).getCell(c + 1).numFmt).toBe(INT_FORMAT);
        } else expect(got[c], key).toBe(text);
      });
    });
    expect(ws.rowCount).toBe(csv.length + 1);
    const names = wb.getWorksheet('Names')!;
    expect(cells(names, 2, 4)).toEqual(['portfolioId', 'name', 'from', 'lastDay']);
    expect(cells(names, 3, 4)).toEqual(['summit-small-cap-fund', FUND, null, null]);
    const registrants = wb.getWorksheet('Registrants')!;
    expect(cells(registrants, 3, 4)).toEqual([
      'summit-small-cap-fund',
      'SUMMIT EQUITY FUNDS',
      '2024-01-02',
      null,
    ]);
  });
});
