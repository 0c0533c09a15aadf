/**
 * `plan12b provider-assets import` (SPEC §5, §12): each service provider's customers' assets per
 * class per day. A changed recorded figure is a conflict unless `--restate`; a restatement of a
 * closed month becomes its prior-period adjustment, a new row in a closed month is refused.
 */

import type { NetAssetsRow } from '../accrual/classSeries.js';
import { type EndedSpan, endedSpansOfRows, isEndedOn } from '../accrual/endedSpans.js';
import { assetsAboveLimitProblems } from '../accrual/netAssetsLimit.js';
import { closedMonthsCarriedInto } from '../accrual/restatementReach.js';
import type { Problem } from '../errors.js';
import { isoDateField, moneyField, nameField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import { type ImportPlan, keyedImportResult, type PlannedChange } from '../import/importPlan.js';
import { formatCents } from '../money/cents.js';
import type { Registry } from '../registry/registry.js';
import {
  aboveNetAssetsProblems,
  groupBy,
  missingProviderAssetsDayProblems,
  providerAssetsClassKey,
  providerAssetsDayKey,
  resolveProviderAssets,
} from '../service-fees/providerAssetsChecks.js';
import { acceptedClassEnds } from '../store/classEndsRepository.js';
import type { Database } from '../store/database.js';
import {
  classNetAssetsThrough,
  insertProviderAssets,
  type ProviderAssetsRecord,
  type RecordedProviderAssets,
  recordedProviderAssets,
  restateProviderAssets,
} from '../store/providerAssetsRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { recordedProviderIds } from '../store/serviceProvidersRepository.js';

export const PROVIDER_ASSETS_FEED_COLUMNS = {
  date: { type: isoDateField() },
  provider: { type: nameField('provider id') },
  portfolio: { type: nameField('portfolio') },
  class: { type: nameField('class') },
  net_assets: { type: moneyField() },
} as const;

/** a row resolved to a recorded provider, portfolio and class */
type Resolved = ProviderAssetsRecord & { readonly line: number };

interface AssetsChange extends PlannedChange, ProviderAssetsRecord {
  readonly oldCents: bigint | null;
  readonly closedMonth: string | null;
  /** later closed months whose first days take this row's figure (carried forward): flagged too */
  readonly carriedInto?: readonly string[];
}

interface AssetsState {
  readonly registry: Registry;
  /** the rows resolved; each one that is not is a problem */
  readonly resolved: readonly Resolved[];
  readonly problems: readonly Problem[];
  readonly recorded: readonly RecordedProviderAssets[];
  readonly classNetAssets: ReadonlyMap<string, NetAssetsRow[]>;
  /** SPEC §12: the days each class was accepted as ended at a close, until its net assets resumed */
  readonly classEnded: ReadonlyMap<string, readonly EndedSpan[]>;
}

export interface ProviderAssetsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly restated: {
    provider: string;
    portfolio: string;
    class: string;
    date: string;
    old: string;
    new: string;
    /** the closed month the restatement changes, flagged for its prior-period adjustment */
    closedMonth: string | null;
  }[];
  readonly warnings: string[];
}

export const providerAssetsFeed: FeedDefinition<
  typeof PROVIDER_ASSETS_FEED_COLUMNS,
  AssetsState,
  AssetsChange,
  ProviderAssetsImportResult
