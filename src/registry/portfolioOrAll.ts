import { unknownPortfolioReason } from './closestPortfolioName.js';
import type { Registry } from './registry.js';

/**
 * A portfolio as a feed names it, or `all` (null: every portfolio), resolved through the
 * registry by any name it ever had (SPEC §2) — or why not.
 */
export function portfolioOrAll(
  registry: Registry,
  name: string,
  date?: string,
): { id: string | null } | { problem: string } {
  if (name.toLowerCase() === 'all') return { id: null };
  // given a date, a name handed from one portfolio to another is the one that bore it that day
  const id =
    date === undefined ? registry.identities.resolve(name) : registry.identities.resolveOn(name, date);
  if (id === undefined)
    return {
      problem: `${unknownPortfolioReason(registry.identities, name)}; write all, or import the exhibit that lists it first`,
    };
  return { id };
}
