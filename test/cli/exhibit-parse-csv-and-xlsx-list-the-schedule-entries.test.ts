import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PCT_FORMAT } from '../../src/reports/xlsxOut.js';
import { runCliInProcess } from '../support/cli.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';

/**
 * Standing rule 7: `exhibit parse` tells what an exhibit says (SPEC §2.1), and the person checking
 * it against the filing opens its schedule entries in a spreadsheet. Its text said only "Schedule
 * A: 10 entries"; the entries were in --json alone. `--csv` and `--xlsx FILE` list them, one line
 * per entry, as the document states them (a rate column the schedule lacks is an empty cell).
 */
const HEADER = [
  'schedule',
  'registrant',
  'portfolio',
  'class',
  'assetBasedSalesChargePct',
  'assetBasedSalesChargeBound',
  'serviceFeePct',
  'aggregateFeePct',
];

describe.skipIf(!seedsAvailable)('exhibit parse --csv and --xlsx', () => {
  const classK = () => join(seedsDir, '001_b6bd833fd090ce92.txt');

  it('Amendment No. 6: the 10 Class K entries of Schedule A, in the order filed, 0.20 / 0.25 / 0.45', async () => {
    const r = await runCliInProcess(['exhibit', 'parse', classK(), '--csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout) as string[][];
    expect(rows[0]).toEqual(HEADER);
    // 2 entries under AIM COMBINATION STOCK & BOND FUNDS + 5 under AIM SECTOR FUNDS + 3 under
    // AIM STOCK FUNDS = 10 (seeds/INDEX.md: 10 Class K entries in 3 registrants)
    expect(rows).toHaveLength(1 + 10);
    expect(rows[1]).toEqual([
      'Schedule A',
      'AIM COMBINATION STOCK & BOND FUNDS',
      'AIM Core Stock Fund',
      'K',
      '0.20',
      'minimum',
      '0.25',
      '0.45',
    ]);
    expect(rows[10]).toEqual([
      'Schedule A',
      'AIM STOCK FUNDS',
      'AIM Small Company Growth Fund',
      'K',
      '0.20',
      'minimum',
      '0.25',
      '0.45',
    ]);
    expect(new Set(rows.slice(1).map((x) => x[1])).size).toBe(3);
  });

  it('the Agreement: a plain list of portfolios has empty rate cells; Schedules A-1 and A-2, 54 + 28 lines', async () => {
    const r = await runCliInProcess([
      'exhibit',
      'parse',
      join(seedsDir, '003_1b015b91f472160a.txt'),
      '--csv',
    ]);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout) as string[][];
    // 54 portfolios on Schedule A-1 + 28 on Schedule A-2 = 82
    expect(rows).toHaveLength(1 + 82);
    expect(rows.filter((x) => x[0] === 'Schedule A-1')).toHaveLength(54);
    expect(rows.filter((x) => x[0] === 'Schedule A-2')).toHaveLength(28);
    expect(rows[1]).toEqual([
      'Schedule A-1',
      'AIM ADVISOR FUNDS',
      'AIM International Core Equity Fund',
      'B',
      '',
      '',
      '',
      '',
    ]);
  });

  it('--xlsx FILE holds the CSV lines, rates as percentages', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan12b-parse-xlsx-')), 'amendment-6.xlsx');
    const r = await runCliInProcess(['exhibit', 'parse', classK(), '--xlsx', file]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    // row 1: the title; row 2: the header; rows 3–12: the 10 entries
    expect(String(ws.getRow(1).getCell(1).value)).toContain('Amendment No. 6');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(ws.rowCount).toBe(12);
    const first = ws.getRow(3);
    expect(first.getCell(3).value).toBe('AIM Core Stock Fund');
    // 0.20% is the fraction 0.0020, shown 0.2000%
    expect(first.getCell(5).value).toBe(0.002);
    expect(first.getCell(5).numFmt).toBe(PCT_FORMAT);
    expect(first.getCell(8).value).toBe(0.0045);
  });
});