> = {
  name: 'provider-assets',
  columns: PROVIDER_ASSETS_FEED_COLUMNS,
  closedMonthRule: 'restatements-adjust',

  async load(tx, rows, ctx) {
    const registry = await loadRegistry(tx);
    const providers = await recordedProviderIds(tx);
    const { resolved, problems } = resolveProviderAssets(ctx.file, rows, registry, providers);
    const classes = [...groupBy(resolved, providerAssetsClassKey).values()].map((l) => l[0]!);
    const through = resolved.reduce((m, r) => (r.date > m ? r.date : m), '');
    const classNetAssets = await classNetAssetsThrough(tx, classes, through);
    const ends = await acceptedClassEnds(tx);
    const classEnded = new Map<string, readonly EndedSpan[]>();
    for (const [key, list] of ends) {
      const na = classNetAssets.get(key);
      if (na !== undefined) classEnded.set(key, endedSpansOfRows(list, na));
    }
    return {
      registry,
      resolved,
      problems,
      recorded: await recordedProviderAssets(tx, classes, through),
      classNetAssets,
      classEnded,
    };
  },

  plan(_rows, state, ctx): ImportPlan<AssetsChange> {
    const none = { changes: [], unchanged: 0, warnings: [] };
    const rows = state.resolved;
    if (state.problems.length > 0) return { ...none, problems: state.problems };
    const tooLarge = assetsAboveLimitProblems(
      ctx.file,
      'net_assets',
      rows.map((r) => ({ line: r.line, cents: r.assetsCents })),
    );
    const gaps =
      tooLarge.length > 0 || ctx.incomplete
        ? tooLarge
        : missingProviderAssetsDayProblems(ctx.file, rows, state.recorded, state.registry, (classKey, date) =>
            isEndedOn(state.classEnded.get(classKey), date),
          );
    if (gaps.length > 0) return { ...none, problems: gaps };
    const recorded = new Map(state.recorded.map((r) => [providerAssetsDayKey(r), r.assetsCents]));
    const changes: AssetsChange[] = [];
    const conflicts: Problem[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const old = recorded.get(providerAssetsDayKey(r));
      const change = { ...r, datedOn: r.date, oldCents: old ?? null };
      if (old === undefined) changes.push({ ...change, kind: 'new', closedMonth: null });
      else if (old === r.assetsCents) unchanged++;
      else if (ctx.options.restate)
        changes.push({
          ...change,
          kind: 'restated',
          closedMonth: ctx.closed.closedMonthOf(r.date),
          carriedInto: closedMonthsCarriedInto(r.date, (d) => ctx.closed.closedMonthOf(d)),
        });
      else
        conflicts.push({
          code: 'CONFLICT',
          file: ctx.file,
          line: r.line,
          field: 'net_assets',
          value: formatCents(r.assetsCents),
          reason: `${r.providerId} in ${r.portfolioName} class ${r.class} on ${r.date} is recorded as ${formatCents(old)}, this row says ${formatCents(r.assetsCents)}; to correct it, import with --restate`,
        });
    }
    const warnings = changes.flatMap((c) => [
      ...(c.closedMonth === null
        ? []
        : [
            `${c.providerId} in ${c.portfolioName} class ${c.class} ${c.date} restated in closed month ${c.closedMonth}: a prior-period adjustment is due`,
          ]),
      ...(c.carriedInto ?? []).map(
        (m) =>
          `${c.providerId} in ${c.portfolioName} class ${c.class} ${c.date} restated: it is also the figure of days in closed month ${m} (a non-business day takes the latest earlier row): a prior-period adjustment is due`,
      ),
    ]);
    // A conflict, or a new row in a closed month (refused by the pipeline), is the answer; the
    // limits are checked on a file that could otherwise be accepted.
    const refused = changes.some((c) => c.kind === 'new' && ctx.closed.closedMonthOf(c.date) !== null);
    if (conflicts.length > 0 || refused || ctx.incomplete)
      return { changes, unchanged, problems: conflicts, warnings };
    return {
      changes,
      unchanged,
      problems: aboveNetAssetsProblems(
        ctx.file,
        rows,
        state.recorded,
        state.classNetAssets,
        state.registry,
        (classKey, date) => isEndedOn(state.classEnded.get(classKey), date),
      ),
      warnings,
    };
  },

  async apply(tx, plan, _state, ctx) {
    const fresh = plan.changes.filter((c) => c.kind === 'new');
    await insertProviderAssets(tx, fresh, ctx.importId);
    for (const c of plan.changes)
      if (c.oldCents !== null)
        await restateProviderAssets(
          tx,
          { ...c, oldCents: c.oldCents, alsoFlags: c.carriedInto ?? [] },
          ctx.importId,
          ctx.actor,
        );
  },

  result(plan, _state, ctx) {
    return {
      ...keyedImportResult(plan, ctx, (c) => ({
        provider: c.providerId,
        portfolio: c.portfolioName,
        class: c.class,
        date: c.date,
        old: formatCents(c.oldCents!),
        new: formatCents(c.assetsCents),
        closedMonth: c.closedMonth,
      })),
      warnings: [...plan.warnings],
    };
  },
};

/** `plan12b provider-assets import`: the provider-assets feed through the one import pipeline. */
export function importProviderAssets(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: FeedOptions = {},
): Promise<ProviderAssetsImportResult> {
  return runFeedImport(
    db,
    providerAssetsFeed,
    { file, bytes },
    {
      restate: opts.restate === true,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    },
  );
}
