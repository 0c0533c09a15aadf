import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FeesReport } from '../../src/reports/feesReport.js';
import type { Journal } from '../../src/reports/journal.js';
import { monthlyCalculationCsv } from '../../src/reports/monthlyCalculationCsv.js';
import type { MonthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { ServiceFeesReport } from '../../src/reports/serviceFeesReport.js';
import { MONEY_FORMAT, PCT_FORMAT, xlsxBytes } from '../../src/reports/xlsxOut.js';
import {
  feesSheet,
  journalSheet,
  monthlyCalculationSheet,
  monthlyCalculationSheets,
  serviceFeesSheets,
} from '../../src/reports/xlsxSheets.js';

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const row = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('XLSX written by plan12b, read back', () => {
  it('fees: a title, a frozen bold header, money as numbers in #,##0.00, an exact totals row', async () => {
    const report: FeesReport = {
      from: '2025-01-01',
      to: '2025-02-28',
      warnings: [],
      classes: [
        {
          portfolio: 'AIM Value Fund',
          portfolioId: 'p1',
          class: 'C',
          month: '2025-01',
          days: 31,
          averageDailyNetAssets: '3650000.00',
          distributionFee: '2325.00',
          serviceFee: '775.00',
          totalFee: '3100.00',
        },
        {
          portfolio: 'AIM Value Fund',
          portfolioId: 'p1',
          class: 'C',
          month: '2025-02',
          days: 28,
          averageDailyNetAssets: '3650000.00',
          distributionFee: '0.10',
          serviceFee: '0.20',
          totalFee: '0.30',
        },
      ],
    };
    const wb = await readBack(await xlsxBytes([feesSheet(report, false)]));
    const ws = wb.getWorksheet('Fees')!;
    expect(ws.getCell('A1').value).toBe('12b-1 fees 2025-01-01 to 2025-02-28');
    expect(row(ws, 2)).toEqual([
      'Portfolio',
      'Class',
      'Month',
      'Days',
      'Average daily net assets',
      'Distribution fee',
      'Service fee',
      'Total fee',
    ]);
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell('F3').value).toBe(2325);
    expect(ws.getCell('F3').numFmt).toBe(MONEY_FORMAT);
    expect(ws.getCell('D3').numFmt).toBe('#,##0');
    // totals: 2,325.00 + 0.10 = 2,325.10; 775.00 + 0.20 = 775.20; 3,100.00 + 0.30 = 3,100.30
    expect(ws.getCell('A5').value).toBe('Total');
    expect(ws.getCell('F5').value).toEqual({ formula: 'SUM(F3:F4)', result: 2325.1 });
    expect(ws.getCell('G5').value).toEqual({ formula: 'SUM(G3:G4)', result: 775.2 });
    expect(ws.getCell('H5').value).toEqual({ formula: 'SUM(H3:H4)', result: 3100.3 });
    // days and average net assets do not add up across rows: left blank
    expect(ws.getCell('D5').value).toBeNull();
    expect(ws.getCell('E5').value).toBeNull();
  });

  it('rates are percentages (0.75 → 0.0075 shown 0.7500%), and formula-like text is neutralised', async () => {
    const report: FeesReport = {
      from: '2025-01-02',
      to: '2025-01-02',
      warnings: [],
      classes: [],
      daily: [
        {
          portfolio: '=HYPERLINK("http://x")',
          portfolioId: 'p1',
          class: 'C',
          date: '2025-01-02',
          netAssets: '-12.50',
          distributionFeePct: '0.75',
          serviceFeePct: '0.25',
          distributionFee: '0.00',
          serviceFee: '0.00',
        },
      ],
    };
    const ws = (await readBack(await xlsxBytes([feesSheet(report, true)]))).getWorksheet('Daily fees')!;
    expect(ws.getCell('A3').value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell('D3').value).toBe(-12.5);
    expect(ws.getCell('E3').value).toBe(0.0075);
    expect(ws.getCell('E3').numFmt).toBe(PCT_FORMAT);
  });

  it('journal: debits and credits total and balance', async () => {
    const line = (debit: string, credit: string) => ({
      date: '2025-01-31',
      entry: 'accrual',
      account: 'x',
      portfolio: 'AIM Value Fund',
      class: 'C',
      debit,
      credit,
      memo: '',
    });
    const journal: Journal = {
      month: '2025-01',
      paymentDate: '2025-02-14',
      lines: [line('100.05', '0.00'), line('0.00', '100.05')],
      totalDebits: '100.05',
      totalCredits: '100.05',
      warnings: [],
    };
    const ws = (await readBack(await xlsxBytes([journalSheet(journal, '2025-01')]))).getWorksheet(
      'Journal 2025-01',
    )!;
    expect(ws.getCell('F5').value).toEqual({ formula: 'SUM(F3:F4)', result: 100.05 });
    expect(ws.getCell('G5').value).toEqual({ formula: 'SUM(G3:G4)', result: 100.05 });
  });

  it('service fees: a sheet of providers and one of classes; Monthly Calculation totals only the portions', async () => {
    const report = {
      month: '2025-01',
      paymentDate: '2025-02-14',
      providers: [
        {
          id: 'DLR-1',
          name: 'Granite',
          classes: [
            {
              portfolio: 'AIM Value Fund',
              portfolioId: 'p1',
              class: 'C',
              days: 31,
              averageDailyNetAssets: '1000000.00',
              ratePct: '0.25',
              amount: '212.33',
            },
          ],
        },
      ],
      classes: [
        {
          portfolio: 'AIM Value Fund',
          portfolioId: 'p1',
          class: 'C',
          serviceFee: '775.00',
          providerFees: '212.33',
          distributorRetained: '562.67',
          providers: 1,
        },
      ],
      totals: { serviceFee: '775.00', providerFees: '212.33', distributorRetained: '562.67' },
      warnings: [],
    } as unknown as ServiceFeesReport;
    const wb = await readBack(await xlsxBytes(serviceFeesSheets(report)));
    expect(wb.getWorksheet('Providers')!.getCell('G3').value).toBe(0.0025);
    // 212.33 + 562.67 = 775.00
    expect(wb.getWorksheet('Classes')!.getCell('C4').value).toEqual({ formula: 'SUM(C3:C3)', result: 775 });

    const mc = monthlyCalculationSheet(
      [
        {
          portfolio: 'P',
          distributionFee: '1000.00',
          payee: 'D',
          twelveB1Portion: '600.00',
          cdscPortion: '10.00',
        },
        {
          portfolio: 'P',
          distributionFee: '1000.00',
          payee: 'A',
          twelveB1Portion: '400.00',
          cdscPortion: '5.00',
        },
      ],
      '2025-01',
    );
    const ws = (await readBack(await xlsxBytes([mc]))).getWorksheet('Monthly Calculation 2025-01')!;
    expect(ws.getCell('A5').value).toBe('Total of the portions');
    expect(ws.getCell('D5').value).toBeNull(); // the distribution fee repeats per payee: not summed
    expect(ws.getCell('I5').value).toEqual({ formula: 'SUM(I3:I4)', result: 1000 });
    expect(ws.getCell('J5').value).toEqual({ formula: 'SUM(J3:J4)', result: 15 });
  });

  it('monthly-calculation: the workbook holds the CSV’s prior-period adjustments and payments due too', async () => {
    // P's Distribution Fees 1,000.00: the Distributor D 600.00 of 12b-1 and 10.00 of CDSC, the
    // Assignee A (paid directly) 400.00 and 5.00. A restatement of 2024-12 adds 3.00 to D’s 12b-1
    // and 2.00 to A’s. Payable: D 600.00 + 10.00 + 3.00 = 613.00; A 400.00 + 5.00 + 2.00 = 407.00;
    // the Fund pays 1,020.00 in all (12b-1 1,000.00, CDSC 15.00, adjustments 5.00).
    const share = { sharePct: '100.0000', distributor: 'D', twelveB1Share: '1000.00' };
    const report = {
      month: '2025-01',
      distributor: 'D',
      dueDate: '2025-02-14',
      portfolios: [
        {
          portfolio: 'P',
          portfolioId: 'p',
          distributionFee: '1000.00',
          distributor12b1Share: '1000.00',
          earnedCdsc: '15.00',
          distributor12b1Portion: '600.00',
          distributorEarnedCdscPortion: '10.00',
          distributorPayTo: 'D',
          computations: [{ parties: [share] }],
          otherDistributors: [],
          assignees: [
            {
              transferId: 'T',
              assignee: 'A',
              twelveB1Portion: '400.00',
              cdscPortion: '5.00',
              payTo: 'A',
              owedOnToAssignee: '0.00',
            },
          ],
          payees: [],
        },
      ],
      priorPeriodAdjustments: [
        {
          month: '2024-12',
          portfolio: 'P',
          portfolioId: 'p',
          role: 'Distributor',
          payee: 'D',
          transferId: null,
          original: '600.00',
          previouslyAdjusted: '0.00',
          restated: '603.00',
          difference: '3.00',
          twelveB1Difference: '3.00',
          cdscDifference: '0.00',
        },
        {
          month: '2024-12',
          portfolio: 'P',
          portfolioId: 'p',
          role: 'Assignee',
          payee: 'A',
          transferId: 'T',
          original: '400.00',
          previouslyAdjusted: '0.00',
          restated: '402.00',
          difference: '2.00',
          twelveB1Difference: '2.00',
          cdscDifference: '0.00',
        },
      ],
      payables: [
        {
          portfolio: 'P',
          portfolioId: 'p',
          payee: 'D',
          role: 'Distributor',
          twelveB1: '600.00',
          cdsc: '10.00',
          adjustmentTwelveB1: '3.00',
          adjustmentCdsc: '0.00',
          owedOn: '0.00',
          payable: '613.00',
          dueDate: '2025-02-14',
        },
        {
          portfolio: 'P',
          portfolioId: 'p',
          payee: 'A',
          role: 'Assignee',
          twelveB1: '400.00',
          cdsc: '5.00',
          adjustmentTwelveB1: '2.00',
          adjustmentCdsc: '0.00',
          owedOn: '0.00',
          payable: '407.00',
          dueDate: '2025-02-14',
        },
      ],
      warnings: [],
    } as unknown as MonthlyCalculationReport;
    // the CSV: 2 lines, 2 adjustment lines, 2 payable lines (payable: its 18th column)
    const csv = monthlyCalculationCsv(report).split('\n');
    expect(csv.slice(1).map((l) => l.split(',')[17])).toEqual(['', '', '', '', '613.00', '407.00']);
    const wb = await readBack(await xlsxBytes(monthlyCalculationSheets(report)));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Monthly Calculation 2025-01',
      'Adjustments 2025-01',
      'Payments due 2025-01',
    ]);
    const adjustments = wb.getWorksheet('Adjustments 2025-01')!;
    expect(row(adjustments, 3)).toEqual(['P', '2024-12', 'D', 'D', 600, 603, 3, 3, 0]);
    expect(row(adjustments, 4)).toEqual(['P', '2024-12', 'A', 'A', 400, 402, 2, 2, 0]);
    expect(adjustments.getCell('G5').value).toEqual({ formula: 'SUM(G3:G4)', result: 5 });
    const payments = wb.getWorksheet('Payments due 2025-01')!;
    expect(row(payments, 2)).toEqual([
      'Portfolio',
      'Due date',
      'Payee',
      '12b-1 Portion',
      'CDSC Portion',
      'Prior-period adjustment',
      'Payable',
      'Owed on to Assignee',
    ]);
    expect(row(payments, 3)).toEqual(['P', '2025-02-14', 'D', 600, 10, 3, 613, 0]);
    expect(row(payments, 4)).toEqual(['P', '2025-02-14', 'A', 400, 5, 2, 407, 0]);
    expect(row(payments, 5)[0]).toBe('Total payable');
    expect(payments.getCell('G5').value).toEqual({ formula: 'SUM(G3:G4)', result: 1020 });
  });
});
