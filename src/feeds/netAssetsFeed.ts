import type { NetAssetsRow } from '../accrual/classSeries.js';
import { classEndedOn } from '../accrual/coverageChecks.js';
import {
  missingNetAssetsDayProblems,
  type RecordedEnd,
  resumedEndWarnings,
  uncoveredNetAssetsWarnings,
} from '../accrual/netAssetsCoverage.js';
import { assetsAboveLimitProblems } from '../accrual/netAssetsLimit.js';
import { closedMonthsCarriedInto } from '../accrual/restatementReach.js';
import { addDays } from '../calendar/isoDate.js';
import type { Problem } from '../errors.js';
import type { DecodedRow } from '../import/csvFeed.js';
import { isoDateField, moneyField, nameField } from '../import/feedFields.js';
import {
  type FeedDefinition,
  type FeedOptions,
  type FeedProgressListener,
  runFeedImport,
} from '../import/feedImport.js';
import { type ImportPlan, keyedImportResult, type PlannedChange } from '../import/importPlan.js';
import { formatCents, parseCents } from '../money/cents.js';
import { classResolver } from '../registry/classByName.js';
import type { Registry } from '../registry/registry.js';
import { coverageOf } from '../reports/feesReport.js';
import {
  newNetAssetsBelowProviderAssetsProblems,
  nextBusinessDayOrNone,
  type ProviderAssetsDay,
  restatedNetAssetsBelowProviderAssetsProblems,
} from '../service-fees/providerAssetsChecks.js';
import { acceptedClassEnds, firstNetAssetsAfter } from '../store/classEndsRepository.js';
import type { Database } from '../store/database.js';
import {
  insertNetAssets,
  type NetAssetsRecord,
  type RecordedSpan,
  recordedNetAssets,
  recordedSpansByClass,
  restateNetAssets,
} from '../store/netAssetsRepository.js';
import {
  classNetAssetsThrough,
  recordedAssetsInSpans,
  recordedProviderAssets,
} from '../store/providerAssetsRepository.js';
import { loadRegistry } from '../store/registryStore.js';

/** `date,portfolio,class,net_assets` (SPEC §4): dollars with at most two decimals, never negative. */
export const NET_ASSETS_FEED_COLUMNS = {
  date: { type: isoDateField() },
  portfolio: { type: nameField('portfolio') },
  class: { type: nameField('class') },
  net_assets: { type: moneyField() },
} as const;
export const NET_ASSETS_COLUMNS = Object.keys(NET_ASSETS_FEED_COLUMNS);

type Row = DecodedRow<{ date: string; portfolio: string; class: string; net_assets: bigint }>;

interface NetAssetsChange extends PlannedChange, NetAssetsRecord {
  /** the recorded value a restatement replaces */
  readonly old: string | null;
  readonly closedMonth: string | null;
  /** later closed months whose first days take this row's figure (SPEC §4): flagged too */
  readonly carriedInto: readonly string[];
}

interface NetAssetsState {
  readonly registry: Registry;
  /** each class's first and last recorded day */
  readonly recordedSpans: Map<string, RecordedSpan>;
  readonly recorded: Map<string, string>;
  /** SPEC §12: the ends closes accepted for the file's classes, each with its recorded resumption */
  readonly acceptedEnds: ReadonlyMap<string, readonly RecordedEnd[]>;
  /** rows resolved to a portfolio and class (keyed by line), and the problems of resolving */
  readonly resolved: Map<number, { portfolioId: string; class: string }>;
  readonly problems: Problem[];
  readonly warnings: string[];
  /** the restated classes' provider assets and net assets (through 10 days after the last restated day) */
  readonly providerAssets: readonly ProviderAssetsDay[];
  readonly classNetAssets: ReadonlyMap<string, readonly NetAssetsRow[]>;
  /** the providers' assets, and the class's recorded net assets, in the spans of the new rows */
  readonly assetsAroundNewRows: {
    readonly providerAssets: readonly ProviderAssetsDay[];
    readonly netAssets: readonly (NetAssetsRow & { portfolioId: string; class: string })[];
  };
}

