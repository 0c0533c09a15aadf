import type { Registry } from '../registry/registry.js';
import type { Queryable } from '../store/database.js';
import { readSnapshot } from '../store/readSnapshot.js';
import { loadRegistry } from '../store/registryStore.js';
import {
  type ClosedMonthRestatement,
  closedMonthRecord,
  restatementsOfClosedMonth,
  sealedPart,
  sealedPartsAfter,
} from '../store/sealedResultsRepository.js';

/**
 * Reading a closed month (SPEC §12): its sealed results, with the prior-period adjustments made
 * since listed beside them — or, asked with --recompute, what today's data would say, marked as
 * such. An open month is always computed from today's data.
 */

/**
 * The prior-period adjustments a close sealed in its `adjustments` part, as stored (declared here
 * rather than borrowed from the close, because sealed records are read as they were written).
 */
interface PriorPeriodAdjustment {
  readonly month: string;
  readonly portfolio: string;
  readonly class: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
}
interface ServiceFeeAdjustment {
  readonly month: string;
  readonly provider: string;
  readonly name: string;
  readonly amount: string;
}
interface DistributorRetainedAdjustment {
  readonly month: string;
  readonly portfolio: string;
  readonly class: string;
  readonly amount: string;
  /** Agreement TENTH: a Class B remainder by the distributor serving its days (sealed since calc11) */
  readonly keptBy?: readonly {
    readonly distributor: string;
    readonly role: string;
    readonly difference: string;
  }[];
}

/** A change to a closed month made after its close: the restatement, and the adjustment it became. */
export type AdjustmentSince =
  | ({ readonly kind: 'fees'; readonly reportedIn: string } & PriorPeriodAdjustment)
  | ({ readonly kind: 'service-fee'; readonly reportedIn: string } & ServiceFeeAdjustment)
  | ({ readonly kind: 'distributor-retained'; readonly reportedIn: string } & DistributorRetainedAdjustment)
  | {
      readonly kind: 'restatement';
      /** the close that reported it as a prior-period adjustment; null: the next close will */
      readonly reportedIn: string | null;
      readonly month: string;
      readonly feed: ClosedMonthRestatement['feed'];
      readonly provider: string | null;
      readonly portfolio: string;
      readonly class: string;
      readonly date: string;
      readonly old: string;
      readonly new: string;
      readonly restatedBy: string;
      readonly restatedAt: string;
    };

export interface ClosedMonthReading {
  /** sealed: the results stored at the close; recomputed: today's data, not what was sealed */
  readonly basis: 'sealed' | 'recomputed';
  readonly closedAt: string;
  readonly closedBy: string;
  readonly resultsHash: string | null;
  /** why a closed month is shown recomputed without --recompute (its close did not seal this part) */
  readonly note: string | null;
  readonly adjustmentsSince: readonly AdjustmentSince[];
}

export type MonthReading<S, C> =
  | { readonly basis: 'open'; readonly report: C; readonly closed: null }
  | { readonly basis: 'recomputed'; readonly report: C; readonly closed: ClosedMonthReading }
  | { readonly basis: 'sealed'; readonly report: S; readonly closed: ClosedMonthReading };

interface AdjustmentsPart {
  readonly reportedIn: string;
  readonly adjustments?: readonly PriorPeriodAdjustment[];
  readonly serviceFees?: {
    readonly providers?: readonly ServiceFeeAdjustment[];
    readonly distributorRetained?: readonly DistributorRetainedAdjustment[];
  };
}

/** The restatements of a closed month and the adjustments later closes reported for it. */
export async function adjustmentsSince(
  q: Queryable,
  month: string,
  /** the registry when already derived */
  derived?: Registry,
): Promise<AdjustmentSince[]> {
  return (await adjustmentsSinceEach(q, [month], derived)).get(month) ?? [];
}

/**
 * `adjustmentsSince` of several closed months at once (`fees` over a range): the later closes'
 * adjustments parts are read once, from the earliest month on, not once per month.
 */
export async function adjustmentsSinceEach(
  q: Queryable,
  months: readonly string[],
  /** the registry when already derived */
  derived?: Registry,
): Promise<Map<string, AdjustmentSince[]>> {
  const out = new Map<string, AdjustmentSince[]>(months.map((m) => [m, []]));
  if (months.length === 0) return out;
  let registry = derived;
  for (const month of out.keys()) {
    const restatements = await restatementsOfClosedMonth(q, month);
    if (restatements.length === 0) continue;
    registry ??= await loadRegistry(q);
    const { identities } = registry;
    const list = out.get(month)!;
    for (const r of restatements)
      list.push({
        kind: 'restatement',
        reportedIn: r.adjustedIn,
        month,
        feed: r.feed,
        provider: r.providerId,
        portfolio: identities.nameOn(r.portfolioId, r.date),
        class: r.class,
        date: r.date,
        old: r.oldNetAssets,
        new: r.newNetAssets,
        restatedBy: r.restatedBy,
        restatedAt: r.restatedAt,
      });
  }
  const earliest = [...out.keys()].sort()[0]!;
  // a close reports adjustments of months before its own: each goes to the month it adjusts
  const listOf = (reportedIn: string, month: string) => (month < reportedIn ? out.get(month) : undefined);
  for (const { month: reportedIn, content } of await sealedPartsAfter(q, earliest, 'adjustments')) {
    const part = content as AdjustmentsPart;
    for (const a of part.adjustments ?? [])
      listOf(reportedIn, a.month)?.push({ kind: 'fees', reportedIn, ...a });
    for (const a of part.serviceFees?.providers ?? [])
      listOf(reportedIn, a.month)?.push({ kind: 'service-fee', reportedIn, ...a });
    for (const a of part.serviceFees?.distributorRetained ?? [])
      listOf(reportedIn, a.month)?.push({ kind: 'distributor-retained', reportedIn, ...a });
  }
  return out;
}

