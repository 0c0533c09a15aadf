import type { NetAssetsRow } from '../accrual/classSeries.js';
import { isIsoDate } from '../calendar/isoDate.js';
import { businessDaysBetween } from '../calendar/nyseCalendar.js';
import { BadInputError, type RowProblem } from '../errors.js';
import { formatCents, MoneyFormatError, parseCents } from '../money/cents.js';
import type { Registry } from '../registry/registry.js';
import {
  type AssetsAboveNetAssets,
  assetsAboveNetAssets,
  describeAssetsAboveNetAssets,
} from '../service-fees/providerAssetsLimit.js';
import { holdingEndDate, type ProviderHolding } from '../service-fees/providerHolding.js';
import { currentActor } from '../store/actor.js';
import type { Database, Queryable } from '../store/database.js';
import { recordFeedImport } from '../store/feedImport.js';
import { loadRegistry } from '../store/registryStore.js';
import { readCsvFeed } from './csvRows.js';

export const PROVIDER_ASSETS_COLUMNS = ['date', 'provider', 'portfolio', 'class', 'net_assets'] as const;

export interface ProviderAssetsRowIn {
  readonly line: number;
  readonly date: string;
  readonly providerId: string;
  readonly portfolioId: string;
  readonly portfolioName: string;
  readonly class: string;
  readonly assetsCents: bigint;
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
  }[];
  readonly warnings: string[];
}

const classKeyOf = (portfolioId: string, cls: string) => `${portfolioId}|${cls}`;
const holdingKeyOf = (providerId: string, portfolioId: string, cls: string) =>
  `${providerId}\u0000${portfolioId}|${cls}`;

