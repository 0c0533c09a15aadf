import type { Command } from 'commander';
import { loadAuditEvidence } from '../../audit/auditEvidence.js';
import { parseKeptAnchor, verifyAuditEvidence } from '../../audit/auditVerification.js';
import { Plan12bError } from '../../errors.js';
import { auditLogSheet } from '../../reports/xlsxSheets.js';
import { type AuditLogFilter, auditHead, loadAuditLog } from '../../store/auditLog.js';
import { auditLogText } from '../auditLogText.js';
import { type CliContext, printJson, withReadSnapshot } from '../context.js';
import { requireDate, requireDateRange } from '../options.js';
import { withStepProgress } from '../progress.js';
import { sheetCsv, writeXlsxOption } from '../tabularOutput.js';

export function registerAuditCommands(program: Command, getContext: () => CliContext): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log (SPEC §12)');
  audit
    .command('verify')
    .description(
      'check every record and link of the audit log, its anchors (closed months, imports, --anchor) and each closed month’s seal and inputs; exit 69 if the database was changed outside plan12b',
    )
    .option(
      '--anchor <SEQ:HASH>',
      'a head printed earlier by `audit anchor` (HASH or SEQ:HASH) that the log must still hold',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { anchor?: string; json?: boolean }) => {
      const ctx = getContext();
      const kept = opts.anchor === undefined ? null : parseKeptAnchor(opts.anchor);
      if (opts.anchor !== undefined && kept === null)
        throw new Plan12bError(
          'USAGE',
          `--anchor ${JSON.stringify(opts.anchor)} is not HASH or SEQ:HASH (64 hex digits)`,
          'give the value `plan12b audit anchor` printed',
        );
      // each closed month's inputs recomputed as sealed: a bar on a terminal (SPEC §11)
      const evidence = await withStepProgress(ctx, 'audit verify: closed months', opts.json, (onMonth) =>
        withReadSnapshot(ctx, (q) => loadAuditEvidence(q, onMonth)),
      );
      const report = verifyAuditEvidence(evidence, kept);
      if (!report.ok)
        throw new Plan12bError(
          'DATABASE',
          `the audit log does not verify (${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}):\n  ${report.findings
            .map((f) => `${f.kind}: ${f.reason}`)
            .join('\n  ')}`,
          'the database was changed outside plan12b; restore it from a backup and investigate',
        );
      if (opts.json) return printJson(ctx, report);
      ctx.out(
        `audit log intact: ${report.records} records, every hash and link verified; head ${report.head.seq}:${report.head.hash}; ` +
          `${report.closedMonths} closed month${report.closedMonths === 1 ? '' : 's'} (seal, chain head and inputs) and ${report.anchoredImports} import${report.anchoredImports === 1 ? '' : 's'} anchored${kept ? '; the kept head is in the log' : ''}`,
      );
    });
  audit
    .command('anchor')
    .description(
      'print the head of the audit chain (SEQ:HASH), to keep outside the database for `audit verify --anchor`',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = getContext();
      const head = await withReadSnapshot(ctx, (q) => auditHead(q));
      if (opts.json) return printJson(ctx, head);
      ctx.out(`${head.seq}:${head.hash}`);
    });
  audit
    .command('log')
    .description('who changed what and when')
    .option(
      '--action <action>',
      'only this action (e.g. month.close), or a prefix ending in * (net-assets.*)',
    )
    .option('--actor <name>', 'only the records of this actor (as recorded, e.g. "jane (OS user)")')
    .option('--from <date>', 'only records made on or after this day (UTC)')
    .option('--to <date>', 'only records made on or before this day (UTC)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--xlsx <file>', "write an XLSX workbook: the CSV's columns")
    .action(
      async (
        opts: {
          action?: string;
          actor?: string;
          from?: string;
          to?: string;
          json?: boolean;
          csv?: boolean;
          xlsx?: string;
        },
        command: Command,
      ) => {
        const ctx = getContext();
        // The global --actor (who makes a change) is parsed wherever it stands; a read of the
        // log makes no change, so here it names whose records to show.
        const actor = opts.actor ?? command.optsWithGlobals<{ actor?: string }>().actor;
        const filter: AuditLogFilter = {
          ...(opts.action !== undefined && { action: opts.action }),
          ...(actor !== undefined && { actor }),
          ...(opts.from !== undefined && { from: requireDate(opts.from, '--from') }),
          ...(opts.to !== undefined && { to: requireDate(opts.to, '--to') }),
        };
        // both days given: in order, as every other range (an empty log would hide the slip)
        if (opts.from !== undefined && opts.to !== undefined) requireDateRange(opts.from, opts.to);
        const records = await withReadSnapshot(ctx, (q) => loadAuditLog(q, filter));
        // DEVELOPERS rule 7: the workbook and the CSV are one sheet definition
        const sheet = auditLogSheet(records);
        await writeXlsxOption(ctx, opts.xlsx, [sheet]);
        if (opts.json) return printJson(ctx, { records });
        if (opts.csv) return ctx.out(sheetCsv(sheet));
        for (const line of auditLogText(records)) ctx.out(line);
      },
    );
}
