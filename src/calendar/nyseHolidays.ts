/**
 * NYSE full-day closures by rule (SPEC §9; NYSE Rule 51 / Rule 7.2): the regular holidays with
 * their weekend observance, plus the unscheduled closures the SPEC lists.
 */
import { easterSunday } from './easterSunday.js';
import { dayNumberFromCivil } from './isoDate.js';

export interface NyseClosure {
  /** Day number (days since 1970-01-01) of the weekday the exchange is closed. */
  readonly dayNumber: number;
  /** Holiday name, "(observed)" when moved off a weekend, or the reason for an unscheduled closure. */
  readonly name: string;
}

/** First year the calendar is built for (SPEC §9: 1990 onward). */
export const NYSE_FIRST_YEAR = 1990;

/**
 * SPEC §9 unscheduled closures, plus 1994-04-27 (National Day of Mourning for President Nixon):
 * the exchange was closed (DOMAIN §7.1), and SPEC's list, which has every other presidential day
 * of mourning since 1990, omits it.
 */
export const NYSE_UNSCHEDULED_CLOSURES: readonly { readonly date: string; readonly name: string }[] = [
  { date: '1994-04-27', name: 'National Day of Mourning for President Richard M. Nixon' },
  { date: '2001-09-11', name: 'September 11 attacks' },
  { date: '2001-09-12', name: 'September 11 attacks' },
  { date: '2001-09-13', name: 'September 11 attacks' },
  { date: '2001-09-14', name: 'September 11 attacks' },
  { date: '2004-06-11', name: 'National Day of Mourning for President Ronald Reagan' },
  { date: '2007-01-02', name: 'National Day of Mourning for President Gerald R. Ford' },
  { date: '2012-10-29', name: 'Hurricane Sandy' },
  { date: '2012-10-30', name: 'Hurricane Sandy' },
  { date: '2018-12-05', name: 'National Day of Mourning for President George H. W. Bush' },
  { date: '2025-01-09', name: 'National Day of Mourning for President Jimmy Carter' },
];

const SATURDAY = 6;
const SUNDAY = 0;

function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The n-th (1-based) given weekday of a month, as a day number. */
function nthWeekday(year: number, month: number, weekdayWanted: number, n: number): number {
  const first = dayNumberFromCivil(year, month, 1);
  const offset = (weekdayWanted - weekday(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekdayWanted: number): number {
  const nextMonthFirst =
    month === 12 ? dayNumberFromCivil(year + 1, 1, 1) : dayNumberFromCivil(year, month + 1, 1);
  const last = nextMonthFirst - 1;
  return last - ((weekday(last) - weekdayWanted + 7) % 7);
}

/**
 * A fixed-date holiday with weekend observance: Sunday → the Monday after, Saturday → the Friday
 * before, except New Year's Day on a Saturday, which is not observed (the Friday before is a
 * year end, an accounting-period end the rule keeps open). Returns null when not observed.
 */
function observedFixed(year: number, month: number, day: number, name: string): NyseClosure | null {
  const actual = dayNumberFromCivil(year, month, day);
  const wd = weekday(actual);
  if (wd === SUNDAY) return { dayNumber: actual + 1, name: `${name} (observed)` };
  if (wd === SATURDAY) {
    if (month === 1 && day === 1) return null;
    return { dayNumber: actual - 1, name: `${name} (observed)` };
  }
  return { dayNumber: actual, name };
}

/**
 * Every NYSE full-day closure falling on a weekday of `year`, sorted by date.
 * @example nyseClosures(2022).length === 9  // New Year's Day 2022 fell on a Saturday
 */
export function nyseClosures(year: number): NyseClosure[] {
  if (!Number.isInteger(year) || year < NYSE_FIRST_YEAR) {
    throw new RangeError(`NYSE calendar covers ${NYSE_FIRST_YEAR} onward (SPEC §9), not ${year}`);
  }
  const MONDAY = 1;
  const THURSDAY = 4;
  const easter = easterSunday(year);
  const found: (NyseClosure | null)[] = [
    observedFixed(year, 1, 1, "New Year's Day"),
    // MLK Day was added by SR-NYSE-97-22 (1997) and first observed in 1998.
    year >= 1998 ? { dayNumber: nthWeekday(year, 1, MONDAY, 3), name: 'Martin Luther King Jr. Day' } : null,
    { dayNumber: nthWeekday(year, 2, MONDAY, 3), name: "Washington's Birthday (Presidents' Day)" },
    { dayNumber: dayNumberFromCivil(year, easter.month, easter.day) - 2, name: 'Good Friday' },
    { dayNumber: lastWeekday(year, 5, MONDAY), name: 'Memorial Day' },
    year >= 2022 ? observedFixed(year, 6, 19, 'Juneteenth National Independence Day') : null,
    observedFixed(year, 7, 4, 'Independence Day'),
    { dayNumber: nthWeekday(year, 9, MONDAY, 1), name: 'Labor Day' },
    { dayNumber: nthWeekday(year, 11, THURSDAY, 4), name: 'Thanksgiving Day' },
    observedFixed(year, 12, 25, 'Christmas Day'),
  ];
  for (const u of NYSE_UNSCHEDULED_CLOSURES) {
    if (Number(u.date.slice(0, 4)) === year) {
      const dayNumber = dayNumberFromCivil(year, Number(u.date.slice(5, 7)), Number(u.date.slice(8, 10)));
      found.push({ dayNumber, name: u.name });
    }
  }
  const closures = found.filter((c): c is NyseClosure => c !== null);
  closures.sort((a, b) => a.dayNumber - b.dayNumber);
  return closures;
}
