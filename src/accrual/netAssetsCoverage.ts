import { businessDaysBetween } from '../calendar/nyseCalendar.js';
import type { Problem } from '../errors.js';
import type { Registry } from '../registry/registry.js';

/** A class's net assets on a day, resolved to the registry's portfolio and class (SPEC §4). */
export interface ClassNetAssetsDay {
  readonly line: number;
  readonly portfolioId: string;
  readonly class: string;
  readonly date: string;
}

/**
 * SPEC §4: days with net assets that no instrument covers accrue no fees; a warning per class
 * with the count and the span of such days.
 */
export function uncoveredNetAssetsWarnings(rows: readonly ClassNetAssetsDay[], registry: Registry): string[] {
  const uncovered = new Map<string, { first: string; last: string; n: number }>();
  for (const r of rows) {
    if (registry.governingOn(r.portfolioId, r.class, r.date)) continue;
    const k = `${r.portfolioId}|${r.class}`;
    const u = uncovered.get(k);
    uncovered.set(
      k,
      u
        ? {
            first: u.first < r.date ? u.first : r.date,
            last: u.last > r.date ? u.last : r.date,
            n: u.n + 1,
          }
        : { first: r.date, last: r.date, n: 1 },
    );
  }
  return [...uncovered].map(([k, u]) => {
    const [pid, cls] = k.split('|') as [string, string];
    return `${registry.identities.nameOn(pid, u.last)} class ${cls}: ${u.n} day(s) between ${u.first} and ${u.last} not covered by any instrument; no fees accrue on them`;
  });
}

/**
 * SPEC §4: every NYSE business day from a class's first row (recorded or new) to its last new
 * row must have a row; the first day missing in each class is a problem.
 */
export function missingNetAssetsDayProblems(
  file: string,
  rows: readonly ClassNetAssetsDay[],
  recordedDates: ReadonlyMap<string, ReadonlySet<string>>,
  registry: Registry,
): Problem[] {
  const byClass = new Map<string, ClassNetAssetsDay[]>();
  for (const r of rows) {
    const k = `${r.portfolioId}|${r.class}`;
    byClass.set(k, [...(byClass.get(k) ?? []), r]);
  }
  const problems: Problem[] = [];
  for (const [k, list] of byClass) {
    const dates = new Set([...(recordedDates.get(k) ?? []), ...list.map((r) => r.date)]);
    const first = [...dates].sort()[0]!;
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
        value: day,
        reason: `no net assets for ${registry.identities.nameOn(pid, day)} class ${cls} on ${day}, an NYSE business day after its first row`,
      });
      break;
    }
  }
  return problems;
}
