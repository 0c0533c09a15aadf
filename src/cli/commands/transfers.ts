import type { Command } from 'commander';
import { importTransfers, recordTransferNotice } from '../../feeds/transfersFeed.js';
import { writeAssigneeStatementPdf } from '../../reports/assigneeStatementPdf.js';
import { assigneeStatementCsv, assigneeStatementReport } from '../../reports/assigneeStatementReport.js';
import { adjustmentSinceLines } from '../../reports/sealedOrRecomputed.js';
import { assigneeStatementSheet, transfersSheet } from '../../reports/xlsxSheets.js';
import { isEndOnly, loadTransferRows } from '../../store/transfersRepository.js';
import { type CliContext, printJson, withDatabase, withReadSnapshot } from '../context.js';
import { counted } from '../counted.js';
import { MONTH_DEFAULT_HELP, monthOrLastClosed } from '../monthOrLastClosed.js';
import { requireDate } from '../options.js';
import { withFeedProgress } from '../progress.js';
import { readInputFile } from '../readInput.js';
import { printTable } from '../table.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

export function registerTransfersCommands(program: Command, getContext: () => CliContext): void {
  const transfers = program
    .command('transfers')
    .description(
      "Transfers of the Distributor's 12b-1 Share and Earned CDSC to Assignees (Agreement EIGHTH)",
    );
  transfers
    .command('import')
    .description(
      'import Transfers: id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent[,ends]',
    )
    .argument('<file>', 'CSV file')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      const bytes = readInputFile(file);
      const result = await withFeedProgress(ctx, file, opts.json, (progress) =>
        withDatabase(ctx, (db) => importTransfers(db, file, bytes, progress)),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(
        `${file}: ${counted(result.inserted, 'new Transfer', 'new Transfers')}, ${result.unchanged} unchanged`,
      );
    });
  transfers
    .command('notice')
    .description(
      'record the date the Fund received the notice of a Transfer (EIGHTH(B)); payments to the Assignee start then',
    )
    .requiredOption('--transfer <id>', 'the Transfer')
    .requiredOption('--received <date>', 'date the notice was received')
    .option('--json', 'print JSON')
    .action(async (opts: { transfer: string; received: string; json?: boolean }) => {
      const ctx = getContext();
      const received = requireDate(opts.received, '--received');
      const result = await withDatabase(ctx, (db) => recordTransferNotice(db, opts.transfer, received));
      if (opts.json) return printJson(ctx, { transfer: opts.transfer, received, ...result });
      ctx.out(
        result.recorded ? `notice of Transfer ${opts.transfer} received ${received}: recorded` : 'unchanged',
      );
    });
  transfers
    .command('list')
    .description('every Transfer recorded')
    .option('--csv', "print CSV: one row per Transfer, the transfers feed's columns and its end")
    .option('--xlsx <file>', 'write an XLSX workbook of the Transfers')
    .option('--json', 'print JSON')
    .action(async (opts: { csv?: boolean; xlsx?: string; json?: boolean }) => {
      const ctx = getContext();
      const rows = await withReadSnapshot(ctx, (q) => loadTransferRows(q));
      const sheet = transfersSheet(rows);
      await writeXlsxOption(ctx, opts.xlsx, [sheet]);
      if (opts.json) return printJson(ctx, { transfers: rows });
      if (opts.csv) return ctx.out(sheetCsv(sheet));
      printTable(
        ctx,
        [
          'Id',
          'Assignee',
          'Portfolio',
          '12b-1 %',
          'CDSC %',
          'DOI range',
          'Effective',
          'Notice',
          'Payment',
          'Ends',
        ],
        rows.map((r) => [
          r.id,
          r.assignee ?? '—',
          r.portfolio_name ?? 'all',
          r.twelve_b1_portion_pct ?? '—',
          r.cdsc_portion_pct ?? '—',
          r.doi_from || r.doi_to ? `${r.doi_from ?? '…'} – ${r.doi_to ?? '…'}` : 'all',
          r.effective_date,
          isEndOnly(r) ? '' : (r.notice_received_date ?? 'not received'),
          isEndOnly(r) ? '' : r.payment === 'depository' ? `depository: ${r.depository_agent}` : 'direct',
          r.ends ?? '',
        ]),
      );
    });
  transfers
    .command('statement')
    .description(
      "an Assignee's statement for a month across portfolios: its 12b-1 and CDSC Portions, the weights used, its DOI-range shares by lot (DOI, issuing portfolio) and the CDSC pieces (EIGHTH; SPEC §8)",
    )
    .requiredOption('--assignee <name>', 'the Assignee, as named in its Transfers')
    .option('--month <YYYY-MM>', MONTH_DEFAULT_HELP)
    .option('--csv', 'print CSV: portion, segment, period, lot and cdsc-piece rows, then the total')
    .option('--pdf <file>', 'write a printable PDF statement')
    .option('--xlsx <file>', 'write an XLSX workbook: the lines of the CSV, amounts as money')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        assignee: string;
        month?: string;
        csv?: boolean;
        pdf?: string;
        xlsx?: string;
        json?: boolean;
      }) => {
        const ctx = getContext();
        const month = await monthOrLastClosed(ctx, opts.month);
        const statement = await withReadSnapshot(ctx, (q) =>
          assigneeStatementReport(q, opts.assignee, month),
        );
        if (opts.pdf) {
          await writeAssigneeStatementPdf(statement, opts.pdf, new Date().toISOString());
          if (!opts.json && !opts.csv)
            ctx.err(`${opts.pdf}: statement of ${statement.assignee} for ${month}`);
        }
        await writeXlsxOption(ctx, opts.xlsx, [assigneeStatementSheet(statement)]);
        if (opts.json) return printJson(ctx, statement);
        if (opts.csv) return ctx.out(assigneeStatementCsv(statement).trimEnd());
        if (opts.pdf || opts.xlsx) return;
        ctx.out(`${statement.assignee} — ${month}, due ${statement.dueDate}`);
        if (statement.basis === 'sealed') {
          ctx.out(`${month} is closed: SEALED (the portions its Monthly Calculation paid)`);
          for (const l of adjustmentSinceLines(statement.adjustmentsSince ?? [])) ctx.out(l);
        }
        if (statement.basis === 'recomputed')
          ctx.out(
            `${month} is closed: RECOMPUTED from today's data (${statement.note ?? 'not as sealed'}); what was paid is its sealed Monthly Calculation`,
          );
        printTable(
          ctx,
          [
            'Portfolio',
            'Transfer',
            '12b-1 %',
            'CDSC %',
            "Distributor's share",
            'Weight %',
            '12b-1 Portion',
            'CDSC Portion',
            'Total',
            'Paid to',
          ],
          statement.lines.map((l) => [
            l.portfolio,
            l.transferId,
            l.twelveB1PortionPct ?? '—',
            l.cdscPortionPct ?? '—',
            l.distributor12b1Share,
            l.segments.map((g) => g.weightPct).join('; '),
            l.twelveB1Portion,
            l.cdscPortion,
            l.total,
            l.payTo,
          ]),
        );
        const t = statement.totals;
        ctx.out(`Total: 12b-1 Portions ${t.twelveB1Portion} + CDSC Portions ${t.cdscPortion} = ${t.total}`);
        // SPEC §12: the prior-period adjustments paid with the month make up what is paid
        for (const a of statement.priorPeriodAdjustments)
          ctx.out(
            `Prior-period adjustment of ${a.adjustsMonth}, ${a.portfolio} Transfer ${a.transferId}: 12b-1 ${a.twelveB1Adjustment} + CDSC ${a.cdscAdjustment} = ${a.adjustment}${a.payTo !== statement.assignee ? ` (paid to ${a.payTo})` : ''}`,
          );
        if (statement.priorPeriodAdjustments.length > 0)
          ctx.out(
            `Payable ${statement.dueDate}: ${t.total} + adjustments ${t.priorPeriodAdjustments} = ${t.payable}`,
          );
        for (const a of statement.assigneeAdjustmentsSince ?? [])
          ctx.out(
            `Adjusted since: ${a.portfolio} Transfer ${a.transferId} ${a.adjustment} (12b-1 ${a.twelveB1Adjustment}, CDSC ${a.cdscAdjustment}), reported in and paid with ${a.reportedIn}`,
          );
        // SPEC §12: an open month after the next to close — what the next close would pay, not final
        const pending = statement.pendingAdjustments;
        if (pending !== undefined) {
          ctx.out(
            `Pending, not final until ${pending.reportedIn} closes: prior-period adjustments ${pending.total}, to be reported in and paid with ${pending.reportedIn} (not in ${month}'s payable)`,
          );
          for (const a of pending.lines)
            ctx.out(
              `  of ${a.adjustsMonth}, ${a.portfolio} Transfer ${a.transferId}: 12b-1 ${a.twelveB1Adjustment} + CDSC ${a.cdscAdjustment} = ${a.adjustment}`,
            );
        }
        ctx.out('(--json, --csv or --pdf show the weights, the DOI-range shares by lot and the CDSC pieces)');
      },
    );
}
