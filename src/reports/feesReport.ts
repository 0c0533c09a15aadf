import type { AccrualResult } from '../accrual/accrualResult.js';
import type { ClassSeries, RateSegment } from '../accrual/classSeries.js';
import { missingBusinessDays, uncoveredDays } from '../accrual/coverageChecks.js';
import { coverageOutsideEnded, endedSpansOfRows } from '../accrual/endedSpans.js';
import { accrueFast } from '../accrual/fastAccrual.js';
import { type FiguresAtClose, netAssetsAsSealed } from '../accrual/netAssetsAsSealed.js';
import { overrideCoverage, type RateOverride } from '../accrual/rateOverride.js';
import { addDays, monthEnd, monthOf } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';
import { Plan12bError } from '../errors.js';
import { formatCents, parseCents } from '../money/cents.js';
import { largestRemainder } from '../money/largestRemainder.js';
import { formatRatePct, parseRateMicroPct } from '../money/rate.js';
import { askedClass } from '../registry/askedClass.js';
import { didYouMeanPortfolio } from '../registry/closestPortfolioName.js';
import { handedOverNameWarnings } from '../registry/nameOverSpan.js';
import type { Registry } from '../registry/registry.js';
import { acceptedClassEnds } from '../store/classEndsRepository.js';
import type { Queryable } from '../store/database.js';
import { netAssetsThrough } from '../store/netAssetsRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { applyEighthE, type ClassBVintageMonth } from './classBVintageFees.js';
import { feesRowOrder } from './feesRowOrder.js';
import { feesCapCuts } from './finraCapLedger.js';

/** `plan12b fees --csv` (and the API's format=csv): one line per class and month. */
export const FEES_MONTH_COLUMNS = [
  'portfolio',
  'class',
  'month',
  'days',
  'averageDailyNetAssets',
  'distributionFee',
  'serviceFee',
  'totalFee',
] as const;

/** `plan12b fees --daily --csv`: one line per class and day. */
export const FEES_DAILY_COLUMNS = [
  'portfolio',
  'class',
  'date',
  'netAssets',
  'distributionFeePct',
  'serviceFeePct',
  'distributionFee',
  'serviceFee',
] as const;

/** One row of `plan12b fees --json` (SPEC §4): per class and calendar month. */
export interface ClassMonthFees {
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly class: string;
  readonly month: string;
  readonly days: number;
  readonly averageDailyNetAssets: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
}

export interface DailyFees {
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly class: string;
  readonly date: string;
  readonly netAssets: string;
  readonly distributionFeePct: string;
  readonly serviceFeePct: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  /** Agreement EIGHTH(E): on a Class B day accrued by vintage, each vintage's part of `distributionFee` */
  readonly distributionFeeByVintage?: readonly string[];
}

export interface FeesReport {
  readonly from: string;
  readonly to: string;
  readonly classes: ClassMonthFees[];
  readonly daily?: DailyFees[];
  readonly warnings: string[];
  /** Agreement EIGHTH(E): Class B months accrued by share vintage (present only when there are any) */
  readonly classBVintages?: ClassBVintageMonth[];
}

export interface FeesQuery {
  readonly from: string;
  readonly to: string;
  readonly portfolio?: string;
  readonly class?: string;
  readonly daily?: boolean;
  /** `plan12b what-if`: a hypothetical rate for one class (nothing is recorded) */
  readonly rateOverride?: RateOverride;
  /**
   * SPEC §12, reading closed months as sealed: by class key, the figures rows restated since a
   * closed month's close had at that close (none: every day takes its row as it stands)
   */
  readonly figuresAtClose?: ReadonlyMap<string, FiguresAtClose>;
}

