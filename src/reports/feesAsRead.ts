import { monthEnd, monthOf } from '../calendar/isoDate.js';
import type { Registry } from '../registry/registry.js';
import { loadClosedPeriods } from '../store/closedPeriodsRepository.js';
import type { Queryable } from '../store/database.js';
import { netAssetsFiguresAtClose } from '../store/netAssetsRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { closedMonthRecord, sealedPart } from '../store/sealedResultsRepository.js';
import { type ClassMonthFees, type FeesQuery, type FeesReport, feesReportAsAsked } from './feesReport.js';
import { feesRowOrder } from './feesRowOrder.js';
import {
  type AdjustmentSince,
  adjustmentSinceLines,
  adjustmentsSinceEach,
  closeDescription,
} from './sealedOrRecomputed.js';

/**
 * How `plan12b fees` shows a closed month in its range (SPEC §12: reading a closed month shows its
 * sealed results, with the adjustments made since listed beside them):
 * - sealed: the whole month is in the range; its rows are those its close sealed;
 * - as-sealed: part of the month is in the range; its days are computed from the net assets the
 *   month was sealed with (a restatement since is listed beside, not applied);
 * - recomputed: asked with --recompute (or the close sealed no fees): today's data.
 */
export interface ClosedMonthInFees {
  readonly month: string;
  readonly basis: 'sealed' | 'as-sealed' | 'recomputed';
  readonly closedAt: string;
  readonly closedBy: string;
  readonly resultsHash: string | null;
  readonly note?: string;
  /** the net-assets restatements and fee adjustments of this month since its close */
  readonly adjustmentsSince: readonly AdjustmentSince[];
}

export interface FeesReading {
  readonly report: FeesReport;
  readonly closedMonths: readonly ClosedMonthInFees[];
}

/** The sealed `fees` part of a close, as stored (declared here: sealed records are read as written). */
interface SealedFeesPart {
  readonly classes: readonly ClassMonthFees[];
}

const FEE_FIELDS = ['days', 'averageDailyNetAssets', 'distributionFee', 'serviceFee', 'totalFee'] as const;

/**
 * `plan12b fees` and `GET /api/fees`: the fees of a range, each closed month in it as sealed (or,
 * with `recompute`, today's data, marked as such). Run inside one read snapshot.
 */
export async function feesAsRead(
  q: Queryable,
  query: FeesQuery,
  opts: { readonly recompute: boolean },
): Promise<FeesReading> {
  const closed = await loadClosedPeriods(q);
  const months = [...closed.months].filter((m) => m >= monthOf(query.from) && m <= monthOf(query.to)).sort();
  const registry = await loadRegistry(q);
  if (months.length === 0) return { report: await feesReportAsAsked(q, query, registry), closedMonths: [] };
  const figuresAtClose = opts.recompute ? undefined : await netAssetsFiguresAtClose(q, months);
  const computed = await feesReportAsAsked(
    q,
    figuresAtClose === undefined ? query : { ...query, figuresAtClose },
    registry,
  );
  const wanted = rowFilter(registry, query);
  let classes = computed.classes;
  const warnings = [...computed.warnings];
  const closedMonths: ClosedMonthInFees[] = [];
  const adjustments = await adjustmentsSinceEach(q, months, registry);
  for (const month of months) {
    const record = (await closedMonthRecord(q, month))!;
    const since = (adjustments.get(month) ?? []).filter(
      (a) =>
        (a.kind === 'fees' || (a.kind === 'restatement' && a.feed === 'net-assets')) && wanted.adjustment(a),
    );
    const entry = {
      month,
      closedAt: record.closedAt,
      closedBy: record.closedBy,
      resultsHash: record.resultsHash,
      adjustmentsSince: since,
    };
    if (opts.recompute) {
      closedMonths.push({ ...entry, basis: 'recomputed' });
      continue;
    }
    const whole = query.from <= `${month}-01` && query.to >= monthEnd(month);
    if (!whole) {
      closedMonths.push({
        ...entry,
        basis: 'as-sealed',
        note: `part of ${month} asked: its days computed from the net assets it was sealed with`,
      });
      continue;
    }
    const sealed = (await sealedPart(q, month, 'fees')) as SealedFeesPart | undefined;
    if (sealed === undefined) {
      closedMonths.push({
        ...entry,
        basis: 'as-sealed',
        note: `the close of ${month} did not seal its fees: computed from the net assets it was sealed with`,
      });
      continue;
    }
    const sealedRows = sealed.classes.filter((r) => r.month === month && wanted.row(r));
    const computedRows = classes.filter((r) => r.month === month);
    const differ = sealedDifferences(sealedRows, computedRows);
    if (differ.length > 0)
      warnings.push(
        `${month}: the sealed fees differ from a computation with the net assets it was sealed with (${differ.slice(0, 3).join('; ')}${differ.length > 3 ? `; and ${differ.length - 3} more` : ''}): the registry or rates changed since its close; the sealed figures are shown`,
      );
    classes = [...classes.filter((r) => r.month !== month), ...sealedRows];
    closedMonths.push({ ...entry, basis: 'sealed' });
  }
  classes = [...classes].sort(feesRowOrder((pid) => registry.identities.nameOn(pid, query.to)));
  return { report: { ...computed, classes, warnings }, closedMonths };
}

