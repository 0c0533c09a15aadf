import type { Command } from 'commander';
import { importExpenditures } from '../../feeds/expendituresFeed.js';
import { BOARD_REPORT_CSV_COLUMNS, boardReport, boardReportLines } from '../../reports/boardReport.js';
import { boardReportGovernance } from '../../reports/boardReportGovernance.js';
import { writeBoardReportPdf } from '../../reports/boardReportPdf.js';
import { boardReportSheets } from '../../reports/boardReportXlsx.js';
import { writeXlsx } from '../../reports/xlsxOut.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { counted } from '../counted.js';
import { toCsv } from '../csvOut.js';
import { QUARTER_DEFAULT_HELP, quarterOrLastClosed } from '../monthOrLastClosed.js';
import { withFeedProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { printTable } from '../table.js';

/** Plan §3, §8 (SPEC §10): what is spent under the Plan and the board's quarterly report. */
export function registerBoardReportCommands(program: Command, getContext: () => CliContext): void {
  program
    .command('expenditures')
    .description('amounts spent under the Plan per portfolio and class, by purpose (Plan §3)')
    .command('import')
    .description(
      'import portfolio,class,period,purpose,amount[,description] rows: all-or-nothing, idempotent',
    )
    .argument(
      '<file>',
      'CSV file; period is a quarter (2025Q4) or a date; purpose one of the Plan §3 purposes',
    )
    .option('--restate', 'allow rows that change recorded amounts')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { restate?: boolean; json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) =>
          importExpenditures(db, file, bytes, { restate: opts.restate === true, ...progress }),
        ),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `${file}: ${counted(result.rows, 'row')}; ${result.inserted} new, ${result.unchanged} unchanged, ${result.restated.length} restated`,
      );
    });

  program
    .command('board-report')
    .description(
      'the quarterly report to the board (Plan §8): instruments in force, fees, amounts spent by purpose, FINRA cap, approvals, continuance',
    )
    .option('--quarter <YYYYQn>', QUARTER_DEFAULT_HELP)
    .option('--pdf <file>', 'write the report as a PDF')
    .option('--xlsx <file>', 'write the report as an XLSX workbook, one sheet per section')
    .option('--csv', 'print CSV: one line per item, with its section')
    .option('--json', 'print JSON')
    .action(
      async (opts: { quarter?: string; pdf?: string; xlsx?: string; csv?: boolean; json?: boolean }) => {
        const ctx = getContext();
        const quarter = await quarterOrLastClosed(ctx, opts.quarter);
        const report = await withReadSnapshot(ctx, (q) => boardReport(q, quarter, boardReportGovernance));
        if (opts.pdf) {
          await writeBoardReportPdf(report, { preparedAt: new Date().toISOString() }, opts.pdf);
          if (!opts.json && !opts.csv) ctx.err(`${opts.pdf}: board report ${report.quarter}`);
        }
        if (opts.xlsx) {
          await writeXlsx(opts.xlsx, boardReportSheets(report));
          if (!opts.json && !opts.csv) ctx.err(`${opts.xlsx}: board report ${report.quarter}`);
        }
        if (opts.json) return printJson(ctx, report);
        if (opts.csv) ctx.out(toCsv(BOARD_REPORT_CSV_COLUMNS, boardReportLines(report)));
        else if (!opts.pdf && !opts.xlsx) {
          ctx.out(`Board report ${report.quarter} (${report.from} to ${report.to})`);
          printSections(ctx, boardReportLines(report), report.quarter);
          if (report.approvals === null) ctx.out('Approvals and votes: no approvals recorded.');
        }
        for (const w of report.warnings) ctx.err(`warning: ${w}`);
      },
    );
}

/**
 * The report's text, a table per section under its name, each with the columns its lines fill:
 * the detail tells the lines apart (an instrument's schedule, date and counts; a continuance
 * deadline and its status). One table for all printed the item alone — two "Amended and Restated
 * Master Distribution Agreement" lines, continuance deadlines without a date. The quarter, every
 * fee line's detail, is in the title.
 */
function printSections(ctx: CliContext, lines: ReturnType<typeof boardReportLines>, quarter: string): void {
  const sections = new Map<string, typeof lines>();
  for (const l of lines) sections.set(l.section, [...(sections.get(l.section) ?? []), l]);
  const columns = [
    ['Portfolio', (l: (typeof lines)[number]) => l.portfolio],
    ['Class', (l: (typeof lines)[number]) => l.class],
    ['Item', (l: (typeof lines)[number]) => l.item],
    ['Detail', (l: (typeof lines)[number]) => (l.detail === quarter ? '' : l.detail)],
    ['Amount', (l: (typeof lines)[number]) => l.amount],
  ] as const;
  for (const [section, rows] of sections) {
    const shown = columns.filter(([, cell]) => rows.some((l) => cell(l) !== ''));
    ctx.out('');
    ctx.out(section);
    printTable(
      ctx,
      shown.map(([name]) => name),
      rows.map((l) => shown.map(([, cell]) => cell(l))),
    );
  }
}
