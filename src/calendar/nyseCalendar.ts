/**
 * The NYSE business-day calendar (SPEC §9), precomputed once as a bitmap by day number so that
 * accrual and validation loops over millions of class-days test a day with one array read.
 */
import { Plan12bError } from '../errors.js';
import { assertIsoDate, dayNumberFromCivil, fromDayNumber, toDayNumber } from './isoDate.js';
import { NYSE_FIRST_YEAR, nyseClosures } from './nyseHolidays.js';

/** Last year the precomputed calendar covers. */
export const NYSE_LAST_YEAR = 2100;
export { NYSE_FIRST_YEAR };

export interface NyseBusinessDayTable {
  /** Day number of 1990-01-01: index 0 of the arrays below. */
  readonly firstDayNumber: number;
  /** Day number of 2100-12-31. */
  readonly lastDayNumber: number;
  /** 1 when the day is an NYSE business day, else 0. */
  readonly isBusinessDay: Uint8Array;
  /** Business days strictly before each day, counted from firstDayNumber (length = days + 1). */
  readonly businessDaysBefore: Int32Array;
  /** Name of the holiday or closure on each closed weekday. */
  readonly closureNames: ReadonlyMap<number, string>;
}

let table: NyseBusinessDayTable | undefined;

/** The precomputed table (built on first use). */
export function nyseBusinessDayTable(): NyseBusinessDayTable {
  if (table) return table;
  const firstDayNumber = dayNumberFromCivil(NYSE_FIRST_YEAR, 1, 1);
  const lastDayNumber = dayNumberFromCivil(NYSE_LAST_YEAR, 12, 31);
  const length = lastDayNumber - firstDayNumber + 1;
  const isBusinessDay = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const wd = (firstDayNumber + i + 4) % 7;
    isBusinessDay[i] = wd === 0 || wd === 6 ? 0 : 1;
  }
  const closureNames = new Map<number, string>();
  for (let year = NYSE_FIRST_YEAR; year <= NYSE_LAST_YEAR; year++) {
    for (const c of nyseClosures(year)) {
      isBusinessDay[c.dayNumber - firstDayNumber] = 0;
      closureNames.set(c.dayNumber, c.name);
    }
  }
  const businessDaysBefore = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) businessDaysBefore[i + 1] = businessDaysBefore[i]! + isBusinessDay[i]!;
  table = { firstDayNumber, lastDayNumber, isBusinessDay, businessDaysBefore, closureNames };
  return table;
}

/**
 * A date (or a count of business days reaching one) outside the years the calendar holds
 * (SPEC §9 lists the holidays and closures it knows): the question's fault, which the CLI and the
 * API answer as a usage error, never as a bug.
 */
export class OutsideNyseCalendar extends RangeError {
  constructor(readonly date: string) {
    super(`${date} is outside the NYSE calendar (${NYSE_FIRST_YEAR}-01-01..${NYSE_LAST_YEAR}-12-31)`);
    this.name = 'OutsideNyseCalendar';
  }
}

/**
 * A date a command records (a rate's effective date, a notice, a termination): inside the
 * calendar's years, as every feed's dates are (SPEC §9), else {@link OutsideNyseCalendar} — the
 * CLI's exit 64 and the API's 400, before anything is written.
 */
export function requireDateOfNyseCalendar(iso: string): string {
  const year = Number(iso.slice(0, 4));
  if (!(year >= NYSE_FIRST_YEAR && year <= NYSE_LAST_YEAR)) throw new OutsideNyseCalendar(iso);
  return iso;
}

/** Whether a month (YYYY-MM) lies in the calendar's years: the accounting months plan12b keeps. */
export function isMonthOfNyseCalendar(month: string): boolean {
  const year = Number(month.slice(0, 4));
  return year >= NYSE_FIRST_YEAR && year <= NYSE_LAST_YEAR;
}

/**
 * A date outside the calendar, said as the question's fault (exit 64, HTTP 400) in the calendar's
 * own words; undefined for any other error. The CLI's and the API's last catch ask it, as they ask
 * databaseRefusal: a month or a date asked for near the calendar's ends (the Monthly Calculation
 * of December 2100 is due in 2101) is a question plan12b cannot answer, not a bug in it. Feeds
 * refuse such dates row by row before anything asks the calendar.
 */
