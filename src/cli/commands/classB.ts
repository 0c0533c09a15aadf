import type { Command } from 'commander';
import { monthEnd, monthStart } from '../../calendar/isoDate.js';
import { Plan12bError } from '../../errors.js';
import { importAccounts } from '../../feeds/accountsFeed.js';
import { CLASS_B_TERMS_COLUMNS, importClassBTerms, listClassBTerms } from '../../feeds/classBTermsFeed.js';
import { importDistributors } from '../../feeds/distributorsFeed.js';
import { importTransactions } from '../../feeds/transactionsFeed.js';
import type { FeedProgressListener } from '../../import/feedImport.js';
import {
  type CdscRangeReport,
  type CdscReport,
  cdscCsv,
  cdscRangeReport,
  cdscReport,
} from '../../reports/classBCdscReport.js';
import { conversionsReport } from '../../reports/classBConversionsReport.js';
import { lotsReport } from '../../reports/classBLotsReport.js';
import {
  REDEMPTION_PIECE_COLUMNS,
  redemptionPieceRows,
  redemptionsReport,
} from '../../reports/classBRedemptionsReport.js';
import { requireKnownDistributor } from '../../reports/knownDistributor.js';
import {
  cdscSheet,
  classBTermsSheet,
  conversionsSheet,
  lotsSheet,
  redemptionsSheets,
} from '../../reports/xlsxSheets.js';
import { classBImportLine } from '../classBImportLine.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { toCsv } from '../csvOut.js';
import {
  GIVE_A_MONTH_OR_THE_DAYS,
  MONTH_DEFAULT_HELP,
  monthOrLastClosed,
  RANGE_DEFAULT_HELP,
  rangeOrLastClosed,
} from '../monthOrLastClosed.js';
import { requireDate, requireDateRange } from '../options.js';
import { withFeedProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

/** accounts, transactions, distributors, lots, redemptions, conversions and cdsc commands (SPEC §6). */
export function registerClassBCommands(program: Command, getContext: () => CliContext): void {
  const importCommand = (
    group: string,
    description: string,
    header: string,
    run: (
      ctx: CliContext,
      file: string,
      bytes: Buffer,
      progress: { onProgress?: FeedProgressListener },
    ) => Promise<object>,
  ) => {
    program
      .command(group)
      .description(description)
      .command('import')
      .description(`import ${header} rows: all-or-nothing, idempotent`)
      .argument('<file>', `CSV file with header ${header}`)
      .option('--json', 'print JSON')
      .action(async (file: string, opts: { json?: boolean }) => {
        const ctx = getContext();
        const bytes = readInputFile(file);
        const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
          run(ctx, file, bytes, progress),
        );
        if (opts.json) return printJson(ctx, result);
        ctx.out(classBImportLine(file, result));
      });
  };
  importCommand(
    'accounts',
    'transfer-agent accounts holding Class B shares: omnibus or not, dealer of record (Exhibit A 1.)',
    'account,omnibus,dealer_of_record',
    (ctx, file, bytes, progress) => withDatabase(ctx, (db) => importAccounts(db, file, bytes, progress)),
  );
  importCommand(
    'transactions',
    'transfer-agent Class B activity: purchase, reinvest, redeem, exchange_out/exchange_in, convert (SPEC §6)',
    'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
    (ctx, file, bytes, progress) => withDatabase(ctx, (db) => importTransactions(db, file, bytes, progress)),
  );
  importCommand(
    'distributors',
    "each portfolio's exclusive distributor of Class B shares and when (Exhibit A 2(a); NINETEENTH)",
    'portfolio,distributor,start,end[,assigned_to]',
    (ctx, file, bytes, progress) => withDatabase(ctx, (db) => importDistributors(db, file, bytes, progress)),
  );

  const terms = program
    .command('class-b-terms')
    .description(
      'prospectus terms of the Class B shares as data: CDSC schedules by portfolio and DOI, conversion periods, redemption fees (SPEC §6)',
    );
  terms
    .command('import')
    .description(
      'import terms rules: all-or-nothing, idempotent; stored redemptions of affected accounts are recomputed',
    )
    .argument('<file>', `CSV file with header ${CLASS_B_TERMS_COLUMNS.join(',')}`)
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) => importClassBTerms(db, file, bytes, progress)),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `${file}: ${result.inserted} new, ${result.restated} restated, ${result.unchanged} unchanged; ${result.accountsReplayed} accounts replayed, ${result.redemptionsChanged} redemptions changed`,
      );
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
    });
  terms
    .command('list')
    .description('the recorded terms rules, and the defaults where no rule says otherwise')
    .option('--json', 'print JSON')
    .option(
      '--csv',
      'print CSV: the rules in the columns of class-b-terms import (it imports again unchanged)',
    )
    .option('--xlsx <file>', 'write an XLSX workbook of the same lines as the CSV, the defaults in its title')
    .action(async (opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const list = await withReadSnapshot(ctx, (q) => listClassBTerms(q));
      // DEVELOPERS rule 7: the workbook and the CSV are one sheet definition
      const sheet = classBTermsSheet(list);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, list);
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        [
          'Rule',
          'Portfolio',
          'DOI from',
          'DOI to',
          'CDSC % by year',
          'Conversion years',
          'Fee %',
          'Fee days',
        ],
        list.rules.map((r) => [
          r.rule,
          r.portfolio,
          r.doiFrom ?? '',
          r.doiTo ?? '',
          r.cdscSchedulePct?.join(' ') ?? '',
          r.conversionYears === null ? '' : String(r.conversionYears),
          r.redemptionFeePct ?? '',
          r.redemptionFeeDays === null ? '' : String(r.redemptionFeeDays),
        ]),
      );
      ctx.out(
        `defaults: CDSC ${list.defaults.cdscSchedulePct.join(' ')} %, conversion after ${list.defaults.conversionYears} years, no redemption fee`,
      );
    });

  program
    .command('redemptions')
    .description(
      'Class B redemptions: gross, CDSC, redemption fee, net, and the lot pieces (Agreement FOURTH(D))',
    )
    .option('--from <date>', RANGE_DEFAULT_HELP.from)
    .option('--to <date>', RANGE_DEFAULT_HELP.to)
    .option(
      '--distributor <name>',
      'only the redemptions with a Commission Share piece this distributor earned',
    )
    .option('--csv', 'print CSV: one row per lot piece, with its redemption')
    .option('--xlsx <file>', 'write an XLSX workbook: the redemptions (totalled) and their lot pieces')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        from?: string;
        to?: string;
        distributor?: string;
        csv?: boolean;
        xlsx?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const { from, to } = await rangeOrLastClosed(ctx, opts.from, opts.to);
        const report = await withReadSnapshot(ctx, async (q) => {
          await requireKnownDistributor(q, opts.distributor ?? null);
          return redemptionsReport(q, from, to, { distributor: opts.distributor ?? null });
        });
        await writeXlsxOption(ctx, opts.xlsx, redemptionsSheets(report));
        if (opts.json) return printJson(ctx, report);
        if (opts.csv) {
          ctx.out(toCsv(REDEMPTION_PIECE_COLUMNS, redemptionPieceRows(report)));
          for (const w of report.warnings) ctx.err(`warning: ${w}`);
          return;
        }
        printTable(
          ctx,
          [
            'Date',
            'Txn',
            'Account',
            'Portfolio',
            'Shares',
            'Gross',
            'CDSC',
            'Waived',
            'Fee',
            'Net',
            'Pieces',
          ],
          report.redemptions.map((r) => [
            r.date,
            r.txnId,
            r.account,
            r.portfolio,
            r.shares,
            r.gross,
            r.cdsc,
            r.cdscWaived,
            r.redemptionFee,
            r.net,
            String(r.pieces.length),
          ]),
        );
        const t = report.totals;
        ctx.out(
          `total: gross ${t.gross}, CDSC ${t.cdsc} (waived ${t.cdscWaived}), fees ${t.redemptionFee}, net ${t.net}`,
        );
        if (report.distributor) ctx.out(`CDSC earned by ${report.distributor}: ${report.distributorCdsc}`);
        for (const w of report.warnings) ctx.err(`warning: ${w}`);
      },
    );

  program
    .command('lots')
    .description(
      "an account's Class B lots: Commission Shares and Free Shares, DOI, cost, CDSC rate, conversion date",
    )
    .requiredOption('--account <account>', 'the account')
    .option('--as-of <date>', 'as of the close of this day (default: its last activity)')
    .option('--csv', 'print CSV: one row per lot')
    .option('--xlsx <file>', 'write an XLSX workbook of the lots')
    .option('--json', 'print JSON')
    .action(
      async (opts: { account: string; asOf?: string; csv?: boolean; xlsx?: string; json?: boolean }) => {
        const ctx = getContext();
        const asOf = opts.asOf === undefined ? undefined : requireDate(opts.asOf, '--as-of');
        const report = await withReadSnapshot(ctx, (q) => lotsReport(q, opts.account, asOf));
        const sheet = lotsSheet(report);
        await writeXlsxOption(ctx, opts.xlsx, [sheet]);
        if (opts.json) return printJson(ctx, report);
        if (opts.csv) return ctx.out(sheetCsv(sheet));
        ctx.out(`account ${report.account}${report.omnibus ? ' (omnibus)' : ''} as of ${report.asOf ?? '—'}`);
        printTable(
          ctx,
          ['Portfolio', 'Lot', 'Kind', 'DOI', 'Issued by', 'Shares', 'Cost', 'CDSC %', 'Converts'],
          report.lots.map((l) => [
            l.portfolio,
            l.lotId,
            l.kind,
            l.dateOfOriginalIssuance,
            l.issuingPortfolio,
            l.shares,
            l.cost,
            l.cdscRatePct,
            l.conversionDate ?? '',
          ]),
        );
      },
    );

  program
    .command('conversions')
    .description(
      'Class B shares due to convert to Class A at the end of a month, Free Shares pro rata (SPEC §6)',
    )
    .option('--month <YYYY-MM>', MONTH_DEFAULT_HELP)
    .option('--csv', 'print CSV: one row per account and portfolio')
    .option('--xlsx <file>', 'write an XLSX workbook of the conversions')
    .option('--json', 'print JSON')
    .action(async (opts: { month?: string; csv?: boolean; xlsx?: string; json?: boolean }) => {
      const ctx = getContext();
      const month = await monthOrLastClosed(ctx, opts.month);
      const report = await withReadSnapshot(ctx, (q) => conversionsReport(q, month));
      const sheet = conversionsSheet(report);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, report);
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        ['Account', 'Portfolio', 'Commission', 'Free', 'Shares', 'Confirmed by'],
        report.conversions.map((c) => [
          c.account,
          c.portfolio,
          c.commissionShares,
          c.freeShares,
          c.shares,
          c.confirmedBy.join(' '),
        ]),
      );
      ctx.out(`total due ${report.date}: ${report.totalShares} shares`);
    });

  program
    .command('cdsc')
    .description(
      "CDSC per portfolio and distributor over a month or a date range: the Distributor's Earned CDSC (FOURTH(D))",
    )
    .option('--month <YYYY-MM>', 'the month (or --from and --to; default: the last month closed)')
    .option('--from <date>', 'first day (YYYY-MM-DD), with --to')
    .option('--to <date>', 'last day (YYYY-MM-DD), with --from')
    .option('--distributor <name>', 'only the CDSC this distributor earned')
    .option('--csv', 'print CSV: one row per portfolio and distributor, then the total')
    .option('--xlsx <file>', 'write an XLSX workbook: one row per portfolio and distributor, totalled')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        month?: string;
        from?: string;
        to?: string;
        distributor?: string;
        csv?: boolean;
        xlsx?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        if (opts.month !== undefined && (opts.from !== undefined || opts.to !== undefined))
          throw new Plan12bError(
            'USAGE',
            'give --month or --from and --to, not both',
            'a month: --month YYYY-MM; any range of days: --from DATE --to DATE',
          );
        if (opts.month === undefined && (opts.from === undefined) !== (opts.to === undefined))
          throw new Plan12bError(
            'USAGE',
            'give --from and --to together, or --month YYYY-MM',
            'a month: --month YYYY-MM (default: the last month closed); any range of days: --from DATE --to DATE',
          );
        // neither a month nor a range: the last month closed, as every month query
        const month =
          opts.from === undefined && opts.to === undefined
            ? await monthOrLastClosed(ctx, opts.month, GIVE_A_MONTH_OR_THE_DAYS)
            : null;
        const { from, to } =
          month === null
            ? requireDateRange(opts.from!, opts.to!)
            : { from: monthStart(month), to: monthEnd(month) };
        const distributor = opts.distributor ?? null;
        const report = await withReadSnapshot<CdscReport | CdscRangeReport>(ctx, async (q) => {
          await requireKnownDistributor(q, distributor);
          return month !== null && distributor === null
            ? cdscReport(q, month)
            : cdscRangeReport(q, { from, to, distributor });
        });
        await writeXlsxOption(ctx, opts.xlsx, [cdscSheet(report)]);
        if (opts.json) return printJson(ctx, report);
        if (opts.csv) {
          ctx.out(cdscCsv(report));
          for (const w of report.warnings) ctx.err(`warning: ${w}`);
          return;
        }
        printTable(
          ctx,
          ['Portfolio', 'Earned by', 'CDSC', 'Waived', 'Pieces'],
          report.rows.map((r) => [
            r.portfolio,
            r.distributor ?? '(no term recorded)',
            r.cdsc,
            r.cdscWaived,
            String(r.pieces),
          ]),
        );
        ctx.out(
          `total CDSC ${month ?? `${from} – ${to}`}${distributor ? ` earned by ${distributor}` : ''}: ${report.totalCdsc}`,
        );
        for (const w of report.warnings) ctx.err(`warning: ${w}`);
      },
    );
}