/** Which rows and adjustments the query's --portfolio and --class select. */
function rowFilter(registry: Registry, query: FeesQuery) {
  const pid =
    query.portfolio === undefined ? undefined : registry.identities.resolveOn(query.portfolio, query.to);
  const cls = query.class?.toLowerCase();
  const classOk = (c: string) => cls === undefined || c.toLowerCase() === cls;
  return {
    row: (r: ClassMonthFees) => (pid === undefined || r.portfolioId === pid) && classOk(r.class),
    adjustment: (a: AdjustmentSince & { portfolio: string; class: string }) => {
      if (!classOk(a.class)) return false;
      if (pid === undefined) return true;
      const date = 'date' in a ? a.date : monthEnd(a.month);
      return registry.identities.resolveOn(a.portfolio, date) === pid;
    },
  };
}

/** Where the sealed rows of a month and a computation of it disagree, one phrase each. */
function sealedDifferences(sealed: readonly ClassMonthFees[], computed: readonly ClassMonthFees[]): string[] {
  const key = (r: ClassMonthFees) => `${r.portfolioId}|${r.class}`;
  const byKey = new Map(computed.map((r) => [key(r), r]));
  const out: string[] = [];
  for (const s of sealed) {
    const c = byKey.get(key(s));
    byKey.delete(key(s));
    if (c === undefined) out.push(`${s.portfolio} class ${s.class}: sealed ${s.totalFee}, none computed`);
    else {
      const fields = FEE_FIELDS.filter((f) => String(s[f]) !== String(c[f]));
      if (fields.length > 0)
        out.push(
          `${s.portfolio} class ${s.class}: ${fields.map((f) => `${f} sealed ${s[f]}, computed ${c[f]}`).join(', ')}`,
        );
    }
  }
  for (const c of byKey.values())
    out.push(`${c.portfolio} class ${c.class}: none sealed, computed ${c.totalFee}`);
  return out;
}

/**
 * `fees --json`: the report, and where the range holds closed months, how each is shown
 * (`closedMonths`); asked with --recompute, also `recomputedClosedMonths` naming them.
 */
export function feesDocument(
  report: FeesReport,
  closedMonths: readonly ClosedMonthInFees[],
): FeesReport & { closedMonths?: readonly ClosedMonthInFees[]; recomputedClosedMonths?: string[] } {
  if (closedMonths.length === 0) return report;
  const recomputed = closedMonths.filter((c) => c.basis === 'recomputed').map((c) => c.month);
  return {
    ...report,
    closedMonths,
    ...(recomputed.length > 0 ? { recomputedClosedMonths: recomputed } : {}),
  };
}

/** For the terminal: how each closed month of the range is shown, and the adjustments since its close. */
export function closedMonthLines(closedMonths: readonly ClosedMonthInFees[]): string[] {
  const out: string[] = [];
  for (const c of closedMonths) {
    const close = closeDescription(c);
    out.push(
      c.basis === 'sealed'
        ? `${c.month} is closed: SEALED fees (${close}); --recompute shows what today's data would say`
        : c.basis === 'as-sealed'
          ? `${c.month} is closed: AS SEALED, ${c.note} (${close}); --recompute shows what today's data would say`
          : `${c.month} is closed: RECOMPUTED from today's data, not its sealed results (${close})`,
    );
    out.push(...adjustmentSinceLines(c.adjustmentsSince));
  }
  return out;
}
