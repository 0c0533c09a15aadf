import { Plan12bError } from '../errors.js';
import type { PendingEntry } from './approvedWindows.js';
import { askedClass } from './askedClass.js';
import { didYouMeanPortfolio } from './closestPortfolioName.js';
import type { Registry, ScheduleAnswer } from './registry.js';

/**
 * `plan12b schedule --as-of D [--class C] [--portfolio P] --json` and `GET /api/registry/schedule`
 * (SPEC §2): the entries in force on the date, those waiting for an approval, and the warnings; a
 * portfolio name or class no document ever gave is NOT_FOUND (exit 66, HTTP 404). One answer for the CLI and
 * the API.
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
  // a name no document ever gave is a name to check, never an empty answer (as `fees` answers it)
  if (ask.portfolio && registry.identities.resolve(ask.portfolio) === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `no portfolio has ever been named ${JSON.stringify(ask.portfolio)}`,
      `${didYouMeanPortfolio(registry.identities, ask.portfolio)}check the name: any name a portfolio ever had is accepted (\`plan12b schedule --as-of DATE\` lists those in force)`,
    );
  // and a class no instrument ever named likewise (as `fees --class` answers it)
  if (ask.class) askedClass(registry, ask.class);
  const { entries, warnings, pending } = registry.scheduleAsOf(asOf, filter);
  return { asOf, class: ask.class ?? null, count: entries.length, entries, pending, warnings };
}
