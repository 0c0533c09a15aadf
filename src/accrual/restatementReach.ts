import { addDays, monthOf } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';

/**
 * SPEC §4, §12: a net-assets row is the figure of its own day and of every following day up to
 * the next NYSE business day (a non-business day uses the latest earlier row), so a restatement
 * of a row touches the months of all those days. A Friday's row of 2004-01-30 is also the figure
 * of Sunday 2004-02-01: restating it changes February's fees too, and every closed month it
 * touches is flagged for a prior-period adjustment. Returns the closed months other than the
 * row's own, in order. (A weekend row recorded after it would end its reach sooner; flagging such
 * a month anyway only recomputes it and finds no difference.)
 *
 * @example closedMonthsCarriedInto('2004-01-30', m => m) → ['2004-02']
 */
export function closedMonthsCarriedInto(
  date: string,
  closedMonthOf: (date: string) => string | null,
): string[] {
  const out: string[] = [];
  const next = businessDayAfter(date, 1);
  for (let d = addDays(date, 1); d < next; d = addDays(d, 1)) {
    const closed = monthOf(d) === monthOf(date) ? null : closedMonthOf(d);
    if (closed !== null && !out.includes(closed)) out.push(closed);
  }
  return out;
}
