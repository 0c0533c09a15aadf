/** SPEC §9: Martin Luther King Jr. Day (third Monday of January), from 1998 (SR-NYSE-97-22). */
import { describe, expect, it } from 'vitest';
import { holidayName, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

describe('Martin Luther King Jr. Day', () => {
  it('was a trading day on Mon 20 January 1997', () => {
    expect(isBusinessDay('1997-01-20')).toBe(true);
  });

  it.each(['1998-01-19', '2008-01-21', '2011-01-17', '2024-01-15'])('closes %s (third Monday)', (date) => {
    expect(isBusinessDay(date)).toBe(false);
    expect(holidayName(date)).toBe('Martin Luther King Jr. Day');
  });
});
