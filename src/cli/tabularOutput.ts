import { writeXlsx, type XlsxSheet } from '../reports/xlsxOut.js';
import type { CliContext } from './context.js';
import { toCsv } from './csvOut.js';

/**
 * `--xlsx FILE` of a command whose answer a person opens in a spreadsheet (DEVELOPERS rule 7): the
 * workbook of its sheets (xlsxSheets.ts), written before anything is printed; nothing without FILE.
 */
export async function writeXlsxOption(
  ctx: CliContext,
  file: string | undefined,
  sheets: readonly XlsxSheet[],
): Promise<void> {
  if (file === undefined) return;
  await writeXlsx(file, sheets);
  ctx.err(`${file}: ${sheets.map((s) => s.title ?? s.name).join('; ')}`);
}

/** `--csv` of the same answer: the sheet's keys as the header, its rows, so CSV and workbook agree. */
export function sheetCsv(sheet: XlsxSheet): string {
  return toCsv(
    sheet.columns.map((c) => c.key),
    sheet.rows,
  );
}
