import type { Registry } from './registry.js';

/**
 * Resolves a feed's portfolio name to a portfolio that has Class B shares under some instrument,
 * or says why not (SPEC §2: any name it ever had resolves to it).
 */
export function classBPortfolioResolver(
  registry: Registry,
  unknownHint: string,
): (name: string) => { id: string } | { problem: string } {
  const classB = new Set(
    registry
      .classKeys()
      .filter((k) => k.class.toUpperCase() === 'B')
      .map((k) => k.portfolioId),
  );
  return (name) => {
    const id = registry.identities.resolve(name);
    if (id === undefined) return { problem: `unknown portfolio ${JSON.stringify(name)}; ${unknownHint}` };
    if (!classB.has(id)) return { problem: `${name} has no Class B shares in any instrument` };
    return { id };
  };
}
