import type { Command } from 'commander';
import { verifyAuditChain } from '../../audit/auditChain.js';
import { Plan12bError } from '../../errors.js';
import { loadAuditLog } from '../../store/auditLog.js';
import { type CliContext, printJson, withDatabase } from '../context.js';
import { printTable } from '../table.js';

export function registerAuditCommands(program: Command, getContext: () => CliContext): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log (SPEC §12)');
  audit
    .command('verify')
    .description(
      'check every record and link of the audit log; exit 65 if any was edited, removed or reordered',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = getContext();
      const result = verifyAuditChain(await withDatabase(ctx, (db) => loadAuditLog(db)));
      if (opts.json) printJson(ctx, result);
      else if (result.ok)
        ctx.out(`audit log intact: ${result.records} records, every hash and link verified`);
      if (!result.ok)
        throw new Plan12bError(
          'BAD_INPUT',
          `audit log broken at record ${result.firstBad!.seq}: ${result.firstBad!.reason}`,
          'the database was changed outside plan12b; restore it from a backup and investigate',
        );
    });
  audit
    .command('log')
    .description('who changed what and when')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = getContext();
      const records = await withDatabase(ctx, (db) => loadAuditLog(db));
      if (opts.json) return printJson(ctx, { records });
      printTable(
        ctx,
        ['#', 'At', 'Who', 'Action', 'Subject', 'Detail'],
        records.map((r) => [String(r.seq), r.at, r.actor, r.action, r.subject, r.detail]),
      );
    });
}
