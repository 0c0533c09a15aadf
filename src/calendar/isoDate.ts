/**
 * Calendar dates as ISO strings ('2006-03-31') at every boundary and as day numbers
 * (days since 1970-01-01, UTC) inside loops. No time zones: a fund's business date is a date.
 */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * A day of the (proleptic) Gregorian calendar, written YYYY-MM-DD. Year 0000 is not one: that
 * calendar, as PostgreSQL's `date`, goes from 1 BC to AD 1, and a "0000-01-01" sent to the store
 * was refused there as an internal error (exit 70) instead of the question's fault.
 */
export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function assertIsoDate(s: string, what = 'date'): string {
  if (!isIsoDate(s)) throw new RangeError(`${what} ${JSON.stringify(s)} is not a valid date (YYYY-MM-DD)`);
  return s;
}

/** @example toDayNumber('1970-01-02') === 1 */
export function toDayNumber(iso: string): number {
  const m = ISO_RE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

/**
 * The ISO dates of day numbers from 1900-01-01 on (2^17 days, to 2258), each written once when
 * first asked for and shared after: a close asks for the same DOIs millions of times (issue 14).
 */
const ISO_OF_DAY_FROM = -25_567; // 1900-01-01
const ISO_OF_DAY_COUNT = 1 << 17;
const isoOfDay = new Map<number, string>();

/** @example fromDayNumber(0) === '1970-01-01' */
export function fromDayNumber(day: number): string {
  const i = day - ISO_OF_DAY_FROM;
  // whole days of the window only: the map holds at most ISO_OF_DAY_COUNT dates, whatever is asked
  if (i >= 0 && i < ISO_OF_DAY_COUNT && Number.isInteger(i)) {
    let iso = isoOfDay.get(day);
    if (iso === undefined) {
      iso = writtenIso(day);
      isoOfDay.set(day, iso);
    }
    return iso;
  }
  return writtenIso(day);
}

/** The ISO date of a day number as Date writes it (any day Date can hold, and its error beyond). */
function writtenIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDayNumber(toDayNumber(iso) + n);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** SPEC §4: Y(d) = 366 in a leap year, else 365. */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** 'YYYY-MM' of a date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** Last calendar day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function monthStart(month: string): string {
  return `${month}-01`;
}

/** 0 = Sunday … 6 = Saturday */
export function dayOfWeek(iso: string): number {
  return (toDayNumber(iso) + 4) % 7;
}

export function isMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

/**
 * Day number of a proleptic-Gregorian civil date, in integer arithmetic (no Date objects), for
 * hot loops such as the net-assets scanner.
 * @example dayNumberFromCivil(1970, 1, 2) === 1
 */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Civil date of a day number; inverse of {@link dayNumberFromCivil}.
 * @example civilFromDayNumber(0) → { year: 1970, month: 1, day: 1 }
 */
export function civilFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
