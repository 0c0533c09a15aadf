import { compareCodeUnits } from '../registry/nameOrder.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * What a month close sealed (SPEC §12), read-only: the closed month's record, its results by
 * part, the later closes' results, and the restatements that touched it since. The close writes
 * these (closeRepository); reports read them here.
 */

export interface ClosedMonthRecord {
  readonly month: string;
  readonly closedAt: string;
  readonly closedBy: string;
  readonly resultsHash: string | null;
}

export async function closedMonthRecord(q: Queryable, month: string): Promise<ClosedMonthRecord | null> {
  const row = await typed(q)
    .selectFrom('closed_month')
    .select(['month', 'closed_at', 'closed_by', 'results_hash'])
    .where('month', '=', month)
    .executeTakeFirst();
  if (!row) return null;
  return {
    month: row.month,
    closedAt: new Date(row.closed_at).toISOString(),
    closedBy: row.closed_by,
    resultsHash: row.results_hash,
  };
}

function parsed(content: unknown): unknown {
  return typeof content === 'string' ? JSON.parse(content) : content;
}

/** One part of a month's sealed results, as it was stored; undefined if the close did not seal it. */
export async function sealedPart(q: Queryable, month: string, part: string): Promise<unknown | undefined> {
  const row = await typed(q)
    .selectFrom('close_result')
    .select('content')
    .where('month', '=', month)
    .where('part', '=', part)
    .executeTakeFirst();
  return row === undefined ? undefined : parsed(row.content);
}

/** One part of the results of every close after `month`, in month order. */
export async function sealedPartsAfter(
  q: Queryable,
  month: string,
  part: string,
): Promise<{ month: string; content: unknown }[]> {
  const rows = await typed(q)
    .selectFrom('close_result')
    .select(['month', 'content'])
    .where('month', '>', month)
    .where('part', '=', part)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ month: r.month, content: parsed(r.content) }));
}

export interface ClosedMonthRestatement {
  readonly feed: 'net-assets' | 'provider-assets';
  readonly providerId: string | null;
  readonly portfolioId: string;
  readonly class: string;
  readonly date: string;
  readonly oldNetAssets: string;
  readonly newNetAssets: string;
  readonly restatedBy: string;
  readonly restatedAt: string;
  /** the close that reported it as a prior-period adjustment; null until the next close */
  readonly adjustedIn: string | null;
}

/** Every restatement of a day in this closed month (net assets and providers' assets), oldest first. */
export async function restatementsOfClosedMonth(
  q: Queryable,
  month: string,
): Promise<ClosedMonthRestatement[]> {
  const k = typed(q);
  const netAssets = await k
    .selectFrom('net_assets_restatement')
    .select([
      'id',
      'portfolio_id',
      'class',
      'date',
      'old_net_assets',
      'new_net_assets',
      'restated_by',
      'restated_at',
      'adjusted_in',
    ])
    .where('closed_month', '=', month)
    .orderBy('id')
    .execute();
  const providerAssets = await k
    .selectFrom('provider_assets_restatement')
    .select([
      'id',
      'provider_id',
      'portfolio_id',
      'class',
      'date',
      'old_net_assets',
      'new_net_assets',
      'restated_by',
      'restated_at',
      'adjusted_in',
    ])
    .where('closed_month', '=', month)
    .orderBy('id')
    .execute();
  const common = (r: (typeof netAssets)[number]) => ({
    portfolioId: r.portfolio_id,
    class: r.class,
    date: r.date,
    oldNetAssets: r.old_net_assets,
    newNetAssets: r.new_net_assets,
    restatedBy: r.restated_by,
    restatedAt: new Date(r.restated_at).toISOString(),
    adjustedIn: r.adjusted_in,
  });
  return [
    ...netAssets.map((r) => ({ feed: 'net-assets' as const, providerId: null, ...common(r) })),
    ...providerAssets.map((r) => ({
      feed: 'provider-assets' as const,
      providerId: r.provider_id,
      ...common(r),
    })),
  ].sort((a, b) => compareCodeUnits(a.restatedAt, b.restatedAt));
}

/**
 * SPEC §12: the closed months before `month` whose restatements `month` reports as prior-period
 * adjustments — those its own close reported, and, while they are still unreported, those pending
 * for it: it is the next month to close, or it is being closed now (its record not yet sealed).
 */
export async function restatedMonthsReportedIn(
  q: Queryable,
  month: string,
  table: 'net_assets_restatement' | 'provider_assets_restatement' | 'exhibit_withdrawal_restatement',
): Promise<string[]> {
  const k = typed(q);
  const latest = await k
    .selectFrom('closed_month')
    .select(['month', 'results_hash'])
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest === undefined) return [];
  const after = (m: string) => {
    const y = Number(m.slice(0, 4));
    const n = Number(m.slice(5, 7));
    return n === 12 ? `${y + 1}-01` : `${y}-${String(n + 1).padStart(2, '0')}`;
  };
  const pending = month === after(latest.month) || (month === latest.month && latest.results_hash === null);
  const rows = await k
    .selectFrom(table)
    .select('closed_month')
    .distinct()
    .where('closed_month', 'is not', null)
    .where('closed_month', '<', month)
    .where((eb) =>
      pending
        ? eb.or([eb('adjusted_in', 'is', null), eb('adjusted_in', '=', month)])
        : eb('adjusted_in', '=', month),
    )
    .orderBy('closed_month')
    .execute();
  return rows.map((r) => r.closed_month!);
}
