/**
 * Agreement FOURTEENTH continues the Agreement per Portfolio: what the board report and
 * `continuance` say of an Agreement is said of groups of its Portfolios that stand alike (the same
 * deadline and status), each group naming its Portfolios. Pure: both callers decide what "alike"
 * means (their key) and what they print.
 */

/** The Portfolios an Agreement still lists on `asOf` (one whose listing ended before is history). */
export function portfoliosListedOn<P extends { readonly lastDay: string | null }>(
  portfolios: readonly P[] | null,
  asOf: string,
): P[] {
  return (portfolios ?? []).filter((p) => p.lastDay === null || p.lastDay >= asOf);
}

/**
 * The Portfolios grouped by `keyOf` (those it maps to null are left out), each group with the
 * Portfolios' names in the order given, groups in the order of their first Portfolio.
 * @example portfolioGroups([{ portfolio: 'X', s: 'a' }, { portfolio: 'Y', s: 'b' }, { portfolio: 'Z', s: 'a' }], (p) => p.s)
 *   // → [{ key: 'a', first: X, names: ['X', 'Z'] }, { key: 'b', first: Y, names: ['Y'] }]
 */
export function portfolioGroups<P extends { readonly portfolio: string }>(
  portfolios: readonly P[],
  keyOf: (p: P) => string | null,
): { key: string; first: P; names: string[] }[] {
  const groups = new Map<string, { key: string; first: P; names: string[] }>();
  for (const p of portfolios) {
    const key = keyOf(p);
    if (key === null) continue;
    const g = groups.get(key);
    if (g) g.names.push(p.portfolio);
    else groups.set(key, { key, first: p, names: [p.portfolio] });
  }
  return [...groups.values()];
}
