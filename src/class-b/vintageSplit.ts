import { addDays, monthEnd, monthOf } from '../calendar/isoDate.js';
import { divRoundHalfUp } from '../money/cents.js';
import { largestRemainder } from '../money/largestRemainder.js';
import type { Lot } from './lot.js';

/**
 * Agreement EIGHTH(E): "The Fund shall not amend the Plan to reduce the amount payable to the
 * Distributor or any Assignee under Section SEVENTH(B) … for any Shares which have been issued
 * prior to the date of such amendment." A lower Class B distribution fee (a later governing
 * schedule entry or Board rate) therefore applies only to shares issued on or after its date:
 * the class's Distribution Fee is computed by share vintage — shares outstanding by Date of
 * Original Issuance before / after each reduction — each vintage at its own rate.
 *
 * - A reduction is a covered run whose distribution fee is below the run before it. Vintage k
 *   holds the shares issued on or after reduction k (vintage 0: before the first reduction).
 * - A vintage's rate on day d is the highest rate in force on any day from its first issuance
 *   date through d: what was payable when each later reduction came is kept; an increase applies
 *   to every share.
 * - Free Shares follow the Commission Shares they derive from, as the ledger attributed them when
 *   they were issued (the DOIs of `derivedFrom` weights, split by largest remainder); Free Shares
 *   the transfer agent attributed to a distributor, or that derive from no Commission Share, go
 *   by their own date of issuance.
 * - Shares are counted like the other Class B counts (Exhibit A; SPEC §7–8): at the close of each
 *   reduction's date and of every month end after the first; a count governs the days after it
 *   until the next. On the first reduction's date every share outstanding was issued before it.
 * - Each day: the whole fee is round_half_up(NA × Σ(shares_v × rate_v) / Σ shares / 100 / Y, 2)
 *   (SPEC §4 with the vintages' weighted rate; with a single vintage exactly the SPEC §4 fee),
 *   split among the vintages by largest remainder over shares_v × rate_v (SPEC §3), so the parts
 *   add up to the whole and each is within a cent of NA × weight_v × rate_v / 100 / Y.
 * Shares are integers of 1/10,000; rates micro-percent; money cents.
 */

/** What the rule needs of a class's coverage (a `RateSegment` of the accrual engine). */
export interface DistributionFeeRun {
  readonly from: string;
  /** exclusive; null = open-ended */
  readonly until: string | null;
  readonly distributionFeeMicroPct: bigint;
}

export interface DistributionFeeReduction {
  readonly date: string;
  readonly fromMicroPct: bigint;
  readonly toMicroPct: bigint;
}

/** The shares of one vintage: issued on or after `issuedFrom` (null: any date) and before `issuedBefore`. */
export interface Vintage {
  readonly issuedFrom: string | null;
  readonly issuedBefore: string | null;
}

/** A count of the class's shares outstanding by vintage at the close of `date`. */
export interface VintageCount {
  readonly date: string;
  readonly shares: readonly bigint[];
}

/** One day's Distribution Fee by vintage. */
export interface VintageFeeDay {
  readonly date: string;
  /** the count in force (null: the first reduction's date, every share issued before it) */
  readonly countedOn: string | null;
  readonly shares: readonly bigint[];
  readonly ratesMicroPct: readonly bigint[];
  readonly wholeCents: bigint;
  readonly partsCents: readonly bigint[];
}

const PERCENT_MICRO = 100_000_000n;

/**
 * The dates from which a lower distribution fee governs, in date order.
 * @example distributionFeeReductions([{ from: '2003-08-18', until: '2025-07-01', distributionFeeMicroPct: 750000n },
 *   { from: '2025-07-01', until: null, distributionFeeMicroPct: 500000n }])
 *   // → [{ date: '2025-07-01', fromMicroPct: 750000n, toMicroPct: 500000n }]
 */
export function distributionFeeReductions(
  coverage: readonly DistributionFeeRun[],
): DistributionFeeReduction[] {
  const out: DistributionFeeReduction[] = [];
  for (let i = 1; i < coverage.length; i++) {
    const before = coverage[i - 1]!.distributionFeeMicroPct;
    const after = coverage[i]!.distributionFeeMicroPct;
    if (after < before) out.push({ date: coverage[i]!.from, fromMicroPct: before, toMicroPct: after });
  }
  return out;
}

