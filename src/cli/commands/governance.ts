import type { Command } from 'commander';
import { Plan12bError } from '../../errors.js';
import { importApprovals } from '../../feeds/approvalsFeed.js';
import { importTerminations, recordTermination } from '../../feeds/terminationsFeed.js';
import { GOVERNANCE_SETTING_KEYS } from '../../governance/governanceSettings.js';
import { setGovernanceSetting } from '../../import/governanceSettingChange.js';
import { approvalRows } from '../../reports/approvalsReport.js';
import { continuanceCsvRows, continuanceReport } from '../../reports/continuanceReport.js';
import { governanceSettingRows } from '../../reports/governanceSettingsList.js';
import { rule12b1RecordsCsvRows, rule12b1RecordsReport } from '../../reports/rule12b1RecordsReport.js';
import { terminationRows } from '../../reports/terminationsList.js';
import {
  approvalsSheet,
  continuanceSheet,
  rule12b1RecordsSheet,
  settingsSheet,
  terminationsSheet,
} from '../../reports/xlsxSheets.js';
import { todayIso } from '../../store/today.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { requireDate } from '../options.js';
import { withFeedProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

/** How the continuance table says where a first deadline comes from (continuanceRoster.ts). */
const FIRST_DEADLINE_SOURCE = {
  document: 'its text',
  rule: 'Rule 12b-1: a year after adoption',
  setting: 'setting',
} as const;

export function registerGovernanceCommands(program: Command, getContext: () => CliContext): void {
  // --- approvals -------------------------------------------------------------------------------
  const approvals = program
    .command('approvals')
    .description('approvals and votes of the Board and of class shareholders (Plan §§5–7, §9, §11)');
  approvals
    .command('import')
    .description(
      'import meetings and votes: meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against[,disinterested_absent],in_person,called_for_purpose,shares_outstanding,shares_present,shares_for',
    )
    .argument('<file>', 'CSV file')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) => importApprovals(db, file, bytes, progress)),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `${file}: ${result.inserted} new vote(s) (${result.approved} carried, ${result.notApproved} did not), ${result.unchanged} unchanged`,
      );
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
    });
  approvals
    .command('list')
    .description('every recorded approval and vote, in meeting order, with its outcome')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', "write an XLSX workbook: the CSV's columns, votes and shares as numbers")
    .action(async (opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const rows = await withReadSnapshot(ctx, (q) => approvalRows(q));
      // DEVELOPERS rule 7: the workbook and the CSV are one sheet definition
      const sheet = approvalsSheet(rows);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, { count: rows.length, approvals: rows });
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        ['Meeting', 'Body', 'Approves', 'What', 'Portfolio', 'Class', 'Outcome'],
        rows.map((r) => [
          r.meetingDate,
          r.body,
          r.subject,
          r.approved,
          r.portfolio ?? 'all',
          r.class ?? 'all',
          r.outcome,
        ]),
      );
    });

  // --- records (Rule 12b-1(f)) ------------------------------------------------------------------
  program
    .command('records')
    .description(
      'Rule 12b-1(f) records as of a date: every plan, agreement, amendment, related agreement and quarterly report (Plan §8) the fund keeps, the votes on each up to the date, and the days each is kept through (six years from its date, the first two easily accessible)',
    )
    .option('--as-of <date>', 'the date (YYYY-MM-DD; default: today, UTC)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', "write an XLSX workbook: the CSV's columns")
    .action(async (opts: { asOf?: string; json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const asOf = opts.asOf === undefined ? todayIso() : requireDate(opts.asOf, '--as-of');
      const report = await withReadSnapshot(ctx, (q) => rule12b1RecordsReport(q, asOf));
      const rows = rule12b1RecordsCsvRows(report);
      const sheet = rule12b1RecordsSheet(report);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, report);
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        [
          'Record',
          'Title',
          'Dated',
          'Approved by the Board',
          'Accessible through',
          'Kept through',
          'On the date',
        ],
        rows.map((r) => [
          r.record,
          r.title,
          r.dated,
          r.approvedByTheBoard,
          r.accessibleThrough,
          r.keptThrough,
          r.retention,
        ]),
      );
      for (const w of report.warnings) ctx.err(`warning: ${w}`);
    });

  // --- continuance -----------------------------------------------------------------------------
  program
    .command('continuance')
    .description(
      'every instrument with its next continuance deadline (Plan §7; Agreement FOURTEENTH), the approval that met each past one, and lapses; one superseded by an Amended and Restated instrument needs none from its date',
    )
    // with no date, today: what is in force now (the answer names its date)
    .option('--as-of <date>', 'the date (YYYY-MM-DD; default: today, UTC)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', "write an XLSX workbook: the CSV's columns")
    .action(async (opts: { asOf?: string; json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const asOf = opts.asOf === undefined ? todayIso() : requireDate(opts.asOf, '--as-of');
      // through the store, not the registry snapshot: Rule 12b-1(b)(1)'s warnings need the classes'
      // first sales (the feeds), read in the same snapshot as the registry's inputs
      const report = await withReadSnapshot(ctx, (q) => continuanceReport(q, asOf));
      const { warnings } = report;
      const rows = continuanceCsvRows(report);
      const sheet = continuanceSheet(asOf, rows);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, report);
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      // an Amended and Restated successor (no continuance due from its date): a column only when one is
      const superseded = rows.some((r) => r.supersededBy !== '');
      printTable(
        ctx,
        [
          'Instrument',
          'Kind',
          'Status',
          'First deadline',
          'Next deadline',
          'Ends on',
          'Deadlines met',
          'Last approval',
          'Portfolios lapsed',
          ...(superseded ? ['Superseded by'] : []),
        ],
        rows.map((r) => [
          r.instrument,
          r.kind,
          r.status,
          // where it comes from: the document's clause, Rule 12b-1(b)(3)(i)'s year, or the setting
          `${r.firstDeadline} (${FIRST_DEADLINE_SOURCE[r.firstDeadlineSource]})`,
          r.nextDeadline,
          r.endsOn,
          String(r.deadlinesMet),
          r.lastApproval,
          // Agreement FOURTEENTH: continued per Portfolio
          r.portfolios === '' ? '' : `${r.portfoliosLapsed} of ${r.portfolios}`,
          ...(superseded ? [r.supersededBy === '' ? '' : `${r.supersededBy} from ${r.supersededFrom}`] : []),
        ]),
      );
      for (const w of warnings) ctx.err(`warning: ${w}`);
    });

  // --- terminations ----------------------------------------------------------------------------
  const terminations = program
    .command('terminations')
    .description('terminations of the Plan (Plan §9) or the Agreement (FIFTEENTH) per portfolio or class');
  terminations
    .command('import')
    .description('import terminations: instrument,portfolio,class,date,by[,notice_date][,reason]')
    .argument('<file>', 'CSV file')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) => importTerminations(db, file, bytes, progress)),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(`${file}: ${result.inserted} new termination(s), ${result.unchanged} unchanged`);
      for (const w of result.warnings) ctx.err(`warning: ${w}`);
    });
  terminations
    .command('list')
    .description('every recorded termination')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', "write an XLSX workbook: the CSV's columns")
    .action(async (opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const rows = await withReadSnapshot(ctx, (q) => terminationRows(q));
      const sheet = terminationsSheet(rows);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, { count: rows.length, terminations: rows });
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        ['Instrument', 'Portfolio', 'Class', 'From', 'By', 'Notice', 'Reason'],
        rows.map((r) => [
          r.instrument,
          r.portfolio,
          r.class,
          r.date,
          r.by,
          r.noticeDate ?? '',
          r.reason ?? '',
        ]),
      );
    });
  program
    .command('terminate')
    .description(
      'terminate the Plan (Plan §9) or the Agreement (FIFTEENTH(A)) for a portfolio (or all) and a class (or all) from a date',
    )
    .requiredOption('--portfolio <name>', 'any name the portfolio ever had, or all')
    .option('--class <class>', 'the class (default: every class)')
    .requiredOption('--date <date>', 'the first day no payment is due (YYYY-MM-DD)')
    .requiredOption('--by <who>', 'trustees | shareholders | distributor (the Agreement only)')
    .option('--instrument <kind>', 'plan | agreement', 'plan')
    .option(
      '--notice-date <date>',
      'the date of the written notice (the Agreement: at least 60 days before --date, FIFTEENTH(A))',
    )
    .option('--reason <text>', 'e.g. the resolution')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        portfolio: string;
        class?: string;
        date: string;
        by: string;
        instrument: string;
        noticeDate?: string;
        reason?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        if (!['trustees', 'shareholders', 'distributor'].includes(opts.by))
          throw new Plan12bError('USAGE', `--by ${opts.by}: write trustees, shareholders or distributor`);
        if (opts.instrument !== 'plan' && opts.instrument !== 'agreement')
          throw new Plan12bError('USAGE', `--instrument ${opts.instrument}: write plan or agreement`);
        const input = {
          instrument: opts.instrument,
          portfolio: opts.portfolio,
          class: opts.class ?? null,
          date: requireDate(opts.date, '--date'),
          by: opts.by as 'trustees' | 'shareholders' | 'distributor',
          noticeDate: opts.noticeDate === undefined ? null : requireDate(opts.noticeDate, '--notice-date'),
          reason: opts.reason ?? null,
        } as const;
        const { recorded, termination, warnings } = await withDatabase(ctx, (db) =>
          recordTermination(db, input),
        );
        if (opts.json) return printJson(ctx, { recorded, termination, warnings });
        ctx.out(
          recorded
            ? `recorded: the ${termination.instrument} terminated for ${termination.portfolioName ?? 'every portfolio'} class ${termination.class ?? 'all'} from ${termination.effectiveDate}`
            : 'unchanged: already recorded',
        );
        // FIFTEENTH(A): an Agreement termination without its notice date is said, never silent
        for (const w of warnings) ctx.err(`warning: ${w}`);
      },
    );

  // --- settings --------------------------------------------------------------------------------
  const settings = program
    .command('settings')
    .description('governance settings (approvals.enforce, continuance.*)');
  settings
    .command('set')
    .description(
      `set one setting: ${Object.entries(GOVERNANCE_SETTING_KEYS)
        .map(([k, v]) => `${k} (default ${v.default})`)
        .join('; ')}`,
    )
    .argument('<key>', 'the setting')
    .argument('<value>', 'its value')
    .option('--json', 'print JSON')
    .action(async (key: string, value: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      const result = await withDatabase(ctx, (db) => setGovernanceSetting(db, key, value));
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        result.changed
          ? `${result.key} = ${result.value}`
          : `unchanged: ${result.key} is already ${result.value}`,
      );
    });
  settings
    .command('list')
    .description('every setting, its value and whether it is the default')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', "write an XLSX workbook: the CSV's columns")
    .action(async (opts: { json?: boolean; csv?: boolean; xlsx?: string }) => {
      const ctx = getContext();
      const rows = await withReadSnapshot(ctx, (q) => governanceSettingRows(q));
      const sheet = settingsSheet(rows);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, { settings: rows });
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        ['Setting', 'Value', 'Default', 'Meaning'],
        rows.map((r) => [r.key, r.value, r.default, r.meaning]),
      );
    });
}
