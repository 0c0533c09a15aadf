import { addDays } from '../calendar/isoDate.js';
import { businessDaysBetween } from '../calendar/nyseCalendar.js';
import type { Problem } from '../errors.js';
import type { Registry } from '../registry/registry.js';
import { type AcceptedEnd, endedSpansOf, isEndedOn } from './endedSpans.js';

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

/** An end a close accepted (SPEC §12), with the class's first recorded row after it (null: none yet). */
export interface RecordedEnd extends AcceptedEnd {
  readonly recordedResumption: string | null;
}

/**
 * SPEC §4: every NYSE business day from a class's first row (recorded or new) to its last new
 * row must have a row, and earlier history sent later must reach the first recorded day; the
 * first day missing in each class is a problem — unless the class has ended by that day
 * (terminated, or no longer covered: `endedOn` gives the first day it has ended, or null), as
 * `fees` reads it (src/accrual/coverageChecks.ts), or a close accepted it as ended and its net
 * assets have not resumed by that day (SPEC §12: `acceptedEnds`; a row after an end begins the
 * class again, so the days from that row on need rows). What lies between a class's first and last
 * recorded days is recorded already, but for the days of its accepted ends (every import before
 * this one was held to the same rule), so only the other days are looked for in the file.
 */
export function missingNetAssetsDayProblems(
  file: string,
  rows: readonly ClassNetAssetsDay[],
  recordedSpans: ReadonlyMap<string, { readonly first: string; readonly last: string }>,
  registry: Registry,
  endedOn: (portfolioId: string, shareClass: string) => string | null = () => null,
  acceptedEnds: (portfolioId: string, shareClass: string) => readonly RecordedEnd[] = () => [],
): Problem[] {
  const byClass = new Map<string, ClassNetAssetsDay[]>();
  for (const r of rows) {
    const k = `${r.portfolioId}|${r.class}`;
    const list = byClass.get(k);
    if (list === undefined) byClass.set(k, [r]);
    else list.push(r);
  }
  const problems: Problem[] = [];
  for (const [k, list] of byClass) {
    const span = recordedSpans.get(k);
    const dates = new Set<string>();
    let first = span?.first ?? list[0]!.date;
    let last = list[0]!.date;
    for (const r of list) {
      dates.add(r.date);
      if (r.date > last) last = r.date;
      if (r.date < first) first = r.date;
    }
    // Earlier history sent after later history must reach the recorded span: no hole is left.
    if (span !== undefined && first < span.first && last < span.first) last = span.first;
    const [pid, cls] = k.split('|') as [string, string];
    const ended = endedOn(pid, cls);
    // The recorded days without rows after each accepted end, (lastNetAssets, recordedResumption),
    // and the days the class has ended once this file's rows are added: [endedOn, first row after).
    const ends = acceptedEnds(pid, cls);
    const sorted = ends.length === 0 ? [] : [...dates].sort();
    const spans = endedSpansOf(ends, (after) => {
      const recorded = ends.find((e) => e.lastNetAssets === after)?.recordedResumption ?? null;
      const fromFile = sorted.find((d) => d > after) ?? null;
      return recorded === null || (fromFile !== null && fromFile < recorded) ? fromFile : recorded;
    });
    // New rows inside a recorded gap begin the class there again: they must reach the resumption.
    for (const e of ends)
      if (
        e.recordedResumption !== null &&
        e.recordedResumption > last &&
        sorted.some((d) => d > e.lastNetAssets && d < e.recordedResumption!)
      )
        last = e.recordedResumption;
    const recordedOn = (day: string) =>
      span !== undefined &&
      day >= span.first &&
      day <= span.last &&
      !ends.some(
        (e) => day > e.lastNetAssets && (e.recordedResumption === null || day < e.recordedResumption),
      );
    for (const day of businessDaysBetween(first, last)) {
      if (dates.has(day) || recordedOn(day)) continue;
      if (ended !== null && day >= ended) break;
      if (isEndedOn(spans, day)) continue;
      problems.push({
        file,
        line: list.find((r) => r.date > day)?.line ?? list[0]!.line,
        field: 'date',
        value: day,
        reason: `no net assets for ${registry.identities.nameOn(pid, day)} class ${cls} on ${day}, an NYSE business day after its first row${spans.some((s) => s.until !== null && s.until <= day) ? ` (its net assets resumed on ${spans.filter((s) => s.until !== null && s.until <= day).at(-1)!.until} after an accepted end)` : ''}`,
      });
      break;
    }
  }
  return problems;
}

/**
 * SPEC §12: the ends a file's rows resume — a class's first row after an accepted end, earlier
 * than any recorded one — each said once, so that the import's result (and its audit record's
 * file) shows that the class begins again there and that the ended days need no rows.
 */
export function resumedEndWarnings(
  rows: readonly ClassNetAssetsDay[],
  registry: Registry,
  acceptedEnds: (portfolioId: string, shareClass: string) => readonly RecordedEnd[],
): string[] {
  const classes = new Map<string, { portfolioId: string; class: string; dates: string[] }>();
  for (const r of rows) {
    const k = `${r.portfolioId}|${r.class}`;
    const c = classes.get(k);
    if (c === undefined) classes.set(k, { portfolioId: r.portfolioId, class: r.class, dates: [r.date] });
    else c.dates.push(r.date);
  }
  const out: string[] = [];
  for (const c of classes.values()) {
    const ends = acceptedEnds(c.portfolioId, c.class);
    if (ends.length === 0) continue;
    const sorted = [...c.dates].sort();
    for (const e of ends) {
      const d = sorted.find((x) => x > e.lastNetAssets);
      if (d === undefined || d <= e.endedOn) continue;
      if (e.recordedResumption !== null && e.recordedResumption <= d) continue;
      out.push(
        `${registry.identities.nameOn(c.portfolioId, d)} class ${c.class}: net assets resume on ${d} after its end accepted in the ${e.acceptedIn} close (no net assets after ${e.lastNetAssets}); the class begins again on ${d}, and ${e.endedOn} … ${addDays(d, -1)} need no rows and accrue no fees`,
      );
    }
  }
  return out;
}
