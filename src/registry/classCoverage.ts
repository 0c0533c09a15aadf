import { addDays } from '../calendar/isoDate.js';
import { collectCandidates } from './governingEntry.js';
import type { Registry } from './registry.js';

/**
 * The days each (portfolio, class) is listed by some instrument's schedule version, whatever its
 * approvals or terminations (SPEC §2): "portfolioId|class" → runs [from, lastDay] (null: open).
 */
export function classCoverage(
  registry: Registry,
): ReadonlyMap<string, readonly { from: string; lastDay: string | null }[]> {
  const out = new Map<string, { from: string; lastDay: string | null }[]>();
  for (const [key, list] of collectCandidates(
    registry.instruments,
    registry.identities,
    registry.classRenames,
  ))
    out.set(key, merged(list.map((c) => ({ from: c.from, lastDay: c.lastDay }))));
  return out;
}

/** Runs that touch or overlap joined: one run per unbroken stretch of coverage. */
function merged(
  runs: readonly { from: string; lastDay: string | null }[],
): { from: string; lastDay: string | null }[] {
  const out: { from: string; lastDay: string | null }[] = [];
  for (const r of [...runs].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    const last = out.at(-1);
    if (last !== undefined && (last.lastDay === null || addDays(last.lastDay, 1) >= r.from)) {
      if (last.lastDay !== null && (r.lastDay === null || r.lastDay > last.lastDay))
        out[out.length - 1] = { from: last.from, lastDay: r.lastDay };
    } else out.push({ ...r });
  }
  return out;
}

/** Whether a run of coverage touches [from, to]. */
export function coveredDuring(
  runs: readonly { from: string; lastDay: string | null }[] | undefined,
  from: string,
  to: string,
): boolean {
  return (runs ?? []).some((r) => r.from <= to && (r.lastDay === null || r.lastDay >= from));
}

/** The runs of coverage as a refusal names them: "2003-08-18 … 2004-06-30, from 2005-01-01". */
export function coverageSpans(runs: readonly { from: string; lastDay: string | null }[] | undefined): string {
  return (runs ?? [])
    .map((r) => (r.lastDay === null ? `from ${r.from}` : `${r.from} … ${r.lastDay}`))
    .join(', ');
}
