/** SPEC §9 and DOMAIN §7.3: n-th business day after a date, ranges and counts, calendar bounds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/isoDate.js';
import {
  businessDayAfter,
  businessDaysBetween,
  countBusinessDays,
  isBusinessDay,
} from '../../src/calendar/nyseCalendar.js';

describe('businessDayAfter', () => {
  it.each([
    ['2006-12-31', 10, '2007-01-17'], // 1 Jan holiday, 2 Jan Ford closure, 15 Jan MLK
    ['2004-05-31', 10, '2004-06-15'], // 11 June Reagan closure
    ['2005-03-31', 10, '2005-04-14'],
    ['2007-06-30', 10, '2007-07-16'], // 4 July
    ['2003-11-30', 10, '2003-12-12'],
    ['2022-05-31', 10, '2022-06-14'],
    ['2024-02-29', 10, '2024-03-14'],
    ['2008-03-20', 1, '2008-03-24'], // over Good Friday and the weekend
  ])('%s + %i business days = %s', (from, n, expected) => {
    expect(businessDayAfter(from, n)).toBe(expected);
  });

  it('refuses n < 1 and dates outside 1990–2100', () => {
    expect(() => businessDayAfter('2008-01-01', 0)).toThrow(RangeError);
    expect(() => businessDayAfter('1989-12-29', 1)).toThrow(RangeError);
    expect(() => businessDayAfter('2100-12-31', 1)).toThrow(RangeError);
    expect(() => isBusinessDay('2008-02-30')).toThrow(RangeError);
  });
});

describe('businessDaysBetween and countBusinessDays', () => {
  it('lists the business days of a range, both ends inclusive', () => {
    expect(businessDaysBetween('2006-12-29', '2007-01-04')).toEqual([
      '2006-12-29',
      '2007-01-03',
      '2007-01-04',
    ]);
    expect(businessDaysBetween('2007-01-05', '2007-01-01')).toEqual([]);
  });

  it('agree with each other and with businessDayAfter on random ranges', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, span) => {
        const to = addDays(from, span);
        const list = businessDaysBetween(from, to);
        expect(countBusinessDays(from, to)).toBe(list.length);
        for (const d of list) expect(isBusinessDay(d)).toBe(true);
        if (list.length >= 2) expect(businessDayAfter(list[0]!, list.length - 1)).toBe(list[list.length - 1]);
      }),
      { numRuns: 300 },
    );
  });
});
