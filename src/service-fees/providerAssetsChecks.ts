import type { NetAssetsRow } from '../accrual/classSeries.js';
import { addDays } from '../calendar/isoDate.js';
import { businessDayAfter, OutsideNyseCalendar } from '../calendar/nyseCalendar.js';
import type { Problem } from '../errors.js';
import { formatCents } from '../money/cents.js';
import { classResolver } from '../registry/classByName.js';
import type { Registry } from '../registry/registry.js';
import {
  assetsAboveNetAssets,
  assetsAboveNetAssetsBetween,
  carriedOn,
  describeAssetsAboveNetAssets,
} from './providerAssetsLimit.js';
import { firstMissingDay } from './providerHolding.js';

/**
 * The checks on a service provider's customers' assets per class per day (SPEC §5; Plan §4(b)):
 * each row names a recorded provider and a class of the registry, once per day; every business
 * day of a holding has a figure; no provider's assets, nor their sum, exceed the class's net
 * assets. Pure: the recorded figures are given.
 */

/** One day of a provider's customers' assets in a class. */
export interface ProviderAssetsDay {
  readonly providerId: string;
  readonly portfolioId: string;
  readonly class: string;
  readonly date: string;
  readonly assetsCents: bigint;
}
/** A day as the feed gives it, resolved: its line and the portfolio's name as written. */
export interface ProviderAssetsRow extends ProviderAssetsDay {
  readonly line: number;
  readonly portfolioName: string;
}
/** A row as stated, before its provider, portfolio and class are resolved. */
export interface ProviderAssetsStatement {
  readonly date: string;
  readonly provider: string;
  readonly portfolio: string;
  readonly class: string;
  readonly net_assets: bigint;
}

type ClassKey = { readonly portfolioId: string; readonly class: string };
export const providerAssetsClassKey = (r: ClassKey) => `${r.portfolioId}|${r.class}`;
const holdingKeyOf = (r: ClassKey & { providerId: string }) =>
  `${r.providerId}\u0000${providerAssetsClassKey(r)}`;
export const providerAssetsDayKey = (r: ClassKey & { providerId: string; date: string }) =>
  `${holdingKeyOf(r)}|${r.date}`;

export function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) (out.get(key(t)) ?? out.set(key(t), []).get(key(t))!).push(t);
  return out;
}

/** Each row's provider, portfolio and class as recorded; every unknown one, and every duplicate, a problem. */
export function resolveProviderAssets(
  file: string,
  rows: readonly { line: number; row: ProviderAssetsStatement }[],
  registry: Registry,
  providers: ReadonlySet<string>,
): { resolved: ProviderAssetsRow[]; problems: Problem[] } {
  const classOf = classResolver(registry);
  const resolved: ProviderAssetsRow[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const bad = (field: keyof ProviderAssetsStatement, reason: string) =>
      problems.push({ file, line, field, value: String(row[field]), reason });
    // a name handed from one portfolio to another is the one that bore it on the row's date (SPEC §2)
    const c = classOf(row.portfolio, row.class, row.date);
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
      const first = seen.get(providerAssetsDayKey(r));
      if (first !== undefined)
        bad(
          'date',
          `duplicate row for ${row.provider} in ${row.portfolio} class ${cls} on ${row.date} (first on line ${first})`,
        );
      else {
        seen.set(providerAssetsDayKey(r), line);
        resolved.push(r);
      }
    }
  }
  return { resolved, problems };
}

/**
 * Every business day from a holding's first row (recorded or new) to its last new row has a row —
 * but for the days its class has ended (SPEC §12: accepted as ended at a close, until the class's
 * net assets resume; `classEndedOn`): its customers hold nothing of a class that has ended.
 */
export function missingProviderAssetsDayProblems(
  file: string,
  rows: readonly ProviderAssetsRow[],
  recorded: readonly ProviderAssetsDay[],
  registry: Registry,
  classEndedOn: (classKey: string, date: string) => boolean = () => false,
): Problem[] {
  const dates = groupBy([...recorded, ...rows], holdingKeyOf);
  return [...groupBy(rows, holdingKeyOf)].flatMap(([k, list]) => {
    const last = list.reduce((m, r) => (r.date > m ? r.date : m), list[0]!.date);
    const r = list[0]!;
    const classKey = providerAssetsClassKey(r);
    const day = firstMissingDay(new Set(dates.get(k)!.map((x) => x.date)), last, (d) =>
      classEndedOn(classKey, d),
    );
    if (day === undefined) return [];
    const name = `${registry.identities.nameOn(r.portfolioId, day)} class ${r.class}`;
    const reason = `no assets for ${r.providerId} in ${name} on ${day}, an NYSE business day after its first row`;
    return { file, line: list.find((x) => x.date > day)?.line ?? r.line, field: 'date', value: day, reason };
  });
}

