/**
 * The obviously-correct accrual (SPEC §4; Plan Schedule A): one calendar day at a time, one class
 * at a time, in exact decimal arithmetic. The fast engine must reproduce it to the cent.
 */
import DecimalModule from 'decimal.js';
import { addDays, daysInYear, monthOf, yearOf } from '../calendar/isoDate.js';
import { assertAccrualRange } from './accrualRange.js';
import type { AccrualResult, DailyAccrual, MonthlyAccrual } from './accrualResult.js';
import { assertComplex, type ClassSeries, type RateSegment } from './classSeries.js';
import { isEndedOn } from './endedSpans.js';

// decimal.js types its ESM build as CommonJS: at run time the default export is the class itself.
const Decimal = DecimalModule as unknown as typeof DecimalModule.Decimal;
type Decimal = DecimalModule.Decimal;

// Sixty significant digits: a daily fee's distance from a half-cent tie, when not zero, is at
// least 1/(2·10^8·366) cent, far above the working precision, so rounding to cents is exact.
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

function toCents(amount: Decimal): bigint {
  return BigInt(amount.times(100).toFixed(0));
}

/**
 * SPEC §4: daily fee = round_half_up(NA(d) × rate% / 100 / Y(d), 2), in cents.
 * @example referenceDailyFeeCents(100_000_000_000n, 750_000n, 2007) === 2054795n  // $20,547.95
 */
export function referenceDailyFeeCents(netAssetsCents: bigint, rateMicroPct: bigint, year: number): bigint {
  const netAssets = new Exact(netAssetsCents.toString()).div(100);
  const ratePct = new Exact(rateMicroPct.toString()).div(1_000_000);
  const fee = netAssets.times(ratePct).div(100).div(daysInYear(year));
  return toCents(fee.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

/** The segment covering a day, if any (segments are few; a scan is plainly right). */
function segmentOn(coverage: readonly RateSegment[], date: string): RateSegment | undefined {
  return coverage.find((s) => s.from <= date && (s.until === null || date < s.until));
}

/**
 * Accrues every class over the calendar days [from, to] (SPEC §4).
 * @example accrueReference([valueFundC], '2008-01-01', '2008-03-31').months[0].days === 31
 */
export function accrueReference(series: readonly ClassSeries[], from: string, to: string): AccrualResult {
  assertAccrualRange(from, to);
  assertComplex(series);
  const months: MonthlyAccrual[] = [];
  const daily: DailyAccrual[] = [];
  for (const cls of series) {
    let open: { month: string; days: number; naSum: bigint; dist: bigint; serv: bigint } | undefined;
    const close = () => {
      if (!open || open.days === 0) return;
      const averageDailyNetAssets = new Exact(open.naSum.toString())
        .div(open.days)
        .toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      months.push({
        kind: 'monthlyAccrual',
        classKey: cls.classKey,
        month: open.month,
        days: open.days,
        netAssetsSumCents: open.naSum,
        averageDailyNetAssetsCents: BigInt(averageDailyNetAssets.toFixed(0)),
        distributionFeeCents: open.dist,
        serviceFeeCents: open.serv,
      });
    };
    let nextRow = 0; // netAssets[nextRow - 1] is the latest row on or before `date`
    for (let date = from; date <= to; date = addDays(date, 1)) {
      while (nextRow < cls.netAssets.length && cls.netAssets[nextRow]!.date <= date) nextRow++;
      const month = monthOf(date);
      if (open?.month !== month) {
        close();
        open = { month, days: 0, naSum: 0n, dist: 0n, serv: 0n };
      }
      if (cls.endDate != null && date >= cls.endDate) continue; // Plan §9: terminated
      if (isEndedOn(cls.ended, date)) continue; // SPEC §12: accepted as ended, not yet resumed
      const segment = segmentOn(cls.coverage, date);
      if (!segment) continue; // uncovered: no accrual, a warning elsewhere
      // NA(d): the day's row or the latest earlier one; none before the class's first row.
      const row = cls.netAssets[nextRow - 1];
      if (!row) continue;
      const year = yearOf(date);
      const distributionFeeCents = referenceDailyFeeCents(
        row.netAssetsCents,
        segment.distributionFeeMicroPct,
        year,
      );
      const serviceFeeCents = referenceDailyFeeCents(row.netAssetsCents, segment.serviceFeeMicroPct, year);
      open.days += 1;
      open.naSum += row.netAssetsCents;
      open.dist += distributionFeeCents;
      open.serv += serviceFeeCents;
      daily.push({
        kind: 'dailyAccrual',
        classKey: cls.classKey,
        date,
        netAssetsCents: row.netAssetsCents,
        distributionFeeMicroPct: segment.distributionFeeMicroPct,
        serviceFeeMicroPct: segment.serviceFeeMicroPct,
        distributionFeeCents,
        serviceFeeCents,
      });
    }
    close();
  }
  return { months, daily };
}
