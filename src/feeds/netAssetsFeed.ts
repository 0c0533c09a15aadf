import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isIsoDate, monthOf } from '../calendar/isoDate.js';
import { businessDaysBetween } from '../calendar/nyseCalendar.js';
import { BadInputError, type RowProblem } from '../errors.js';
import { formatCents, MoneyFormatError, parseCents } from '../money/cents.js';
import type { Registry } from '../registry/registry.js';
import { currentActor } from '../store/actor.js';
import { appendAudit } from '../store/auditLog.js';
import type { Database, Queryable } from '../store/database.js';
import { recordFeedImport } from '../store/feedImport.js';
import { loadRegistry } from '../store/registryStore.js';
import { readCsvFeed } from './csvRows.js';

export const NET_ASSETS_COLUMNS = ['date', 'portfolio', 'class', 'net_assets'] as const;

export interface NetAssetsRowIn {
  readonly line: number;
  readonly date: string;
  readonly portfolioId: string;
  readonly portfolioName: string;
  readonly class: string;
  readonly netAssetsCents: bigint;
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

/** Reads and checks every row against the registry; all problems are collected, none written. */
export function validateNetAssetsRows(
  file: string,
  bytes: Uint8Array,
  registry: Registry,
): { rows: NetAssetsRowIn[]; problems: RowProblem[]; warnings: string[] } {
  const csv = readCsvFeed(file, bytes, NET_ASSETS_COLUMNS);
  const problems: RowProblem[] = [];
  const warnings: string[] = [];
  const rows: NetAssetsRowIn[] = [];
  const seen = new Map<string, number>();
  const classOf = new Map<string, string>(); // "portfolioId|class in lower case" → the class as the documents spell it
  for (const k of registry.classKeys()) classOf.set(`${k.portfolioId}|${k.class.toLowerCase()}`, k.class);
  const uncovered = new Map<string, { first: string; last: string; n: number }>();
  for (const { line, values } of csv) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const {
      date,
      portfolio,
      class: cls,
      net_assets: amount,
    } = values as Record<(typeof NET_ASSETS_COLUMNS)[number], string>;
    if (!isIsoDate(date)) {
      bad('date', `${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
      continue;
    }
    const pid = registry.identities.resolve(portfolio);
    if (pid === undefined) {
      bad(
        'portfolio',
        `unknown portfolio ${JSON.stringify(portfolio)}; import the exhibit that lists it first`,
      );
      continue;
    }
    const canonicalClass = classOf.get(`${pid}|${cls.toLowerCase()}`);
    if (canonicalClass === undefined) {
      bad('class', `${portfolio} has no class ${JSON.stringify(cls)} in any instrument`);
      continue;
    }
    let cents: bigint;
    try {
      cents = parseCents(amount);
    } catch (e) {
      bad('net_assets', e instanceof MoneyFormatError ? e.reason : String(e));
      continue;
    }
    if (cents < 0n) {
      bad('net_assets', `negative net assets ${amount}`);
      continue;
    }
    const key = `${pid}|${canonicalClass}|${date}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      bad('date', `duplicate row for ${portfolio} class ${cls} on ${date} (first on line ${dup})`);
      continue;
    }
    seen.set(key, line);
    if (!registry.governingOn(pid, canonicalClass, date)) {
      const u = uncovered.get(`${pid}|${canonicalClass}`);
      if (u)
        uncovered.set(`${pid}|${canonicalClass}`, {
          first: u.first < date ? u.first : date,
          last: u.last > date ? u.last : date,
          n: u.n + 1,
        });
      else uncovered.set(`${pid}|${canonicalClass}`, { first: date, last: date, n: 1 });
    }
    rows.push({
      line,
      date,
      portfolioId: pid,
      portfolioName: portfolio,
      class: canonicalClass,
      netAssetsCents: cents,
    });
  }
  for (const [k, u] of uncovered) {
    const [pid, cls] = k.split('|') as [string, string];
    warnings.push(
      `${registry.identities.nameOn(pid, u.last)} class ${cls}: ${u.n} day(s) between ${u.first} and ${u.last} not covered by any instrument; no fees accrue on them`,
    );
  }
  return { rows, problems, warnings };
}

/** Every NYSE business day from a class's first row to its last must have a row (SPEC §4). */
export function missingBusinessDayProblems(
  file: string,
  rows: readonly NetAssetsRowIn[],
  storedDates: ReadonlyMap<string, ReadonlySet<string>>,
  registry: Registry,
): RowProblem[] {
  const byClass = new Map<string, NetAssetsRowIn[]>();
  for (const r of rows) {
    const k = `${r.portfolioId}|${r.class}`;
    const list = byClass.get(k) ?? [];
    list.push(r);
    byClass.set(k, list);
  }
  const problems: RowProblem[] = [];
  for (const [k, list] of byClass) {
    const stored = storedDates.get(k) ?? new Set<string>();
    const dates = new Set([...stored, ...list.map((r) => r.date)]);
    const sorted = [...dates].sort();
    const first = sorted[0]!;
    const last = list
      .map((r) => r.date)
      .sort()
      .at(-1)!;
    for (const day of businessDaysBetween(first, last)) {
      if (dates.has(day)) continue;
      const [pid, cls] = k.split('|') as [string, string];
      problems.push({
        file,
        line: list.find((r) => r.date > day)?.line ?? list[0]!.line,
        field: 'date',
        reason: `no net assets for ${registry.identities.nameOn(pid, day)} class ${cls} on ${day}, an NYSE business day after its first row`,
      });
      break;
    }
  }
  return problems;
}

async function storedDatesOf(q: Queryable, keys: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (keys.length === 0) return out;
  const pids = keys.map((k) => k.split('|')[0]!);
  const classes = keys.map((k) => k.split('|')[1]!);
  const rows = await q.query<{ portfolio_id: string; class: string; date: string }>(
    `SELECT n.portfolio_id, n.class, n.date FROM net_assets n
       JOIN unnest($1::text[], $2::text[]) AS k(pid, cls) ON n.portfolio_id = k.pid AND n.class = k.cls`,
    [pids, classes],
  );
  for (const r of rows) {
    const k = `${r.portfolio_id}|${r.class}`;
    const set = out.get(k) ?? new Set<string>();
    set.add(r.date);
    out.set(k, set);
  }
  return out;
}

/**
 * `plan12b net-assets import`: all-or-nothing and idempotent. A row that changes a recorded value
 * is refused unless `restate`, which records the restatement (old, new, when, by whom) and flags
 * the closed month it touches for a prior-period adjustment (SPEC §4, §12).
 */
export async function importNetAssets(
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts: { restate?: boolean } = {},
): Promise<NetAssetsImportResult> {
  const actor = currentActor();
  return db.transaction(async (tx) => {
    const registry = await loadRegistry(tx);
    const { rows, problems, warnings } = validateNetAssetsRows(file, bytes, registry);
    if (problems.length > 0) throw new BadInputError(problems);
    const classKeys = [...new Set(rows.map((r) => `${r.portfolioId}|${r.class}`))];
    const stored = await storedDatesOf(tx, classKeys);
    const gapProblems = missingBusinessDayProblems(file, rows, stored, registry);
    if (gapProblems.length > 0) throw new BadInputError(gapProblems);

    const existing = new Map<string, string>();
    if (rows.length > 0) {
      const found = await tx.query<{ portfolio_id: string; class: string; date: string; net_assets: string }>(
        `SELECT n.portfolio_id, n.class, n.date, n.net_assets FROM net_assets n
           JOIN unnest($1::text[], $2::text[], $3::date[]) AS k(pid, cls, d)
             ON n.portfolio_id = k.pid AND n.class = k.cls AND n.date = k.d`,
        [rows.map((r) => r.portfolioId), rows.map((r) => r.class), rows.map((r) => r.date)],
      );
      for (const f of found) existing.set(`${f.portfolio_id}|${f.class}|${f.date}`, f.net_assets);
    }
    const closed = new Set(
      (await tx.query<{ month: string }>('SELECT month FROM closed_month')).map((r) => r.month),
    );
    const fresh: NetAssetsRowIn[] = [];
    const changed: { row: NetAssetsRowIn; old: string }[] = [];
    let unchanged = 0;
    const conflicts: RowProblem[] = [];
    for (const r of rows) {
      const old = existing.get(`${r.portfolioId}|${r.class}|${r.date}`);
      if (old === undefined) fresh.push(r);
      else if (parseCents(old) === r.netAssetsCents) unchanged++;
      else if (opts.restate) changed.push({ row: r, old });
      else
        conflicts.push({
          file,
          line: r.line,
          field: 'net_assets',
          reason: `${r.portfolioName} class ${r.class} on ${r.date} is recorded as ${formatCents(parseCents(old))}, this row says ${formatCents(r.netAssetsCents)}; to correct it, import with --restate`,
        });
    }
    // A closed month's inputs cannot change: a late row is refused; a restatement becomes a
    // prior-period adjustment in the next close.
    for (const r of fresh)
      if (closed.has(monthOf(r.date)))
        conflicts.push({
          file,
          line: r.line,
          field: 'date',
          reason: `${monthOf(r.date)} is closed; its net assets cannot be added to (a correction of a recorded day is imported with --restate)`,
        });
    if (conflicts.length > 0) throw new BadInputError(conflicts);
    // Idempotent: a file that adds or changes nothing leaves no trace.
    if (fresh.length === 0 && changed.length === 0)
      return { file, rows: rows.length, inserted: 0, unchanged, restated: [], warnings };

    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const importId = await recordFeedImport(tx, {
      feed: 'net-assets',
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
    const restated: NetAssetsImportResult['restated'] = [];
    for (const { row, old } of changed) {
      const month = monthOf(row.date);
      const closedMonth = closed.has(month) ? month : null;
      await tx.query(
        'UPDATE net_assets SET net_assets = $4, import_id = $5 WHERE portfolio_id = $1 AND class = $2 AND date = $3',
        [row.portfolioId, row.class, row.date, formatCents(row.netAssetsCents), importId],
      );
      await tx.query(
        `INSERT INTO net_assets_restatement (portfolio_id, class, date, old_net_assets, new_net_assets, restated_by, import_id, closed_month)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          row.portfolioId,
          row.class,
          row.date,
          old,
          formatCents(row.netAssetsCents),
          actor,
          importId,
          closedMonth,
        ],
      );
      restated.push({
        portfolio: row.portfolioName,
        class: row.class,
        date: row.date,
        old: formatCents(parseCents(old)),
        new: formatCents(row.netAssetsCents),
        closedMonth,
      });
      if (closedMonth)
        warnings.push(
          `${row.portfolioName} class ${row.class} ${row.date} restated in closed month ${closedMonth}: a prior-period adjustment is due`,
        );
    }
    await appendAudit(tx, {
      action: changed.length > 0 ? 'net-assets.restate' : 'net-assets.import',
      subject: basename(file),
      contentHash,
      detail: `${fresh.length} new, ${changed.length} restated, ${unchanged} unchanged`,
    });
    return { file, rows: rows.length, inserted: fresh.length, unchanged, restated, warnings };
  });
}
