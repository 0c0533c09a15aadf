import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { neutralisedCell, workbookText } from '../cli/csvOut.js';
import { formatCents, parseCents } from '../money/cents.js';

/**
 * The one XLSX writer (exceljs; issue 13 item 5): wherever plan12b writes CSV for people it can
 * write a workbook too, with a bold frozen header row, an autofilter, number formats a fund
 * accountant accepts (money `#,##0.00`, rates as percentages, whole numbers `#,##0`) and a totals
 * row whose SUM formulas carry their exact value (computed in integer cents) as cached result.
 */
export type XlsxKind = 'text' | 'money' | 'pct' | 'int' | 'shares';

export interface XlsxColumn {
  readonly key: string;
  readonly header?: string;
  readonly kind?: XlsxKind;
  /** summed on the totals row (money and int columns) */
  readonly total?: boolean;
}

export interface XlsxSheet {
  readonly name: string;
  /** a title line above the table (the report, its period) */
  readonly title?: string;
  readonly columns: readonly XlsxColumn[];
  readonly rows: readonly object[];
  /** the label of the totals row, in the first column; no totals row when no column is totalled */
  readonly totalsLabel?: string;
}

/** The media type of an XLSX workbook (ECMA-376), as the API sends one. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const MONEY_FORMAT = '#,##0.00;[Red]-#,##0.00';
/** a rate given in percent ("0.75") is stored as the fraction 0.0075 and shown as 0.7500% */
export const PCT_FORMAT = '0.0000%';
export const INT_FORMAT = '#,##0';
export const SHARES_FORMAT = '#,##0.0000';

const columnLetter = (n: number): string => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/** A text cell: formula-like text neutralised (csvOut.ts), then as a workbook holds it. */
const textCell = (s: string) => workbookText(neutralisedCell(s));

/**
 * A rate in percent ("0.45") as the fraction a workbook holds (0.0045), the decimal point moved two
 * places in the text (SPEC §3: rates are exact decimals): dividing by 100 in binary floating point
 * gave 0.0045000000000000005, not the number nearest 0.0045 that the CSV's text reads as.
 */
function percentFraction(s: string): number {
  const [, sign = '', whole = '', fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s) ?? [];
  const digits = whole.padStart(3, '0');
  return Number(`${sign}${digits.slice(0, -2)}.${digits.slice(-2)}${fraction}`);
}

function cellValue(kind: XlsxKind, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v);
  switch (kind) {
    case 'money':
    case 'shares':
    case 'int':
      return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : textCell(s);
    case 'pct':
      return /^-?\d+(\.\d+)?$/.test(s) ? percentFraction(s) : textCell(s);
    default:
      // a yes/no fact is the spreadsheet's own TRUE/FALSE: what the CSV's true/false becomes when a
      // spreadsheet opens it, so the workbook and the CSV of one answer say the same
      return typeof v === 'boolean' ? v : textCell(s);
  }
}

const FORMATS: Record<XlsxKind, string | undefined> = {
  text: undefined,
  money: MONEY_FORMAT,
  pct: PCT_FORMAT,
  int: INT_FORMAT,
  shares: SHARES_FORMAT,
};

/** The workbook of the sheets, as bytes. */
export async function xlsxBytes(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  // loaded on the first workbook a process writes, not at every start of a command that may
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'plan12b';
  for (const sheet of sheets) {
    // Excel limits sheet names to 31 characters and forbids []:*?/\
    const ws = wb.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    let headerRow = 1;
    if (sheet.title) {
      ws.addRow([workbookText(sheet.title)]).font = { bold: true, size: 12 };
      headerRow = 2;
    }
    const header = ws.addRow(sheet.columns.map((c) => workbookText(c.header ?? c.key)));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const r of sheet.rows) {
      const rec = r as Record<string, unknown>;
      ws.addRow(sheet.columns.map((c) => cellValue(c.kind ?? 'text', rec[c.key])));
    }
    const first = headerRow + 1;
    const last = headerRow + sheet.rows.length;
    if (sheet.columns.some((c) => c.total)) {
      const totals = ws.addRow(
        sheet.columns.map((c, i) => {
          if (!c.total) return i === 0 ? (sheet.totalsLabel ?? 'Total') : null;
          const exact = sumColumn(sheet.rows, c.key, c.kind ?? 'money');
          const letter = columnLetter(i + 1);
          return { formula: `SUM(${letter}${first}:${letter}${Math.max(last, first - 1)})`, result: exact };
        }),
      );
      totals.font = { bold: true };
      totals.eachCell((cell) => {
        cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
      });
    }
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      const fmt = FORMATS[c.kind ?? 'text'];
      if (fmt) col.numFmt = fmt;
      const widest = Math.max(
        (c.header ?? c.key).length,
        ...sheet.rows
          .slice(0, 500)
          .map((r) => String((r as Record<string, unknown>)[c.key] ?? '').length + 2),
      );
      col.width = Math.min(Math.max(widest + 2, 10), 60);
    });
    ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
    if (sheet.rows.length > 0)
      ws.autoFilter = {
        from: { row: headerRow, column: 1 },
        to: { row: headerRow, column: sheet.columns.length },
      };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The exact total of a money or whole-number column (integer cents, never floats). */
function sumColumn(rows: readonly object[], key: string, kind: XlsxKind): number {
  if (kind === 'int') return rows.reduce((a, r) => a + Number((r as Record<string, unknown>)[key] ?? 0), 0);
  let cents = 0n;
  for (const r of rows) {
    const v = (r as Record<string, unknown>)[key];
    if (v !== null && v !== undefined && v !== '') cents += parseCents(String(v));
  }
  return Number(formatCents(cents));
}

export async function writeXlsx(file: string, sheets: readonly XlsxSheet[]): Promise<void> {
  writeFileSync(file, await xlsxBytes(sheets));
}
