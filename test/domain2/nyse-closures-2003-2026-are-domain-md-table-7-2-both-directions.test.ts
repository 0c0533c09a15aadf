/**
 * DOMAIN.md §7.2 "Computed NYSE full-day closures 2003–2026" (spot-checked there against the
 * published 2011–2016 and 2020–2024 calendars), compared with the product's calendar in both
 * directions: every date of the table is a closed weekday, and every other weekday of 2003–2026
 * is a business day. The table below is DOMAIN.md's, copied cell for cell (not the product's).
 * §7.3's worked "N business days after month end" examples close the file.
 */
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../src/calendar/isoDate.js';
import { businessDayAfter, holidayName, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

const TABLE_7_2: readonly (readonly [number, string])[] = [
  [
    2003,
    `01-01 New Year's Day; 01-20 MLK Day; 02-17 Presidents; 04-18 Good Friday; 05-26 Memorial Day; 07-04 Independence Day; 09-01 Labor Day; 11-27 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2004,
    `01-01 New Year's Day; 01-19 MLK Day; 02-16 Presidents; 04-09 Good Friday; 05-31 Memorial Day; 06-11 Reagan mourning*; 07-05 Independence Day; 09-06 Labor Day; 11-25 Thanksgiving; 12-24 Christmas`,
  ],
  [
    2005,
    `01-17 MLK Day; 02-21 Presidents; 03-25 Good Friday; 05-30 Memorial Day; 07-04 Independence Day; 09-05 Labor Day; 11-24 Thanksgiving; 12-26 Christmas`,
  ],
  [
    2006,
    `01-02 New Year's Day; 01-16 MLK Day; 02-20 Presidents; 04-14 Good Friday; 05-29 Memorial Day; 07-04 Independence Day; 09-04 Labor Day; 11-23 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2007,
    `01-01 New Year's Day; 01-02 Ford mourning*; 01-15 MLK Day; 02-19 Presidents; 04-06 Good Friday; 05-28 Memorial Day; 07-04 Independence Day; 09-03 Labor Day; 11-22 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2008,
    `01-01 New Year's Day; 01-21 MLK Day; 02-18 Presidents; 03-21 Good Friday; 05-26 Memorial Day; 07-04 Independence Day; 09-01 Labor Day; 11-27 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2009,
    `01-01 New Year's Day; 01-19 MLK Day; 02-16 Presidents; 04-10 Good Friday; 05-25 Memorial Day; 07-03 Independence Day; 09-07 Labor Day; 11-26 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2010,
    `01-01 New Year's Day; 01-18 MLK Day; 02-15 Presidents; 04-02 Good Friday; 05-31 Memorial Day; 07-05 Independence Day; 09-06 Labor Day; 11-25 Thanksgiving; 12-24 Christmas`,
  ],
  [
    2011,
    `01-17 MLK Day; 02-21 Presidents; 04-22 Good Friday; 05-30 Memorial Day; 07-04 Independence Day; 09-05 Labor Day; 11-24 Thanksgiving; 12-26 Christmas`,
  ],
  [
    2012,
    `01-02 New Year's Day; 01-16 MLK Day; 02-20 Presidents; 04-06 Good Friday; 05-28 Memorial Day; 07-04 Independence Day; 09-03 Labor Day; 10-29 Sandy*; 10-30 Sandy*; 11-22 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2013,
    `01-01 New Year's Day; 01-21 MLK Day; 02-18 Presidents; 03-29 Good Friday; 05-27 Memorial Day; 07-04 Independence Day; 09-02 Labor Day; 11-28 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2014,
    `01-01 New Year's Day; 01-20 MLK Day; 02-17 Presidents; 04-18 Good Friday; 05-26 Memorial Day; 07-04 Independence Day; 09-01 Labor Day; 11-27 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2015,
    `01-01 New Year's Day; 01-19 MLK Day; 02-16 Presidents; 04-03 Good Friday; 05-25 Memorial Day; 07-03 Independence Day; 09-07 Labor Day; 11-26 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2016,
    `01-01 New Year's Day; 01-18 MLK Day; 02-15 Presidents; 03-25 Good Friday; 05-30 Memorial Day; 07-04 Independence Day; 09-05 Labor Day; 11-24 Thanksgiving; 12-26 Christmas`,
  ],
  [
    2017,
    `01-02 New Year's Day; 01-16 MLK Day; 02-20 Presidents; 04-14 Good Friday; 05-29 Memorial Day; 07-04 Independence Day; 09-04 Labor Day; 11-23 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2018,
    `01-01 New Year's Day; 01-15 MLK Day; 02-19 Presidents; 03-30 Good Friday; 05-28 Memorial Day; 07-04 Independence Day; 09-03 Labor Day; 11-22 Thanksgiving; 12-05 GHW Bush mourning*; 12-25 Christmas`,
  ],
  [
    2019,
    `01-01 New Year's Day; 01-21 MLK Day; 02-18 Presidents; 04-19 Good Friday; 05-27 Memorial Day; 07-04 Independence Day; 09-02 Labor Day; 11-28 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2020,
    `01-01 New Year's Day; 01-20 MLK Day; 02-17 Presidents; 04-10 Good Friday; 05-25 Memorial Day; 07-03 Independence Day; 09-07 Labor Day; 11-26 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2021,
    `01-01 New Year's Day; 01-18 MLK Day; 02-15 Presidents; 04-02 Good Friday; 05-31 Memorial Day; 07-05 Independence Day; 09-06 Labor Day; 11-25 Thanksgiving; 12-24 Christmas`,
  ],
  [
    2022,
    `01-17 MLK Day; 02-21 Presidents; 04-15 Good Friday; 05-30 Memorial Day; 06-20 Juneteenth; 07-04 Independence Day; 09-05 Labor Day; 11-24 Thanksgiving; 12-26 Christmas`,
  ],
  [
    2023,
    `01-02 New Year's Day; 01-16 MLK Day; 02-20 Presidents; 04-07 Good Friday; 05-29 Memorial Day; 06-19 Juneteenth; 07-04 Independence Day; 09-04 Labor Day; 11-23 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2024,
    `01-01 New Year's Day; 01-15 MLK Day; 02-19 Presidents; 03-29 Good Friday; 05-27 Memorial Day; 06-19 Juneteenth; 07-04 Independence Day; 09-02 Labor Day; 11-28 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2025,
    `01-01 New Year's Day; 01-09 Carter mourning*; 01-20 MLK Day; 02-17 Presidents; 04-18 Good Friday; 05-26 Memorial Day; 06-19 Juneteenth; 07-04 Independence Day; 09-01 Labor Day; 11-27 Thanksgiving; 12-25 Christmas`,
  ],
  [
    2026,
    `01-01 New Year's Day; 01-19 MLK Day; 02-16 Presidents; 04-03 Good Friday; 05-25 Memorial Day; 06-19 Juneteenth; 07-03 Independence Day; 09-07 Labor Day; 11-26 Thanksgiving; 12-25 Christmas`,
  ],
];

/** Every closure date of the table, with its DOMAIN.md label. */
const closures = new Map<string, string>();
for (const [year, cells] of TABLE_7_2)
  for (const cell of cells.split('; ')) {
    const m = /^(\d\d-\d\d) (.+)$/.exec(cell);
    if (!m) throw new Error(`unreadable cell ${cell}`);
    closures.set(`${year}-${m[1]}`, m[2]!);
  }

describe('DOMAIN.md §7.2: NYSE full-day closures 2003–2026', () => {
  it('the table holds 24 years and 224 closures', () => {
    // 2003..2026 is 24 rows; the counts per row read off the table: 9,10,8,9,10 (46), 9,9,9,8,11
    // (92), 9,9,9,9,9 (137), 10,9,9,9,9 (183), 10,10,11,10 (224)
    expect(TABLE_7_2).toHaveLength(24);
    expect(closures.size).toBe(224);
  });

  it('every date of the table is a weekday the product calendar has closed, with a name', () => {
    const open: string[] = [];
    for (const [date, label] of closures) {
      const wd = dayOfWeek(date);
      expect(wd === 0 || wd === 6, `${date} ${label} is a weekend day in the table`).toBe(false);
      if (isBusinessDay(date) || holidayName(date) === null) open.push(`${date} ${label}`);
    }
    expect(open).toEqual([]);
  });

  it('every other weekday of 2003–2026 is a business day: no closure the table lacks', () => {
    const extra: string[] = [];
    for (let d = '2003-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const wd = dayOfWeek(d);
      if (wd === 0 || wd === 6 || closures.has(d)) continue;
      if (!isBusinessDay(d)) extra.push(`${d} ${holidayName(d)}`);
    }
    expect(extra).toEqual([]);
  });

  it('weekends are never business days (2003–2026)', () => {
    for (let d = '2003-01-04'; d <= '2026-12-31'; d = addDays(d, 7)) {
      expect(isBusinessDay(d)).toBe(false); // a Saturday (2003-01-04 was one)
      expect(isBusinessDay(addDays(d, 1))).toBe(false);
    }
  });

  it('the notes under the table: no New Year closure when 1 January is a Saturday', () => {
    // 2005-01-01, 2011-01-01 and 2022-01-01 are Saturdays; Friday 31 Dec before each stays open
    for (const y of [2005, 2011, 2022]) {
      expect(dayOfWeek(`${y}-01-01`)).toBe(6);
      expect(isBusinessDay(`${y - 1}-12-31`)).toBe(true);
    }
  });
});

describe('DOMAIN.md §7.3: the N-th business day after month end (N = 10), worked examples', () => {
  // "month ending 31 Dec 2006 → 17 Jan 2007 (1 Jan holiday, 2 Jan Ford closure, 15 Jan MLK
  // skipped)"; "31 May 2004 → 15 Jun 2004 (11 Jun Reagan closure skipped)"; "31 Mar 2005 → 14 Apr
  // 2005; 30 Jun 2007 → 16 Jul 2007 (4 Jul skipped); 30 Nov 2003 → 12 Dec 2003"; "31 May 2022 →
  // 14 Jun 2022; 29 Feb 2024 → 14 Mar 2024"
  const examples: readonly (readonly [string, string])[] = [
    ['2006-12-31', '2007-01-17'],
    ['2004-05-31', '2004-06-15'],
    ['2005-03-31', '2005-04-14'],
    ['2007-06-30', '2007-07-16'],
    ['2003-11-30', '2003-12-12'],
    ['2022-05-31', '2022-06-14'],
    ['2024-02-29', '2024-03-14'],
  ];
  for (const [monthEnd, due] of examples)
    it(`${monthEnd} → ${due}`, () => {
      expect(businessDayAfter(monthEnd, 10)).toBe(due);
    });

  it('the count starts the day after month end, even when month end is itself a business day', () => {
    // 31 Mar 2005 was a Thursday (business day); it does not count: Apr 1 is the 1st
    expect(isBusinessDay('2005-03-31')).toBe(true);
    expect(businessDayAfter('2005-03-31', 1)).toBe('2005-04-01');
    // 30 Jun 2007 is a Saturday: Mon 2 Jul is the 1st, Tue 3 Jul the 2nd, Thu 5 Jul the 3rd
    expect(businessDayAfter('2007-06-30', 3)).toBe('2007-07-05');
  });
});
