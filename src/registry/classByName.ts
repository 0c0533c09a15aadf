import { unknownPortfolioReason } from './closestPortfolioName.js';
import { nameKey } from './portfolioName.js';
import type { Registry } from './registry.js';

/** A share class as a feed names it, found in the registry — or which name is unknown, and why. */
export type ClassByName =
  | { readonly kind: 'class'; readonly portfolioId: string; readonly class: string }
  | { readonly kind: 'unknown'; readonly field: 'portfolio' | 'class'; readonly reason: string };

/**
 * Finds the class a feed row names: the portfolio by any name it has had, the class in any case
 * (returned as the documents spell it).
 * @example classResolver(registry)('AIM Value Fund', 'c') // { kind: 'class', portfolioId, class: 'C' }
 */
export function classResolver(
  registry: Registry,
): (portfolio: string, shareClass: string, date?: string) => ClassByName {
  const classOf = new Map<string, string>();
  for (const k of registry.classKeys()) classOf.set(`${k.portfolioId}|${k.class.toLowerCase()}`, k.class);
  // A feed names the same few classes on every row: each (portfolio, class) pair is resolved once.
  const resolved = new Map<string, ClassByName>();
  // a name handed from one portfolio to another is the one that bore it on the row's date (SPEC §2)
  const handedOver = new Set(registry.identities.nameHandovers.map((h) => nameKey(h.name)));
  const resolve = (portfolio: string, shareClass: string, date?: string): ClassByName => {
    const portfolioId =
      date === undefined
        ? registry.identities.resolve(portfolio)
        : registry.identities.resolveOn(portfolio, date);
    if (portfolioId === undefined)
      return {
        kind: 'unknown',
        field: 'portfolio',
        reason: `${unknownPortfolioReason(registry.identities, portfolio)}; import the exhibit that lists it first`,
      };
    const found = classOf.get(`${portfolioId}|${shareClass.toLowerCase()}`);
    if (found === undefined)
      return {
        kind: 'unknown',
        field: 'class',
        reason: `${portfolio} has no class ${JSON.stringify(shareClass)} in any instrument`,
      };
    return { kind: 'class', portfolioId, class: found };
  };
  return (portfolio, shareClass, date) => {
    if (date !== undefined && handedOver.has(nameKey(portfolio))) return resolve(portfolio, shareClass, date);
    const key = `${portfolio}\u0000${shareClass}`;
    let r = resolved.get(key);
    if (r === undefined) {
      r = resolve(portfolio, shareClass);
      resolved.set(key, r);
    }
    return r;
  };
}
