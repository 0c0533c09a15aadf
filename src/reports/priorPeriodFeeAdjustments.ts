import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { parseCents } from '../money/cents.js';
import type { Queryable } from '../store/database.js';
import { restatedMonthsReportedIn, sealedPart, sealedPartsAfter } from '../store/sealedResultsRepository.js';
import { capFollowerMonths } from './capFollowerMonths.js';
import { type ClassMonthFees, feesReport } from './feesReport.js';

/** What a close's `adjustments` part holds of a restated month (the fields the next adjustments read). */
export interface AdjustmentsPart {
  readonly adjustments?: readonly {
    readonly month: string;
    readonly portfolio: string;
    readonly class: string;
    readonly distributionFee: string;
    readonly serviceFee: string;
  }[];
  readonly serviceFees?: {
    readonly providers?: readonly {
      readonly month: string;
      readonly provider: string;
      readonly amount: string;
    }[];
    readonly distributorRetained?: readonly {
      readonly month: string;
      readonly portfolio: string;
      readonly class: string;
      readonly amount: string;
    }[];
  };
}

/**
 * The `adjustments` parts closes sealed for restated month `p` — those of months before `before`
 * when given (SPEC §12: each close reports only what is new since them).
 */
export async function adjustmentsReportedFor(
  q: Queryable,
  p: string,
  before?: string,
): Promise<AdjustmentsPart[]> {
  return (await sealedPartsAfter(q, p, 'adjustments'))
    .filter((x) => before === undefined || x.month < before)
    .map((x) => x.content as AdjustmentsPart);
}

/** Σ over earlier closes' adjustments of month `p`, by key. */
export function alreadyReported<T extends { readonly month: string }>(
  rows: readonly T[],
  p: string,
  key: (r: T) => string,
  cents: (r: T) => bigint,
): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const r of rows) if (r.month === p) m.set(key(r), (m.get(key(r)) ?? 0n) + cents(r));
  return m;
}

/** One class's fees of a restated closed month, as recomputed now less what was sealed and already adjusted. */
export interface ClassFeeAdjustment {
  /** the closed month restated */
  readonly month: string;
  readonly portfolioId: string;
  /** the name in force at the restated month's end (as the close's `adjustments` part names it) */
  readonly portfolio: string;
  readonly class: string;
  readonly distributionCents: bigint;
  readonly serviceCents: bigint;
  /** not restated itself: its ABSC changed through the FINRA cap room an earlier restatement changed */
  readonly throughFinraCap: boolean;
}

/**
 * SPEC §4, §12: the fee adjustments a month reports — for each closed month whose net assets were
 * restated (or whose governing document was withdrawn) and that this month reports (pending for
 * the next month to close, or reported by its own close), each class's fees computed again now,
 * less what was sealed and less what earlier closes already reported (their `adjustments` parts).
 * The same figures the close's `adjustments` part seals; the journal books them.
 */
export async function priorPeriodFeeAdjustments(q: Queryable, month: string): Promise<ClassFeeAdjustment[]> {
  const restated = [
    ...new Set([
      ...(await restatedMonthsReportedIn(q, month, 'net_assets_restatement')),
      ...(await restatedMonthsReportedIn(q, month, 'exhibit_withdrawal_restatement')),
    ]),
  ].sort();
  // FINRA 2341: later closed months whose cap room the restatement changed
  const followers = await capFollowerMonths(q, month, restated);
  const capOnly = new Set(followers.months);
  const out: ClassFeeAdjustment[] = [];
  for (const p of [...restated, ...followers.months].sort()) {
    const sealed = (await sealedPart(q, p, 'fees')) as { classes: ClassMonthFees[] } | undefined;
    if (sealed === undefined) continue;
    const old = new Map(sealed.classes.map((c) => [`${c.portfolioId}|${c.class}`, c]));
    // less what earlier closes already reported for the month (SPEC §12)
    const earlier = (await adjustmentsReportedFor(q, p, month)).flatMap((a) => a.adjustments ?? []);
    const key = (a: { portfolio: string; class: string }) => `${a.portfolio}|${a.class}`;
    const earlierD = alreadyReported(earlier, p, key, (a) => parseCents(a.distributionFee));
    const earlierS = alreadyReported(earlier, p, key, (a) => parseCents(a.serviceFee));
    const now = (await feesReport(q, { from: monthStart(p), to: monthEnd(p) })).classes;
    const nowKeys = new Set(now.map((c) => `${c.portfolioId}|${c.class}`));
    // a class sealed with fees that would now have none (e.g. its only document withdrawn): all of
    // it is adjusted away, so it is compared with zero fees
    const gone = sealed.classes
      .filter((c) => !nowKeys.has(`${c.portfolioId}|${c.class}`))
      .map((c) => ({ ...c, distributionFee: '0.00', serviceFee: '0.00' }));
    for (const c of [...now, ...gone]) {
      if (capOnly.has(p) && !followers.classKeys.has(`${c.portfolioId}|${c.class}`)) continue;
      const o = old.get(`${c.portfolioId}|${c.class}`);
      const d =
        parseCents(c.distributionFee) -
        (o ? parseCents(o.distributionFee) : 0n) -
        (earlierD.get(key(c)) ?? 0n);
      // a month adjusted through the cap only: its ABSC (the service fee is never cut)
      const s = capOnly.has(p)
        ? 0n
        : parseCents(c.serviceFee) - (o ? parseCents(o.serviceFee) : 0n) - (earlierS.get(key(c)) ?? 0n);
      if (d === 0n && s === 0n) continue;
      out.push({
        month: p,
        portfolioId: c.portfolioId,
        portfolio: c.portfolio,
        class: c.class,
        distributionCents: d,
        serviceCents: s,
        throughFinraCap: capOnly.has(p),
      });
    }
  }
  return out;
}
