/** SPEC §9: a Saturday holiday is observed the Friday before, a Sunday holiday the Monday after. */
import { describe, expect, it } from 'vitest';
import { holidayName, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

describe('weekend observance', () => {
  it.each([
    ['2020-07-03', 'Independence Day (observed)', 'Sat 4 July 2020 → Fri 3 July'],
    ['2004-07-05', 'Independence Day (observed)', 'Sun 4 July 2004 → Mon 5 July'],
    ['2022-12-26', 'Christmas Day (observed)', 'Sun 25 Dec 2022 → Mon 26 Dec'],
    ['2004-12-24', 'Christmas Day (observed)', 'Sat 25 Dec 2004 → Fri 24 Dec'],
    ['2021-12-24', 'Christmas Day (observed)', 'Sat 25 Dec 2021 → Fri 24 Dec'],
    ['2023-01-02', "New Year's Day (observed)", 'Sun 1 Jan 2023 → Mon 2 Jan'],
    ['2006-01-02', "New Year's Day (observed)", 'Sun 1 Jan 2006 → Mon 2 Jan'],
    ['2022-06-20', 'Juneteenth National Independence Day (observed)', 'Sun 19 June 2022 → Mon 20 June'],
    ['2027-06-18', 'Juneteenth National Independence Day (observed)', 'Sat 19 June 2027 → Fri 18 June'],
  ])('%s is closed for %s (%s)', (date, name) => {
    expect(isBusinessDay(date)).toBe(false);
    expect(holidayName(date)).toBe(name);
  });

  it('names no holiday on the weekend day itself', () => {
    expect(holidayName('2020-07-04')).toBeNull();
    expect(holidayName('2022-12-25')).toBeNull();
    expect(isBusinessDay('2020-07-04')).toBe(false);
  });

  it('keeps the neighbouring weekdays open', () => {
    expect(isBusinessDay('2020-07-02')).toBe(true);
    expect(isBusinessDay('2020-07-06')).toBe(true);
    expect(isBusinessDay('2022-12-23')).toBe(true);
    expect(isBusinessDay('2022-12-27')).toBe(true);
  });
});
