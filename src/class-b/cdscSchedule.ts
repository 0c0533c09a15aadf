import { formatRatePct, parseRateMicroPct } from '../money/rate.js';
import { completedYears } from './anniversary.js';

/**
 * A schedule of contingent deferred sales charges (Agreement FOURTH(A): the Distributor "may
 * establish a schedule of contingent deferred sales charges … disclosed in the Prospectus"),
 * as data: the rate in each year since the Date of Original Issuance, then 0%. It applies to
 * Commission Shares first issued by `portfolioId` (null: every portfolio) whose DOI falls in
 * [doiFrom, doiTo] (either end open when null).
 */
export interface CdscSchedule {
  readonly kind: 'cdscSchedule';
  readonly name: string;
  readonly portfolioId: string | null;
  readonly doiFrom: string | null;
  readonly doiTo: string | null;
  /** rate in micro-percent for year 1, 2, …; 0% after the last */
  readonly yearRatesMicroPct: readonly bigint[];
}

export function isCdscSchedule(v: unknown): v is CdscSchedule {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'cdscSchedule';
}

/**
 * @example createCdscSchedule({ name: 'default', yearRatesPct: ['5', '4', '3', '3', '2', '1'] })
 */
export function createCdscSchedule(opts: {
  name: string;
  yearRatesPct: readonly string[];
  portfolioId?: string | null;
  doiFrom?: string | null;
  doiTo?: string | null;
}): CdscSchedule {
  const yearRatesMicroPct = opts.yearRatesPct.map((r) => parseRateMicroPct(r));
  for (const r of yearRatesMicroPct)
    if (r > 100_000_000n) throw new RangeError(`CDSC schedule ${opts.name}: a rate above 100%`);
  const doiFrom = opts.doiFrom ?? null;
  const doiTo = opts.doiTo ?? null;
  if (doiFrom !== null && doiTo !== null && doiFrom > doiTo)
    throw new RangeError(`CDSC schedule ${opts.name}: DOI range ${doiFrom}..${doiTo} is empty`);
  return Object.freeze({
    kind: 'cdscSchedule',
    name: opts.name,
    portfolioId: opts.portfolioId ?? null,
    doiFrom,
    doiTo,
    yearRatesMicroPct: Object.freeze(yearRatesMicroPct),
  });
}

/** The usual schedule of the era (DOMAIN §4.3): 5%, 4%, 3%, 3%, 2%, 1% in years 1–6, then 0%. */
export const DEFAULT_CDSC_SCHEDULE: CdscSchedule = createCdscSchedule({
  name: 'default 5-4-3-3-2-1',
  yearRatesPct: ['5', '4', '3', '3', '2', '1'],
});

export function scheduleCovers(s: CdscSchedule, issuingPortfolioId: string, doi: string): boolean {
  return (
    (s.portfolioId === null || s.portfolioId === issuingPortfolioId) &&
    (s.doiFrom === null || s.doiFrom <= doi) &&
    (s.doiTo === null || doi <= s.doiTo)
  );
}

/**
 * The CDSC rate of a schedule on a redemption date: year n since the DOI (by anniversaries)
 * carries the n-th rate.
 * @example cdscRateMicroPct(DEFAULT_CDSC_SCHEDULE, '2004-02-29', '2005-02-28') === 4_000_000n
 */
export function cdscRateMicroPct(s: CdscSchedule, doi: string, redemptionDate: string): bigint {
  return s.yearRatesMicroPct[completedYears(doi, redemptionDate)] ?? 0n;
}

export function describeSchedule(s: CdscSchedule): string {
  return s.yearRatesMicroPct.map((r) => `${formatRatePct(r)}%`).join(', ');
}