export function calendarRefusal(e: unknown): Plan12bError | undefined {
  if (!(e instanceof OutsideNyseCalendar)) return undefined;
  return new Plan12bError(
    'USAGE',
    e.message,
    `plan12b knows the NYSE's holidays and closures from ${NYSE_FIRST_YEAR} to ${NYSE_LAST_YEAR}: ask about dates and months within them`,
  );
}

function indexOf(dayNumber: number): number {
  const t = nyseBusinessDayTable();
  if (!Number.isInteger(dayNumber) || dayNumber < t.firstDayNumber || dayNumber > t.lastDayNumber)
    throw new OutsideNyseCalendar(fromDayNumber(dayNumber));
  return dayNumber - t.firstDayNumber;
}

/** @example isBusinessDayNumber(toDayNumber('2007-01-02')) === false  // Ford mourning */
export function isBusinessDayNumber(dayNumber: number): boolean {
  return nyseBusinessDayTable().isBusinessDay[indexOf(dayNumber)] === 1;
}

/**
 * Whether the NYSE is open on a date: a weekday that is neither a holiday nor a closure.
 * @example isBusinessDay('2021-12-31') === true  // New Year's Day 2022 (Saturday) not observed
 */
export function isBusinessDay(iso: string): boolean {
  return isBusinessDayNumber(toDayNumber(assertIsoDate(iso)));
}

/**
 * The holiday name or closure reason for a closed weekday, or null (business days and weekends;
 * a holiday falling on a weekend is named on the weekday it is observed).
 * @example holidayName('2022-12-26') === 'Christmas Day (observed)'
 */
export function holidayName(iso: string): string | null {
  const day = toDayNumber(assertIsoDate(iso));
  indexOf(day);
  return nyseBusinessDayTable().closureNames.get(day) ?? null;
}

/**
 * The n-th business day strictly after a date (n ≥ 1); DOMAIN §7.3 "N business days after".
 * @example businessDayAfter('2006-12-31', 10) === '2007-01-17'
 */
export function businessDayAfter(iso: string, n: number): string {
  return fromDayNumber(businessDayNumberAfter(toDayNumber(assertIsoDate(iso)), n));
}

/** The most business days after a date a question may count (about 40 years). */
export const BUSINESS_DAYS_AFTER_MAX = 10_000;

/** Day-number form of {@link businessDayAfter}. */
export function businessDayNumberAfter(dayNumber: number, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, not ${n}`);
  const t = nyseBusinessDayTable();
  let i = indexOf(dayNumber);
  let count = 0;
  while (count < n) {
    i++;
    if (i >= t.isBusinessDay.length) indexOf(t.firstDayNumber + i);
    count += t.isBusinessDay[i]!;
  }
  return t.firstDayNumber + i;
}

/**
 * Every business day in [fromIso, toIso], both inclusive; empty when from > to.
 * @example businessDaysBetween('2007-01-01', '2007-01-04') → ['2007-01-03', '2007-01-04']
 */
export function businessDaysBetween(fromIso: string, toIso: string): string[] {
  const from = toDayNumber(assertIsoDate(fromIso, 'from'));
  const to = toDayNumber(assertIsoDate(toIso, 'to'));
  const out: string[] = [];
  if (from > to) return out;
  const t = nyseBusinessDayTable();
  const a = indexOf(from);
  const b = indexOf(to);
  for (let i = a; i <= b; i++) if (t.isBusinessDay[i] === 1) out.push(fromDayNumber(t.firstDayNumber + i));
  return out;
}

/**
 * How many business days lie in [fromIso, toIso], both inclusive (0 when from > to).
 * @example countBusinessDays('2020-01-01', '2020-12-31') === 253
 */
export function countBusinessDays(fromIso: string, toIso: string): number {
  const from = toDayNumber(assertIsoDate(fromIso, 'from'));
  const to = toDayNumber(assertIsoDate(toIso, 'to'));
  if (from > to) return 0;
  const t = nyseBusinessDayTable();
  return t.businessDaysBefore[indexOf(to) + 1]! - t.businessDaysBefore[indexOf(from)]!;
}
