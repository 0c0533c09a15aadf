import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { parseQuarter, type Quarter, quarterOf } from '../calendar/quarter.js';
import { nextMonth } from '../close/closeOrder.js';
import { Plan12bError } from '../errors.js';
import { closedMonthsInOrder, firstNetAssetsDate } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { type CliContext, withReadSnapshot } from './context.js';
import { requireDateRange, requireMonth, requireQuarter } from './options.js';

/** How a month query's --month option says its default (one wording for every command). */
export const MONTH_DEFAULT_HELP = 'the month (default: the last month closed)';

/**
 * What a command asks for when no month is closed to default to: the options it takes. `fees` and
 * `redemptions` take --from and --to, `finra-cap` --through, `cdsc` either: each was told to "give
 * the month: --month YYYY-MM", an option it does not have (exit 64 again).
 */
export const GIVE_THE_MONTH = 'give the month: --month YYYY-MM';
export const GIVE_THE_DAYS = 'give the days: --from YYYY-MM-DD --to YYYY-MM-DD';
export const GIVE_THE_LAST_MONTH = 'give the last month: --through YYYY-MM';
export const GIVE_A_MONTH_OR_THE_DAYS =
  'give the month: --month YYYY-MM, or the days: --from YYYY-MM-DD --to YYYY-MM-DD';

/**
 * The month a month query answers for: the one given (checked as every --month is), else the last
 * month closed — "this month's payable" is the last month the books closed (SPEC §12: months close
 * in order). With no month closed yet there is no such default: a usage error saying to give one,
 * in the options the command takes (`give`).
 * The answer names its month (the JSON's `month`, the sealed headline).
 */
export async function monthOrLastClosed(
  ctx: CliContext,
  given: string | undefined,
  give: string = GIVE_THE_MONTH,
): Promise<string> {
  if (given !== undefined) return requireMonth(given, '--month');
  const last = (await withReadSnapshot(ctx, closedMonthsInOrder)).at(-1);
  if (last === undefined)
    throw new Plan12bError(
      'USAGE',
      'no month is closed yet, so there is no last month closed to answer for',
      give,
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
  const month = await monthOrLastClosed(ctx, undefined, GIVE_THE_DAYS);
  return { from: monthStart(month), to: monthEnd(month) };
}

/**
 * The month `plan12b close` would close next (SPEC §12: months close in order): the month after
 * the last one closed, else the first month with daily net assets; null with neither. As the
 * API's `GET /api/months` says it (`nextToClose`).
 */
export async function nextMonthToClose(q: Queryable): Promise<string | null> {
  const last = (await closedMonthsInOrder(q)).at(-1);
  if (last !== undefined) return nextMonth(last);
  return (await firstNetAssetsDate(q))?.slice(0, 7) ?? null;
}

/** How the board report's --quarter says its default. */
export const QUARTER_DEFAULT_HELP = 'the quarter, e.g. 2025Q4 (default: the last quarter closed)';

/**
 * The last quarter the books have closed (Plan §8: the board reviews a quarter after its end):
 * the latest quarter whose last month is closed, counting only quarters that end after the books
 * start (the first month closed); null when none has. `closed` is in month order.
 */
export function lastQuarterClosed(closed: readonly string[]): Quarter | null {
  const first = closed[0];
  const last = closed.at(-1);
  if (first === undefined || last === undefined) return null;
  let quarter = quarterOf(`${last}-01`);
  if (quarter.months[2]! > last) {
    const [year, n] = [Number(quarter.label.slice(0, 4)), Number(quarter.label.slice(5))];
    quarter = parseQuarter(n === 1 ? `${year - 1}Q4` : `${year}Q${n - 1}`)!;
  }
  return quarter.months[2]! >= first ? quarter : null;
}

/**
 * The quarter the board report answers for: the one given (checked as every --quarter is), else
 * the last quarter closed ({@link lastQuarterClosed}); with none a usage error saying to give one.
 */
export async function quarterOrLastClosed(ctx: CliContext, given: string | undefined): Promise<Quarter> {
  if (given !== undefined) return requireQuarter(given, '--quarter');
  const closed = await withReadSnapshot(ctx, closedMonthsInOrder);
  const quarter = lastQuarterClosed(closed);
  const last = closed.at(-1);
  if (quarter === null && last === undefined)
    throw new Plan12bError(
      'USAGE',
      'no month is closed yet, so there is no last quarter closed to report on',
      'give the quarter: --quarter YYYYQn',
    );
  if (quarter === null) {
    // months are closed, but not the last month of a quarter: name the quarter in progress
    const open = quarterOf(`${last}-01`);
    throw new Plan12bError(
      'USAGE',
      `no quarter is closed yet: the last month closed is ${last}, and a quarter is closed with its last month (${open.label} with ${open.months[2]})`,
      `give the quarter: --quarter YYYYQn (\`--quarter ${open.label}\` reports its closed months as sealed, the others as recorded so far)`,
    );
  }
  return quarter;
}
