import { isLeapYear } from '../calendar/isoDate.js';

/**
 * The n-th anniversary of a Date of Original Issuance (SPEC §6): the same month and day n years
 * later; a Feb 29 DOI has its anniversary on Feb 28 in a year that is not a leap year.
 * @example anniversaryOf('2004-02-29', 1) === '2005-02-28'; anniversaryOf('2004-02-29', 4) === '2008-02-29'
 */
export function anniversaryOf(dateOfOriginalIssuance: string, years: number): string {
  const year = Number(dateOfOriginalIssuance.slice(0, 4)) + years;
  const monthDay = dateOfOriginalIssuance.slice(5);
  const day = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

/**
 * Years since the DOI counted by anniversaries: how many anniversaries fell on or before `date`.
 * A redemption on an anniversary is in the next year of the CDSC schedule.
 * @example completedYears('2004-02-29', '2005-02-28') === 1; completedYears('2004-03-01', '2005-02-28') === 0
 */
export function completedYears(dateOfOriginalIssuance: string, date: string): number {
  if (date < dateOfOriginalIssuance) return 0;
  let years = Number(date.slice(0, 4)) - Number(dateOfOriginalIssuance.slice(0, 4));
  if (anniversaryOf(dateOfOriginalIssuance, years) > date) years -= 1;
  return years;
}