/** Reads and checks every row against the registry and the recorded providers; none written. */
export function validateProviderAssetsRows(
  file: string,
  bytes: Uint8Array,
  registry: Registry,
  providerIds: ReadonlySet<string>,
): { rows: ProviderAssetsRowIn[]; problems: RowProblem[] } {
  const csv = readCsvFeed(file, bytes, PROVIDER_ASSETS_COLUMNS);
  const problems: RowProblem[] = [];
  const rows: ProviderAssetsRowIn[] = [];
  const seen = new Map<string, number>();
  const classOf = new Map<string, string>();
  for (const k of registry.classKeys()) classOf.set(`${k.portfolioId}|${k.class.toLowerCase()}`, k.class);
  for (const { line, values } of csv) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const v = values as Record<(typeof PROVIDER_ASSETS_COLUMNS)[number], string>;
    if (!isIsoDate(v.date)) {
      bad('date', `${JSON.stringify(v.date)} is not a date (YYYY-MM-DD)`);
      continue;
    }
    if (!providerIds.has(v.provider)) {
      bad(
        'provider',
        `unknown service provider ${JSON.stringify(v.provider)}; import it first with \`plan12b providers import\``,
      );
      continue;
    }
    const pid = registry.identities.resolve(v.portfolio);
    if (pid === undefined) {
      bad(
        'portfolio',
        `unknown portfolio ${JSON.stringify(v.portfolio)}; import the exhibit that lists it first`,
      );
      continue;
    }
    const cls = classOf.get(`${pid}|${v.class.toLowerCase()}`);
    if (cls === undefined) {
      bad('class', `${v.portfolio} has no class ${JSON.stringify(v.class)} in any instrument`);
      continue;
    }
    let cents: bigint;
    try {
      cents = parseCents(v.net_assets);
    } catch (e) {
      bad('net_assets', e instanceof MoneyFormatError ? e.reason : String(e));
      continue;
    }
    if (cents < 0n) {
      bad('net_assets', `negative assets ${v.net_assets}`);
      continue;
    }
    const key = `${holdingKeyOf(v.provider, pid, cls)}|${v.date}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      bad(
        'date',
        `duplicate row for ${v.provider} in ${v.portfolio} class ${cls} on ${v.date} (first on line ${dup})`,
      );
      continue;
    }
    seen.set(key, line);
    rows.push({
      line,
      date: v.date,
      providerId: v.provider,
      portfolioId: pid,
      portfolioName: v.portfolio,
      class: cls,
      assetsCents: cents,
    });
  }
  return { rows, problems };
}

interface StoredRow {
  provider_id: string;
  portfolio_id: string;
  class: string;
  date: string;
  net_assets: string;
}

/** Every business day from a holding's first row (recorded or new) to its last new row has a row. */
function missingDayProblems(
  file: string,
  rows: readonly ProviderAssetsRowIn[],
  stored: readonly StoredRow[],
  registry: Registry,
): RowProblem[] {
  const dates = new Map<string, Set<string>>();
  const news = new Map<string, ProviderAssetsRowIn[]>();
  for (const s of stored) {
    const k = holdingKeyOf(s.provider_id, s.portfolio_id, s.class);
    (dates.get(k) ?? dates.set(k, new Set()).get(k)!).add(s.date);
  }
  for (const r of rows) {
    const k = holdingKeyOf(r.providerId, r.portfolioId, r.class);
    (dates.get(k) ?? dates.set(k, new Set()).get(k)!).add(r.date);
    (news.get(k) ?? news.set(k, []).get(k)!).push(r);
  }
  const problems: RowProblem[] = [];
  for (const [k, list] of news) {
    const all = [...dates.get(k)!].sort();
    const last = list.reduce((m, r) => (r.date > m ? r.date : m), list[0]!.date);
    for (const day of businessDaysBetween(all[0]!, last)) {
      if (dates.get(k)!.has(day)) continue;
      const r = list[0]!;
      problems.push({
        file,
        line: list.find((x) => x.date > day)?.line ?? r.line,
        field: 'date',
        reason: `no assets for ${r.providerId} in ${registry.identities.nameOn(r.portfolioId, day)} class ${r.class} on ${day}, an NYSE business day after its first row`,
      });
      break;
    }
  }
  return problems;
}

/** Carried-forward value of sorted rows on a date, or null before the first row. */
function carried(rows: readonly NetAssetsRow[], date: string): bigint | null {
  let lo = 0;
  let hi = rows.length - 1;
  let found: bigint | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.date <= date) {
      found = rows[mid]!.netAssetsCents;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * SPEC §5: on every date a figure changes within the span of the new rows, each provider's
 * customers' assets, and their sum, must not exceed the class's net assets (both carried forward).
 */
function aboveNetAssetsProblems(
  file: string,
  rows: readonly ProviderAssetsRowIn[],
  storedAssets: readonly StoredRow[],
  classNetAssets: ReadonlyMap<string, NetAssetsRow[]>,
  registry: Registry,
): RowProblem[] {
  const problems: RowProblem[] = [];
  const newByClass = new Map<string, ProviderAssetsRowIn[]>();
  for (const r of rows) {
    const k = classKeyOf(r.portfolioId, r.class);
    (newByClass.get(k) ?? newByClass.set(k, []).get(k)!).push(r);
  }
  for (const [classKey, fresh] of newByClass) {
    const [pid, cls] = classKey.split('|') as [string, string];
    const na = classNetAssets.get(classKey) ?? [];
    const name = (date: string) => `${registry.identities.nameOn(pid, date)} class ${cls}`;
    // A row dated before the class's first net assets cannot be checked, nor paid: refuse it.
    let orphan = false;
    for (const r of fresh)
      if (carried(na, r.date) === null) {
        orphan = true;
        problems.push({
          file,
          line: r.line,
          field: 'date',
          reason: `no net assets recorded for ${name(r.date)} on or before ${r.date}; import the class's net assets first (\`plan12b net-assets import\`)`,
        });
      }
    if (orphan) continue;
    const merged = new Map<string, Map<string, bigint>>();
    for (const s of storedAssets) {
      if (classKeyOf(s.portfolio_id, s.class) !== classKey) continue;
      (merged.get(s.provider_id) ?? merged.set(s.provider_id, new Map()).get(s.provider_id)!).set(
        s.date,
        parseCents(s.net_assets),
      );
    }
    for (const r of fresh)
      (merged.get(r.providerId) ?? merged.set(r.providerId, new Map()).get(r.providerId)!).set(
        r.date,
        r.assetsCents,
      );
    const holdings = [...merged]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([providerId, byDate]) => ({
        providerId,
        rows: [...byDate]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([date, netAssetsCents]) => ({ date, netAssetsCents })),
      }));
    const from = fresh.reduce((m, r) => (r.date < m ? r.date : m), fresh[0]!.date);
    const to = fresh.reduce((m, r) => (r.date > m ? r.date : m), fresh[0]!.date);
    const dates = new Set<string>();
    for (const h of holdings) for (const x of h.rows) if (x.date >= from && x.date <= to) dates.add(x.date);
    for (const x of na) if (x.date >= from && x.date <= to) dates.add(x.date);
    const violations: AssetsAboveNetAssets[] = [];
    for (const date of [...dates].sort()) {
      const classNa = carried(na, date)!;
      const present: [string, bigint][] = [];
      for (const h of holdings) {
        const v = carried(h.rows, date);
        if (v !== null) present.push([h.providerId, v]);
      }
      violations.push(...assetsAboveNetAssets(classKey, date, classNa, present));
    }
    for (const v of violations) {
      const line =
        fresh.find((r) => r.date === v.date && (v.providerId === null || r.providerId === v.providerId))
          ?.line ??
        fresh.filter((r) => r.date <= v.date).at(-1)?.line ??
        fresh[0]!.line;
      problems.push({
        file,
        line,
        field: 'net_assets',
        reason: describeAssetsAboveNetAssets(v, name(v.date)),
      });
    }
  }
  return problems;
}

