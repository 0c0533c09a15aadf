import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type XlsxSheet, xlsxBytes } from '../../src/reports/xlsxOut.js';

/**
 * SPEC §3: rates are exact decimals. A workbook holds a rate given in percent as its fraction
 * (FORMATS "XLSX": 0.75 → 0.7500%); the fraction was 0.45 / 100 in binary floating point,
 * 0.0045000000000000005, not 0.0045 — a cell that a formula comparing it with 0.45% found
 * different. The decimal point is moved two places in the text instead, so each cell holds the
 * number nearest the exact fraction, as the CSV's text does.
 */
describe('a rate in a workbook', () => {
  it('is the percent with its decimal point moved two places', async () => {
    const rates = ['0.45', '0.07', '0.75', '1.00', '12.5', '100', '-0.25', '0.0075'];
    const sheet: XlsxSheet = {
      name: 'Rates',
      columns: [{ key: 'ratePct', header: 'Rate', kind: 'pct' }],
      rows: rates.map((ratePct) => ({ ratePct })),
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBytes([sheet])) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Rates')!;
    // no title: row 1 is the header, rows 2… the rates
    const cells = rates.map((_, i) => ws.getRow(2 + i).getCell(1).value);
    // by hand: 0.45% = 0.0045; 0.07% = 0.0007; 0.75% = 0.0075; 1.00% = 0.01; 12.5% = 0.125;
    // 100% = 1; -0.25% = -0.0025; 0.0075% = 0.000075
    expect(cells).toEqual([0.0045, 0.0007, 0.0075, 0.01, 0.125, 1, -0.0025, 0.000075]);
  });
});
