/**
 * SPEC §9 / NYSE Rule 7.2: New Year's Day on a Saturday is not observed on the Friday before —
 * 31 December is a year end, an accounting-period end the exchange stays open for.
 */
import { describe, expect, it } from 'vitest';
import { holidayName, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

describe("New Year's Day on a Saturday", () => {
  it.each(['1999-12-31', '2004-12-31', '2010-12-31', '2021-12-31', '2032-12-31'])('%s stays open', (date) => {
    expect(isBusinessDay(date)).toBe(true);
    expect(holidayName(date)).toBeNull();
  });

  it('closes no weekday of the new year for it either (2022)', () => {
    expect(isBusinessDay('2022-01-03')).toBe(true);
    expect(holidayName('2022-01-01')).toBeNull();
  });

  it('still moves other Saturday holidays to the Friday, even at a month end (4 July 2026)', () => {
    expect(isBusinessDay('2026-07-03')).toBe(false);
  });
});
