/** SPEC §9: Juneteenth (19 June) is an NYSE holiday from 2022 only. */
import { describe, expect, it } from 'vitest';
import { holidayName, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

describe('Juneteenth', () => {
  it('was a trading day in 2021 (Sat 19 June → Fri 18 June open)', () => {
    expect(isBusinessDay('2021-06-18')).toBe(true);
    expect(isBusinessDay('2021-06-21')).toBe(true);
  });

  it('closes Mon 20 June 2022 (Sunday observed), Mon 19 June 2023 and Wed 19 June 2024', () => {
    expect(isBusinessDay('2022-06-20')).toBe(false);
    expect(isBusinessDay('2023-06-19')).toBe(false);
    expect(holidayName('2024-06-19')).toBe('Juneteenth National Independence Day');
  });
});