/**
 * SPEC §5: on every date a figure changes within the span of the new rows, each provider's
 * customers' assets, and their sum, must not exceed the class's net assets (both carried forward).
 */
export function aboveNetAssetsProblems(
  file: string,
  rows: readonly ProviderAssetsRow[],
  recorded: readonly ProviderAssetsDay[],
  classNetAssets: ReadonlyMap<string, readonly NetAssetsRow[]>,
  registry: Registry,
  /** SPEC §12: a day on which the class has ended (accepted as ended, not yet resumed): it has no net assets */
  classEndedOn: (classKey: string, date: string) => boolean = () => false,
): Problem[] {
  const problems: Problem[] = [];
  const recordedByClass = groupBy(recorded, providerAssetsClassKey);
  for (const [classKey, fresh] of groupBy(rows, providerAssetsClassKey)) {
    const { portfolioId, class: cls } = fresh[0]!;
    const na = classNetAssets.get(classKey) ?? [];
    const name = (date: string) => `${registry.identities.nameOn(portfolioId, date)} class ${cls}`;
    // A row dated before the class's first net assets cannot be checked, nor paid: refuse it.
    // So is a row dated while the class has ended (SPEC §12): its net assets are none that day.
    const orphans = fresh.filter((r) => carriedOn(na, r.date) === null || classEndedOn(classKey, r.date));
    for (const r of orphans) {
      const reason =
        carriedOn(na, r.date) === null
          ? `no net assets recorded for ${name(r.date)} on or before ${r.date}; import the class's net assets first (\`plan12b net-assets import\`)`
          : `${name(r.date)} has ended on ${r.date} (accepted as ended at a close; no net assets until its feed resumes), so its customers hold nothing of it; import the class's net assets from the day they resume first (\`plan12b net-assets import\`)`;
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

/** A net-assets row that restates a recorded day, resolved. */
export interface RestatedNetAssetsDay {
  readonly line: number;
  readonly portfolioId: string;
  readonly class: string;
  readonly portfolioName: string;
  readonly date: string;
  readonly netAssetsCents: bigint;
}

/**
 * SPEC §5: "A provider's assets above the class's net assets that day is an error" — whichever of
 * the two figures is imported last. A net-assets restatement that puts a day's net assets (and the
 * days that carry it forward, up to the class's next row) below what a provider's customers hold
 * there, or below their sum, is refused on its line; nothing is written. (It was recorded, and the
 * next close then stopped, exit 65, on a month already closed.) Restate the provider assets first.
 * @example
 * // provider P holds 500.00 on 2025-12-12; the class's 1000.00 restated to 400.00
 * restatedNetAssetsBelowProviderAssetsProblems('na.csv',
 *   [{ line: 2, portfolioId: 'p', class: 'B', portfolioName: 'F', date: '2025-12-12', netAssetsCents: 40000n }],
 *   new Map([['p|B', [{ date: '2025-12-12', netAssetsCents: 100000n }]]]),
 *   [{ providerId: 'P', portfolioId: 'p', class: 'B', date: '2025-12-12', assetsCents: 50000n }]).length // 1
 */
export function restatedNetAssetsBelowProviderAssetsProblems(
  file: string,
  restated: readonly RestatedNetAssetsDay[],
  classNetAssets: ReadonlyMap<string, readonly NetAssetsRow[]>,
  providerAssets: readonly ProviderAssetsDay[],
): Problem[] {
  const problems: Problem[] = [];
  const assetsByClass = groupBy(providerAssets, providerAssetsClassKey);
  for (const [classKey, rows] of groupBy(restated, providerAssetsClassKey)) {
    const assets = assetsByClass.get(classKey);
    if (assets === undefined) continue;
    const newOn = new Map(rows.map((r) => [r.date, r.netAssetsCents]));
    const na = (classNetAssets.get(classKey) ?? []).map((x) => ({
      date: x.date,
      netAssetsCents: newOn.get(x.date) ?? x.netAssetsCents,
    }));
    for (const r of rows) {
      // the restated figure governs its day and the days carried forward from it
      const next = na.find((x) => x.date > r.date)?.date;
      const to = next === undefined ? addDays(r.date, 10) : addDays(next, -1);
      for (const v of assetsAboveNetAssetsBetween(classKey, na, assets, r.date, to))
        problems.push({
          file,
          line: r.line,
          field: 'net_assets',
          value: formatCents(r.netAssetsCents),
          reason: `${describeAssetsAboveNetAssets(v, `${r.portfolioName} class ${r.class}`)}; restate the provider assets first (\`plan12b provider-assets import --restate\`)`,
        });
    }
  }
  return problems;
}

/** A new net-assets row, resolved: the day's figure the file adds. */
export type NewNetAssetsDay = RestatedNetAssetsDay;

/**
 * SPEC §5: "A provider's assets above the class's net assets that day is an error" — also when the
 * provider's figure came first. A new net-assets row governs its day and the days carried forward
 * from it (up to the class's next row or the next business day, SPEC §4); on each, every provider's
 * assets in force (its latest row, carried over non-business days only: a business day without
 * one ends the holding, {@link holdingEndDate}) and their sum must not exceed it. One pass per
 * class over its new rows, its recorded net assets and the providers' rows in the same span, all
 * sorted by date; one problem per row and provider (or sum), at the first day it exceeds.
 * @example
 * // provider P's customers hold 500.00 on 2006-03-15; the class's new row says 400.00
 * newNetAssetsBelowProviderAssetsProblems('na.csv',
 *   [{ line: 2, portfolioId: 'p', class: 'C', portfolioName: 'F', date: '2006-03-15', netAssetsCents: 40000n }],
 *   [], [{ providerId: 'P', portfolioId: 'p', class: 'C', date: '2006-03-15', assetsCents: 50000n }]).length // 1
 */
export function newNetAssetsBelowProviderAssetsProblems(
  file: string,
  fresh: readonly NewNetAssetsDay[],
  /** the class's other net assets in the span (recorded, or changed by this file), any order */
  otherNetAssets: readonly (ClassKey & NetAssetsRow)[],
  providerAssets: readonly ProviderAssetsDay[],
): Problem[] {
  if (providerAssets.length === 0 || fresh.length === 0) return [];
  const problems: Problem[] = [];
  const nextBusinessDay = new Map<string, string>();
  const endOf = (date: string) => {
    let end = nextBusinessDay.get(date);
    // past the calendar's last year (2100) nothing ends: every figure there is carried
    if (end === undefined) {
      end = nextBusinessDayOrNone(date);
      nextBusinessDay.set(date, end);
    }
    return end;
  };
  const byDate = (a: { date: string }, b: { date: string }) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  const otherByClass = groupBy(otherNetAssets, providerAssetsClassKey);
  const freshByClass = groupBy(fresh, providerAssetsClassKey);
  for (const [classKey, assets] of groupBy(providerAssets, providerAssetsClassKey)) {
    const rows = freshByClass.get(classKey);
    if (rows === undefined) continue;
    rows.sort(byDate);
    assets.sort(byDate);
    const naDates = [
      ...(otherByClass.get(classKey) ?? []).map((x) => x.date),
      ...rows.map((r) => r.date),
    ].sort();
    // each provider's latest row up to the day looked at (dropped once a business day passes it)
    const inForce = new Map<string, { date: string; cents: bigint }>();
    let next = 0;
    let n = 0;
    for (const r of rows) {
      // the days this row's figure governs: its own, and those carried from it (SPEC §4)
      while (n < naDates.length && naDates[n]! <= r.date) n++;
      const later = naDates[n];
      const until = later !== undefined && later < endOf(r.date) ? later : endOf(r.date);
      const days = [r.date];
      for (let i = next; i < assets.length && assets[i]!.date < until; i++)
        if (assets[i]!.date > r.date && assets[i]!.date !== days.at(-1)) days.push(assets[i]!.date);
      const reported = new Set<string>();
      for (const day of days) {
        while (next < assets.length && assets[next]!.date <= day) {
          const a = assets[next++]!;
          inForce.set(a.providerId, { date: a.date, cents: a.assetsCents });
        }
        let sum = 0n;
        for (const [providerId, a] of inForce) {
          if (endOf(a.date) <= day) inForce.delete(providerId);
          else sum += a.cents;
        }
        // each provider's assets are within their sum: a sum within the net assets is all well
        if (sum <= r.netAssetsCents) continue;
        const present = [...inForce].map(([providerId, a]): [string, bigint] => [providerId, a.cents]);
        present.sort(([a], [b]) => (a < b ? -1 : 1));
        for (const v of assetsAboveNetAssets(classKey, day, r.netAssetsCents, present)) {
          const who = v.providerId ?? '';
          if (reported.has(who)) continue;
          reported.add(who);
          problems.push({
            file,
            line: r.line,
            field: 'net_assets',
            value: formatCents(r.netAssetsCents),
            reason: `${describeAssetsAboveNetAssets(v, `${r.portfolioName} class ${r.class}`)}; correct the net assets, or restate the provider assets first (\`plan12b provider-assets import --restate\`)`,
          });
        }
      }
    }
  }
  return problems;
}

/** The business day after a date, or one later than any date when the calendar ends first. */
export function nextBusinessDayOrNone(date: string): string {
  try {
    return businessDayAfter(date, 1);
  } catch (e) {
    if (e instanceof OutsideNyseCalendar) return '9999-12-31';
    throw e;
  }
}
