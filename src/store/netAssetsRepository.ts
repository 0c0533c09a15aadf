import { businessDayAfter } from '../calendar/nyseCalendar.js';
import { formatCents, parseCents } from '../money/cents.js';
import { withStagedRows } from './bulkCopy.js';
import { sqlTextLiteral } from './copyText.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/** Net assets per class per day (SPEC §4) and their restatements: the accrual base. */

export interface NetAssetsKey {
  readonly portfolioId: string;
  readonly class: string;
}

/** The first and last recorded day of a class ("portfolioId|class" → span); absent: none recorded. */
export interface RecordedSpan {
  readonly first: string;
  readonly last: string;
}

/**
 * Each class's first and last recorded day. Every import checks that a class has a row for every
 * NYSE business day from its first row to its last new one (SPEC §4), so what lies between the
 * two is recorded already: a daily file is checked against two dates per class, not against the
 * class's whole history.
 */
export async function recordedSpansByClass(
  q: Queryable,
  keys: readonly NetAssetsKey[],
): Promise<Map<string, RecordedSpan>> {
  const out = new Map<string, RecordedSpan>();
  if (keys.length === 0) return out;
  // Two index probes per class (the primary key is (portfolio_id, class, date)).
  const rows = await withStagedRows(
    q,
    { pid: 'text', cls: 'text' },
    keys.map((k) => [k.portfolioId, k.class]),
    (staged) =>
      q.textRows(`SELECT k.pid, k.cls,
           (SELECT min(n.date) FROM net_assets n WHERE n.portfolio_id = k.pid AND n.class = k.cls),
           (SELECT max(n.date) FROM net_assets n WHERE n.portfolio_id = k.pid AND n.class = k.cls)
         FROM (SELECT DISTINCT pid, cls FROM ${staged}) k`),
  );
  for (const [pid, cls, first, last] of rows)
    if (first !== null && first !== undefined) out.set(`${pid}|${cls}`, { first, last: last! });
  return out;
}