async function storedOf(q: Queryable, classKeys: readonly string[], through: string): Promise<StoredRow[]> {
  if (classKeys.length === 0) return [];
  return q.query<StoredRow>(
    `SELECT a.provider_id, a.portfolio_id, a.class, a.date, a.net_assets FROM provider_assets a
       JOIN unnest($1::text[], $2::text[]) AS k(pid, cls) ON a.portfolio_id = k.pid AND a.class = k.cls
      WHERE a.date <= $3`,
    [classKeys.map((k) => k.split('|')[0]!), classKeys.map((k) => k.split('|')[1]!), through],
  );
}

async function classNetAssetsOf(
  q: Queryable,
  classKeys: readonly string[],
  through: string,
): Promise<Map<string, NetAssetsRow[]>> {
  const out = new Map<string, NetAssetsRow[]>();
  if (classKeys.length === 0) return out;
  const rows = await q.query<{ portfolio_id: string; class: string; date: string; net_assets: string }>(
    `SELECT n.portfolio_id, n.class, n.date, n.net_assets FROM net_assets n
       JOIN unnest($1::text[], $2::text[]) AS k(pid, cls) ON n.portfolio_id = k.pid AND n.class = k.cls
      WHERE n.date <= $3 ORDER BY n.portfolio_id, n.class, n.date`,
    [classKeys.map((k) => k.split('|')[0]!), classKeys.map((k) => k.split('|')[1]!), through],
  );
  for (const r of rows) {
    const k = classKeyOf(r.portfolio_id, r.class);
    (out.get(k) ?? out.set(k, []).get(k)!).push({ date: r.date, netAssetsCents: parseCents(r.net_assets) });
  }
  return out;
}

/**
 * `plan12b provider-assets import`: all-or-nothing and idempotent. A row that changes a recorded
 * figure is refused unless `restate`, which records the restatement (old, new, who, when).
 */
