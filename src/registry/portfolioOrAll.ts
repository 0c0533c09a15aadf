import type { Registry } from './registry.js';

/**
 * A portfolio as a feed names it, or `all` (null: every portfolio), resolved through the
 * registry by any name it ever had (SPEC §2) — or why not.
 */
export function portfolioOrAll(
  registry: Registry,
  name: string,
): { id: string | null } | { problem: string } {
  if (name.toLowerCase() === 'all') return { id: null };
  const id = registry.identities.resolve(name);
  if (id === undefined)
    return {
      problem: `unknown portfolio ${JSON.stringify(name)}; write all, or import the exhibit that lists it first`,
    };
  return { id };
}
