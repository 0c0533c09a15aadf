import { monthEnd } from '../calendar/isoDate.js';
import { anniversaryOf } from './anniversary.js';
import {
  type CdscSchedule,
  cdscRateMicroPct,
  DEFAULT_CDSC_SCHEDULE,
  scheduleCovers,
} from './cdscSchedule.js';
import type { RedemptionFeeRule } from './redemptionFeeRule.js';

/**
 * When Class B shares convert to Class A (SPEC §6): at the end of the month in which the
 * `years`-th anniversary of the DOI falls, for shares first issued by `portfolioId` (null: all).
 */
export interface ConversionPeriod {
  readonly kind: 'conversionPeriod';
  readonly portfolioId: string | null;
  readonly years: number;
}

export function createConversionPeriod(opts: {
  portfolioId?: string | null;
  years: number;
}): ConversionPeriod {
  if (!Number.isInteger(opts.years) || opts.years <= 0)
    throw new RangeError(`conversion period ${opts.years} is not a positive whole number of years`);
  return Object.freeze({
    kind: 'conversionPeriod',
    portfolioId: opts.portfolioId ?? null,
    years: opts.years,
  });
}

export const DEFAULT_CONVERSION_YEARS = 8;

/**
 * Everything the prospectuses say that the share ledger needs, as data: CDSC schedules,
 * conversion periods, redemption fees. A CDSC schedule and a conversion period are chosen by the
 * portfolio that first issued the shares and their DOI (a Free Exchange Transaction keeps both:
 * Exhibit A 1. "deemed to have been acquired at the time …"); a redemption fee by the portfolio
 * redeeming. The most specific rule wins: a portfolio's own over one for all portfolios, and among
 * those the one listed last.
 */
export interface ClassBTerms {
  readonly kind: 'classBTerms';
  readonly cdscSchedules: readonly CdscSchedule[];
  readonly conversionPeriods: readonly ConversionPeriod[];
  readonly redemptionFees: readonly RedemptionFeeRule[];
}

export function createClassBTerms(
  opts: {
    cdscSchedules?: readonly CdscSchedule[];
    conversionPeriods?: readonly ConversionPeriod[];
    redemptionFees?: readonly RedemptionFeeRule[];
  } = {},
): ClassBTerms {
  const redemptionFees = opts.redemptionFees ?? [];
  const seen = new Set<string>();
  for (const f of redemptionFees) {
    if (seen.has(f.portfolioId))
      throw new RangeError(`two redemption fee rules for portfolio ${f.portfolioId}`);
    seen.add(f.portfolioId);
  }
  return Object.freeze({
    kind: 'classBTerms',
    cdscSchedules: Object.freeze([DEFAULT_CDSC_SCHEDULE, ...(opts.cdscSchedules ?? [])]),
    conversionPeriods: Object.freeze([
      createConversionPeriod({ years: DEFAULT_CONVERSION_YEARS }),
      ...(opts.conversionPeriods ?? []),
    ]),
    redemptionFees: Object.freeze([...redemptionFees]),
  });
}

export const DEFAULT_CLASS_B_TERMS: ClassBTerms = createClassBTerms();

function mostSpecific<T extends { portfolioId: string | null }>(
  candidates: readonly T[],
  issuingPortfolioId: string,
): T | undefined {
  let best: T | undefined;
  for (const c of candidates) {
    if (c.portfolioId !== null && c.portfolioId !== issuingPortfolioId) continue;
    if (best === undefined || c.portfolioId !== null || best.portfolioId === null) best = c;
  }
  return best;
}

export function cdscScheduleFor(terms: ClassBTerms, issuingPortfolioId: string, doi: string): CdscSchedule {
  const s = mostSpecific(
    terms.cdscSchedules.filter((c) => scheduleCovers(c, issuingPortfolioId, doi)),
    issuingPortfolioId,
  );
  return s ?? DEFAULT_CDSC_SCHEDULE;
}

/** The CDSC rate on a Commission Share redeemed on `date` (SPEC §6). */
export function cdscRateFor(
  terms: ClassBTerms,
  issuingPortfolioId: string,
  doi: string,
  date: string,
): bigint {
  return cdscRateMicroPct(cdscScheduleFor(terms, issuingPortfolioId, doi), doi, date);
}

export function conversionYearsFor(terms: ClassBTerms, issuingPortfolioId: string): number {
  return mostSpecific(terms.conversionPeriods, issuingPortfolioId)?.years ?? DEFAULT_CONVERSION_YEARS;
}

/**
 * SPEC §6: the end of the month in which the conversion anniversary of the DOI falls.
 * @example conversionDateFor(DEFAULT_CLASS_B_TERMS, 'p', '2000-02-29') === '2008-02-29'
 */
export function conversionDateFor(terms: ClassBTerms, issuingPortfolioId: string, doi: string): string {
  return monthEnd(anniversaryOf(doi, conversionYearsFor(terms, issuingPortfolioId)).slice(0, 7));
}

export function redemptionFeeFor(terms: ClassBTerms, portfolioId: string): RedemptionFeeRule | undefined {
  return terms.redemptionFees.find((f) => f.portfolioId === portfolioId);
}
