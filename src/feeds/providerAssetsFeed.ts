/**
 * `plan12b provider-assets import` (SPEC §5, §12): each service provider's customers' assets per
 * class per day. A changed recorded figure is a conflict unless `--restate`; a restatement of a
 * closed month becomes its prior-period adjustment, a new row in a closed month is refused.
 */
import type { NetAssetsRow } from '../accrual/classSeries.js';
import type { Problem } from '../errors.js';
import type { DecodedRow, FeedRowOf } from '../import/csvFeed.js';
import { isoDateField, moneyField, nameField } from '../import/feedFields.js';
import { type FeedDefinition, type FeedOptions, runFeedImport } from '../import/feedImport.js';
import type { ImportPlan, PlannedChange } from '../import/importPlan.js';
import { formatCents } from '../money/cents.js';
import { classResolver } from '../registry/classByName.js';
import type { Registry } from '../registry/registry.js';
import {
  assetsAboveNetAssetsBetween,
  carriedOn,
  describeAssetsAboveNetAssets,
} from '../service-fees/providerAssetsLimit.js';
import { firstMissingDay } from '../service-fees/providerHolding.js';
import type { Database } from '../store/database.js';
import {
  type ClassKey,
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

type Row = DecodedRow<FeedRowOf<typeof PROVIDER_ASSETS_FEED_COLUMNS>>;
/** a row resolved to a recorded provider, portfolio and class */
type Resolved = ProviderAssetsRecord & { readonly line: number };

interface AssetsChange extends PlannedChange, ProviderAssetsRecord {
  readonly oldCents: bigint | null;
  readonly closedMonth: string | null;
}

interface AssetsState {
  readonly registry: Registry;
  /** the rows resolved; each one that is not is a problem */
  readonly resolved: readonly Resolved[];
  readonly problems: readonly Problem[];
  readonly recorded: readonly RecordedProviderAssets[];
  readonly classNetAssets: ReadonlyMap<string, NetAssetsRow[]>;
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

const classKeyOf = (r: ClassKey) => `${r.portfolioId}|${r.class}`;
const holdingKeyOf = (r: ClassKey & { providerId: string }) => `${r.providerId}\u0000${classKeyOf(r)}`;
const dayKeyOf = (r: ClassKey & { providerId: string; date: string }) => `${holdingKeyOf(r)}|${r.date}`;

function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) (out.get(key(t)) ?? out.set(key(t), []).get(key(t))!).push(t);
  return out;
}

/** Each row's provider, portfolio and class as recorded; every unknown one, and every duplicate, a problem. */
function resolveRows(file: string, rows: readonly Row[], registry: Registry, providers: ReadonlySet<string>) {
  const classOf = classResolver(registry);
  const resolved: Resolved[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const bad = (field: keyof Row['row'], reason: string) =>
      problems.push({ file, line, field, value: String(row[field]), reason });
    const c = classOf(row.portfolio, row.class);
    const unknown = `unknown service provider ${JSON.stringify(row.provider)}; import it first`;
    if (!providers.has(row.provider)) bad('provider', `${unknown} with \`plan12b providers import\``);
    else if (c.kind === 'unknown') bad(c.field, c.reason);
    else {
      const { portfolioId, class: cls } = c;
      const r = {
        line,
        providerId: row.provider,
        portfolioId,
        portfolioName: row.portfolio,
        class: cls,
        date: row.date,
        assetsCents: row.net_assets,
      };
      const first = seen.get(dayKeyOf(r));
      if (first !== undefined)
        bad(
          'date',
          `duplicate row for ${row.provider} in ${row.portfolio} class ${cls} on ${row.date} (first on line ${first})`,
        );
      else {
        seen.set(dayKeyOf(r), line);
        resolved.push(r);
      }
    }
  }
  return { resolved, problems };
}

/** Every business day from a holding's first row (recorded or new) to its last new row has a row. */
function missingDayProblems(file: string, rows: readonly Resolved[], state: AssetsState): Problem[] {
  const dates = groupBy([...state.recorded, ...rows], holdingKeyOf);
  return [...groupBy(rows, holdingKeyOf)].flatMap(([k, list]) => {
    const last = list.reduce((m, r) => (r.date > m ? r.date : m), list[0]!.date);
    const day = firstMissingDay(new Set(dates.get(k)!.map((r) => r.date)), last);
    const r = list[0]!;
    if (day === undefined) return [];
    const name = `${state.registry.identities.nameOn(r.portfolioId, day)} class ${r.class}`;
    const reason = `no assets for ${r.providerId} in ${name} on ${day}, an NYSE business day after its first row`;
    return { file, line: list.find((x) => x.date > day)?.line ?? r.line, field: 'date', value: day, reason };
  });
}

/**
 * SPEC §5: on every date a figure changes within the span of the new rows, each provider's
 * customers' assets, and their sum, must not exceed the class's net assets (both carried forward).
 */
