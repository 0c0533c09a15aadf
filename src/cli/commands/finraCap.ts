import type { Command } from 'commander';
import { importGrossSales } from '../../feeds/grossSalesFeed.js';
import { importPrimeRate } from '../../feeds/primeRateFeed.js';
import type { FeedOptions } from '../../import/feedImport.js';
import { FINRA_CAP_COLUMNS, finraCapReport } from '../../reports/finraCapReport.js';
import { writeXlsx } from '../../reports/xlsxOut.js';
import { finraCapSheet } from '../../reports/xlsxSheets.js';
import type { Database } from '../../store/database.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { counted } from '../counted.js';
import { toCsv } from '../csvOut.js';
import { GIVE_THE_LAST_MONTH, monthOrLastClosed } from '../monthOrLastClosed.js';
import { requireMonth } from '../options.js';
import { withFeedProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { printTable } from '../table.js';

/** FINRA Rule 2341(d)(2) (SPEC §10): the cap's feeds and its ledger. */
export function registerFinraCapCommands(program: Command, getContext: () => CliContext): void {
  const feed = (
    name: string,
    description: string,
    header: string,
    run: (
      db: Database,
      file: string,
      bytes: Uint8Array,
      opts: Pick<FeedOptions, 'restate' | 'onProgress'>,
    ) => Promise<{ rows: number; inserted: number; unchanged: number; restated: readonly unknown[] }>,
  ) =>
    program
      .command(name)
      .description(description)
      .command('import')
      .description(`import ${header} rows: all-or-nothing, idempotent`)
      .argument('<file>', `CSV file with header ${header}`)
      .option('--restate', 'allow rows that change recorded values (not in or before a closed month)')
      .option('--json', 'print JSON')
      .action(async (file: string, opts: { restate?: boolean; json?: boolean }) => {
        const ctx = getContext();
        const bytes = readInputFile(file);
        const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
          withDatabase(ctx, (db) => run(db, file, bytes, { restate: opts.restate === true, ...progress })),
        );
        if (opts.json) return printJson(ctx, result);
        ctx.out(
          `${file}: ${counted(result.rows, 'row')}; ${result.inserted} new, ${result.unchanged} unchanged, ${result.restated.length} restated`,
        );
      });
  feed(
    'gross-sales',
    'new gross sales per portfolio, class and month, excluding reinvestments and exchanges (FINRA 2341)',
    'month,portfolio,class,gross_sales[,front_end_sales_charges,deferred_sales_charges]',
    importGrossSales,
  );
  feed(
    'prime-rate',
    "the prime rate, effective-dated (the FINRA cap's interest is prime + 1%)",
    'effective_date,prime_rate',
    importPrimeRate,
  );

  program
    .command('finra-cap')
    .description(
      'the FINRA Rule 2341 aggregate cap ledger of a class, month by month: remaining amount, ABSC allowed',
    )
    .requiredOption('--class <class>', 'the share class')
    .option('--portfolio <name>', 'only this portfolio (any name it ever had)')
    .option('--through <YYYY-MM>', 'the last month of the ledger (default: the last month closed)')
    .option('--csv', 'print CSV: one line per portfolio and month')
    .option('--xlsx <file>', 'write the ledger as an XLSX workbook')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        class: string;
        portfolio?: string;
        through?: string;
        csv?: boolean;
        xlsx?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const through =
          opts.through === undefined
            ? await monthOrLastClosed(ctx, undefined, GIVE_THE_LAST_MONTH)
            : requireMonth(opts.through, '--through');
        const report = await withReadSnapshot(ctx, (q) =>
          finraCapReport(q, {
            class: opts.class,
            through,
            ...(opts.portfolio ? { portfolio: opts.portfolio } : {}),
          }),
        );
        if (opts.xlsx) {
          await writeXlsx(opts.xlsx, [finraCapSheet(report, through)]);
          if (!opts.json && !opts.csv) ctx.err(`${opts.xlsx}: ${report.months.length} months`);
        }
        if (opts.json) return printJson(ctx, report);
        if (opts.csv) ctx.out(toCsv(FINRA_CAP_COLUMNS, report.months));
        else if (!opts.xlsx) {
          printTable(
            ctx,
            [
              'Portfolio',
              'Month',
              'Gross sales',
              'Cap +',
              'Interest',
              'Loads',
              'ABSC',
              'Allowed',
              'Remaining',
            ],
            report.months.map((m) => [
              m.portfolio,
              m.month,
              m.newGrossSales,
              m.capAddition,
              m.interest,
              m.frontEndAndDeferred,
              m.abscAccrued,
              m.abscAllowed,
              m.remaining,
            ]),
          );
          for (const c of report.classes)
            ctx.out(
              `${c.portfolio} class ${c.class}: remaining ${c.remaining}${c.exhaustedOn ? `; exhausted, ABSC stopped ${c.exhaustedOn}` : ''}`,
            );
        }
        for (const w of report.warnings) ctx.err(`warning: ${w}`);
      },
    );
}
