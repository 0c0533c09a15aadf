import type { Command } from 'commander';
import { monthCloseSteps } from '../../close/closeSteps.js';
import { closeMonth } from '../../close/monthClose.js';
import { type CliContext, printJson, withDatabase } from '../context.js';
import { requireDate, requireMonth } from '../options.js';

export function registerCloseCommand(program: Command, getContext: () => CliContext): void {
  program
    .command('close')
    .description(
      'close a month end to end (accruals, journal, prior-period adjustments, …) in one transaction, and seal it',
    )
    .requiredOption('--month <YYYY-MM>', 'the month to close')
    .option('--due-date <date>', 'a later payment date the Distributor instructs in writing (SEVENTH(B))')
    .option('--json', 'print the sealed results as JSON')
    .action(async (opts: { month: string; dueDate?: string; json?: boolean }) => {
      const ctx = getContext();
      const month = requireMonth(opts.month, '--month');
      const instructedDueDate = opts.dueDate === undefined ? null : requireDate(opts.dueDate, '--due-date');
      const started = Date.now();
      const result = await withDatabase(ctx, (db) =>
        closeMonth(db, month, monthCloseSteps({ instructedDueDate }), (title, i, n) => {
          if (!opts.json)
            ctx.err(i < n ? `» [${i + 1}/${n}] ${title}` : `» ${title} (${Date.now() - started} ms)`);
        }),
      );
      if (opts.json) return printJson(ctx, result);
      ctx.out(`${month} closed and sealed by ${result.closedBy}; results hash ${result.resultsHash}`);
    });
}
