import { formatCents } from '../money/cents.js';
import { withStagedRows } from './bulkCopy.js';
import { sqlTextLiteral } from './copyText.js';
import type { Queryable } from './database.js';

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
  // Set-based and through COPY: a year of a few thousand classes is a million recorded days.
  const rows = await withStagedRows(
    q,
    { pid: 'text', cls: 'text' },
    keys.map((k) => [k.portfolioId, k.class]),
    (staged) =>
      q.textRows(`SELECT n.portfolio_id, n.class, n.date FROM net_assets n
           JOIN (SELECT DISTINCT pid, cls FROM ${staged}) k ON n.portfolio_id = k.pid AND n.class = k.cls`),
  );
  for (const [pid, cls, date] of rows) {
    const k = `${pid}|${cls}`;
    let set = out.get(k);
    if (!set) {
      set = new Set<string>();
      out.set(k, set);
    }
    set.add(date!);
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
  // The idempotency check, set-based: the file's keys staged and joined to the recorded days once.
  const found = await withStagedRows(
    q,
    { pid: 'text', cls: 'text', d: 'date' },
    rows.map((r) => [r.portfolioId, r.class, r.date]),
    (staged) =>
      q.textRows(`SELECT n.portfolio_id, n.class, n.date, n.net_assets FROM net_assets n
           JOIN (SELECT DISTINCT pid, cls, d FROM ${staged}) k
             ON n.portfolio_id = k.pid AND n.class = k.cls AND n.date = k.d`),
  );
  for (const [pid, cls, date, amount] of found) out.set(`${pid}|${cls}|${date}`, amount!);
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
  await q.copyIn(
    'net_assets',
    ['portfolio_id', 'class', 'date', 'net_assets', 'portfolio_name', 'import_id'],
    rows.map((r) => [
      r.portfolioId,
      r.class,
      r.date,
      formatCents(r.netAssetsCents),
      r.portfolioName,
      importId,
    ]),
  );
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
  // Through COPY: the accrual's input is every class's every day (a year of 3,000 classes ≈ 1M rows).
  const where = [`date <= ${sqlTextLiteral(query.to)}::date`];
  if (query.portfolioId !== undefined) where.push(`portfolio_id = ${sqlTextLiteral(query.portfolioId)}`);
  if (query.class !== undefined) where.push(`lower(class) = ${sqlTextLiteral(query.class.toLowerCase())}`);
  const rows = await q.textRows(`SELECT portfolio_id, portfolio_name, class, date, net_assets FROM net_assets
      WHERE ${where.join(' AND ')} ORDER BY portfolio_id, class, date`);
  return rows.map(([portfolioId, portfolioName, cls, date, netAssets]) => ({
    portfolioId: portfolioId!,
    portfolioName: portfolioName!,
    class: cls!,
    date: date!,
    netAssets: netAssets!,
  }));
}