/** The registry's governing entries as the accrual engine's rate segments. */
export function coverageOf(
  registry: Registry,
  portfolioId: string,
  shareClass: string,
  warnings: string[],
  during: { from?: string; to?: string } = {},
): RateSegment[] {
  const out: RateSegment[] = [];
  // Only what touches the days asked about is worth a warning: a lapse after the range is not.
  const touches = (first: string, last: string | null) =>
    (during.to === undefined || first <= during.to) &&
    (during.from === undefined || last === null || last >= during.from);
  // Issue 12: a termination or a lapse makes the fee zero, and a pending amendment does not govern; say why.
  for (const p of registry.pending)
    if (
      p.portfolioId === portfolioId &&
      p.class === shareClass &&
      touches(p.effectiveDate, p.governsFrom === null ? null : addDays(p.governsFrom, -1))
    )
      warnings.push(`${p.portfolio} class ${shareClass}: ${p.reason}`);
  const governing = registry.governing(portfolioId, shareClass);
  const warnedStops = new Set<string>();
  for (const g of governing) {
    // An entry outside the range still goes to the engine; it is only not worth a warning.
    const inRange = touches(g.from, g.lastDay);
    // Plan §9: one termination (or lapse) is said once, from the day it took effect — the later
    // schedule versions that still list the class only split its stopped days into runs.
    if (inRange && g.stopped && !warnedStops.has(g.stopped)) {
      warnedStops.add(g.stopped);
      const since = governing.find((x) => x.stopped === g.stopped)!.from;
      warnings.push(
        `${registry.identities.nameOn(portfolioId, since)} class ${shareClass}: from ${since}: ${g.stopped}`,
      );
    }
    // SPEC §2: a Board-set rate the caps of a later schedule no longer allow gives way to the
    // schedule's rates; the fees over those days say why their rate changed.
    if (inRange && g.boardRateSetAside && !warnedStops.has(g.boardRateSetAside)) {
      warnedStops.add(g.boardRateSetAside);
      warnings.push(
        `${registry.identities.nameOn(portfolioId, g.from)} class ${shareClass}: from ${g.from}: ${g.boardRateSetAside}`,
      );
    }
    // SPEC §4, Plan §9: no accrual on or after the termination date (nor after a lapse). Those days
    // are not covered days: they count neither in a month's days nor in its average daily net
    // assets, and a provider earns nothing on them (the warning above says why).
    if (g.stopped) continue;
    if (g.distributionFeePct === null || g.serviceFeePct === null) {
      if (inRange)
        warnings.push(
          `${registry.identities.nameOn(portfolioId, g.from)} class ${shareClass}: ${g.scheduleName} of ${g.instrumentTitle} states no ${g.distributionFeePct === null ? 'distribution fee' : 'service fee'} rate from ${g.from}; import the instrument that states its terms — no fees accrue until then`,
        );
      continue;
    }
    out.push({
      from: g.from,
      until: g.lastDay === null ? null : addDays(g.lastDay, 1),
      distributionFeeMicroPct: parseRateMicroPct(g.distributionFeePct),
      serviceFeeMicroPct: parseRateMicroPct(g.serviceFeePct),
    });
  }
  return out;
}

/**
 * The days on which no fee is due because the instrument was terminated for the class or lapsed
 * (Plan §9; issue 12), as segments: explained by their own warning, not "uncovered".
 */
function stoppedSegmentsOf(registry: Registry, portfolioId: string, shareClass: string): RateSegment[] {
  return registry
    .governing(portfolioId, shareClass)
    .filter((g) => g.stopped !== null)
    .map((g) => ({
      from: g.from,
      until: g.lastDay === null ? null : addDays(g.lastDay, 1),
      distributionFeeMicroPct: 0n,
      serviceFeeMicroPct: 0n,
    }));
}

