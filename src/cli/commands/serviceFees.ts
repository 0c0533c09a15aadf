import { resolve } from 'node:path';
import type { Command } from 'commander';
import { importProviderAssets } from '../../feeds/providerAssetsFeed.js';
import { importProviders } from '../../feeds/providersFeed.js';
import {
  type TerminationResult,
  terminateOnAssignment,
  terminateOnNotice,
} from '../../import/providerTerminations.js';
import {
  adjustmentLines,
  readingDocument,
  readingHeadline,
  readMonth,
} from '../../reports/sealedOrRecomputed.js';
import { paymentsTotal, type ServiceFeesReport, serviceFeesReport } from '../../reports/serviceFeesReport.js';
import { writeXlsx, type XlsxSheet } from '../../reports/xlsxOut.js';
import { providersSheet, serviceFeesSheets } from '../../reports/xlsxSheets.js';
import { listProviders } from '../../store/serviceProvidersRepository.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { counted } from '../counted.js';
import { MONTH_DEFAULT_HELP, monthOrLastClosed } from '../monthOrLastClosed.js';
import { requireDate } from '../options.js';
import { withFeedProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { restatementNextStep } from '../restatementNextStep.js';
import { printServiceFeesText } from '../serviceFeesText.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

function printTermination(ctx: CliContext, result: TerminationResult, json: boolean | undefined): void {
  if (json) {
    printJson(ctx, result);
    return;
  }
  const p = result.provider;
  const last = p.history.at(-1);
  ctx.out(
    result.changed
      ? `${p.id} (${p.name}): agreement terminated effective ${p.terminationEffective}${last?.cause === 'assignment' ? ` on assignment${last.assignedTo ? ` to ${last.assignedTo}` : ''} (Plan §10(b))` : ` on written notice of ${last?.noticeDate} (Plan §10(a))`}; no service fee accrues from that day`
      : `${p.id} (${p.name}): that termination is already recorded; nothing changed`,
  );
}

/** providers, provider-assets and service-fees commands (SPEC §5). */
export function registerServiceFeesCommands(program: Command, getContext: () => CliContext): void {
  const providers = program
    .command('providers')
    .description('service providers and their Service Agreements (Plan §4(b)–(g), §10)');
  providers
    .command('import')
    .description(
      'import id,name,kind,agreement_date,own_rate_pct,terminated_on rows: all-or-nothing, idempotent',
    )
    .argument('<file>', 'CSV file with header id,name,kind,agreement_date,own_rate_pct,terminated_on')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) => importProviders(db, file, bytes, progress)),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `${file}: ${counted(result.rows, 'provider')}; ${result.inserted} new, ${result.unchanged} unchanged`,
      );
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
    });
  providers
    .command('terminate')
    .description(
      'terminate an agreement on written notice (Plan §10(a): not more than the days it states, 60)',
    )
    .requiredOption('--provider <id>', 'the provider id')
    .requiredOption('--notice-date <date>', 'the date of the written notice (YYYY-MM-DD)')
    .option(
      '--effective <date>',
      'the first day the agreement is no longer in force (default: notice + the days Plan §10(a) states, 60)',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { provider: string; noticeDate: string; effective?: string; json?: boolean }) => {
      const ctx = getContext();
      const noticeDate = requireDate(opts.noticeDate, '--notice-date');
      const effective = opts.effective === undefined ? undefined : requireDate(opts.effective, '--effective');
      const result = await withDatabase(ctx, (db) =>
        terminateOnNotice(db, {
          providerId: opts.provider,
          noticeDate,
          ...(effective ? { effectiveDate: effective } : {}),
        }),
      );
      printTermination(ctx, result, opts.json);
      // Plan §10(a): with no date stated, the latest the Plan allows was taken — said, never silent
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
    });
  providers
    .command('assign')
    .description('record the assignment of an agreement: it terminates automatically that day (Plan §10(b))')
    .requiredOption('--provider <id>', 'the provider id')
    .requiredOption('--date <date>', 'the date of the assignment (YYYY-MM-DD)')
    .option('--to <name>', 'to whom it was assigned')
    .option('--json', 'print JSON')
    .action(async (opts: { provider: string; date: string; to?: string; json?: boolean }) => {
      const ctx = getContext();
      const date = requireDate(opts.date, '--date');
      const result = await withDatabase(ctx, (db) =>
        terminateOnAssignment(db, {
          providerId: opts.provider,
          date,
          ...(opts.to ? { assignedTo: opts.to } : {}),
        }),
      );
      printTermination(ctx, result, opts.json);
    });
  providers
    .command('list')
    .description('every service provider and agreement, in force or terminated, with its history')
    .option('--csv', 'print CSV: one row per provider and its agreement')
    .option('--xlsx <file>', 'write an XLSX workbook of the providers')
    .option('--json', 'print JSON')
    .action(async (opts: { csv?: boolean; xlsx?: string; json?: boolean }) => {
      const ctx = getContext();
      const list = await withReadSnapshot(ctx, (q) => listProviders(q));
      const sheet = providersSheet(list);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, { providers: list });
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        ['Id', 'Name', 'Kind', 'Exhibit', 'Agreement date', 'Own rate %', 'Status', 'Terminated effective'],
        list.map((p) => [
          p.id,
          p.name,
          p.kind,
          p.exhibit,
          p.agreementDate,
          p.ownRatePct ?? '',
          p.status,
          p.terminationEffective ? `${p.terminationEffective} (${p.terminationCause})` : '',
        ]),
      );
    });

  program
    .command('provider-assets')
    .description("assets held by each service provider's customers per class per day (SPEC §5)")
    .command('import')
    .description('import date,provider,portfolio,class,net_assets rows: all-or-nothing, idempotent')
    .argument('<file>', 'CSV file with header date,provider,portfolio,class,net_assets')
    .option('--restate', 'allow rows that change recorded values; each change is recorded as a restatement')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { restate?: boolean; json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) =>
          importProviderAssets(db, file, bytes, { restate: opts.restate === true, ...progress }),
        ),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `${file}: ${counted(result.rows, 'row')}; ${result.inserted} new, ${result.unchanged} unchanged, ${result.restated.length} restated`,
      );
      for (const r of result.restated)
        ctx.out(
          `  restated ${r.provider} ${r.portfolio} class ${r.class} ${r.date}: ${r.old} → ${r.new}${r.closedMonth ? ` (closed month ${r.closedMonth}: prior-period adjustment)` : ''}`,
        );
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
      const next = restatementNextStep(result.restated.map((r) => r.closedMonth));
      if (next !== null) ctx.err(next);
    });

  program
    .command('service-fees')
    .description("a month's service fees per provider and class, and what the Distributor keeps (Plan §4)")
    .option('--month <YYYY-MM>', MONTH_DEFAULT_HELP)
    .option('--payments-csv <file>', 'write the payments file: one line per provider paid')
    .option('--statements <dir>', 'write one statement per provider, CSV and PDF, into this folder')
    .option('--xlsx <file>', 'write an XLSX workbook: providers and classes, with totals')
    .option('--csv', "print CSV: one line per provider and class, the workbook's Providers sheet")
    .option('--recompute', "a closed month: what today's data would say, instead of its sealed results")
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        month?: string;
        paymentsCsv?: string;
        statements?: string;
        xlsx?: string;
        csv?: boolean;
        recompute?: boolean;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const month = await monthOrLastClosed(ctx, opts.month);
        const reading = await withReadSnapshot(ctx, (tx) =>
          readMonth(tx, month, {
            part: 'service-fees',
            recompute: opts.recompute === true,
            sealed: (content) => content as ServiceFeesReport,
            compute: (q) => serviceFeesReport(q, month),
          }),
        );
        const report = reading.report;
        const headline = readingHeadline(month, reading);
        if (opts.paymentsCsv) {
          // Loaded here, not at start-up: the PDF library costs every other command its load time.
          const { writePaymentsCsv } = await import('../../reports/providerStatementFiles.js');
          const n = writePaymentsCsv(report, opts.paymentsCsv);
          ctx.err(
            `${opts.paymentsCsv}: ${n} payments totalling ${paymentsTotal(report)}, due ${report.paymentDate}`,
          );
        }
        if (opts.statements) {
          const { writeProviderStatements } = await import('../../reports/providerStatementFiles.js');
          const files = await writeProviderStatements(report, resolve(opts.statements));
          ctx.err(`${files.dir}: ${files.csv} CSV and ${files.pdf} PDF statements`);
        }
        const sheets = serviceFeesSheets(report);
        if (opts.xlsx) {
          await writeXlsx(opts.xlsx, sheets);
          ctx.err(`${opts.xlsx}: service fees ${month}, total ${report.totals.serviceFee}`);
        }
        if (opts.json) return printJson(ctx, readingDocument(reading));
        // the same rows as the workbook's first sheet (DEVELOPERS rule 7: one sheet behind both)
        if (opts.csv) {
          if (headline) ctx.err(headline);
          return ctx.out(sheetCsv(sheets[0] as XlsxSheet));
        }
        if (headline) ctx.out(headline);
        printServiceFeesText(ctx, report);
        for (const l of adjustmentLines(reading)) ctx.out(l);
        for (const w of report.warnings) ctx.err(`warning: ${w}`);
      },
    );
}
