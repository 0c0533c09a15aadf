/**
 * SPEC §12 with §4: a class a close accepted as ended has ended from the business day after its
 * last row until its net assets resume; its first row after the end begins it again. On the
 * ended days nothing accrues, no row is needed, and no day takes the last row before the end.
 *
 * Worked by hand, 2007 (365 days), rates 0.75% / 0.25% (Sixth A&R Plan, Class C):
 * - NA 1,000,000.00: 7,500/365 = 20.5479… → 20.55 distribution, 2,500/365 = 6.8493… → 6.85 service;
 * - NA 2,000,000.00: 15,000/365 = 41.0959… → 41.10, 5,000/365 = 13.6986… → 13.70.
 * Rows: 1,000,000.00 on Thu Feb 8 and Fri Feb 9; accepted as ended on Mon Feb 12; 2,000,000.00 from
 * Mon Mar 12 (a row each business day through Fri Mar 16).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClassSeries } from '../../src/accrual/classSeries.js';
import { missingBusinessDays, uncoveredDays } from '../../src/accrual/coverageChecks.js';
import {
  coverageOutsideEnded,
  type EndedSpan,
  endedSpansOfRows,
  isEndedOn,
} from '../../src/accrual/endedSpans.js';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { missingNetAssetsDayProblems, type RecordedEnd } from '../../src/accrual/netAssetsCoverage.js';
import { accrueReference } from '../../src/accrual/referenceAccrual.js';
import { addDays } from '../../src/calendar/isoDate.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import type { Registry } from '../../src/registry/registry.js';

const end = { lastNetAssets: '2007-02-09', endedOn: '2007-02-12', acceptedIn: '2007-02' };
const rows = [
  { date: '2007-02-08', netAssetsCents: 100_000_000n },
  { date: '2007-02-09', netAssetsCents: 100_000_000n },
  ...businessDaysBetween('2007-03-12', '2007-03-16').map((date) => ({ date, netAssetsCents: 200_000_000n })),
];
const coverage = [
  { from: '2002-06-03', until: null, distributionFeeMicroPct: 750_000n, serviceFeeMicroPct: 250_000n },
];
const ended = endedSpansOfRows([end], rows);
const series: ClassSeries = {
  classKey: 'aim-value-fund|C',
  netAssets: rows,
  coverage,
  ended,
};

describe('an accepted end, resumed', () => {
  it('spans the days from the end to the first row after it', () => {
    expect(ended).toEqual([
      { from: '2007-02-12', until: '2007-03-12', acceptedIn: '2007-02', lastNetAssets: '2007-02-09' },
    ]);
    // not yet resumed: open; a row on the weekend after the last business day: never ended
    expect(endedSpansOfRows([end], rows.slice(0, 2))[0]!.until).toBeNull();
    expect(endedSpansOfRows([end], [...rows.slice(0, 2), { date: '2007-02-10' }])).toEqual([]);
    expect(isEndedOn(ended, '2007-02-11')).toBe(false);
    expect(isEndedOn(ended, '2007-03-11')).toBe(true);
    expect(isEndedOn(ended, '2007-03-12')).toBe(false);
    expect(coverageOutsideEnded(coverage, ended).map((s) => [s.from, s.until])).toEqual([
      ['2002-06-03', '2007-02-12'],
      ['2007-03-12', null],
    ]);
  });

  it('accrues nothing on the ended days and carries nothing across them (both engines)', () => {
    for (const accrue of [accrueReference, accrueFast]) {
      const { months } = accrue([series], '2007-02-01', '2007-03-16');
      // February: Feb 8, 9 and the weekend 10, 11 carried from the 9th = 4 days × 20.55 = 82.20,
      // 4 × 6.85 = 27.40. March: Mar 12–16 = 5 days × 41.10 = 205.50, 5 × 13.70 = 68.50; nothing on
      // Mar 1–11 (a carry-forward of 1,000,000.00 would have added 11 × 20.55).
      expect(
        months.map((m) => [
          m.month,
          m.days,
          m.averageDailyNetAssetsCents,
          m.distributionFeeCents,
          m.serviceFeeCents,
        ]),
      ).toEqual([
        ['2007-02', 4, 100_000_000n, 8_220n, 2_740n],
        ['2007-03', 5, 200_000_000n, 20_550n, 6_850n],
      ]);
    }
  });

  it('needs no rows on the ended days, but every business day from the resumption on', () => {
    expect(missingBusinessDays([series], '2007-02-08', '2007-03-16')).toEqual([]);
    expect(uncoveredDays(series, '2007-02-08', '2007-03-16')).toEqual([]);
    const withoutTuesday = { ...series, netAssets: rows.filter((r) => r.date !== '2007-03-13') };
    expect(missingBusinessDays([withoutTuesday], '2007-02-08', '2007-03-16').map((m) => m.date)).toEqual([
      '2007-03-13',
    ]);
  });

  it('the fast engine matches the reference with ended spans anywhere', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        (startAt, length, resumeGap) => {
          const days = Array.from({ length: 120 }, (_, i) => addDays('2007-01-01', i));
          const last = days[startAt]!;
          const resume = days[Math.min(startAt + length + resumeGap, 119)]!;
          const netAssets = days
            .filter((d) => d <= last || d >= resume)
            .map((date, i) => ({ date, netAssetsCents: 1_234_567_89n + BigInt(i) * 1_000_01n }));
          const spans: EndedSpan[] = endedSpansOfRows(
            [{ lastNetAssets: last, endedOn: addDays(last, 1), acceptedIn: '2007-01' }],
            netAssets,
          );
          const s: ClassSeries = { classKey: 'k|C', netAssets, coverage, ended: spans };
          const reference = accrueReference([s], '2007-01-01', '2007-04-30');
          const fast = accrueFast([s], '2007-01-01', '2007-04-30', { daily: true });
          expect(fast.months).toEqual(reference.months);
          expect(fast.daily).toEqual(reference.daily);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the import’s gap check with accepted ends (SPEC §4, §12)', () => {
  const registry = { identities: { nameOn: () => 'AIM Value Fund' } } as unknown as Registry;
  const recorded = new Map([['aim-value-fund|C', { first: '2007-01-03', last: '2007-02-09' }]]);
  const file = (dates: string[]) =>
    dates.map((date, i) => ({ line: i + 2, portfolioId: 'aim-value-fund', class: 'C', date }));
  const check = (dates: string[], ends: RecordedEnd[], spans = recorded) =>
    missingNetAssetsDayProblems(
      'na.csv',
      file(dates),
      spans,
      registry,
      () => null,
      () => ends,
    ).map((p) => p.value);
  const open: RecordedEnd = { ...end, recordedResumption: null };

  it('a resumed feed is accepted; without the end its first missing day is refused', () => {
    const march = businessDaysBetween('2007-03-12', '2007-03-30');
    expect(check(march, [])).toEqual(['2007-02-12']);
    expect(check(march, [open])).toEqual([]);
    // a missing day after the resumption is still refused
    expect(
      check(
        march.filter((d) => d !== '2007-03-20'),
        [open],
      ),
    ).toEqual(['2007-03-20']);
  });

  it('rows inside a recorded end begin the class earlier: they must reach the recorded resumption', () => {
    const resumed = new Map([['aim-value-fund|C', { first: '2007-01-03', last: '2007-03-30' }]]);
    const recordedEnd: RecordedEnd = { ...end, recordedResumption: '2007-03-12' };
    // Mon Mar 5 alone leaves Tue Mar 6 … Fri Mar 9 missing before the recorded Mar 12
    expect(check(['2007-03-05'], [recordedEnd], resumed)).toEqual(['2007-03-06']);
    expect(check(businessDaysBetween('2007-03-05', '2007-03-09'), [recordedEnd], resumed)).toEqual([]);
    // a day after the recorded resumption was recorded already (or refused when it was sent)
    expect(check(['2007-03-30'], [recordedEnd], resumed)).toEqual([]);
  });
});
