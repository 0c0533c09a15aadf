/**
 * Writes a month's statements into a folder: one CSV per provider, and one PDF per provider (or,
 * for very large runs, for the providers a `pdfFor` predicate picks).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../cli/csvOut.js';
import { providerStatementCsv, statementFileStem } from './providerStatement.js';
import { writeProviderStatementPdf } from './providerStatementPdf.js';
import { PAYMENT_COLUMNS, paymentLines, type ServiceFeesReport } from './serviceFeesReport.js';

export interface StatementFiles {
  readonly dir: string;
  readonly csv: number;
  readonly pdf: number;
}

export async function writeProviderStatements(
  report: ServiceFeesReport,
  dir: string,
  opts: { pdfFor?: (index: number) => boolean } = {},
): Promise<StatementFiles> {
  mkdirSync(dir, { recursive: true });
  let pdf = 0;
  for (const [i, p] of report.providers.entries()) {
    const stem = join(dir, statementFileStem(report, p));
    writeFileSync(`${stem}.csv`, providerStatementCsv(report, p));
    if (opts.pdfFor && !opts.pdfFor(i)) continue;
    await writeProviderStatementPdf(report, p, `${stem}.pdf`);
    pdf++;
  }
  return { dir, csv: report.providers.length, pdf };
}

/** The payments file (SPEC §5): provider_id,name,kind,month,amount,pay_date. */
export function writePaymentsCsv(report: ServiceFeesReport, path: string): number {
  const lines = paymentLines(report);
  writeFileSync(path, `${toCsv(PAYMENT_COLUMNS, lines)}\n`);
  return lines.length;
}
