import type { AccrualResult, DailyAccrual, MonthlyAccrual } from '../accrual/accrualResult.js';
import type { ClassSeries } from '../accrual/classSeries.js';
import { accrueReference } from '../accrual/referenceAccrual.js';
import { daysInYear, monthEnd, monthOf, yearOf } from '../calendar/isoDate.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import {
  type DistributionFeeReduction,
  distributionFeeReductions,
  type VintageCount,
  type VintageFeeDay,
  vintageCountDates,
  vintageFeeDay,
  vintageRuns,
  vintageSharesOfLots,
  vintagesOf,
} from '../class-b/vintageSplit.js';
import { formatCents, parseCents } from '../money/cents.js';
import { formatRatePct } from '../money/rate.js';
import type { Registry } from '../registry/registry.js';
import { loadClassBTerms } from '../store/classBStore.js';
import type { Queryable } from '../store/database.js';
import { formatPctUnits, partyPctUnits } from '../transfers/monthlyCalculation.js';
import { visitHoldings } from './distributorShareReport.js';

/**
 * Agreement EIGHTH(E) in the fees (see src/class-b/vintageSplit.ts): a Class B class whose
 * distribution fee was reduced accrues, from the reduction's date, by share vintage. Its shares
 * by Date of Original Issuance come from the Class B ledger; with none recorded, a warning says so
 * and the fee stays at the rate in force. Classes without a reduction are untouched.
 */

/** One vintage under one count, as the Monthly Calculation shows it. */
export interface VintageLine {
  /** shares issued on or after this date (null: any earlier date) */
  readonly issuedFrom: string | null;
  /** … and before this date (null: to date) */
  readonly issuedBefore: string | null;
  readonly shares: string;
  /** the vintage's shares / all shares, percent to 0.0001 (the weights add up to 100) */
  readonly weightPct: string;
  readonly distributionFeePct: string;
  readonly distributionFee: string;
}

export interface VintageRunLine {
  /** the count in force (null: the first reduction's date, all shares issued before it) */
  readonly countedOn: string | null;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  /** the class's Distribution Fees of those days (the vintages add up to it) */
  readonly distributionFee: string;
  readonly vintages: readonly VintageLine[];
}

/** A Class B portfolio-month accrued by vintage. */
export interface ClassBVintageMonth {
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly class: string;
  readonly month: string;
  /** the class's Distribution Fees of the whole month (days before the first reduction included) */
  readonly distributionFee: string;
  readonly reductions: readonly { readonly date: string; readonly fromPct: string; readonly toPct: string }[];
  /** the days on or after the first reduction */
  readonly runs: readonly VintageRunLine[];
}

function runLines(
  days: readonly VintageFeeDay[],
  reductions: readonly DistributionFeeReduction[],
): VintageRunLine[] {
  const vintages = vintagesOf(reductions);
  return vintageRuns(days).map((r) => {
    const weights = partyPctUnits(r.shares.map((shares) => ({ shares })));
    return {
      countedOn: r.countedOn,
      from: r.from,
      to: r.to,
      days: r.days,
      distributionFee: formatCents(r.wholeCents),
      vintages: vintages.flatMap((v, k) =>
        // a vintage that begins after these days holds no shares in them
        v.issuedFrom !== null && v.issuedFrom > r.to
          ? []
          : [
              {
                issuedFrom: v.issuedFrom,
                issuedBefore: v.issuedBefore,
                // the first reduction's own date: no count yet, every share was issued before it
                shares: r.countedOn === null ? '—' : formatShareUnits(r.shares[k]!),
                weightPct: formatPctUnits(weights[k]!),
                distributionFeePct: formatRatePct(r.ratesMicroPct[k]!),
                distributionFee: formatCents(r.partsCents[k]!),
              },
            ],
      ),
    };
  });
}

/**
 * The accrual with every reduced Class B class's Distribution Fees by vintage, and what the
 * Monthly Calculation shows of them. Returns `accrual` itself when no class has a reduction.
 */
