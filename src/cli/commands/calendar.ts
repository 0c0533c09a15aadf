import type { Command } from 'commander';
import {
  BUSINESS_DAYS_AFTER_MAX,
  businessDayAfter,
  holidayName,
  isBusinessDay,
} from '../../calendar/nyseCalendar.js';
import { Plan12bError } from '../../errors.js';
import { type CliContext, printJson } from '../context.js';
import { requireDate } from '../options.js';

export function registerCalendarCommands(program: Command, getContext: () => CliContext): void {
  const calendar = program.command('calendar').description('the NYSE business-day calendar (SPEC §9)');
  calendar
    .command('business-day')
    .description('the n-th NYSE business day after a date (e.g. the Monthly Calculation due date)')
    .requiredOption('--after <date>', 'the date to count from (not itself counted)')
    .option('--n <n>', 'how many business days after', '1')
    .option('--json', 'print JSON')
    .action((opts: { after: string; n: string; json?: boolean }) => {
      const ctx = getContext();
      const after = requireDate(opts.after, '--after');
      // digits only: Number() would also take "1e3", "0x10" and "" (0)
      const n = /^[0-9]{1,5}$/.test(opts.n) ? Number(opts.n) : Number.NaN;
      if (!(n >= 1 && n <= BUSINESS_DAYS_AFTER_MAX))
        throw new Plan12bError(
          'USAGE',
          `--n ${JSON.stringify(opts.n)} is not a whole number of business days from 1 to ${BUSINESS_DAYS_AFTER_MAX}`,
          'the first business day after the date is --n 1',
        );
      const date = businessDayAfter(after, n);
      if (opts.json) printJson(ctx, { date });
      else ctx.out(date);
    });
  calendar
    .command('is-business-day')
    .description('whether the NYSE is open on a date, and why not')
    .argument('<date>')
    .option('--json', 'print JSON')
    .action((date: string, opts: { json?: boolean }) => {
      const ctx = getContext();
      requireDate(date, 'date');
      const open = isBusinessDay(date);
      const reason = open ? null : (holidayName(date) ?? 'weekend');
      if (opts.json) printJson(ctx, { date, businessDay: open, reason });
      else ctx.out(open ? `${date}: open` : `${date}: closed (${reason})`);
    });
}