/**
 * A month's report for `plan12b <report> --month`: the sealed `part` of a closed month (shaped by
 * `sealed`), or `compute` on today's data for an open month or with `recompute`. Read in one
 * snapshot, so that a close committing meanwhile is seen whole or not at all.
 */
export async function readMonth<S, C>(
  db: Queryable,
  month: string,
  opts: {
    readonly part: string;
    readonly recompute: boolean;
    readonly sealed: (content: unknown) => S;
    readonly compute: (q: Queryable) => Promise<C>;
  },
): Promise<MonthReading<S, C>> {
  return readSnapshot(db, async (q) => {
    const record = await closedMonthRecord(q, month);
    if (record === null) return { basis: 'open', report: await opts.compute(q), closed: null };
    const content = opts.recompute ? undefined : await sealedPart(q, month, opts.part);
    const closed = {
      closedAt: record.closedAt,
      closedBy: record.closedBy,
      resultsHash: record.resultsHash,
      adjustmentsSince: await adjustmentsSince(q, month),
    };
    if (content === undefined)
      return {
        basis: 'recomputed',
        report: await opts.compute(q),
        closed: {
          basis: 'recomputed',
          note: opts.recompute ? null : `the close of ${month} did not seal its ${opts.part}`,
          ...closed,
        },
      };
    return {
      basis: 'sealed',
      report: opts.sealed(content),
      closed: { basis: 'sealed', note: null, ...closed },
    };
  });
}

/** The report as `--json` prints it: a closed month's carries its basis, its close and the adjustments since. */
export function readingDocument<S extends object, C extends object>(
  reading: MonthReading<S, C>,
): (S | C) & Partial<{ basis: string; close: object; adjustmentsSince: readonly AdjustmentSince[] }> {
  if (reading.closed === null) return reading.report;
  const { basis, closedAt, closedBy, resultsHash, note, adjustmentsSince: since } = reading.closed;
  return {
    ...reading.report,
    basis,
    close: { closedAt, closedBy, resultsHash, ...(note ? { note } : {}) },
    adjustmentsSince: since,
  };
}

/** "closed AT by WHO, results hash …": who closed a month, when, and the start of its seal. */
export function closeDescription(c: {
  readonly closedAt: string;
  readonly closedBy: string;
  readonly resultsHash: string | null;
}): string {
  return `closed ${c.closedAt} by ${c.closedBy}${c.resultsHash ? `, results hash ${c.resultsHash.slice(0, 16)}…` : ''}`;
}

/** The line that says whether a closed month is shown as sealed or recomputed; null for an open month. */
export function readingHeadline(month: string, reading: MonthReading<unknown, unknown>): string | null {
  const c = reading.closed;
  if (c === null) return null;
  const close = closeDescription(c);
  return c.basis === 'sealed'
    ? `${month} is closed: SEALED results (${close}); --recompute shows what today's data would say`
    : `${month} is closed: RECOMPUTED from today's data, not the sealed results (${close})${c.note ? `; ${c.note}` : ''}`;
}

/** The adjustments since the close, one line each (none: an empty list). */
export function adjustmentLines(reading: MonthReading<unknown, unknown>): string[] {
  return adjustmentSinceLines(reading.closed?.adjustmentsSince ?? []);
}

/** The adjustments made since a close, one line each under a heading (none: an empty list). */
export function adjustmentSinceLines(since: readonly AdjustmentSince[]): string[] {
  if (since.length === 0) return [];
  return [
    'Prior-period adjustments since the close:',
    ...since.map((a) => {
      const where =
        a.reportedIn === null ? 'pending (the next close reports it)' : `reported in ${a.reportedIn}`;
      switch (a.kind) {
        case 'restatement':
          return `  ${a.feed} restated ${a.provider ? `${a.provider} ` : ''}${a.portfolio} class ${a.class} ${a.date}: ${a.old} → ${a.new} by ${a.restatedBy} at ${a.restatedAt}; ${where}`;
        case 'fees':
          return `  fees ${a.portfolio} class ${a.class}: distribution ${a.distributionFee}, service ${a.serviceFee}, total ${a.totalFee}; ${where}`;
        case 'service-fee':
          return `  service fee to ${a.provider} (${a.name}): ${a.amount}; ${where}`;
        default:
          return `  ${a.kind === 'distributor-retained' && a.keptBy?.some((k) => k.role === 'Other Distributor') ? `kept by ${a.keptBy.map((k) => `${k.distributor} (${k.role}) ${k.difference}`).join(', ')}` : 'Distributor keeps'}, ${a.portfolio} class ${a.class}: ${a.amount}; ${where}`;
      }
    }),
  ];
}
