import {
  civilFromDayNumber,
  dayNumberFromCivil,
  daysInMonth,
  fromDayNumber,
  isLeapYear,
  toDayNumber,
} from '../calendar/isoDate.js';
import { type ClassBTerms, cdscScheduleFor, conversionYearsFor, redemptionFeeFor } from './classBTerms.js';
import { ReducedRate } from './monthPassArithmetic.js';

/** micro-percent × value units (1/100,000,000 dollar) → cents */
export const RATE_VALUE_SCALE = 100 * 1_000_000 * 1_000_000;

/**
 * The Class B terms (classBTerms.ts) compiled for one month and the caller's portfolio keys:
 * the same rules, looked up by integer key and day number.
 */
export class MonthPassTerms {
  /** rank of each portfolio key in the order of the portfolio ids (the ledger's portfolio order) */
  readonly rank: Int32Array;
  /** per issuing portfolio: the DOIs whose Commission Shares convert at this month end (SPEC §6) */
  readonly convertFromDay: Int32Array;
  readonly convertToDay: Int32Array;
  /** per redeeming portfolio: its redemption fee (Agreement FOURTH(D)) */
  readonly fee: ({ rate: ReducedRate; holdingDays: number | null } | null)[];
  /** per issuing portfolio: the DOIs where the governing CDSC schedule may change, ascending */
  private readonly scheduleBounds: number[][] = [];
  /** per issuing portfolio: the schedule's year rates before the first bound, between bounds, after the last */
  private readonly scheduleRates: (readonly number[])[][] = [];
  private readonly reduced = new Map<number, ReducedRate>();

  constructor(
    readonly terms: ClassBTerms,
    readonly portfolioIds: readonly string[],
    month: string,
  ) {
    const n = portfolioIds.length;
    const order = portfolioIds
      .map((_, i) => i)
      .sort((a, b) => (portfolioIds[a]! < portfolioIds[b]! ? -1 : 1));
    this.rank = new Int32Array(n);
    order.forEach((p, r) => {
      this.rank[p] = r;
    });
    const year = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    this.convertFromDay = new Int32Array(n);
    this.convertToDay = new Int32Array(n);
    this.fee = [];
    for (let p = 0; p < n; p++) {
      const y = year - conversionYearsFor(terms, portfolioIds[p]!);
      // the anniversary keeps the DOI's month (Feb 29 → Feb 28), so the DOI month is this month, `years` back
      this.convertFromDay[p] = dayNumberFromCivil(y, m, 1);
      this.convertToDay[p] = dayNumberFromCivil(y, m, daysInMonth(y, m));
      const pid = portfolioIds[p]!;
      const bounds = new Set<number>();
      for (const sch of terms.cdscSchedules) {
        if (sch.portfolioId !== null && sch.portfolioId !== pid) continue;
        if (sch.doiFrom !== null) bounds.add(toDayNumber(sch.doiFrom));
        if (sch.doiTo !== null) bounds.add(toDayNumber(sch.doiTo) + 1);
      }
      const sorted = [...bounds].sort((a, b) => a - b);
      this.scheduleBounds.push(sorted);
      // a DOI before every bound: any day before the first; then each interval's first day
      const starts = [sorted.length > 0 ? sorted[0]! - 1 : 0, ...sorted];
      this.scheduleRates.push(
        starts.map((d) => cdscScheduleFor(terms, pid, fromDayNumber(d)).yearRatesMicroPct.map(Number)),
      );
      const rule = redemptionFeeFor(terms, portfolioIds[p]!);
      this.fee.push(
        rule
          ? {
              rate: new ReducedRate(Number(rule.rateMicroPct), RATE_VALUE_SCALE),
              holdingDays: rule.holdingDays,
            }
          : null,
      );
    }
  }

  /**
   * The CDSC rate (micro-percent) of a Commission Share lot redeemed on `day` (cdscSchedule.ts):
   * the schedule is constant between the DOI bounds of the schedules covering the issuing
   * portfolio, so it is looked up by those bounds, not per DOI.
   */
  cdscRate(issuingPortfolio: number, doiDay: number, day: number): number {
    const bounds = this.scheduleBounds[issuingPortfolio]!;
    let j = 0;
    while (j < bounds.length && doiDay >= bounds[j]!) j++;
    return this.scheduleRates[issuingPortfolio]![j]![completedYearsDays(doiDay, day)] ?? 0;
  }

  /** The rate over RATE_VALUE_SCALE, reduced once per distinct rate. */
  reducedRate(rateMicroPct: number): ReducedRate {
    let r = this.reduced.get(rateMicroPct);
    if (r === undefined) {
      r = new ReducedRate(rateMicroPct, RATE_VALUE_SCALE);
      this.reduced.set(rateMicroPct, r);
    }
    return r;
  }
}

const CACHE_FROM = dayNumberFromCivil(1900, 1, 1);
const CACHE_TO = dayNumberFromCivil(2200, 1, 1);
let civilCache: Int32Array | undefined;

/** year × 10,000 + month × 100 + day of a day number; remembered for 1900–2199 */
function packedCivil(day: number): number {
  if (day < CACHE_FROM || day >= CACHE_TO) {
    const c = civilFromDayNumber(day);
    return c.year * 10_000 + c.month * 100 + c.day;
  }
  civilCache ??= new Int32Array(CACHE_TO - CACHE_FROM);
  let v = civilCache[day - CACHE_FROM]!;
  if (v === 0) {
    const c = civilFromDayNumber(day);
    v = c.year * 10_000 + c.month * 100 + c.day;
    civilCache[day - CACHE_FROM] = v;
  }
  return v;
}

/** anniversary.ts `completedYears` on day numbers: anniversaries of the DOI on or before `day`. */
export function completedYearsDays(doiDay: number, day: number): number {
  if (day < doiDay) return 0;
  const a = packedCivil(doiDay);
  const b = packedCivil(day);
  const ay = Math.floor(a / 10_000);
  const amd = a % 10_000;
  let years = Math.floor(b / 10_000) - ay;
  // a Feb 29 DOI has its anniversary on Feb 28 in a year that is not a leap year
  const annMd = amd === 229 && !isLeapYear(ay + years) ? 228 : amd;
  if (annMd > b % 10_000) years -= 1;
  return years;
}
