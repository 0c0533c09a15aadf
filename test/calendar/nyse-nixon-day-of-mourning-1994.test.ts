import { describe, expect, it } from 'vitest';
import { countBusinessDays, holidayName, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

// Not in SPEC §9's list, but the exchange was closed (DOMAIN §7.1): a day of mourning like the others.
describe('NYSE closed 1994-04-27 for President Nixon', () => {
  it('is not a business day and says why', () => {
    expect(isBusinessDay('1994-04-27')).toBe(false);
    expect(holidayName('1994-04-27')).toMatch(/Nixon/);
    expect(isBusinessDay('1994-04-26')).toBe(true);
  });
  it('April 1994 had 19 business days', () => {
    // Weekdays in April 1994: 21; Good Friday (Apr 1) and Apr 27 closed → 19.
    expect(countBusinessDays('1994-04-01', '1994-04-30')).toBe(19);
  });
});
