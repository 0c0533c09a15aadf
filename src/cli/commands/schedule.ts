import type { Command } from 'commander';
import { titleNamesInstrument } from '../../registry/instrumentNameApart.js';
import { scheduleAnswer } from '../../registry/scheduleAnswer.js';
import { scheduleSheet } from '../../reports/xlsxSheets.js';
import { todayIso } from '../../store/today.js';
import { type CliContext, printJson } from '../context.js';
import { requireDate } from '../options.js';
import { registryFor } from '../registryQuery.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

export function registerScheduleCommand(program: Command, getContext: () => CliContext): void {
  program
    .command('schedule')
    .description(
      'the schedule entries in force on a date: rates, and the document and amendment they come from; an entry whose instrument had lapsed (continuance missed) is flagged, whatever approvals.enforce says',
    )
    // with no date, today: what is in force now (the answer names its date)
    .option('--as-of <date>', 'the date (YYYY-MM-DD; default: today, UTC)')
    .option('--class <class>', 'only this class (A, B, C, K, R, Investor, …)')
    .option('--portfolio <name>', 'only this portfolio (any name it ever had)')
    .option('--csv', 'print CSV: one row per entry, with the document it comes from')
    .option('--xlsx <file>', 'write an XLSX workbook of the entries')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        asOf?: string;
        class?: string;
        portfolio?: string;
        csv?: boolean;
        xlsx?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const asOf = opts.asOf === undefined ? todayIso() : requireDate(opts.asOf, '--as-of');
        const { registry } = await registryFor(ctx);
        const answer = scheduleAnswer(registry, asOf, opts);
        const { entries, warnings, pending } = answer;
        const sheet = scheduleSheet(asOf, entries);
        await writeXlsxOption(ctx, opts.xlsx, [sheet]);
        if (opts.json) return printJson(ctx, answer);
        if (opts.csv) {
          ctx.out(sheetCsv(sheet));
          for (const w of warnings) ctx.err(`warning: ${w}`);
          return;
        }
        printTable(
          ctx,
          ['Registrant', 'Portfolio', 'Class', 'ABSC %', 'Service %', 'Aggregate %', 'Source'],
          entries.map((e) => [
            e.registrant ?? '',
            e.portfolio,
            e.class,
            `${e.assetBasedSalesChargePct ?? '—'}${e.rateSource === 'board' ? ' (board)' : ''}`,
            e.serviceFeePct ?? '—',
            e.aggregateFeePct ?? '—',
            `${e.schedule}${titleNamesInstrument(e.document.title, e.instrument) ? '' : ` of ${e.instrument}`}, ${e.document.title} (${e.document.effectiveDate})${e.approvals.length > 0 ? `; approved ${e.approvals.map((a) => a.meetingDate).join(', ')}` : ''}${e.stopped ? '; STOPPED' : ''}${e.lapse ? `; LAPSED ${e.lapse.endsOn}` : ''}`,
          ]),
        );
        ctx.out(
          `${entries.length} entries in force on ${asOf}${pending.length > 0 ? `; ${pending.length} pending` : ''}`,
        );
        for (const w of warnings) ctx.err(`warning: ${w}`);
      },
    );
}
