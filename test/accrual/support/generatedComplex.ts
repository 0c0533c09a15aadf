/**
 * Generated fund complexes for the differential and property tests: many classes, multi-year
 * ranges across leap years, mid-month rate changes, uncovered gaps, terminations, rows only on
 * business days (carry-forward over weekends and holidays), some missing business days, and net
 * assets crafted to land exactly on half-cent ties.
 */
import type { ClassSeries, NetAssetsRow, RateSegment } from '../../../src/accrual/classSeries.js';
import { addDays, daysInYear, fromDayNumber, toDayNumber, yearOf } from '../../../src/calendar/isoDate.js';
import { isBusinessDayNumber } from '../../../src/calendar/nyseCalendar.js';
import { type SeededRandom, seededRandom } from './seededRandom.js';

export interface GeneratedComplex {
  readonly series: ClassSeries[];
  readonly from: string;
  readonly to: string;
}

export interface ComplexShape {
  readonly seed: number;
  readonly classes: number;
  /** First day of the range, as an offset from 1998-01-01. */
  readonly startOffset: number;
  readonly days: number;
}

const RATES_MICRO_PCT = [
  0n,
  100_000n,
  200_000n,
  250_000n,
  300_000n,
  350_000n,
  500_000n,
  750_000n,
  1_000_000n,
];

/**
 * The largest tie generated: $1 trillion, far above any share class, and below the accrual engine's
 * exact range (a month's sum of daily net assets under 2^53 cents: src/accrual/denseInput.ts).
 * At a tiny random rate (0.000115%) a tie can otherwise reach 10^15 cents, which the engine
 * rightly refuses: the property tests failed on such seeds now and then.
 */
const MAX_TIE_NET_ASSETS_CENTS = 10n ** 14n;

/**
 * Net assets whose fee at `rate` is exactly k + ½ cents for some k when Y = `yearDays`:
 * NA · rate / (10^8 · Y) = (2k + 1) / 2 ⇔ NA = (2k + 1) · 10^8 · Y / (2 · rate), when integral
 * and at most MAX_TIE_NET_ASSETS_CENTS.
 */
export function halfCentTieNetAssets(
  random: SeededRandom,
  rateMicroPct: bigint,
  yearDays: number,
): bigint | null {
  if (rateMicroPct === 0n) return null;
  const numerator = 100_000_000n * BigInt(yearDays);
  const denominator = 2n * rateMicroPct;
  for (let attempt = 0; attempt < 50; attempt++) {
    const odd = BigInt(2 * random.int(1, 5_000_000) + 1);
    if ((odd * numerator) % denominator !== 0n) continue;
    const tie = (odd * numerator) / denominator;
    if (tie <= MAX_TIE_NET_ASSETS_CENTS) return tie;
  }
  return null;
}

function netAssetsValue(random: SeededRandom, rates: readonly bigint[], yearDays: number): bigint {
  const roll = random.next();
  if (roll < 0.15) {
    const tie = halfCentTieNetAssets(random, random.pick(rates), yearDays);
    if (tie !== null) return roll < 0.05 ? tie + BigInt(random.int(-1, 1)) : tie;
  }
  if (roll < 0.2) return BigInt(random.int(0, 10_000)); // tiny classes: fees of 0 or 1 cent
  if (roll < 0.21) return -BigInt(random.int(1, 100_000_000)); // a negative figure still rounds half away from zero
  const dollars = BigInt(random.int(0, 90_000_000)) * BigInt(random.int(1, 1_000));
  return dollars * 100n + BigInt(random.int(0, 99));
}

function coverageFor(random: SeededRandom, from: string, to: string): RateSegment[] {
  const fromDay = toDayNumber(from) - 40;
  const toDay = toDayNumber(to) + 40;
  const cuts = new Set<number>();
  const n = random.int(0, 5);
  for (let i = 0; i < n; i++) cuts.add(random.int(fromDay, toDay));
  const points = [fromDay - random.int(0, 400), ...[...cuts].sort((a, b) => a - b)];
  const segments: RateSegment[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!;
    const next = points[i + 1];
    if (random.chance(0.15) && next !== undefined) continue; // an uncovered gap
    const until =
      next === undefined
        ? random.chance(0.2)
          ? fromDayNumber(toDay - random.int(0, 200))
          : null
        : fromDayNumber(next);
    if (until !== null && until <= fromDayNumber(start)) continue;
    segments.push({
      from: fromDayNumber(start),
      until,
      distributionFeeMicroPct: random.chance(0.1)
        ? BigInt(random.int(1, 1_000_000))
        : random.pick(RATES_MICRO_PCT),
      serviceFeeMicroPct: random.pick(RATES_MICRO_PCT),
    });
  }
  return segments;
}

function rowsFor(random: SeededRandom, from: string, to: string, rates: readonly bigint[]): NetAssetsRow[] {
  const rows: NetAssetsRow[] = [];
  const firstDay = toDayNumber(from) + random.int(-30, Math.max(-30, toDayNumber(to) - toDayNumber(from)));
  const lastDay = random.chance(0.8) ? toDayNumber(to) : random.int(firstDay, toDayNumber(to));
  const missingRate = random.chance(0.3) ? 0.02 : 0;
  const weekendRows = random.chance(0.1);
  let value = netAssetsValue(random, rates, 365);
  for (let day = firstDay; day <= lastDay; day++) {
    if (!isBusinessDayNumber(day) && !(weekendRows && random.chance(0.3))) continue;
    if (day !== firstDay && random.chance(missingRate)) continue;
    const yearDays = daysInYear(yearOf(fromDayNumber(day)));
    if (random.chance(0.3)) value = netAssetsValue(random, rates, yearDays);
    else value += BigInt(random.int(-1_000_000, 1_000_000));
    rows.push({ date: fromDayNumber(day), netAssetsCents: value });
  }
  return rows;
}

/**
 * A complex from a seed: reproducible, so a failing case is a one-line replay.
 * @example generateComplex({ seed: 7, classes: 5, startOffset: 100, days: 800 })
 */
export function generateComplex(shape: ComplexShape): GeneratedComplex {
  const random = seededRandom(shape.seed);
  const from = addDays('1998-01-01', shape.startOffset);
  const to = addDays(from, shape.days - 1);
  const series: ClassSeries[] = [];
  for (let c = 0; c < shape.classes; c++) {
    const coverage = coverageFor(random, from, to);
    const rates = coverage.flatMap((s) => [s.distributionFeeMicroPct, s.serviceFeeMicroPct]);
    const endDate = random.chance(0.2) ? addDays(from, random.int(-10, shape.days + 10)) : null;
    series.push({
      classKey: `Portfolio ${c >> 1}|${c % 2 === 0 ? 'A' : 'B'}`,
      netAssets: rowsFor(random, from, to, rates.length > 0 ? rates : [250_000n]),
      coverage,
      endDate,
    });
  }
  return { series, from, to };
}
