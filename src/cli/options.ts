import { isIsoDate, isMonth } from '../calendar/isoDate.js';
import { isMonthOfNyseCalendar, NYSE_FIRST_YEAR, NYSE_LAST_YEAR } from '../calendar/nyseCalendar.js';
import { parseQuarter, type Quarter } from '../calendar/quarter.js';
import { Plan12bError } from '../errors.js';

/**
 * A quarter (`2025Q4`) of the years plan12b keeps, as {@link requireMonth} its months: a quarter
 * outside them is the question's fault (64), never a bug (a year-0000 quarter once reached the
 * database as a date it cannot hold: exit 70).
 */
export function requireQuarter(value: string, option: string): Quarter {
  const quarter = parseQuarter(value);
  if (quarter === null)
    throw new Plan12bError(
      'USAGE',
      `${option} ${JSON.stringify(value)} is not a quarter`,
      'write it as YYYYQn, e.g. 2025Q4',
    );
  if (!isMonthOfNyseCalendar(quarter.months[0]!))
    throw new Plan12bError(
      'USAGE',
      `${option} ${quarter.label} is outside the years plan12b keeps (${NYSE_FIRST_YEAR}–${NYSE_LAST_YEAR})`,
      'every feed is refused outside them, so no quarter there has anything to report',
    );
  return quarter;
}

export function requireDate(value: string, option: string): string {
  if (!isIsoDate(value))
    throw new Plan12bError(
      'USAGE',
      `${option} ${JSON.stringify(value)} is not a date`,
      'write dates as YYYY-MM-DD',
    );
  return value;
}

/** `--from` and `--to` as dates, `--from` on or before `--to`. */
export function requireDateRange(from: string, to: string): { from: string; to: string } {
  const range = { from: requireDate(from, '--from'), to: requireDate(to, '--to') };
  if (range.from > range.to)
    throw new Plan12bError(
      'USAGE',
      `--from ${range.from} is after --to ${range.to}`,
      'give --from on or before --to (both days are included)',
    );
  return range;
}

export function requireMonth(value: string, option: string): string {
  if (!isMonth(value))
    throw new Plan12bError(
      'USAGE',
      `${option} ${JSON.stringify(value)} is not a month`,
      'write months as YYYY-MM',
    );
  if (!isMonthOfNyseCalendar(value))
    throw new Plan12bError(
      'USAGE',
      `${option} ${value} is outside the years plan12b keeps (${NYSE_FIRST_YEAR}–${NYSE_LAST_YEAR})`,
      'every feed is refused outside them, so no month there has anything to report or close',
    );
  return value;
}

export function requireRate(value: string, option: string): string {
  if (!/^(\d+(\.\d{1,6})?|\.\d{1,6})%?$/.test(value))
    throw new Plan12bError(
      'USAGE',
      `${option} ${JSON.stringify(value)} is not a rate`,
      'write rates in percent per annum, e.g. 0.25',
    );
  return value.replace(/%$/, '');
}
