import { describe, expect, it } from 'vitest';
import { businessDayAfter, isBusinessDay } from '../../src/calendar/nyseCalendar.js';

/**
 * SPEC §9, written again from its words alone (Easter by the anonymous Gregorian algorithm), with
 * the one closure plan12b keeps beyond SPEC §9's list (1994-04-27, President Nixon's day of
 * mourning; DOMAIN §7.1), and compared with the calendar module on every day 1990-01-01 …
 * 2100-12-31, and on the 1st and 10th business day after each of them.
 */
const DAY = 86_400_000;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const iso = (d: Date) => d.toISOString().slice(0, 10);
function easter(y: number): Date {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return utc(y, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1);
}
const nthMonday = (y: number, m: number, n: number) => {
  const first = utc(y, m, 1);
  return utc(y, m, 1 + ((8 - first.getUTCDay()) % 7) + 7 * (n - 1));
};
const lastMonday = (y: number, m: number) => {
  const last = utc(y, m + 1, 0);
  return utc(y, m, last.getUTCDate() - ((last.getUTCDay() + 6) % 7));
};
const fourthThursday = (y: number) => {
  const first = utc(y, 11, 1);
  return utc(y, 11, 1 + ((4 - first.getUTCDay() + 7) % 7) + 21);
};
/** Saturday → Friday (never for New Year's Day), Sunday → Monday */
const observed = (d: Date, newYear = false): Date | null =>
  d.getUTCDay() === 6
    ? newYear
      ? null
      : new Date(d.getTime() - DAY)
    : d.getUTCDay() === 0
      ? new Date(d.getTime() + DAY)
      : d;
const UNSCHEDULED = new Set([
  '1994-04-27',
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  '2004-06-11',
  '2007-01-02',
  '2012-10-29',
  '2012-10-30',
  '2018-12-05',
  '2025-01-09',
]);
const holidaysOf = new Map<number, Set<string>>();
function holidays(y: number): Set<string> {
  let s = holidaysOf.get(y);
  if (s) return s;
  const days = [
    observed(utc(y, 1, 1), true),
    y >= 1998 ? nthMonday(y, 1, 3) : null,
    nthMonday(y, 2, 3),
    new Date(easter(y).getTime() - 2 * DAY),
    lastMonday(y, 5),
    y >= 2022 ? observed(utc(y, 6, 19)) : null,
    observed(utc(y, 7, 4)),
    nthMonday(y, 9, 1),
    fourthThursday(y),
    observed(utc(y, 12, 25)),
  ];
  s = new Set(days.filter((d): d is Date => d !== null).map(iso));
  holidaysOf.set(y, s);
  return s;
}
const open = (d: Date) =>
  d.getUTCDay() !== 0 &&
  d.getUTCDay() !== 6 &&
  !holidays(d.getUTCFullYear()).has(iso(d)) &&
  !UNSCHEDULED.has(iso(d));
const after = (d: Date, n: number) => {
  let x = d;
  for (let c = 0; c < n; ) {
    x = new Date(x.getTime() + DAY);
    if (open(x)) c++;
  }
  return x;
};

describe('the NYSE calendar against one written again from SPEC §9', () => {
  it('every day 1990-01-01 … 2100-12-31: open or closed, and the 1st and 10th business day after', () => {
    const differences: string[] = [];
    const last = Date.UTC(2100, 11, 31);
    for (let t = Date.UTC(1990, 0, 1); t <= last; t += DAY) {
      const d = new Date(t);
      if (isBusinessDay(iso(d)) !== open(d)) differences.push(`${iso(d)} open: ${open(d)}`);
      for (const n of [1, 10]) {
        const mine = after(d, n);
        if (mine.getTime() > last) continue;
        const its = businessDayAfter(iso(d), n);
        if (its !== iso(mine)) differences.push(`${iso(d)} + ${n}: ${iso(mine)}, not ${its}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('a Saturday New Year closes nothing: the Friday before stays open at each such year end', () => {
    for (const y of [1994, 2005, 2011, 2022, 2028, 2033, 2039, 2050, 2061, 2067, 2078, 2089, 2095]) {
      expect(utc(y, 1, 1).getUTCDay()).toBe(6);
      expect(isBusinessDay(`${y - 1}-12-31`)).toBe(true);
      expect(businessDayAfter(`${y - 1}-12-30`, 1)).toBe(`${y - 1}-12-31`);
    }
  });
});