export async function applyEighthE(
  q: Queryable,
  registry: Registry,
  series: readonly ClassSeries[],
  accrual: AccrualResult,
  range: { from: string; to: string },
  warnings: string[],
): Promise<{ accrual: AccrualResult; months: ClassBVintageMonth[] }> {
  const reduced = series
    .map((s) => ({ s, reductions: distributionFeeReductions(s.coverage) }))
    .filter(
      ({ s, reductions }) =>
        s.classKey.endsWith('|B') && reductions.length > 0 && reductions[0]!.date <= range.to,
    );
  if (reduced.length === 0) return { accrual, months: [] };

  const requests = new Map<string, string[]>();
  const counts = new Map<string, Map<string, bigint[]>>();
  for (const { s, reductions } of reduced) {
    const pid = s.classKey.slice(0, -2);
    const dates = vintageCountDates(reductions, range.from, range.to);
    if (dates.length === 0) continue;
    requests.set(pid, dates);
    counts.set(pid, new Map(dates.map((d) => [d, vintagesOf(reductions).map(() => 0n)])));
  }
  const reductionsOf = new Map(reduced.map(({ s, reductions }) => [s.classKey.slice(0, -2), reductions]));
  await visitHoldings(q, requests, await loadClassBTerms(q), (pid, date, account) => {
    const sum = counts.get(pid)!.get(date)!;
    vintageSharesOfLots(account.lots, pid, reductionsOf.get(pid)!).forEach((n, k) => {
      sum[k] = sum[k]! + n;
    });
  });

  const replaced = new Map<string, VintageFeeDay>(); // classKey|date → the day's Distribution Fee by vintage
  const months: ClassBVintageMonth[] = [];
  for (const { s, reductions } of reduced) {
    const pid = s.classKey.slice(0, -2);
    const name = (date: string) => registry.identities.nameOn(pid, date);
    const classCounts: VintageCount[] = [...(counts.get(pid) ?? new Map<string, bigint[]>())].map(
      ([date, shares]) => ({ date, shares }),
    );
    const first = reductions[0]!;
    const noLedger = classCounts.length > 0 && classCounts.every((c) => c.shares.every((n) => n === 0n));
    if (noLedger)
      warnings.push(
        `${name(range.to)} class B: the distribution fee fell from ${formatRatePct(first.fromMicroPct)}% to ${formatRatePct(first.toMicroPct)}% on ${first.date}; EIGHTH(E) keeps shares issued before then at the old rate, but no Class B ledger data records this class's shares by date of original issuance — fees accrue at the rate in force on all shares (import its transactions with \`plan12b transactions import\`)`,
      );
    const byMonth = new Map<string, { days: VintageFeeDay[]; totalCents: bigint }>();
    const emptyCounts: string[] = [];
    for (const d of accrueReference([s], range.from, range.to).daily) {
      const month = monthOf(d.date);
      const m = byMonth.get(month) ?? { days: [], totalCents: 0n };
      byMonth.set(month, m);
      let cents = d.distributionFeeCents;
      if (d.date >= first.date && !noLedger) {
        const v = vintageFeeDay({
          date: d.date,
          netAssetsCents: d.netAssetsCents,
          yearDays: daysInYear(yearOf(d.date)),
          coverage: s.coverage,
          reductions,
          counts: classCounts,
        });
        if (v === null) emptyCounts.push(d.date);
        else {
          cents = v.wholeCents;
          m.days.push(v);
          replaced.set(`${s.classKey}|${d.date}`, v);
        }
      }
      m.totalCents += cents;
    }
    if (emptyCounts.length > 0)
      warnings.push(
        `${name(range.to)} class B: no Class B shares outstanding in the ledger to weigh the vintages by on ${emptyCounts[0]}${emptyCounts.length > 1 ? ` and ${emptyCounts.length - 1} more day(s)` : ''}; those days accrue at the rate in force (EIGHTH(E) needs shares by date of original issuance)`,
      );
    for (const [month, m] of byMonth) {
      if (m.days.length === 0) continue;
      months.push({
        portfolio: name(monthEnd(month)),
        portfolioId: pid,
        class: 'B',
        month,
        distributionFee: formatCents(m.totalCents),
        reductions: reductions.map((r) => ({
          date: r.date,
          fromPct: formatRatePct(r.fromMicroPct),
          toPct: formatRatePct(r.toMicroPct),
        })),
        runs: runLines(m.days, reductions),
      });
    }
  }
  if (replaced.size === 0) return { accrual, months };
  const monthTotals = new Map<string, bigint>();
  const daily: DailyAccrual[] = accrual.daily.map((d) => {
    const v = replaced.get(`${d.classKey}|${d.date}`);
    return v === undefined
      ? d
      : { ...d, distributionFeeCents: v.wholeCents, distributionFeeVintageCents: v.partsCents };
  });
  for (const m of months) monthTotals.set(`${m.portfolioId}|B|${m.month}`, parseCents(m.distributionFee));
  const monthly: MonthlyAccrual[] = accrual.months.map((m) => {
    const v = monthTotals.get(`${m.classKey}|${m.month}`);
    return v === undefined ? m : { ...m, distributionFeeCents: v };
  });
  return { accrual: { months: monthly, daily }, months };
}

/** A vintage as the text output names it ("issued before 2025-07-01", …). */
export function issued(v: Pick<VintageLine, 'issuedFrom' | 'issuedBefore'>): string {
  if (v.issuedFrom === null) return `issued before ${v.issuedBefore}`;
  return v.issuedBefore === null
    ? `issued on or after ${v.issuedFrom}`
    : `issued ${v.issuedFrom} to before ${v.issuedBefore}`;
}

/** The vintage section of the Monthly Calculation as text lines (CLI). */
export function vintageTextLines(months: readonly ClassBVintageMonth[]): string[] {
  return months.flatMap((m) => [
    `EIGHTH(E) — ${m.portfolio} class ${m.class}, ${m.month}: Distribution Fees ${m.distributionFee}; ${m.reductions.map((r) => `${r.fromPct}% → ${r.toPct}% on ${r.date}`).join(', ')} applies only to shares issued on or after it`,
    ...m.runs.flatMap((r) => [
      `  ${r.from}–${r.to} (${r.days} day(s), shares ${r.countedOn === null ? 'all issued before the reduction' : `counted ${r.countedOn}`}): ${r.distributionFee}`,
      ...r.vintages.map(
        (v) =>
          `    ${issued(v)}: ${v.shares} shares, ${v.weightPct}%, at ${v.distributionFeePct}%: ${v.distributionFee}`,
      ),
    ]),
  ]);
}