export interface NetAssetsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly restated: {
    portfolio: string;
    class: string;
    date: string;
    old: string;
    new: string;
    closedMonth: string | null;
  }[];
  readonly warnings: string[];
}

/** Each row's portfolio and class as the registry knows them; every unknown one, and every duplicate, is a problem. */
function resolveRows(file: string, rows: readonly Row[], registry: Registry) {
  const classOf = classResolver(registry);
  const resolved = new Map<number, { portfolioId: string; class: string }>();
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const c = classOf(row.portfolio, row.class, row.date);
    if (c.kind === 'unknown') {
      problems.push({ file, line, field: c.field, value: row[c.field], reason: c.reason });
      continue;
    }
    const key = `${c.portfolioId}|${c.class}|${row.date}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      const reason = `duplicate row for ${row.portfolio} class ${row.class} on ${row.date} (first on line ${dup})`;
      problems.push({ file, line, field: 'date', value: row.date, reason });
      continue;
    }
    seen.set(key, line);
    resolved.set(line, { portfolioId: c.portfolioId, class: c.class });
  }
  const days = rows.flatMap(({ line, row }) => {
    const r = resolved.get(line);
    return r ? [{ line, date: row.date, ...r }] : [];
  });
  return { resolved, problems, warnings: uncoveredNetAssetsWarnings(days, registry) };
}

/** A row's planned change: new, or a restatement of the recorded value `old`. */
function changeOf(
  r: { line: number; date: string; row: Row['row']; portfolioId: string; class: string },
  kind: 'new' | 'restated',
  old: string | null,
  closedMonth: string | null,
  carriedInto: readonly string[] = [],
): NetAssetsChange {
  return {
    line: r.line,
    datedOn: r.date,
    kind,
    portfolioId: r.portfolioId,
    class: r.class,
    date: r.date,
    portfolioName: r.row.portfolio,
    netAssetsCents: r.row.net_assets,
    old,
    closedMonth,
    carriedInto,
  };
}

/**
 * The net-assets feed (SPEC §4, §12): all-or-nothing and idempotent. A row that changes a
 * recorded value is a conflict unless `--restate`, which records the restatement (old, new, when,
 * by whom); a restatement of a closed month becomes its prior-period adjustment.
 */
export const netAssetsFeed: FeedDefinition<
  typeof NET_ASSETS_FEED_COLUMNS,
  NetAssetsState,
  NetAssetsChange,
  NetAssetsImportResult,
  FeedOptions
> = {
  name: 'net-assets',
  columns: NET_ASSETS_FEED_COLUMNS,
  closedMonthRule: 'restatements-adjust',

  async load(tx, rows, ctx) {
    const registry = await loadRegistry(tx);
    const { resolved, problems, warnings } = resolveRows(ctx.file, rows, registry);
    const keys = [...new Map([...resolved.values()].map((r) => [`${r.portfolioId}|${r.class}`, r])).values()];
    const recordedSpans = await recordedSpansByClass(tx, keys);
    // Only a day inside a class's recorded span can be recorded: a file of new days looks up nothing.
    const maybeRecorded: { portfolioId: string; class: string; date: string }[] = [];
    for (const { line, row } of rows) {
      const r = resolved.get(line);
      const span = r && recordedSpans.get(`${r.portfolioId}|${r.class}`);
      if (span && row.date >= span.first && row.date <= span.last)
        maybeRecorded.push({ portfolioId: r.portfolioId, class: r.class, date: row.date });
    }
    const recorded = await recordedNetAssets(tx, maybeRecorded);
    // SPEC §12: a class accepted as ended needs no rows until its net assets resume
    const allEnds = await acceptedClassEnds(tx);
    const endsOfFile = keys.flatMap((k) =>
      (allEnds.get(`${k.portfolioId}|${k.class}`) ?? []).map((e) => ({ ...k, end: e })),
    );
    const resumptions = await firstNetAssetsAfter(
      tx,
      endsOfFile.map((e) => ({ portfolioId: e.portfolioId, class: e.class, date: e.end.lastNetAssets })),
    );
    const acceptedEnds = new Map<string, RecordedEnd[]>();
    for (const e of endsOfFile) {
      const key = `${e.portfolioId}|${e.class}`;
      const end: RecordedEnd = {
        ...e.end,
        recordedResumption: resumptions.get(`${key}|${e.end.lastNetAssets}`) ?? null,
      };
      const list = acceptedEnds.get(key);
      if (list === undefined) acceptedEnds.set(key, [end]);
      else list.push(end);
    }
    // SPEC §5: a restatement is checked against the providers' assets on its days (and the days
    // carried forward from it), so the classes it restates bring their provider assets
    const restating = new Map<string, { portfolioId: string; class: string }>();
    let through = '';
    if (ctx.options.restate && recorded.size > 0)
      for (const { line, row } of rows) {
        const r = resolved.get(line);
        const old = r && recorded.get(`${r.portfolioId}|${r.class}|${row.date}`);
        if (!r || old === undefined || parseCents(old) === row.net_assets) continue;
        restating.set(`${r.portfolioId}|${r.class}`, { portfolioId: r.portfolioId, class: r.class });
        if (row.date > through) through = row.date;
      }
    const classes = [...restating.values()];
    const until = classes.length > 0 ? addDays(through, 10) : through;
    // SPEC §5: a new row is checked against the providers' assets in force on its days — a provider
    // row from the last business day before it (carried over a weekend) to the next business day
    const spans = new Map<string, { portfolioId: string; class: string; from: string; to: string }>();
    for (const { line, row } of rows) {
      const r = resolved.get(line);
      if (!r || recorded.has(`${r.portfolioId}|${r.class}|${row.date}`)) continue;
      const key = `${r.portfolioId}|${r.class}`;
      const span = spans.get(key);
      if (span === undefined) spans.set(key, { ...r, from: row.date, to: row.date });
      else if (row.date < span.from) span.from = row.date;
      else if (row.date > span.to) span.to = row.date;
    }
    // the longest NYSE closure with its weekend (2001-09-11..16) is within ten days
    const inSpans = await recordedAssetsInSpans(
      tx,
      [...spans.values()].map((s) => ({ ...s, from: addDays(s.from, -10), to: nextBusinessDayOrNone(s.to) })),
    );
    return {
      registry,
      recordedSpans,
      recorded,
      acceptedEnds,
      resolved,
      problems,
      warnings,
      providerAssets: classes.length > 0 ? await recordedProviderAssets(tx, classes, until) : [],
      classNetAssets: classes.length > 0 ? await classNetAssetsThrough(tx, classes, until) : new Map(),
      assetsAroundNewRows: inSpans,
    };
  },

  plan(rows, state, ctx): ImportPlan<NetAssetsChange> {
    if (state.problems.length > 0)
      return { changes: [], unchanged: 0, problems: state.problems, warnings: state.warnings };
    const resolvedRows = rows.map(({ line, row }) => {
      const r = state.resolved.get(line)!;
      return { line, date: row.date, row, portfolioId: r.portfolioId, class: r.class };
    });
    const tooLarge = assetsAboveLimitProblems(
      ctx.file,
      'net_assets',
      resolvedRows.map((r) => ({ line: r.line, cents: r.row.net_assets })),
    );
    const gaps =
      tooLarge.length > 0 || ctx.incomplete
        ? tooLarge
        : missingNetAssetsDayProblems(
            ctx.file,
            // a new row dated in a closed month is refused as such (SPEC §12), whatever its neighbours
            resolvedRows.filter(
              (r) =>
                ctx.closed.closedMonthOf(r.date) === null ||
                state.recorded.has(`${r.portfolioId}|${r.class}|${r.date}`),
            ),
            state.recordedSpans,
            state.registry,
            (pid, cls) => classEndedOn(coverageOf(state.registry, pid, cls, [])),
            (pid, cls) => state.acceptedEnds.get(`${pid}|${cls}`) ?? [],
          );
    if (gaps.length > 0) return { changes: [], unchanged: 0, problems: gaps, warnings: state.warnings };
    const changes: NetAssetsChange[] = [];
    const problems: Problem[] = [];
    let unchanged = 0;
    for (const r of resolvedRows) {
      const old =
        state.recorded.size === 0 ? undefined : state.recorded.get(`${r.portfolioId}|${r.class}|${r.date}`);
      if (old === undefined) changes.push(changeOf(r, 'new', null, null));
      else if (parseCents(old) === r.row.net_assets) unchanged++;
      else if (ctx.options.restate)
        changes.push(
          changeOf(
            r,
            'restated',
            old,
            ctx.closed.closedMonthOf(r.date),
            closedMonthsCarriedInto(r.date, (d) => ctx.closed.closedMonthOf(d)),
          ),
        );
      else
        problems.push({
          code: 'CONFLICT',
          file: ctx.file,
          line: r.line,
          field: 'net_assets',
          value: formatCents(r.row.net_assets),
          reason: `${r.row.portfolio} class ${r.class} on ${r.date} is recorded as ${formatCents(parseCents(old))}, this row says ${formatCents(r.row.net_assets)}; to correct it, import with --restate`,
        });
    }
    // SPEC §5: a new row below a provider's assets in force that day (the provider's feed came first)
    problems.push(
      ...newNetAssetsBelowProviderAssetsProblems(
        ctx.file,
        changes.filter((c) => c.kind === 'new'),
        [...state.assetsAroundNewRows.netAssets, ...changes.filter((c) => c.kind === 'restated')],
        state.assetsAroundNewRows.providerAssets,
      ),
    );
    if (problems.length === 0 && state.providerAssets.length > 0)
      problems.push(
        ...restatedNetAssetsBelowProviderAssetsProblems(
          ctx.file,
          changes.filter((c) => c.kind === 'restated'),
          state.classNetAssets,
          state.providerAssets,
        ),
      );
    const warnings = [
      ...state.warnings,
      ...(state.acceptedEnds.size === 0
        ? []
        : resumedEndWarnings(
            changes.filter((c) => c.kind === 'new'),
            state.registry,
            (pid, cls) => state.acceptedEnds.get(`${pid}|${cls}`) ?? [],
          )),
    ];
    for (const c of changes) {
      if (c.closedMonth)
        warnings.push(
          `${c.portfolioName} class ${c.class} ${c.date} restated in closed month ${c.closedMonth}: a prior-period adjustment is due`,
        );
      for (const m of c.carriedInto)
        warnings.push(
          `${c.portfolioName} class ${c.class} ${c.date} restated: it is also the figure of days in closed month ${m} (a non-business day takes the latest earlier row): a prior-period adjustment is due`,
        );
    }
    return { changes, unchanged, problems, warnings };
  },

  async apply(tx, plan, _state, ctx) {
    await insertNetAssets(
      tx,
      plan.changes.filter((c) => c.kind === 'new'),
      ctx.importId,
    );
    for (const c of plan.changes)
      if (c.kind === 'restated')
        await restateNetAssets(tx, { ...c, old: c.old!, alsoFlags: c.carriedInto }, ctx.importId, ctx.actor);
  },

  result(plan, _state, ctx) {
    return {
      ...keyedImportResult(plan, ctx, (c) => ({
        portfolio: c.portfolioName,
        class: c.class,
        date: c.date,
        old: formatCents(parseCents(c.old!)),
        new: formatCents(c.netAssetsCents),
        closedMonth: c.closedMonth,
      })),
      warnings: [...plan.warnings],
    };
  },
};

/** `plan12b net-assets import`: the net-assets feed through the one import pipeline. */
export function importNetAssets(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: { restate?: boolean; onProgress?: FeedProgressListener } = {},
): Promise<NetAssetsImportResult> {
  return runFeedImport(
    db,
    netAssetsFeed,
    { file, bytes },
    {
      restate: opts.restate === true,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    },
  );
}