export function vintagesOf(reductions: readonly Pick<DistributionFeeReduction, 'date'>[]): Vintage[] {
  return [null, ...reductions.map((r) => r.date)].map((issuedFrom, k) => ({
    issuedFrom,
    issuedBefore: reductions[k]?.date ?? null,
  }));
}

/** Whether a share issued on `doi` is of vintage `v`. */
export function isOfVintage(v: Vintage, doi: string): boolean {
  return (v.issuedFrom === null || v.issuedFrom <= doi) && (v.issuedBefore === null || doi < v.issuedBefore);
}

/** The vintage of a share issued on `doi`: the number of reductions dated on or before it. */
export function vintageOfDoi(
  doi: string,
  reductions: readonly Pick<DistributionFeeReduction, 'date'>[],
): number {
  let k = 0;
  for (const r of reductions) if (r.date <= doi) k++;
  return k;
}

/**
 * Each vintage's distribution fee rate on `date`: the highest rate in force from the vintage's
 * first issuance date through `date`; null when no run covers `date` (nothing accrues).
 */
export function vintageRatesOn(
  coverage: readonly DistributionFeeRun[],
  reductions: readonly DistributionFeeReduction[],
  date: string,
): bigint[] | null {
  const inForce = coverage.find((s) => s.from <= date && (s.until === null || date < s.until));
  if (inForce === undefined) return null;
  return vintagesOf(reductions).map((v) => {
    // a vintage not yet begun (no share of it can be outstanding) shows the rate in force
    let rate = inForce.distributionFeeMicroPct;
    for (const s of coverage) {
      if (s.from > date) continue;
      if (v.issuedFrom !== null && s.until !== null && s.until <= v.issuedFrom) continue;
      if (s.distributionFeeMicroPct > rate) rate = s.distributionFeeMicroPct;
    }
    return rate;
  });
}

/**
 * The shares of one portfolio's lots by vintage (Free Shares by the lots they derive from).
 * @example a 1,000-share lot of DOI 2025-03-03 and a 500-share lot of DOI 2025-07-08, a reduction
 *   on 2025-07-01 → [10_000_000n, 5_000_000n]
 */
export function vintageSharesOfLots(
  lots: readonly Lot[],
  portfolioId: string,
  reductions: readonly Pick<DistributionFeeReduction, 'date'>[],
): bigint[] {
  const shares = vintagesOf(reductions).map(() => 0n);
  for (const lot of lots) {
    if (lot.portfolioId !== portfolioId) continue;
    const a = lot.attribution;
    if (lot.kind === 'free' && a !== null && a.kind === 'derivedFrom' && a.weights.length > 0) {
      const byVintage = shares.map(() => 0n);
      for (const w of a.weights) {
        const k = vintageOfDoi(w.dateOfOriginalIssuance, reductions);
        byVintage[k] = byVintage[k]! + w.shareUnits;
      }
      const parts = largestRemainder(lot.shareUnits, byVintage);
      parts.forEach((p, k) => {
        shares[k] = shares[k]! + p;
      });
      continue;
    }
    const k = vintageOfDoi(lot.dateOfOriginalIssuance, reductions);
    shares[k] = shares[k]! + lot.shareUnits;
  }
  return shares;
}

/**
 * One day's Distribution Fee by vintage: the whole at the vintages' weighted rate, rounded once
 * half-up to the cent, and its split by largest remainder over shares × rate.
 * @example 1,000 shares at 0.75% and 500 at 0.50%, NA $1,500,000.00, 365 days:
 *   whole = round(150,000,000 × (1,000×750,000 + 500×500,000) / 1,500 / (10^8 × 365)) = 2,740 cents;
 *   parts by 750,000,000 : 250,000,000 → [2,055, 685]
 */
export function vintageDailyFee(
  netAssetsCents: bigint,
  shares: readonly bigint[],
  ratesMicroPct: readonly bigint[],
  yearDays: number,
): { wholeCents: bigint; partsCents: bigint[] } {
  if (shares.length !== ratesMicroPct.length) throw new RangeError('one rate per vintage');
  let totalShares = 0n;
  let weighted = 0n;
  const weights = shares.map((s, k) => {
    if (s < 0n) throw new RangeError('negative shares');
    totalShares += s;
    const w = s * ratesMicroPct[k]!;
    weighted += w;
    return w;
  });
  if (totalShares === 0n) throw new RangeError('no shares outstanding to weigh the vintages by');
  const wholeCents = divRoundHalfUp(
    netAssetsCents * weighted,
    totalShares * PERCENT_MICRO * BigInt(yearDays),
  );
  const partsCents = weighted === 0n ? shares.map(() => 0n) : largestRemainder(wholeCents, weights);
  return { wholeCents, partsCents };
}

