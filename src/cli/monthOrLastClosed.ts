import { Plan12bError } from '../errors.js';
import { closedMonthsInOrder } from '../store/closeRepository.js';
import { type CliContext, withReadSnapshot } from './context.js';
import { requireMonth } from './options.js';

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
