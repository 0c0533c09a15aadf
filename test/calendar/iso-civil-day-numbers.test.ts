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

describe('fromDayNumber, its dates written once and shared (issue 14)', () => {
  // the reference: Date's own writing of the day
  const byDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

  it('is Date’s date for every day, asked once or again, inside the shared window and outside it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            // the window's edges: 1900-01-01 and 2^17 days on
            fc.integer({ min: -25_567 - 3, max: -25_567 + 3 }),
            fc.integer({ min: -25_567 + (1 << 17) - 3, max: -25_567 + (1 << 17) + 3 }),
            fc.integer({ min: -800_000, max: 800_000 }),
            fc.double({ min: -100_000, max: 100_000, noNaN: true }),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (days) => {
          for (const day of [...days, ...days]) expect(fromDayNumber(day)).toBe(byDate(day));
        },
      ),
      { numRuns: 1_000 },
    );
    expect(fromDayNumber(-0)).toBe('1970-01-01');
    expect(() => fromDayNumber(Number.NaN)).toThrow(RangeError);
  });
});