export async function importProviderAssets(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: { restate?: boolean } = {},
): Promise<ProviderAssetsImportResult> {
  const actor = currentActor();
  return db.transaction(async (tx) => {
    const registry = await loadRegistry(tx);
    const providerIds = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM service_provider')).map((r) => r.id),
    );
    const { rows, problems } = validateProviderAssetsRows(file, bytes, registry, providerIds);
    if (problems.length > 0) throw new BadInputError(problems);
    if (rows.length === 0) return { file, rows: 0, inserted: 0, unchanged: 0, restated: [], warnings: [] };
    const classKeys = [...new Set(rows.map((r) => classKeyOf(r.portfolioId, r.class)))];
    const through = rows.reduce((m, r) => (r.date > m ? r.date : m), rows[0]!.date);
    const stored = await storedOf(tx, classKeys, through);
    const gaps = missingDayProblems(file, rows, stored, registry);
    if (gaps.length > 0) throw new BadInputError(gaps);

    const existing = new Map<string, string>();
    for (const s of stored)
      existing.set(`${holdingKeyOf(s.provider_id, s.portfolio_id, s.class)}|${s.date}`, s.net_assets);
    const fresh: ProviderAssetsRowIn[] = [];
    const changed: { row: ProviderAssetsRowIn; old: string }[] = [];
    const conflicts: RowProblem[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const old = existing.get(`${holdingKeyOf(r.providerId, r.portfolioId, r.class)}|${r.date}`);
      if (old === undefined) fresh.push(r);
      else if (parseCents(old) === r.assetsCents) unchanged++;
      else if (opts.restate) changed.push({ row: r, old });
      else
        conflicts.push({
          file,
          line: r.line,
          field: 'net_assets',
          reason: `${r.providerId} in ${r.portfolioName} class ${r.class} on ${r.date} is recorded as ${formatCents(parseCents(old))}, this row says ${formatCents(r.assetsCents)}; to correct it, import with --restate`,
        });
    }
    // A closed month's inputs cannot change: a late row is refused; a restatement is recorded and
    // reported at the next close as a prior-period adjustment.
    const closed = new Set(
      (await tx.query<{ month: string }>('SELECT month FROM closed_month')).map((c) => c.month),
    );
    for (const r of fresh)
      if (closed.has(r.date.slice(0, 7)))
        conflicts.push({
          file,
          line: r.line,
          field: 'date',
          reason: `${r.date.slice(0, 7)} is closed; its provider assets cannot be added to (a correction of a recorded day is imported with --restate)`,
        });
    if (conflicts.length > 0) throw new BadInputError(conflicts);
    const limits = aboveNetAssetsProblems(
      file,
      rows,
      stored,
      await classNetAssetsOf(tx, classKeys, through),
      registry,
    );
    if (limits.length > 0) throw new BadInputError(limits);
    if (fresh.length === 0 && changed.length === 0)
      return { file, rows: rows.length, inserted: 0, unchanged, restated: [], warnings: [] };

    const importId = await recordFeedImport(tx, {
      feed: 'provider-assets',
      file,
      bytes,
      rows: rows.length,
      inserted: fresh.length,
      restated: changed.length,
    });
    const CHUNK = 20_000;
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const part = fresh.slice(i, i + CHUNK);
      await tx.query(
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
    const restated: ProviderAssetsImportResult['restated'] = [];
    for (const { row, old } of changed) {
      await tx.query(
        `UPDATE provider_assets SET net_assets = $5, import_id = $6
          WHERE provider_id = $1 AND portfolio_id = $2 AND class = $3 AND date = $4`,
        [row.providerId, row.portfolioId, row.class, row.date, formatCents(row.assetsCents), importId],
      );
      await tx.query(
        `INSERT INTO provider_assets_restatement (provider_id, portfolio_id, class, date, old_net_assets, new_net_assets, restated_by, import_id, closed_month)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          row.providerId,
          row.portfolioId,
          row.class,
          row.date,
          old,
          formatCents(row.assetsCents),
          actor,
          importId,
          closed.has(row.date.slice(0, 7)) ? row.date.slice(0, 7) : null,
        ],
      );
      restated.push({
        provider: row.providerId,
        portfolio: row.portfolioName,
        class: row.class,
        date: row.date,
        old: formatCents(parseCents(old)),
        new: formatCents(row.assetsCents),
      });
    }
    return { file, rows: rows.length, inserted: fresh.length, unchanged, restated, warnings: [] };
  });
}

/**
 * The holdings that bear on [from, to]: each one's latest row before `from` (carried in) and its
 * rows within. The portfolio is resolved from the name the feed used, so a rename or a merge of
 * identities the registry learned later is honoured. A holding whose feed stops before `to` is
 * taken as ended after its last row, with a warning.
 */
export async function loadProviderHoldings(
  q: Queryable,
  registry: Registry,
  from: string,
  to: string,
): Promise<{ holdings: ProviderHolding[]; warnings: string[] }> {
  const rows = await q.query<StoredRow & { portfolio_name: string }>(
    `SELECT provider_id, portfolio_id, portfolio_name, class, date, net_assets FROM provider_assets
      WHERE date BETWEEN $1 AND $2
     UNION ALL
     SELECT * FROM (
       SELECT DISTINCT ON (provider_id, portfolio_id, class) provider_id, portfolio_id, portfolio_name, class, date, net_assets
         FROM provider_assets WHERE date < $1
        ORDER BY provider_id, portfolio_id, class, date DESC) before_range`,
    [from, to],
  );
  const byHolding = new Map<string, { providerId: string; classKey: string; rows: NetAssetsRow[] }>();
  for (const r of rows) {
    const pid = registry.identities.resolve(r.portfolio_name) ?? r.portfolio_id;
    const key = holdingKeyOf(r.provider_id, pid, r.class);
    let h = byHolding.get(key);
    if (!h) {
      h = { providerId: r.provider_id, classKey: classKeyOf(pid, r.class), rows: [] };
      byHolding.set(key, h);
    }
    h.rows.push({ date: r.date, netAssetsCents: parseCents(r.net_assets) });
  }
  const warnings: string[] = [];
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
      warnings.push(
        `${h.providerId} in ${registry.identities.nameOn(pid, to)} class ${cls}: no assets after ${assets.at(-1)!.date}; taken as ended on ${endDate} (import its assets if its customers still hold shares)`,
      );
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
  return { holdings, warnings };
}
