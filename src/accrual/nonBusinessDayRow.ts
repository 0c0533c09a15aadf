/**
 * SPEC §4: "A non-business day uses the latest earlier row" — net assets (and a service provider's
 * customers' assets, SPEC §5, carried forward like them) are struck on NYSE business days only.
 * A row dated on a weekend, a holiday or a closure would displace the figure the SPEC carries over
 * that day, and usually means a mis-dated file: it is refused, naming the day and why it is closed.
 */
import { holidayName, isBusinessDay } from '../calendar/nyseCalendar.js';
import type { Problem } from '../errors.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * One problem per row dated on a day the NYSE is closed.
 * @example nonBusinessDayRowProblems('na.csv', [{ line: 2, date: '2022-06-20' }])[0].reason
 *   // '2022-06-20 is not an NYSE business day (Juneteenth National Independence Day (observed)): …'
 */
export function nonBusinessDayRowProblems(
  file: string,
  rows: readonly { readonly line: number; readonly date: string }[],
): Problem[] {
  const problems: Problem[] = [];
  for (const r of rows) {
    if (isBusinessDay(r.date)) continue;
    const why = holidayName(r.date) ?? WEEKDAYS[new Date(`${r.date}T00:00:00Z`).getUTCDay()]!;
    problems.push({
      file,
      line: r.line,
      field: 'date',
      value: r.date,
      reason: `${r.date} is not an NYSE business day (${why}): figures are for business days only, and a non-business day takes the latest earlier row (SPEC §4)`,
    });
  }
  return problems;
}