/** Loads each selected class's net assets up to `to` and its coverage, as accrual input. */
export async function loadClassSeries(
  q: Queryable,
  registry: Registry,
  query: { from?: string; to: string; portfolio?: string; class?: string; rateOverride?: RateOverride },
  warnings: string[],
): Promise<ClassSeries[]> {
  const during = { ...(query.from === undefined ? {} : { from: query.from }), to: query.to };
  const wantPid =
    query.portfolio === undefined ? undefined : registry.identities.resolveOn(query.portfolio, query.to);
  if (query.portfolio !== undefined && wantPid === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `no portfolio has ever been named ${JSON.stringify(query.portfolio)}`,
      `${didYouMeanPortfolio(registry.identities, query.portfolio)}check the name`,
    );
  // a name handed from one portfolio to another is read as of the range's end (SPEC §2)
  if (query.portfolio !== undefined)
    warnings.push(...handedOverNameWarnings(registry.identities, query.portfolio, query.to));
  const rows = await netAssetsThrough(q, {
    to: query.to,
    ...(wantPid === undefined ? {} : { portfolioId: wantPid }),
    ...(query.class === undefined ? {} : { class: query.class }),
  });
  const acceptedEnds = await acceptedClassEnds(q);
  const series: ClassSeries[] = [];
  let current: { classKey: string; rows: { date: string; netAssetsCents: bigint }[] } | undefined;
  const flush = () => {
    if (!current) return;
    const [pid, cls] = current.classKey.split('|') as [string, string];
    const coverage =
      query.rateOverride?.portfolioId === pid && query.rateOverride.class === cls
        ? overrideCoverage(coverageOf(registry, pid, cls, warnings, during), query.rateOverride)
        : coverageOf(registry, pid, cls, warnings, during);
    // SPEC §12, §4: an end a close accepted lasts until the class's net assets resume; its days
    // accrue nothing (for every reader of the series: the cut coverage) and need no rows
    const ended = endedSpansOfRows(acceptedEnds.get(current.classKey) ?? [], current.rows);
    // said where the range has the span's days: a resumed span wherever it touches the range, one
    // still open only where it begins (not by every later report for ever)
    for (const e of ended) {
      if (e.from > query.to) continue;
      const name = `${registry.identities.nameOn(pid, e.lastNetAssets)} class ${cls}`;
      if (e.until === null) {
        if (query.from === undefined || e.from >= query.from)
          warnings.push(
            `${name}: no net assets after ${e.lastNetAssets}; accepted as ended on ${e.from} in the ${e.acceptedIn} close — no fees accrue from then (its net assets on a later day begin the class again)`,
          );
      } else if (query.from === undefined || e.until > query.from)
        warnings.push(
          `${name}: accepted as ended in the ${e.acceptedIn} close, no net assets after ${e.lastNetAssets}: no fees accrued ${e.from} … ${addDays(e.until, -1)}; its net assets resume on ${e.until}, which begins the class again`,
        );
    }
    series.push({
      classKey: current.classKey,
      netAssets: current.rows,
      coverage: ended.length === 0 ? coverage : [...coverageOutsideEnded(coverage, ended)],
      endDate: null,
      ...(ended.length === 0 ? {} : { ended }),
    });
  };
  // Net assets of a portfolio no imported document lists any more (the only one that named it
  // was withdrawn): no instrument covers it, so no fee is due; said where the range has its days.
  const unlisted = new Map<string, { name: string; from: string; to: string }>();
  for (const r of rows) {
    if (registry.identities.get(r.portfolioId) === undefined) {
      if (query.from !== undefined && r.date < query.from) continue;
      const key = `${r.portfolioName}|${r.class}`;
      const u = unlisted.get(key);
      if (u) u.to = r.date;
      else unlisted.set(key, { name: `${r.portfolioName} class ${r.class}`, from: r.date, to: r.date });
      continue;
    }
    const key = `${r.portfolioId}|${r.class}`;
    if (current?.classKey !== key) {
      flush();
      current = { classKey: key, rows: [] };
    }
    current.rows.push({ date: r.date, netAssetsCents: parseCents(r.netAssets) });
  }
  flush();
  for (const u of unlisted.values())
    warnings.push(
      `${u.name}: net assets ${u.from}${u.to !== u.from ? ` … ${u.to}` : ''} for a portfolio no imported document lists (the document that named it was withdrawn?); no fees accrued`,
    );
  return series;
}