/**
 * The count dates through `to`: each reduction's date and every month end after the first
 * reduction — only those governing some day of [from, to] (the latest before `from`, and those
 * before `to`).
 */
export function vintageCountDates(
  reductions: readonly DistributionFeeReduction[],
  from: string,
  to: string,
): string[] {
  const first = reductions[0];
  if (first === undefined || first.date > to) return [];
  const all = new Set<string>(reductions.filter((r) => r.date <= to).map((r) => r.date));
  for (let m = monthEnd(monthOf(first.date)); m <= to; m = monthEnd(monthOf(addDays(m, 1)))) all.add(m);
  const sorted = [...all].sort();
  const before = sorted.filter((d) => d < from).at(-1);
  return [...(before === undefined ? [] : [before]), ...sorted.filter((d) => d >= from && d < to)];
}

/** The count governing `date`: the latest strictly before it (undefined: none yet). */
export function governingCount(counts: readonly VintageCount[], date: string): VintageCount | undefined {
  let found: VintageCount | undefined;
  for (const c of counts) if (c.date < date) found = c;
  return found;
}

/**
 * The Distribution Fee of one day on or after the first reduction, by vintage; null when the
 * count in force finds no shares (no ledger data: the caller keeps the fee at the governing rate).
 */
export function vintageFeeDay(opts: {
  date: string;
  netAssetsCents: bigint;
  yearDays: number;
  coverage: readonly DistributionFeeRun[];
  reductions: readonly DistributionFeeReduction[];
  counts: readonly VintageCount[];
}): VintageFeeDay | null {
  const { date, reductions } = opts;
  const rates = vintageRatesOn(opts.coverage, reductions, date);
  if (rates === null) return null;
  const count = governingCount(opts.counts, date);
  // Before any count (the first reduction's own date) every outstanding share was issued before it.
  const shares = count?.shares ?? vintagesOf(reductions).map((_, k) => (k === 0 ? 1n : 0n));
  if (shares.every((s) => s === 0n)) return null;
  const { wholeCents, partsCents } = vintageDailyFee(opts.netAssetsCents, shares, rates, opts.yearDays);
  return { date, countedOn: count?.date ?? null, shares, ratesMicroPct: rates, wholeCents, partsCents };
}

/** Consecutive days under one count and one set of rates: what the Monthly Calculation shows. */
export interface VintageRun {
  readonly countedOn: string | null;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly shares: readonly bigint[];
  readonly ratesMicroPct: readonly bigint[];
  readonly wholeCents: bigint;
  readonly partsCents: readonly bigint[];
}

/** Groups days (in date order) into runs; each run's parts add up to its whole. */
export function vintageRuns(days: readonly VintageFeeDay[]): VintageRun[] {
  const runs: VintageRun[] = [];
  let open: { -readonly [K in keyof VintageRun]: VintageRun[K] } | undefined;
  const same = (a: readonly bigint[], b: readonly bigint[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  for (const d of days) {
    if (
      open !== undefined &&
      open.countedOn === d.countedOn &&
      same(open.ratesMicroPct, d.ratesMicroPct) &&
      addDays(open.to, 1) === d.date
    ) {
      open.to = d.date;
      open.days += 1;
      open.wholeCents += d.wholeCents;
      open.partsCents = open.partsCents.map((p, k) => p + d.partsCents[k]!);
      continue;
    }
    if (open) runs.push(open);
    open = {
      countedOn: d.countedOn,
      from: d.date,
      to: d.date,
      days: 1,
      shares: d.shares,
      ratesMicroPct: d.ratesMicroPct,
      wholeCents: d.wholeCents,
      partsCents: [...d.partsCents],
    };
  }
  if (open) runs.push(open);
  for (const r of runs)
    if (r.partsCents.reduce((s, p) => s + p, 0n) !== r.wholeCents)
      throw new Error(`EIGHTH(E): vintage parts of ${r.from}–${r.to} do not add up to the whole`);
  return runs;
}
