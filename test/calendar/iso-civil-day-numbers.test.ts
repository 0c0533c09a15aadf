/** Integer civil-date ↔ day-number conversions agree with toDayNumber / fromDayNumber everywhere. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  fromDayNumber,
  toDayNumber,
} from '../../src/calendar/isoDate.js';

describe('civil date ↔ day number', () => {
  it('round-trips and matches the Date-based conversions from 1600 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1600-01-01'), max: toDayNumber('2400-12-31') }), (day) => {
        const { year, month, day: dom } = civilFromDayNumber(day);
        const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
        expect(iso).toBe(fromDayNumber(day));
        expect(dayNumberFromCivil(year, month, dom)).toBe(day);
      }),
      { numRuns: 2_000 },
    );
    expect(dayNumberFromCivil(1970, 1, 1)).toBe(0);
    expect(dayNumberFromCivil(2000, 2, 29)).toBe(toDayNumber('2000-02-29'));
  });
});