/**
 * A class whose feed stops before the end of the range is taken as ended on the first business
 * day after its last row (a warning says so): fees are never carried forward on net assets the
 * fund accountant has not sent. Business days missing between its rows remain errors.
 */
function endStaleClasses(
  series: ClassSeries[],
  registry: Registry,
  from: string,
  to: string,
  warnings: string[],
): ClassSeries[] {
  return series.map((s) => {
    const last = s.netAssets.at(-1);
    if (!last) return s;
    const endDate = businessDayAfter(last.date, 1);
    if (endDate > to) return s;
    const [pid, cls] = s.classKey.split('|') as [string, string];
    // Worth saying only when the feed stops within the range asked about (a class ended before it
    // would otherwise be repeated by every report for ever; the close asks about it once), and an
    // instrument would still have paid a fee from endDate: a class no longer covered, terminated
    // or lapsed by then owes nothing whether or not it is open.
    const wouldAccrue = s.coverage.some((c) => (c.until === null || c.until > endDate) && c.from <= to);
    if (endDate >= from && wouldAccrue)
      warnings.push(
        `${registry.identities.nameOn(pid, last.date)} class ${cls}: no net assets after ${last.date}; taken as ended on ${endDate} (import its net assets if it is still open)`,
      );
    return { ...s, endDate };
  });
}

/**
 * `plan12b fees` (SPEC §4): fees per class and calendar month over a range, from the recorded net
 * assets and the rates the registry says governed each day. A missing business day is an error.
 */
export async function feesReport(
  q: Queryable,
  query: FeesQuery,
  /** the registry when already derived (a month close derives it once) */
  context?: { readonly registry: Registry },
): Promise<FeesReport> {
  const registry = context?.registry ?? (await loadRegistry(q));
  const warnings: string[] = [];
  let series = endStaleClasses(
    await loadClassSeries(q, registry, query, warnings),
    registry,
    query.from,
    query.to,
    warnings,
  );
  const missing = missingBusinessDays(series, query.from, query.to);
  if (missing.length > 0) {
    const m = missing[0]!;
    const [pid, cls] = m.classKey.split('|') as [string, string];
    throw new Plan12bError(
      'BAD_INPUT',
      `no net assets for ${registry.identities.nameOn(pid, m.date)} class ${cls} on ${m.date}, an NYSE business day${missing.length > 1 ? ` (and ${missing.length - 1} more missing day(s))` : ''}`,
      'import that day with `plan12b net-assets import FILE.csv`',
    );
  }
  if (query.figuresAtClose !== undefined && query.figuresAtClose.size > 0) {
    const atClose = query.figuresAtClose;
    series = series.map((s) => {
      const figures = atClose.get(s.classKey);
      return figures === undefined ? s : { ...s, netAssets: netAssetsAsSealed(s.netAssets, figures) };
    });
  }
  for (const s of series) {
    const [pid, cls] = s.classKey.split('|') as [string, string];
    const explained = { ...s, coverage: [...s.coverage, ...stoppedSegmentsOf(registry, pid, cls)] };
    for (const u of uncoveredDays(explained, query.from, query.to))
      warnings.push(
        `${registry.identities.nameOn(pid, u.to)} class ${cls}: net assets but no instrument covering ${u.from}${u.to !== u.from ? ` … ${u.to}` : ''}; no fees accrued`,
      );
    // SPEC §2: a conflict is a warning on every query that touches it (service fees and the
    // Monthly Calculation carry these warnings on)
    warnings.push(...registry.conflictsDuring(pid, cls, query.from, query.to));
  }
  // FINRA 2341 (SPEC §10): a class whose aggregate cap is exhausted stops accruing its ABSC.
  const cuts = await feesCapCuts(q, registry, series, query.from, query.to, warnings);
  // Agreement EIGHTH(E): a reduced Class B rate applies only to shares issued on or after it.
  const eighthE = await applyEighthE(
    q,
    registry,
    series,
    accrueFast(series, query.from, query.to, { daily: query.daily === true || cuts.size > 0 }),
    query,
    warnings,
  );
  const result = withCapCuts(eighthE.accrual, cuts, query.daily === true);
  const names = (classKey: string, date: string) => {
    const [pid, cls] = classKey.split('|') as [string, string];
    return { portfolio: registry.identities.nameOn(pid, date), portfolioId: pid, class: cls };
  };
  const classes = result.months.map((m) => ({
    ...names(m.classKey, monthEnd(m.month)),
    month: m.month,
    days: m.days,
    averageDailyNetAssets: formatCents(m.averageDailyNetAssetsCents),
    distributionFee: formatCents(m.distributionFeeCents),
    serviceFee: formatCents(m.serviceFeeCents),
    totalFee: formatCents(m.distributionFeeCents + m.serviceFeeCents),
  }));
  classes.sort(feesRowOrder((pid) => registry.identities.nameOn(pid, query.to)));
  const report: FeesReport = {
    from: query.from,
    to: query.to,
    classes,
    warnings,
    ...(eighthE.months.length > 0 ? { classBVintages: eighthE.months } : {}),
  };
  if (query.daily) {
    return {
      ...report,
      daily: result.daily.map((d) => ({
        ...names(d.classKey, d.date),
        date: d.date,
        netAssets: formatCents(d.netAssetsCents),
        distributionFeePct: formatRatePct(d.distributionFeeMicroPct),
        serviceFeePct: formatRatePct(d.serviceFeeMicroPct),
        distributionFee: formatCents(d.distributionFeeCents),
        serviceFee: formatCents(d.serviceFeeCents),
        ...(d.distributionFeeVintageCents === undefined
          ? {}
          : { distributionFeeByVintage: d.distributionFeeVintageCents.map(formatCents) }),
      })),
    };
  }
  return report;
}

