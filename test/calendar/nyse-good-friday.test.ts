/** SPEC §9: Good Friday, two days before Gregorian Easter (computus) — an NYSE, not a federal, holiday. */
import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../src/calendar/easterSunday.js';
import { holidayName, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

describe('Good Friday', () => {
  it.each([
    ['1990-04-13'],
    ['2000-04-21'],
    ['2008-03-21'],
    ['2011-04-22'],
    ['2016-03-25'],
    ['2019-04-19'],
    ['2024-03-29'],
    ['2025-04-18'],
    ['2038-04-23'],
  ])('closes %s', (date) => {
    expect(isBusinessDay(date)).toBe(false);
    expect(holidayName(date)).toBe('Good Friday');
  });

  it('computes Easter Sunday for known years, including the extremes 22 March and 25 April', () => {
    expect(easterSunday(2008)).toEqual({ month: 3, day: 23 });
    expect(easterSunday(2016)).toEqual({ month: 3, day: 27 });
    expect(easterSunday(2019)).toEqual({ month: 4, day: 21 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
    expect(easterSunday(2285)).toEqual({ month: 3, day: 22 });
  });
});
