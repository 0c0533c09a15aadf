import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { closedMonthsInOrder } from '../store/closeRepository.js';
import { type CliContext, withReadSnapshot } from './context.js';
import { requireDateRange, requireMonth } from './options.js';

/** How a month query's --month option says its default (one wording for every command). */
export const MONTH_DEFAULT_HELP = 'the month (default: the last month closed)';

/**
 * The month a month query answers for: the one given (checked as every --month is), else the last
 * month closed — "this month's payable" is the last month the books closed (SPEC §12: months close
 * in order). With no month closed yet there is no such default: a usage error saying to give one.
 * The answer names its month (the JSON's `month`, the sealed headline).
 */
export async function monthOrLastClosed(ctx: CliContext, given: string | undefined): Promise<string> {
  if (given !== undefined) return requireMonth(given, '--month');
  const last = (await withReadSnapshot(ctx, closedMonthsInOrder)).at(-1);
  if (last === undefined)
    throw new Plan12bError(
      'USAGE',
      'no month is closed yet, so there is no last month closed to answer for',
      'give the month: --month YYYY-MM',
    );
  return last;
}

/** How a range query's --from and --to say their default. */
export const RANGE_DEFAULT_HELP = {
  from: 'first day (YYYY-MM-DD; with neither --from nor --to: the last month closed)',
  to: 'last day (YYYY-MM-DD)',
};

/**
 * The days a range query answers for: --from and --to as given (checked as every range is), else,
 * with neither, the days of the last month closed (see {@link monthOrLastClosed}); one without the
 * other is a usage error.
 */
export async function rangeOrLastClosed(
  ctx: CliContext,
  from: string | undefined,
  to: string | undefined,
): Promise<{ from: string; to: string }> {
  if (from !== undefined && to !== undefined) return requireDateRange(from, to);
  if (from !== undefined || to !== undefined)
    throw new Plan12bError(
      'USAGE',
      `${from === undefined ? '--to' : '--from'} is given without ${from === undefined ? '--from' : '--to'}`,
      'give --from and --to together, or neither for the last month closed',
    );
  const month = await monthOrLastClosed(ctx, undefined);
  return { from: monthStart(month), to: monthEnd(month) };
}
