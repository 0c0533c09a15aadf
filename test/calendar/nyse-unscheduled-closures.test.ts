/** SPEC §9 unscheduled full-day closures. */
import { describe, expect, it } from 'vitest';
import { holidayName, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

describe('unscheduled closures', () => {
  it.each([
    ['2001-09-11', 'September 11 attacks'],
    ['2001-09-12', 'September 11 attacks'],
    ['2001-09-13', 'September 11 attacks'],
    ['2001-09-14', 'September 11 attacks'],
    ['2004-06-11', 'National Day of Mourning for President Ronald Reagan'],
    ['2007-01-02', 'National Day of Mourning for President Gerald R. Ford'],
    ['2012-10-29', 'Hurricane Sandy'],
    ['2012-10-30', 'Hurricane Sandy'],
    ['2018-12-05', 'National Day of Mourning for President George H. W. Bush'],
    ['2025-01-09', 'National Day of Mourning for President Jimmy Carter'],
  ])('%s is closed: %s', (date, reason) => {
    expect(isBusinessDay(date)).toBe(false);
    expect(holidayName(date)).toBe(reason);
  });

  it('reopened the day after each', () => {
    for (const date of ['2001-09-17', '2004-06-14', '2007-01-03', '2012-10-31', '2018-12-06', '2025-01-10']) {
      expect(isBusinessDay(date)).toBe(true);
    }
  });
});
