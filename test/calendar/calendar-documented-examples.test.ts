/** Every @example in src/calendar's JSDoc, executed (STYLE: Effect's runnable examples). */
import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../src/calendar/easterSunday.js';
import { civilFromDayNumber, dayNumberFromCivil, toDayNumber } from '../../src/calendar/isoDate.js';
import {
  businessDayAfter,
  businessDaysBetween,
  countBusinessDays,
  holidayName,
  isBusinessDay,
  isBusinessDayNumber,
} from '../../src/calendar/nyseCalendar.js';
import { nyseClosures } from '../../src/calendar/nyseHolidays.js';

describe('documented calendar examples', () => {
  it('hold', () => {
    expect(dayNumberFromCivil(1970, 1, 2)).toBe(1);
    expect(civilFromDayNumber(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(easterSunday(2008)).toEqual({ month: 3, day: 23 });
    expect(nyseClosures(2022)).toHaveLength(9);
    expect(isBusinessDayNumber(toDayNumber('2007-01-02'))).toBe(false);
    expect(isBusinessDay('2021-12-31')).toBe(true);
    expect(holidayName('2022-12-26')).toBe('Christmas Day (observed)');
    expect(businessDayAfter('2006-12-31', 10)).toBe('2007-01-17');
    expect(businessDaysBetween('2007-01-01', '2007-01-04')).toEqual(['2007-01-03', '2007-01-04']);
    expect(countBusinessDays('2020-01-01', '2020-12-31')).toBe(253);
  });
});
