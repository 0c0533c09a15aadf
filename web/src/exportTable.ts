// the CLI's rule for cells a spreadsheet would run as formulas (CSV injection), shared
import { neutralisedCell, workbookText } from '../../src/cli/csvOut';
import { saveBlob } from './api';
import { isMoney, sumDecimals } from './decimal';

export interface Column<Row> {
  readonly key: string;
  readonly label: string;
  readonly value: (row: Row) => string | number | null | undefined;
  /** Money columns are right-aligned, totalled exactly, and written as numbers with #,##0.00. */
  readonly money?: boolean;
  /**
   * a money column whose sum means nothing (each row a balance against its own limit, e.g. a
   * class's FINRA Rule 2341 remaining amount): formatted as money, never totalled
   */
  readonly notTotalled?: boolean;
  readonly percent?: boolean;
  /** right-aligned, not totalled (net assets, shares) */
  readonly numeric?: boolean;
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function totalsOf<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): Map<string, string> {
  const totals = new Map<string, string>();
  for (const c of columns) {
    if (!c.money || c.notTotalled) continue;
    const values = rows.map((r) => c.value(r)).filter((v): v is string => isMoney(v));
    totals.set(c.key, sumDecimals(['0.00', ...values]));
  }
  return totals;
}

export function toCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const r of rows)
    lines.push(columns.map((c) => csvCell(neutralisedCell(String(c.value(r) ?? '')))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function downloadCsv<Row>(name: string, rows: readonly Row[], columns: readonly Column<Row>[]): void {
  saveBlob(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
}

/** An XLSX a fund accountant accepts: frozen header, #,##0.00 amounts, an exact totals row. */
export async function downloadXlsx<Row>(
  name: string,
  rows: readonly Row[],
  columns: readonly Column<Row>[],
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan12b';
  const ws = wb.addWorksheet(name.slice(0, 31) || 'plan12b', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: workbookText(c.label),
    key: c.key,
    width: Math.min(48, Math.max(10, c.label.length + 2)),
    ...(c.money ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(
      Object.fromEntries(
        columns.map((c) => {
          const v = c.value(r);
          if (c.money && isMoney(v)) return [c.key, Number(v)];
          return [c.key, v === null || v === undefined ? '' : workbookText(neutralisedCell(String(v)))];
        }),
      ),
    );
  }
  const totals = totalsOf(rows, columns);
  if (totals.size > 0) {
    const row = ws.addRow(
      Object.fromEntries(
        columns.map((c, i) => [
          c.key,
          totals.has(c.key) ? Number(totals.get(c.key)) : i === 0 ? 'Total' : '',
        ]),
      ),
    );
    row.font = { bold: true };
  }
  const buffer = await wb.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${name}.xlsx`,
  );
}