/** The recorded net assets of these (class, date)s ("portfolioId|class|date" → amount). */
export async function recordedNetAssets(
  q: Queryable,
  rows: readonly (NetAssetsKey & { date: string })[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (rows.length === 0) return out;
  // The idempotency check, set-based: one date range per class staged and joined to the recorded
  // days once (a re-sent file is a run of days per class, so the range holds little else).
  const ranges = new Map<string, { pid: string; cls: string; from: string; to: string }>();
  const wanted = new Set<string>();
  for (const r of rows) {
    const k = `${r.portfolioId}|${r.class}`;
    wanted.add(`${k}|${r.date}`);
    const range = ranges.get(k);
    if (range === undefined) ranges.set(k, { pid: r.portfolioId, cls: r.class, from: r.date, to: r.date });
    else if (r.date < range.from) range.from = r.date;
    else if (r.date > range.to) range.to = r.date;
  }
  const found = await withStagedRows(
    q,
    { pid: 'text', cls: 'text', d0: 'date', d1: 'date' },
    [...ranges.values()].map((r) => [r.pid, r.cls, r.from, r.to]),
    (staged) =>
      q.textRows(`SELECT n.portfolio_id, n.class, n.date, n.net_assets FROM net_assets n
           JOIN ${staged} k ON n.portfolio_id = k.pid AND n.class = k.cls AND n.date BETWEEN k.d0 AND k.d1`),
  );
  for (const [pid, cls, date, amount] of found) {
    const key = `${pid}|${cls}|${date}`;
    if (wanted.has(key)) out.set(key, amount!);
  }
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

/**
 * Restates a recorded day: the new value replaces the old, and the restatement is kept — once for
 * the closed month of its day (or none), and once more for each later closed month it is also
 * the figure of (`alsoFlags`, SPEC §4 carry-forward), so that every closed month it touches is
 * flagged for a prior-period adjustment (SPEC §12).
 */
export async function restateNetAssets(
  q: Queryable,
  r: NetAssetsRecord & { old: string; closedMonth: string | null; alsoFlags?: readonly string[] },
  importId: number,
  actor: string,
): Promise<void> {
  await q.query(
    'UPDATE net_assets SET net_assets = $4, import_id = $5 WHERE portfolio_id = $1 AND class = $2 AND date = $3',
    [r.portfolioId, r.class, r.date, formatCents(r.netAssetsCents), importId],
  );
  for (const closedMonth of [r.closedMonth, ...(r.alsoFlags ?? [])])
    await q.query(
      `INSERT INTO net_assets_restatement (portfolio_id, class, date, old_net_assets, new_net_assets, restated_by, import_id, closed_month)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.portfolioId, r.class, r.date, r.old, formatCents(r.netAssetsCents), actor, importId, closedMonth],
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
      WHERE ${where.join(' AND ')} ORDER BY portfolio_id COLLATE "C", class COLLATE "C", date`);
  return rows.map(([portfolioId, portfolioName, cls, date, netAssets]) => ({
    portfolioId: portfolioId!,
    portfolioName: portfolioName!,
    class: cls!,
    date: date!,
    netAssets: netAssets!,
  }));
}

/**
 * The first day from `from` to `to` on which a class has net assets above zero — recorded that
 * day, or carried into `from` from its last earlier record over non-business days (SPEC §4: a day
 * without a row takes the last recorded figure; a business day without one, after the feed stopped
 * or a close accepted the class as ended, has none) — or null (SPEC §12: a class newly governed on closed days accrues fees on
 * them only if it had net assets; a provider's customers cannot hold more than those, SPEC §5).
 */
export async function firstDayWithNetAssets(
  q: Queryable,
  key: NetAssetsKey,
  from: string,
  to: string,
): Promise<string | null> {
  const k = typed(q);
  const carried = await k
    .selectFrom('net_assets')
    .select(['date', 'net_assets'])
    .where('portfolio_id', '=', key.portfolioId)
    .where('class', '=', key.class)
    .where('date', '<=', from)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
  // carried over the non-business days after it only: from the next business day without a row
  // the class has ended (a feed that stopped, or an end a close accepted, SPEC §4, §12) — the fees
  // carry nothing across that
  if (
    carried !== undefined &&
    Number(carried.net_assets) > 0 &&
    from < businessDayAfter(String(carried.date).slice(0, 10), 1)
  )
    return from;
  const first = await k
    .selectFrom('net_assets')
    .select((eb) => eb.fn.min('date').as('date'))
    .where('portfolio_id', '=', key.portfolioId)
    .where('class', '=', key.class)
    .where('date', '>', from)
    .where('date', '<=', to)
    .where('net_assets', '>', '0')
    .executeTakeFirst();
  return first?.date === null || first?.date === undefined ? null : String(first.date).slice(0, 10);
}

/**
 * SPEC §12: the figures rows restated since a closed month's close had at that close, for the
 * closed months given — by class key ("portfolioId|class"), then month, then the row's date. A
 * restatement of a month that was closed at the time is recorded against it (and against every
 * closed month the row is carried into); the earliest such record holds the figure as sealed.
 */
export async function netAssetsFiguresAtClose(
  q: Queryable,
  closedMonths: readonly string[],
): Promise<Map<string, Map<string, Map<string, bigint>>>> {
  const out = new Map<string, Map<string, Map<string, bigint>>>();
  if (closedMonths.length === 0) return out;
  const rows = await q.textRows(`SELECT DISTINCT ON (closed_month, portfolio_id, class, date)
        portfolio_id, class, closed_month, date, old_net_assets
      FROM net_assets_restatement
      WHERE closed_month IN (${closedMonths.map(sqlTextLiteral).join(', ')})
      ORDER BY closed_month, portfolio_id, class, date, id`);
  for (const [portfolioId, cls, month, date, old] of rows) {
    const classKey = `${portfolioId}|${cls}`;
    const byMonth = out.get(classKey) ?? new Map<string, Map<string, bigint>>();
    out.set(classKey, byMonth);
    const byDate = byMonth.get(month!) ?? new Map<string, bigint>();
    byMonth.set(month!, byDate);
    byDate.set(date!, parseCents(old!));
  }
  return out;
}
