/** The requested accrual period [from, to], both inclusive calendar dates (SPEC §4). */
import { assertIsoDate } from '../calendar/isoDate.js';

export function assertAccrualRange(from: string, to: string): void {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (from > to) throw new RangeError(`accrual range from ${from} is after to ${to}`);
}
