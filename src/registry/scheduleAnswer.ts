import type { PendingEntry } from './approvedWindows.js';
import type { Registry, ScheduleAnswer } from './registry.js';

/**
 * `plan12b schedule --as-of D [--class C] [--portfolio P] --json` and `GET /api/registry/schedule`
 * (SPEC §2): the entries in force on the date, those waiting for an approval, and the warnings — a
 * portfolio name no document ever gave among them. One answer for the CLI and the API.
 */
export function scheduleAnswer(
  registry: Registry,
  asOf: string,
  ask: { readonly class?: string | undefined; readonly portfolio?: string | undefined },
): {
  asOf: string;
  class: string | null;
  count: number;
  entries: ScheduleAnswer[];
  pending: PendingEntry[];
  warnings: string[];
} {
  const filter = {
    ...(ask.class ? { class: ask.class } : {}),
    ...(ask.portfolio ? { portfolio: ask.portfolio } : {}),
  };
  const { entries, warnings, pending } = registry.scheduleAsOf(asOf, filter);
  if (ask.portfolio && registry.identities.resolve(ask.portfolio) === undefined)
    warnings.push(`no portfolio has ever been named ${JSON.stringify(ask.portfolio)}`);
  return { asOf, class: ask.class ?? null, count: entries.length, entries, pending, warnings };
}
