import { monthEnd } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';

/**
 * Agreement SEVENTH(B): paid within 10 business days after the end of the month, unless the
 * Distributor specifies a later date in written instructions to the Fund.
 * @example paymentDueDate('2006-12') === '2007-01-17' // Jan 1 holiday, Jan 2 closed, MLK Jan 15
 */
export function paymentDueDate(month: string, instructedDate: string | null = null): string {
  const due = businessDayAfter(monthEnd(month), 10);
  return instructedDate !== null && instructedDate > due ? instructedDate : due;
}
