import type { Command } from 'commander';
import { whatIfReport } from '../../reports/whatIfReport.js';
import { whatIfSheet } from '../../reports/xlsxSheets.js';
import { type CliContext, printJson, withReadSnapshot } from '../context.js';
import { requireDate, requireRate } from '../options.js';
import { withStepProgress } from '../progress.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

/** `plan12b what-if`: the annual effect of a hypothetical rate on fees and payees; writes nothing. */
export function registerWhatIfCommand(program: Command, getContext: () => CliContext): void {
  program
    .command('what-if')
    .description(
      "the annual effect of a hypothetical rate on a class's fees and on each payee (Distributor, Other Distributors, Assignees, service providers), from the recorded year; nothing is recorded",
    )
    .requiredOption('--portfolio <name>', 'the portfolio (any name it ever had)')
    .requiredOption('--class <class>', 'the class, e.g. B')
    .requiredOption(
      '--distribution-fee <pct>',
      'the distribution fee (asset-based sales charge), percent per annum',
    )
    .option('--service-fee <pct>', 'the service fee, percent per annum (default: the rate in force)')
    .option(
      '--from <date>',
      'the year is the 12 calendar months before this date’s month (default: the last 12 months recorded in full)',
    )
    .option('--csv', 'print CSV: one line per payee')
    .option('--xlsx <file>', 'write an XLSX workbook of the payees, before and after, totalled')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        portfolio: string;
        class: string;
        distributionFee: string;
        serviceFee?: string;
        from?: string;
        csv?: boolean;
        xlsx?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const query = {
          portfolio: opts.portfolio,
          class: opts.class,
          distributionFeePct: requireRate(opts.distributionFee, '--distribution-fee'),
          ...(opts.serviceFee === undefined
            ? {}
            : { serviceFeePct: requireRate(opts.serviceFee, '--service-fee') }),
          ...(opts.from === undefined ? {} : { from: requireDate(opts.from, '--from') }),
        };
        // one snapshot: every month is read as the same state of the store; a month at a time
        // (before and after) takes seconds: SPEC §11's bar on a terminal
        const report = await withStepProgress(ctx, 'what-if: months of the year', opts.json, (onMonth) =>
          withReadSnapshot(ctx, (q) => whatIfReport(q, query, onMonth)),
        );
        // DEVELOPERS rule 7: the workbook and the CSV are one sheet definition
        const sheet = whatIfSheet(report);
        await writeXlsxOption(ctx, opts.xlsx, [sheet]);
        if (opts.json) return printJson(ctx, report);
        if (opts.csv) {
          ctx.out(sheetCsv(sheet));
          for (const w of report.warnings) ctx.err(`warning: ${w}`);
          return;
        }
        ctx.out(
          `${report.portfolio} class ${report.class}, ${report.year.from} … ${report.year.to} (${report.year.basis}): distribution fee ${report.rates.before.distributionFeePct}% → ${report.rates.after.distributionFeePct}%, service fee ${report.rates.before.serviceFeePct}% → ${report.rates.after.serviceFeePct}%`,
        );
        printTable(
          ctx,
          ['Fee', 'Before', 'After', 'Difference'],
          (['distributionFee', 'serviceFee', 'totalFee'] as const).map((k) => [
            { distributionFee: 'Distribution fee', serviceFee: 'Service fee', totalFee: 'Total' }[k],
            report.fees[k].before,
            report.fees[k].after,
            report.fees[k].difference,
          ]),
        );
        printTable(
          ctx,
          ['Payee', 'Role', 'Component', 'Before', 'After', 'Difference'],
          report.payees.map((p) => [p.payee, p.role, p.component, p.before, p.after, p.difference]),
        );
        if (report.finraCap)
          ctx.out(
            `FINRA 2341 cap at ${report.year.to}: remaining ${report.finraCap.remaining.before} → ${report.finraCap.remaining.after}; asset-based sales charge stopped ${report.finraCap.exhaustedOn.before ?? 'never'} → ${report.finraCap.exhaustedOn.after ?? 'never'}`,
          );
        for (const n of report.notes) ctx.out(`note: ${n}`);
        for (const w of report.warnings) ctx.err(`warning: ${w}`);
      },
    );
}
