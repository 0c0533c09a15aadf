import type { NetAssetsRow } from '../accrual/classSeries.js';
import { formatCents, parseCents } from '../money/cents.js';
import type { Registry } from '../registry/registry.js';
import { holdingEndDate, type ProviderHolding } from '../service-fees/providerHolding.js';
import type { ProviderHoldingEnd } from '../service-fees/providerHoldingEnd.js';
import { withStagedRows } from './bulkCopy.js';
import { sqlTextLiteral } from './copyText.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * The assets each service provider's customers hold per class per day (SPEC §5), and their
 * restatements: the base of the providers' service fees.
 */

export interface ClassKey {
  readonly portfolioId: string;
  readonly class: string;
}

/** One recorded day of a provider's customers' assets in a class. */
export interface RecordedProviderAssets extends ClassKey {
  readonly providerId: string;
  readonly date: string;
  readonly assetsCents: bigint;
}

export interface ProviderAssetsRecord extends RecordedProviderAssets {
  readonly portfolioName: string;
}

/** Every provider's recorded assets in these classes, up to and including `through`. */
export async function recordedProviderAssets(
  q: Queryable,
  classes: readonly ClassKey[],
  through: string,
): Promise<RecordedProviderAssets[]> {
  if (classes.length === 0) return [];
  const rows = await q.query<{
    provider_id: string;
    portfolio_id: string;
    class: string;
    date: string;
    net_assets: string;
  }>(
    `SELECT a.provider_id, a.portfolio_id, a.class, a.date, a.net_assets FROM provider_assets a
       JOIN unnest($1::text[], $2::text[]) AS k(pid, cls) ON a.portfolio_id = k.pid AND a.class = k.cls
      WHERE a.date <= $3`,
    [classes.map((k) => k.portfolioId), classes.map((k) => k.class), through],
  );
  return rows.map((r) => ({
    providerId: r.provider_id,
    portfolioId: r.portfolio_id,
    class: r.class,
    date: r.date,
    assetsCents: parseCents(r.net_assets),
  }));
}

/**
 * The class's own net assets up to `through`, by date ("portfolioId|class" → rows): what each
 * provider's assets are checked against (SPEC §5).
 */
export async function classNetAssetsThrough(
  q: Queryable,
  classes: readonly ClassKey[],
  through: string,
): Promise<Map<string, NetAssetsRow[]>> {
  const out = new Map<string, NetAssetsRow[]>();
  if (classes.length === 0) return out;
  const rows = await q.query<{ portfolio_id: string; class: string; date: string; net_assets: string }>(
    `SELECT n.portfolio_id, n.class, n.date, n.net_assets FROM net_assets n
       JOIN unnest($1::text[], $2::text[]) AS k(pid, cls) ON n.portfolio_id = k.pid AND n.class = k.cls
      WHERE n.date <= $3 ORDER BY n.portfolio_id COLLATE "C", n.class COLLATE "C", n.date`,
    [classes.map((k) => k.portfolioId), classes.map((k) => k.class), through],
  );
  for (const r of rows) {
    const k = `${r.portfolio_id}|${r.class}`;
    const list = out.get(k) ?? [];
    list.push({ date: r.date, netAssetsCents: parseCents(r.net_assets) });
    out.set(k, list);
  }
  return out;
}

/**
 * Every provider's recorded assets, and the class's recorded net assets, in each class's date span
 * [from, to] (both inclusive): what new net-assets rows are checked against (SPEC §5). One staged
 * join per table over the classes' spans (index `provider_assets_by_class`); a file whose classes
 * no provider holds reads nothing.
 */
