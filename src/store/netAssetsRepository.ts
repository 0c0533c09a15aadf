import { formatCents } from '../money/cents.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/** Net assets per class per day (SPEC §4) and their restatements: the accrual base. */

export interface NetAssetsKey {
  readonly portfolioId: string;
  readonly class: string;
}

/** The dates already recorded for each class ("portfolioId|class" → dates). */
export async function recordedDatesByClass(
  q: Queryable,
  keys: readonly NetAssetsKey[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (keys.length === 0) return out;
  const rows = await q.query<{ portfolio_id: string; class: string; date: string }>(
    `SELECT n.portfolio_id, n.class, n.date FROM net_assets n
       JOIN unnest($1::text[], $2::text[]) AS k(pid, cls) ON n.portfolio_id = k.pid AND n.class = k.cls`,
    [keys.map((k) => k.portfolioId), keys.map((k) => k.class)],
  );
  for (const r of rows) {
    const k = `${r.portfolio_id}|${r.class}`;
    const set = out.get(k) ?? new Set<string>();
    set.add(r.date);
    out.set(k, set);
  }
  return out;
}

/** The recorded net assets of these (class, date)s ("portfolioId|class|date" → amount). */
export async function recordedNetAssets(
  q: Queryable,
  rows: readonly (NetAssetsKey & { date: string })[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (rows.length === 0) return out;
  const found = await q.query<{ portfolio_id: string; class: string; date: string; net_assets: string }>(
    `SELECT n.portfolio_id, n.class, n.date, n.net_assets FROM net_assets n
       JOIN unnest($1::text[], $2::text[], $3::date[]) AS k(pid, cls, d)
         ON n.portfolio_id = k.pid AND n.class = k.cls AND n.date = k.d`,
    [rows.map((r) => r.portfolioId), rows.map((r) => r.class), rows.map((r) => r.date)],
  );
  for (const f of found) out.set(`${f.portfolio_id}|${f.class}|${f.date}`, f.net_assets);
  return out;
}

export interface NetAssetsRecord extends NetAssetsKey {
  readonly date: string;
  readonly portfolioName: string;
  readonly netAssetsCents: bigint;
}

export async function insertNetAssets(
  q: Queryable,
  rows: readonly NetAssetsRecord[],
  importId: number,
): Promise<void> {
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await q.query(
      `INSERT INTO net_assets (portfolio_id, class, date, net_assets, portfolio_name, import_id)
       SELECT pid, cls, d, na, pname, $6 FROM unnest($1::text[], $2::text[], $3::date[], $4::numeric[], $5::text[])
         AS t(pid, cls, d, na, pname)`,
      [
        part.map((r) => r.portfolioId),
        part.map((r) => r.class),
        part.map((r) => r.date),
        part.map((r) => formatCents(r.netAssetsCents)),
        part.map((r) => r.portfolioName),
        importId,
      ],
    );
  }
}

/** Restates a recorded day: the new value replaces the old, and the restatement is kept. */
export async function restateNetAssets(
  q: Queryable,
  r: NetAssetsRecord & { old: string; closedMonth: string | null },
  importId: number,
  actor: string,
): Promise<void> {
  await q.query(
    'UPDATE net_assets SET net_assets = $4, import_id = $5 WHERE portfolio_id = $1 AND class = $2 AND date = $3',
    [r.portfolioId, r.class, r.date, formatCents(r.netAssetsCents), importId],
  );
  await q.query(
    `INSERT INTO net_assets_restatement (portfolio_id, class, date, old_net_assets, new_net_assets, restated_by, import_id, closed_month)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.portfolioId, r.class, r.date, r.old, formatCents(r.netAssetsCents), actor, importId, r.closedMonth],
  );
}

export interface NetAssetsDay {
  readonly portfolioId: string;
  readonly portfolioName: string;
  readonly class: string;
  readonly date: string;
  readonly netAssets: string;
}

/**
 * Every recorded day up to `to` (of one portfolio and class, case-insensitively, when given),
 * ordered by portfolio, class and date: the accrual's input.
 */
export async function netAssetsThrough(
  q: Queryable,
  query: { to: string; portfolioId?: string; class?: string },
): Promise<NetAssetsDay[]> {
  let select = typed(q)
    .selectFrom('net_assets')
    .select(['portfolio_id', 'portfolio_name', 'class', 'date', 'net_assets'])
    .where('date', '<=', query.to);
  if (query.portfolioId !== undefined) select = select.where('portfolio_id', '=', query.portfolioId);
  if (query.class !== undefined) {
    const cls = query.class;
    select = select.where((eb) => eb(eb.fn('lower', ['class']), '=', cls.toLowerCase()));
  }
  const rows = await select.orderBy('portfolio_id').orderBy('class').orderBy('date').execute();
  return rows.map((r) => ({
    portfolioId: r.portfolio_id,
    portfolioName: r.portfolio_name,
    class: r.class,
    date: r.date,
    netAssets: r.net_assets,
  }));
}