/** The accrual with each class's ABSC cut by the FINRA cap, day by day and in its month totals. */
function withCapCuts(
  result: AccrualResult,
  cuts: ReadonlyMap<string, ReadonlyMap<string, bigint>>,
  keepDaily: boolean,
): AccrualResult {
  if (cuts.size === 0) return result;
  const monthCut = new Map<string, bigint>();
  const daily = result.daily.map((d) => {
    const cut = cuts.get(d.classKey)?.get(d.date);
    if (cut === undefined) return d;
    const key = `${d.classKey}|${monthOf(d.date)}`;
    monthCut.set(key, (monthCut.get(key) ?? 0n) + cut);
    const cutFee = d.distributionFeeCents - cut;
    const parts = d.distributionFeeVintageCents;
    // EIGHTH(E): the vintages' parts of what the cap leaves, by largest remainder over their parts
    if (parts === undefined) return { ...d, distributionFeeCents: cutFee };
    const vintageCents = parts.some((p) => p > 0n) ? largestRemainder(cutFee, parts) : parts;
    return { ...d, distributionFeeCents: cutFee, distributionFeeVintageCents: vintageCents };
  });
  const months = result.months.map((m) => {
    const cut = monthCut.get(`${m.classKey}|${m.month}`);
    return cut === undefined ? m : { ...m, distributionFeeCents: m.distributionFeeCents - cut };
  });
  return { months, daily: keepDaily ? daily : [] };
}

/**
 * `plan12b fees` and `GET /api/fees` as a person asks: a `class` no instrument has is a name to
 * check (NOT_FOUND, as an unknown portfolio), never an empty answer; classes in any case, as feeds
 * name them. (Reports that ask for class B themselves call {@link feesReport}.)
 */
export async function feesReportAsAsked(
  q: Queryable,
  query: FeesQuery,
  /** the registry when already derived */
  derived?: Registry,
): Promise<FeesReport> {
  const registry = derived ?? (await loadRegistry(q));
  if (query.class !== undefined) askedClass(registry, query.class);
  return feesReport(q, query, { registry });
}
