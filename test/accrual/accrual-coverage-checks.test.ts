/**
 * SPEC §4 input checks: a missing NYSE business day is an error naming class and date (unless the
 * class has ended or is no longer covered); uncovered days with net assets are warnings; and the
 * accrual carries the latest earlier row over a missing day, stops at termination (Plan §9), and
 * skips uncovered days.
 */
import { describe, expect, it } from 'vitest';
import type { ClassSeries } from '../../src/accrual/classSeries.js';
import { missingBusinessDays, uncoveredDays } from '../../src/accrual/coverageChecks.js';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { accrueReference } from '../../src/accrual/referenceAccrual.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { accrualJson } from './support/accrualJson.js';

const rate = { distributionFeeMicroPct: 750_000n, serviceFeeMicroPct: 250_000n };

function rowsOn(days: string[], cents = 1_000_000_00n) {
  return days.map((date) => ({ date, netAssetsCents: cents }));
}

describe('missingBusinessDays', () => {
  const january = businessDaysBetween('2008-01-01', '2008-01-31');
  const withGap: ClassSeries = {
    classKey: 'Gap Fund|C',
    netAssets: rowsOn(january.filter((d) => d !== '2008-01-15' && d !== '2008-01-16')),
    coverage: [{ from: '2008-01-01', until: null, ...rate }],
  };

  it('names each missing business day of the class, never a weekend or a holiday', () => {
    expect(missingBusinessDays([withGap], '2008-01-01', '2008-01-31')).toEqual([
      { kind: 'missingBusinessDay', classKey: 'Gap Fund|C', date: '2008-01-15' },
      { kind: 'missingBusinessDay', classKey: 'Gap Fund|C', date: '2008-01-16' },
    ]);
  });

  it('starts at the class first row and stays inside the range', () => {
    const late = { ...withGap, netAssets: rowsOn(businessDaysBetween('2008-01-17', '2008-01-31')) };
    expect(missingBusinessDays([late], '2008-01-01', '2008-01-31')).toEqual([]);
    expect(missingBusinessDays([withGap], '2008-01-17', '2008-01-31')).toEqual([]);
    expect(missingBusinessDays([withGap], '2008-01-01', '2008-02-01').map((m) => m.date)).toEqual([
      '2008-01-15',
      '2008-01-16',
      '2008-02-01',
    ]);
  });

  it('stops at termination and when the last coverage ends', () => {
    expect(missingBusinessDays([{ ...withGap, endDate: '2008-01-15' }], '2008-01-01', '2008-02-29')).toEqual(
      [],
    );
    const uncoveredAfter = { ...withGap, coverage: [{ from: '2008-01-01', until: '2008-01-16', ...rate }] };
    expect(missingBusinessDays([uncoveredAfter], '2008-01-01', '2008-02-29').map((m) => m.date)).toEqual([
      '2008-01-15',
    ]);
  });

  it('carries the latest earlier row over a missing day in both engines', () => {
    const series = [
      {
        ...withGap,
        netAssets: withGap.netAssets.map((r, i) => ({ ...r, netAssetsCents: BigInt(i + 1) * 10_000_000n })),
      },
    ];
    const fast = accrueFast(series, '2008-01-01', '2008-01-31', { daily: true });
    const onDay = (date: string) => fast.daily.find((d) => d.date === date)?.netAssetsCents;
    expect(onDay('2008-01-15')).toBe(onDay('2008-01-14'));
    expect(onDay('2008-01-16')).toBe(onDay('2008-01-14'));
    expect(accrualJson(fast)).toEqual(accrualJson(accrueReference(series, '2008-01-01', '2008-01-31')));
  });
});

describe('uncovered days and termination', () => {
  const series: ClassSeries = {
    classKey: 'Patchy Fund|R',
    netAssets: rowsOn(businessDaysBetween('2006-02-01', '2006-06-30')),
    coverage: [
      { from: '2006-03-31', until: '2006-04-10', ...rate },
      { from: '2006-04-20', until: null, distributionFeeMicroPct: 500_000n, serviceFeeMicroPct: 250_000n },
    ],
    endDate: '2006-05-16',
  };

  it('lists uncovered days with net assets as ranges, before termination only', () => {
    expect(uncoveredDays([series], '2006-03-01', '2006-06-30')).toEqual([
      { kind: 'uncoveredRange', classKey: 'Patchy Fund|R', from: '2006-03-01', to: '2006-03-30', days: 30 },
      { kind: 'uncoveredRange', classKey: 'Patchy Fund|R', from: '2006-04-10', to: '2006-04-19', days: 10 },
    ]);
  });

  it('accrues only covered days before the termination date', () => {
    for (const result of [
      accrueReference([series], '2006-03-01', '2006-06-30'),
      accrueFast([series], '2006-03-01', '2006-06-30'),
    ]) {
      expect(result.months.map((m) => [m.month, m.days])).toEqual([
        ['2006-03', 1],
        ['2006-04', 9 + 11],
        ['2006-05', 15],
      ]);
    }
  });

  it('changes the rate mid-month on the segment boundary', () => {
    const { daily } = accrueFast([series], '2006-04-09', '2006-04-20', { daily: true });
    expect(daily.map((d) => [d.date, d.distributionFeeMicroPct])).toEqual([
      ['2006-04-09', 750_000n],
      ['2006-04-20', 500_000n],
    ]);
  });
});
