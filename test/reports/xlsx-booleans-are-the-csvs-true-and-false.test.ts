import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetCsv } from '../../src/cli/tabularOutput.js';
import { xlsxBytes } from '../../src/reports/xlsxOut.js';
import { listSheet } from '../../src/reports/xlsxSheets.js';

/**
 * One convention for a yes/no fact across every CSV/XLSX pair (FORMATS "XLSX"): the CSV says
 * `true`/`false` (as `approvals list --csv` is documented), the workbook holds the spreadsheet's
 * own booleans (TRUE/FALSE: what a spreadsheet makes of the CSV's true/false when it opens it).
 * The workbook once said "yes"/"no" where its own CSV said "true"/"false" (`approvals list`:
 * carried, inPerson, calledForThePurpose; `finra-cap` and the board report: exhausted).
 */
describe('a boolean in a workbook and in its CSV', () => {
  const rows = [
    { meetingDate: '2005-06-09', carried: true, inPerson: false, note: 'no' },
    { meetingDate: '2005-07-01', carried: false, inPerson: true, note: 'yes' },
  ];
  const sheet = listSheet('Approvals', 'Approvals', ['meetingDate', 'carried', 'inPerson', 'note'], rows);

  it('the CSV says true and false', () => {
    expect(sheetCsv(sheet).split('\n')).toEqual([
      'meetingDate,carried,inPerson,note',
      '2005-06-09,true,false,no',
      '2005-07-01,false,true,yes',
    ]);
  });

  it('the workbook holds booleans, each the CSV value, and text stays text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBytes([sheet])) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Approvals')!;
    // row 1: the title; row 2: the header; then the rows
    const body = [3, 4].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(body).toEqual([
      ['2005-06-09', true, false, 'no'],
      ['2005-07-01', false, true, 'yes'],
    ]);
    const csvRows = sheetCsv(sheet)
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(body.map((r) => r.map(String))).toEqual(csvRows);
  });
});
