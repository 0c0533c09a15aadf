/** The requested accrual period [from, to], both inclusive calendar dates (SPEC §4). */
import { assertIsoDate } from '../calendar/isoDate.js';
import { NYSE_LAST_YEAR, OutsideNyseCalendar } from '../calendar/nyseCalendar.js';

/**
 * Also refuses a range that ends after the NYSE calendar's last year (OutsideNyseCalendar): which
 * days need a net-assets row is the calendar's to say (SPEC §4, §9), and an accrual to 9999 was
 * days × classes of memory before it could fail. A range that starts before the calendar is
 * fine: no class has net assets before 1990 (the feeds refuse them), so those days accrue nothing.
 */
export function assertAccrualRange(from: string, to: string): void {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (from > to) throw new RangeError(`accrual range from ${from} is after to ${to}`);
  if (to > NYSE_LAST_DAY) throw new OutsideNyseCalendar(to);
}

const NYSE_LAST_DAY = `${NYSE_LAST_YEAR}-12-31`;
