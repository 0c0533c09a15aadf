import type { Command } from 'commander';
import { Plan12bError } from '../../errors.js';
import { setBoardRate } from '../../import/boardRateChange.js';
import { boardRatesSheet } from '../../reports/xlsxSheets.js';
import { type CliContext, printJson, withDatabase } from '../context.js';
import { requireDate, requireRate } from '../options.js';
import { boardRatesFor } from '../registryQuery.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

export function registerRatesCommands(program: Command, getContext: () => CliContext): void {
  const rates = program
    .command('rates')
    .description('current rates set by the Board below the schedule maxima');
  rates
    .command('set')
    .description('record a Board-set rate for a class from a date (refused above the schedule maximum)')
    .requiredOption('--portfolio <name>', 'any name the portfolio ever had')
    .requiredOption('--class <class>', 'the class')
    .requiredOption('--from <date>', 'effective date (YYYY-MM-DD)')
    .option('--distribution-fee <pct>', 'asset-based sales charge, percent per annum')
    .option('--service-fee <pct>', 'service fee, percent per annum')
    .option('--reason <text>', 'e.g. the Board resolution')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        portfolio: string;
        class: string;
        from: string;
        distributionFee?: string;
        serviceFee?: string;
        reason?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        if (opts.distributionFee === undefined && opts.serviceFee === undefined)
          throw new Plan12bError('USAGE', 'give --distribution-fee, --service-fee or both');
        const rate = {
          portfolio: opts.portfolio,
          class: opts.class,
          effectiveDate: requireDate(opts.from, '--from'),
          distributionFeePct:
            opts.distributionFee === undefined
              ? null
              : requireRate(opts.distributionFee, '--distribution-fee'),
          serviceFeePct: opts.serviceFee === undefined ? null : requireRate(opts.serviceFee, '--service-fee'),
          reason: opts.reason ?? null,
        };
        const answer = await withDatabase(ctx, (db) => setBoardRate(db, rate));
        // the rate as recorded: the portfolio's name on its date, the class as the documents
        // spell it (`--class b` is Class B), the percentages in canonical form
        const { recorded, warnings } = answer;
        if (opts.json)
          return printJson(ctx, {
            portfolio: answer.portfolio,
            class: answer.class,
            effectiveDate: rate.effectiveDate,
            distributionFeePct: answer.distributionFeePct,
            serviceFeePct: answer.serviceFeePct,
            reason: rate.reason,
            recorded,
            warnings,
          });
        ctx.out(
          recorded
            ? `recorded: ${answer.portfolio} class ${answer.class} from ${rate.effectiveDate}`
            : 'unchanged: already recorded',
        );
        for (const w of warnings) ctx.err(`warning: ${w}`);
      },
    );
  rates
    .command('list')
    .description('every Board-set rate recorded')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV: one line per rate')
    .option('--xlsx <file>', 'write an XLSX workbook of the rates')
    .action(async (opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const list = await boardRatesFor(ctx);
      // DEVELOPERS rule 7: the workbook and the CSV are one sheet definition
      const sheet = boardRatesSheet(list);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, { rates: list });
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        ['From', 'Portfolio', 'Class', 'Distribution %', 'Service %', 'Reason'],
        list.map((r) => [
          r.effectiveDate,
          r.portfolio,
          r.class,
          r.distributionFeePct ?? '—',
          r.serviceFeePct ?? '—',
          r.reason ?? '',
        ]),
      );
    });
}
