import type { Command } from 'commander';
import { Plan12bError } from '../../errors.js';
import { importOmnibusMonths } from '../../feeds/omnibusFeed.js';
import { distributorShareCsv } from '../../reports/distributorShareCsv.js';
import { distributorShareReport } from '../../reports/distributorShareReport.js';
import { monthlyCalculationCsv, monthlyCalculationCsvRows } from '../../reports/monthlyCalculationCsv.js';
import {
  type MonthlyCalculationReport,
  monthlyCalculationReport,
} from '../../reports/monthlyCalculationReport.js';
import { sealedDistributorShare } from '../../reports/sealedDistributorShare.js';
import {
  adjustmentLines,
  readingDocument,
  readingHeadline,
  readMonth,
} from '../../reports/sealedOrRecomputed.js';
import { writeXlsx } from '../../reports/xlsxOut.js';
import { distributorShareSheet, monthlyCalculationSheets } from '../../reports/xlsxSheets.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { counted } from '../counted.js';
import { printMonthlyCalculationText } from '../monthlyCalculationText.js';
import { MONTH_DEFAULT_HELP, monthOrLastClosed } from '../monthOrLastClosed.js';
import { requireDate } from '../options.js';
import { withFeedProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { writeXlsxOption } from '../tabularOutput.js';

export function registerMonthlyCalculationCommands(program: Command, getContext: () => CliContext): void {
  const omnibus = program
    .command('omnibus')
    .description('Omnibus Accounts: the sub-transfer agent’s monthly figures (Exhibit A 2(c))');
  omnibus
    .command('import')
    .description(
      'import month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
    )
    .argument('<file>', 'CSV file')
    .option('--restate', 'correct the figures of recorded months that are not closed')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { restate?: boolean; json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) =>
          importOmnibusMonths(db, file, bytes, { restate: opts.restate === true, ...progress }),
        ),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `${file}: ${counted(result.rows, 'row')}; ${result.inserted} new, ${result.unchanged} unchanged, ${result.restated.length} restated`,
      );
      for (const r of result.restated)
        ctx.out(`  restated ${r.account}, ${r.portfolio}, ${r.month}: ${r.old} → ${r.new}`);
    });

  program
    .command('distributor-share')
    .description(
      "the Distributor's 12b-1 Share per portfolio at each computation date, by rule (a), (b), (c) of Exhibit A",
    )
    .option('--month <YYYY-MM>', MONTH_DEFAULT_HELP)
    .option('--recompute', "a closed month: each computation from today's data, instead of the sealed share")
    .option('--csv', 'print CSV: one line per portfolio, computation and party')
    .option('--xlsx <file>', "write an XLSX workbook: the CSV's lines, the 12b-1 Share totalled")
    .option('--json', 'print JSON')
    .action(
      async (opts: { month?: string; recompute?: boolean; csv?: boolean; xlsx?: string; json?: boolean }) => {
        const ctx = getContext();
        const month = await monthOrLastClosed(ctx, opts.month);
        const reading = await withReadSnapshot(ctx, (tx) =>
          readMonth(tx, month, {
            part: 'monthly-calculation',
            recompute: opts.recompute === true,
            sealed: (content) => sealedDistributorShare(content as MonthlyCalculationReport),
            compute: (q) => distributorShareReport(q, month),
          }),
        );
        // DEVELOPERS rule 7: the workbook and the CSV are the same lines
        await writeXlsxOption(ctx, opts.xlsx, [distributorShareSheet(reading, month)]);
        if (opts.json) return printJson(ctx, readingDocument(reading));
        const headline = readingHeadline(month, reading);
        if (opts.csv) {
          if (headline) ctx.err(headline);
          ctx.out(distributorShareCsv(reading));
          for (const l of adjustmentLines(reading)) ctx.err(l);
          if (reading.basis !== 'sealed') for (const w of reading.report.warnings) ctx.err(`warning: ${w}`);
          return;
        }
        if (headline) ctx.out(headline);
        if (reading.basis === 'sealed') {
          for (const p of reading.report.portfolios)
            ctx.out(
              `${p.portfolio}: ${p.distributor12b1SharePct}% — ${reading.report.distributor}'s 12b-1 Share ${p.distributor12b1Share} of Distribution Fees ${p.distributionFee}${p.otherDistributors.map((o) => `; ${o.distributor} ${o.twelveB1Share}`).join('')}`,
            );
          ctx.out(
            "(the computations by rule (a), (b), (c) are not sealed; --recompute shows them from today's data)",
          );
        } else {
          for (const p of reading.report.portfolios) {
            if (
              p.computations.length === 0 &&
              p.exclusive.length === 1 &&
              p.exclusive[0]!.distributor === p.distributor
            ) {
              ctx.out(
                `${p.portfolio}: 100% — ${p.distributor} exclusive distributor${p.exclusiveThrough ? ` through ${p.exclusiveThrough}` : ''}`,
              );
              continue;
            }
            ctx.out(`${p.portfolio} (${p.distributor} exclusive through ${p.exclusiveThrough ?? '—'}):`);
            // SPEC §7: days one distributor took whole (a predecessor before the Distributor served)
            for (const x of p.exclusive)
              ctx.out(`  ${x.from}–${x.to}: 100% to ${x.distributor}, exclusive distributor`);
            for (const c of p.computations) {
              ctx.out(`  ${c.date}: ${c.sharePct}% = ${c.numerator} / ${c.denominator}`);
              for (const r of c.byRule)
                ctx.out(
                  `    ${r.distributor}: (a) ${r.a_commissionShares} + (b) ${r.b_freeShares} + (c) ${r.c_omnibusFreeShares} = ${r.total}`,
                );
            }
          }
        }
        for (const l of adjustmentLines(reading)) ctx.out(l);
        if (reading.basis !== 'sealed') for (const w of reading.report.warnings) ctx.err(`warning: ${w}`);
      },
    );

  program
    .command('monthly-calculation')
    .description(
      "the Monthly Calculation (Agreement EIGHTH(C)): Distribution Fees, the Distributor's 12b-1 Share, Earned CDSC, each Assignee's portions",
    )
    .option('--month <YYYY-MM>', MONTH_DEFAULT_HELP)
    .option(
      '--due-date <date>',
      'a later payment date the Distributor instructs (default: the 10th NYSE business day after month end)',
    )
    .option('--csv', 'print CSV: one line per portfolio and payee')
    .option('--pdf <file>', 'write a PDF, one page per portfolio for the treasurer to sign')
    .option('--xlsx <file>', 'write an XLSX workbook: one line per portfolio and payee, with totals')
    .option('--recompute', "a closed month: what today's data would say, instead of its sealed results")
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        month?: string;
        dueDate?: string;
        csv?: boolean;
        pdf?: string;
        xlsx?: string;
        recompute?: boolean;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const month = await monthOrLastClosed(ctx, opts.month);
        const instructed = opts.dueDate === undefined ? null : requireDate(opts.dueDate, '--due-date');
        const reading = await withReadSnapshot(ctx, (tx) =>
          readMonth(tx, month, {
            part: 'monthly-calculation',
            recompute: opts.recompute === true,
            sealed: (content) => content as MonthlyCalculationReport,
            compute: (q) => monthlyCalculationReport(q, month, { instructedDueDate: instructed }),
          }),
        );
        const report = reading.report;
        if (reading.basis === 'sealed' && instructed !== null && instructed !== report.dueDate)
          throw new Plan12bError(
            'USAGE',
            `${month} is closed; its sealed Monthly Calculation is due ${report.dueDate}`,
            'add --recompute to see it with another due date',
          );
        const headline = readingHeadline(month, reading);
        if (opts.pdf) {
          // Loaded here, not at start-up: the PDF library costs every other command its load time.
          const { writeMonthlyCalculationPdf } = await import('../../reports/monthlyCalculationPdf.js');
          await writeMonthlyCalculationPdf(
            report.portfolios,
            {
              month,
              distributor: report.distributor,
              preparedAt: new Date().toISOString(),
              priorPeriodAdjustments: report.priorPeriodAdjustments ?? [],
              priorPeriodServiceFeeAdjustments: report.priorPeriodServiceFeeAdjustments ?? [],
              ...(report.payables ? { payables: report.payables } : {}),
              ...(report.classBVintages ? { vintages: report.classBVintages } : {}),
            },
            opts.pdf,
          );
          if (!opts.json && !opts.csv) ctx.err(`${opts.pdf}: ${report.portfolios.length} page(s)`);
        }
        if (opts.xlsx) {
          await writeXlsx(opts.xlsx, monthlyCalculationSheets(report));
          const { lines } = monthlyCalculationCsvRows(report);
          ctx.err(`${opts.xlsx}: Monthly Calculation ${month}, ${lines.length} lines`);
        }
        if (opts.json) return printJson(ctx, readingDocument(reading));
        if (opts.csv || opts.pdf || opts.xlsx) {
          if (headline) ctx.err(headline);
          for (const l of adjustmentLines(reading)) ctx.err(l);
          for (const w of report.warnings ?? []) ctx.err(`warning: ${w}`);
          if (opts.csv) ctx.out(monthlyCalculationCsv(report));
          return;
        }
        if (headline) ctx.out(headline);
        printMonthlyCalculationText(ctx, report);
        for (const l of adjustmentLines(reading)) ctx.out(l);
        // SPEC §2: conflicts in the registry the month's fees touched
        for (const w of report.warnings ?? []) ctx.err(`warning: ${w}`);
      },
    );
}