export async function recordedAssetsInSpans(
  q: Queryable,
  spans: readonly (ClassKey & { from: string; to: string })[],
): Promise<{ providerAssets: RecordedProviderAssets[]; netAssets: (ClassKey & NetAssetsRow)[] }> {
  if (spans.length === 0) return { providerAssets: [], netAssets: [] };
  return withStagedRows(
    q,
    { pid: 'text', cls: 'text', d0: 'date', d1: 'date' },
    spans.map((s) => [s.portfolioId, s.class, s.from, s.to]),
    async (staged) => {
      const providerRows =
        await q.textRows(`SELECT a.provider_id, a.portfolio_id, a.class, a.date::text, a.net_assets::text
          FROM provider_assets a
          JOIN ${staged} k ON a.portfolio_id = k.pid AND a.class = k.cls AND a.date BETWEEN k.d0 AND k.d1`);
      if (providerRows.length === 0) return { providerAssets: [], netAssets: [] };
      const naRows = await q.textRows(`SELECT n.portfolio_id, n.class, n.date::text, n.net_assets::text
          FROM net_assets n
          JOIN ${staged} k ON n.portfolio_id = k.pid AND n.class = k.cls AND n.date BETWEEN k.d0 AND k.d1`);
      return {
        providerAssets: providerRows.map(([providerId, portfolioId, cls, date, amount]) => ({
          providerId: providerId!,
          portfolioId: portfolioId!,
          class: cls!,
          date: date!,
          assetsCents: parseCents(amount!),
        })),
        netAssets: naRows.map(([portfolioId, cls, date, amount]) => ({
          portfolioId: portfolioId!,
          class: cls!,
          date: date!,
          netAssetsCents: parseCents(amount!),
        })),
      };
    },
  );
}

export async function insertProviderAssets(
  q: Queryable,
  rows: readonly ProviderAssetsRecord[],
  importId: number,
): Promise<void> {
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await q.query(
      `INSERT INTO provider_assets (provider_id, portfolio_id, class, date, net_assets, portfolio_name, import_id)
       SELECT prov, pid, cls, d, na, pname, $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::numeric[], $6::text[])
           AS t(prov, pid, cls, d, na, pname)`,
      [
        part.map((r) => r.providerId),
        part.map((r) => r.portfolioId),
        part.map((r) => r.class),
        part.map((r) => r.date),
        part.map((r) => formatCents(r.assetsCents)),
        part.map((r) => r.portfolioName),
        importId,
      ],
    );
  }
}

/**
 * Restates a recorded day: the new figure replaces the old and the restatement is kept (who,
 * when, old, new), flagged with the closed month it falls in for the next close's prior-period
 * adjustment (SPEC §12).
 */
export async function restateProviderAssets(
  q: Queryable,
  r: RecordedProviderAssets & { oldCents: bigint; closedMonth: string | null; alsoFlags?: readonly string[] },
  importId: number,
  actor: string,
): Promise<void> {
  await typed(q)
    .updateTable('provider_assets')
    .set({ net_assets: formatCents(r.assetsCents), import_id: importId })
    .where('provider_id', '=', r.providerId)
    .where('portfolio_id', '=', r.portfolioId)
    .where('class', '=', r.class)
    .where('date', '=', r.date)
    .execute();
  // one record for the closed month of its day, and one for each later closed month it is also
  // the figure of (SPEC §4 carry-forward): every closed month it touches is flagged (SPEC §12)
  for (const closedMonth of [r.closedMonth, ...(r.alsoFlags ?? [])])
    await typed(q)
      .insertInto('provider_assets_restatement')
      .values({
        provider_id: r.providerId,
        portfolio_id: r.portfolioId,
        class: r.class,
        date: r.date,
        old_net_assets: formatCents(r.oldCents),
        new_net_assets: formatCents(r.assetsCents),
        restated_by: actor,
        import_id: importId,
        closed_month: closedMonth,
      })
      .execute();
}

const holdingKeyOf = (providerId: string, classKey: string) => `${providerId}\u0000${classKey}`;

/**
 * The holdings that bear on [from, to]: each one's latest row before `from` (carried in) and its
 * rows within. The portfolio is resolved from the name the feed used, so a rename or a merge of
 * identities the registry learned later is honoured. A holding whose feed stops before `to` is
 * taken as ended after its last row: listed in `ended` with the warning that tells it, which the
 * caller gives where the end can cost the provider a fee (service-fees/providerHoldingEnd.ts).
 */