function aboveNetAssetsProblems(file: string, rows: readonly Resolved[], state: AssetsState): Problem[] {
  const problems: Problem[] = [];
  const recordedByClass = groupBy(state.recorded, classKeyOf);
  for (const [classKey, fresh] of groupBy(rows, classKeyOf)) {
    const { portfolioId, class: cls } = fresh[0]!;
    const na = state.classNetAssets.get(classKey) ?? [];
    const name = (date: string) => `${state.registry.identities.nameOn(portfolioId, date)} class ${cls}`;
    // A row dated before the class's first net assets cannot be checked, nor paid: refuse it.
    const orphans = fresh.filter((r) => carriedOn(na, r.date) === null);
    for (const r of orphans) {
      const reason = `no net assets recorded for ${name(r.date)} on or before ${r.date}; import the class's net assets first (\`plan12b net-assets import\`)`;
      problems.push({ file, line: r.line, field: 'date', value: r.date, reason });
    }
    if (orphans.length > 0) continue;
    const assets = [...(recordedByClass.get(classKey) ?? []), ...fresh];
    const dates = fresh.map((r) => r.date).sort();
    for (const v of assetsAboveNetAssetsBetween(classKey, na, assets, dates[0]!, dates.at(-1)!)) {
      const row =
        fresh.find((r) => r.date === v.date && (v.providerId === null || r.providerId === v.providerId)) ??
        fresh.filter((r) => r.date <= v.date).at(-1) ??
        fresh[0]!;
      const reason = describeAssetsAboveNetAssets(v, name(v.date));
      problems.push({
        file,
        line: row.line,
        field: 'net_assets',
        value: formatCents(row.assetsCents),
        reason,
      });
    }
  }
  return problems;
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
    const { resolved, problems } = resolveRows(ctx.file, rows, registry, await recordedProviderIds(tx));
    const classes = [...groupBy(resolved, classKeyOf).values()].map((l) => l[0]!);
    const through = resolved.reduce((m, r) => (r.date > m ? r.date : m), '');
    return {
      registry,
      resolved,
      problems,
      recorded: await recordedProviderAssets(tx, classes, through),
      classNetAssets: await classNetAssetsThrough(tx, classes, through),
    };
  },

  plan(_rows, state, ctx): ImportPlan<AssetsChange> {
    const none = { changes: [], unchanged: 0, warnings: [] };
    const rows = state.resolved;
    if (state.problems.length > 0) return { ...none, problems: state.problems };
    const gaps = ctx.incomplete ? [] : missingDayProblems(ctx.file, rows, state);
    if (gaps.length > 0) return { ...none, problems: gaps };
    const recorded = new Map(state.recorded.map((r) => [dayKeyOf(r), r.assetsCents]));
    const changes: AssetsChange[] = [];
    const conflicts: Problem[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const old = recorded.get(dayKeyOf(r));
      const change = { ...r, datedOn: r.date, oldCents: old ?? null };
      if (old === undefined) changes.push({ ...change, kind: 'new', closedMonth: null });
      else if (old === r.assetsCents) unchanged++;
      else if (ctx.options.restate)
        changes.push({ ...change, kind: 'restated', closedMonth: ctx.closed.closedMonthOf(r.date) });
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
    const warnings = changes.flatMap((c) =>
      c.closedMonth === null
        ? []
        : `${c.providerId} in ${c.portfolioName} class ${c.class} ${c.date} restated in closed month ${c.closedMonth}: a prior-period adjustment is due`,
    );
    // A conflict, or a new row in a closed month (refused by the pipeline), is the answer; the
    // limits are checked on a file that could otherwise be accepted.
    const refused = changes.some((c) => c.kind === 'new' && ctx.closed.closedMonthOf(c.date) !== null);
    if (conflicts.length > 0 || refused || ctx.incomplete)
      return { changes, unchanged, problems: conflicts, warnings };
    return { changes, unchanged, problems: aboveNetAssetsProblems(ctx.file, rows, state), warnings };
  },

  async apply(tx, plan, _state, ctx) {
    const fresh = plan.changes.filter((c) => c.kind === 'new');
    await insertProviderAssets(tx, fresh, ctx.importId);
    for (const c of plan.changes)
      if (c.oldCents !== null)
        await restateProviderAssets(tx, { ...c, oldCents: c.oldCents }, ctx.importId, ctx.actor);
  },

  result(plan, _state, ctx) {
    return {
      file: ctx.file,
      rows: ctx.rows,
      inserted: plan.changes.filter((c) => c.kind === 'new').length,
      unchanged: plan.unchanged,
      restated: plan.changes
        .filter((c) => c.kind === 'restated')
        .map((c) => ({
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
  return runFeedImport(db, providerAssetsFeed, { file, bytes }, { restate: opts.restate === true });
}
