import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { monthEnd } from '../../calendar/isoDate.js';
import { businessDayAfter } from '../../calendar/nyseCalendar.js';
import { Plan12bError } from '../../errors.js';
import { closedMonthLines, feesAsRead, feesDocument } from '../../reports/feesAsRead.js';
import { FEES_DAILY_COLUMNS, FEES_MONTH_COLUMNS } from '../../reports/feesReport.js';
import { JOURNAL_COLUMNS, type Journal, monthJournal } from '../../reports/journal.js';
import {
  adjustmentLines,
  readingDocument,
  readingHeadline,
  readMonth,
} from '../../reports/sealedOrRecomputed.js';
import { writeXlsx } from '../../reports/xlsxOut.js';
import { feesSheet, journalSheet } from '../../reports/xlsxSheets.js';
import { type CliContext, printJson, withReadSnapshot } from '../context.js';
import { toCsv } from '../csvOut.js';
import { printFeesText } from '../feesText.js';
import {
  MONTH_DEFAULT_HELP,
  monthOrLastClosed,
  RANGE_DEFAULT_HELP,
  rangeOrLastClosed,
} from '../monthOrLastClosed.js';
import { printTable } from '../table.js';

export function registerFeesCommands(program: Command, getContext: () => CliContext): void {
  program
    .command('fees')
    .description('distribution and service fees per class and month over a date range (SPEC §4)')
    .option('--from <date>', RANGE_DEFAULT_HELP.from)
    .option('--to <date>', RANGE_DEFAULT_HELP.to)
    .option('--portfolio <name>', 'only this portfolio (any name it ever had)')
    .option('--class <class>', 'only this class')
    .option('--daily', 'the daily detail instead of monthly totals')
    .option('--recompute', "closed months from today's data, instead of as sealed")
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', 'write an XLSX workbook (totals, frozen header)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        from?: string;
        to?: string;
        portfolio?: string;
        class?: string;
        daily?: boolean;
        recompute?: boolean;
        csv?: boolean;
        xlsx?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const { from, to } = await rangeOrLastClosed(ctx, opts.from, opts.to);
        // SPEC §12: a closed month in the range is shown as sealed, the adjustments since beside it
        const { report, closedMonths } = await withReadSnapshot(ctx, (q) =>
          feesAsRead(
            q,
            {
              from,
              to,
              daily: opts.daily === true,
              ...(opts.portfolio ? { portfolio: opts.portfolio } : {}),
              ...(opts.class ? { class: opts.class } : {}),
            },
            { recompute: opts.recompute === true },
          ),
        );
        if (opts.xlsx) {
          await writeXlsx(opts.xlsx, [feesSheet(report, opts.daily === true)]);
          ctx.err(`${opts.xlsx}: fees ${from} … ${to}`);
        }
        if (opts.json) return printJson(ctx, feesDocument(report, closedMonths));
        for (const line of closedMonthLines(closedMonths)) ctx.err(line);
        if (opts.csv) {
          ctx.out(
            opts.daily
              ? toCsv(FEES_DAILY_COLUMNS, report.daily ?? [])
              : toCsv(FEES_MONTH_COLUMNS, report.classes),
          );
        } else if (opts.daily) {
          printTable(
            ctx,
            [...FEES_DAILY_COLUMNS],
            (report.daily ?? []).map((d) => FEES_DAILY_COLUMNS.map((c) => String(d[c as keyof typeof d]))),
          );
        } else printFeesText(ctx, report.classes);
        for (const w of report.warnings) ctx.err(`warning: ${w}`);
      },
    );

  program
    .command('journal')
    .description(
      "the month's general-ledger entries: daily 12b-1 accruals and the payment to the Distributor, balanced",
    )
    .option('--month <YYYY-MM>', MONTH_DEFAULT_HELP)
    .option('--payment-days <n>', 'payment date: this many NYSE business days after month end', '10')
    .option('--recompute', "a closed month: what today's data would say, instead of its sealed journal")
    .option('--csv', 'print CSV (the default)')
    .option('--out <file>', 'write the CSV to a file')
    .option('--xlsx <file>', 'write an XLSX workbook (debit and credit totals, frozen header)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        month?: string;
        paymentDays: string;
        recompute?: boolean;
        csv?: boolean;
        out?: string;
        xlsx?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const month = await monthOrLastClosed(ctx, opts.month);
        const days = Number(opts.paymentDays);
        if (!/^[0-9]{1,2}$/.test(opts.paymentDays) || days < 1 || days > 60)
          throw new Plan12bError(
            'USAGE',
            `--payment-days ${JSON.stringify(opts.paymentDays)} is not a whole number of business days from 1 to 60`,
            'payments are due on the 10th NYSE business day after month end (SPEC §8): --payment-days 10',
          );
        const reading = await withReadSnapshot(ctx, (tx) =>
          readMonth(tx, month, {
            part: 'journal',
            recompute: opts.recompute === true,
            sealed: (content) => content as Journal,
            compute: (q) => monthJournal(q, month, { paymentBusinessDays: days }),
          }),
        );
        const journal = reading.report;
        if (reading.basis === 'sealed' && journal.paymentDate !== businessDayAfter(monthEnd(month), days))
          throw new Plan12bError(
            'USAGE',
            `${month} is closed; its sealed journal pays on ${journal.paymentDate}`,
            'add --recompute to see the journal with another payment date',
          );
        if (opts.xlsx) {
          await writeXlsx(opts.xlsx, [journalSheet(journal, month)]);
          ctx.err(
            `${opts.xlsx}: ${journal.lines.length} lines, debits ${journal.totalDebits} = credits ${journal.totalCredits}`,
          );
          if (!opts.json && !opts.csv && !opts.out) return;
        }
        const csv = toCsv(JOURNAL_COLUMNS, journal.lines);
        if (opts.json) {
          // --out names the CSV's file whatever is printed: written with --json as without it
          if (opts.out) {
            writeFileSync(opts.out, `${csv}\n`);
            ctx.err(`${opts.out}: ${journal.lines.length} lines`);
          }
          return printJson(ctx, readingDocument(reading));
        }
        const headline = readingHeadline(month, reading);
        if (headline) ctx.err(headline);
        if (opts.out) {
          writeFileSync(opts.out, `${csv}\n`);
          ctx.err(
            `${opts.out}: ${journal.lines.length} lines, debits ${journal.totalDebits} = credits ${journal.totalCredits}`,
          );
        } else ctx.out(csv);
        for (const l of adjustmentLines(reading)) ctx.err(l);
        for (const w of journal.warnings) ctx.err(`warning: ${w}`);
      },
    );
}