export async function loadProviderHoldings(
  q: Queryable,
  registry: Registry,
  from: string,
  to: string,
): Promise<{ holdings: ProviderHolding[]; ended: (ProviderHoldingEnd & { warning: string })[] }> {
  // by COPY on PGlite (a year of a complex's provider assets: no row object per field). The row
  // carried in is each holding's latest before `from`, found by the primary key (provider_id,
  // portfolio_id, class, date): the holdings walked one key to the next, then one row read
  // backwards from `from` for each — not every earlier row of the table sorted (the what-if
  // year asks for twelve months twice: that sort was a third of its time on the demo complex).
  const columns = 'provider_id, portfolio_id, portfolio_name, class, date::text, net_assets::text';
  const rows = (
    await q.textRows(
      `WITH RECURSIVE holding AS (
         (SELECT provider_id, portfolio_id, class FROM provider_assets
           ORDER BY provider_id, portfolio_id, class LIMIT 1)
         UNION ALL
         SELECT next.* FROM holding CROSS JOIN LATERAL (
           SELECT p.provider_id, p.portfolio_id, p.class FROM provider_assets p
            WHERE (p.provider_id, p.portfolio_id, p.class) > (holding.provider_id, holding.portfolio_id, holding.class)
            ORDER BY p.provider_id, p.portfolio_id, p.class LIMIT 1) AS next)
       SELECT ${columns} FROM provider_assets
        WHERE date BETWEEN ${sqlTextLiteral(from)}::date AND ${sqlTextLiteral(to)}::date
       UNION ALL
       SELECT carried_in.* FROM holding CROSS JOIN LATERAL (
         SELECT ${columns} FROM provider_assets p
          WHERE p.provider_id = holding.provider_id AND p.portfolio_id = holding.portfolio_id
            AND p.class = holding.class AND p.date < ${sqlTextLiteral(from)}::date
          ORDER BY p.date DESC LIMIT 1) AS carried_in`,
    )
  ).map(([provider_id, portfolio_id, portfolio_name, cls, date, net_assets]) => ({
    provider_id: provider_id!,
    portfolio_id: portfolio_id!,
    portfolio_name: portfolio_name!,
    class: cls!,
    date: date!,
    net_assets: net_assets!,
  }));
  const byHolding = new Map<
    string,
    { providerId: string; classKey: string; feedName: string; rows: NetAssetsRow[] }
  >();
  for (const r of rows) {
    // the portfolio that bore the name on the row's date (SPEC §2: a name can pass to another)
    const pid = registry.identities.resolveOn(r.portfolio_name, r.date) ?? r.portfolio_id;
    const classKey = `${pid}|${r.class}`;
    const key = holdingKeyOf(r.provider_id, classKey);
    let h = byHolding.get(key);
    if (!h) {
      h = { providerId: r.provider_id, classKey, feedName: r.portfolio_name, rows: [] };
      byHolding.set(key, h);
    }
    h.rows.push({ date: r.date, netAssetsCents: parseCents(r.net_assets) });
  }
  const ended: (ProviderHoldingEnd & { warning: string })[] = [];
  const holdings: ProviderHolding[] = [];
  for (const h of [...byHolding.values()].sort((a, b) =>
    a.providerId === b.providerId ? (a.classKey < b.classKey ? -1 : 1) : a.providerId < b.providerId ? -1 : 1,
  )) {
    h.rows.sort((a, b) => (a.date < b.date ? -1 : 1));
    // Two names that turned out to be one portfolio may both have a row on a date: keep one.
    const assets = h.rows.filter((r, i) => i + 1 >= h.rows.length || h.rows[i + 1]!.date !== r.date);
    const endDate = holdingEndDate(assets, to);
    if (endDate !== null && endDate >= from) {
      const [pid, cls] = h.classKey.split('|') as [string, string];
      ended.push({
        providerId: h.providerId,
        classKey: h.classKey,
        endDate,
        through: to,
        warning: `${h.providerId} in ${registry.identities.get(pid) ? registry.identities.nameOn(pid, to) : h.feedName} class ${cls}: no assets after ${assets.at(-1)!.date}; taken as ended on ${endDate} (import its assets if its customers still hold shares)`,
      });
    }
    if (endDate !== null && endDate < from) continue;
    holdings.push({
      kind: 'providerHolding',
      providerId: h.providerId,
      classKey: h.classKey,
      assets,
      endDate,
    });
  }
  return { holdings, ended };
}
