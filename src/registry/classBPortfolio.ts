import { unknownPortfolioReason } from './closestPortfolioName.js';
import type { Registry } from './registry.js';

/**
 * Resolves a feed's portfolio name to a portfolio that has Class B shares under some instrument,
 * or says why not (SPEC §2: any name it ever had resolves to it; given a date, the portfolio that
 * bore the name that day).
 */
export function classBPortfolioResolver(
  registry: Registry,
  unknownHint: string,
): (name: string, date?: string) => { id: string } | { problem: string } {
  const classB = new Set(
    registry
      .classKeys()
      .filter((k) => k.class.toUpperCase() === 'B')
      .map((k) => k.portfolioId),
  );
  // a name handed from one portfolio to another is the one that bore it on the date (SPEC §2)
  return (name, date) => {
    const id =
      date === undefined ? registry.identities.resolve(name) : registry.identities.resolveOn(name, date);
    if (id === undefined)
      return { problem: `${unknownPortfolioReason(registry.identities, name)}; ${unknownHint}` };
    if (!classB.has(id)) return { problem: `${name} has no Class B shares in any instrument` };
    return { id };
  };
}
