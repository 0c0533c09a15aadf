import type { PortfolioIdentities } from './portfolioIdentity.js';
import { nameKey } from './portfolioName.js';

/**
 * The portfolio a name means over a span of days [from, to] (a month's row, an expenditure's
 * period, a query's range). SPEC §2: a rename takes effect on its date, so a name handed from one
 * portfolio to another (see `nameHandovers`) means the bearer of the span's last day; where it
 * meant another portfolio earlier in the span, the name is ambiguous and `ambiguity` says so (the
 * caller refuses or warns — never picks silently).
 * @example portfolioOverSpan(ids, 'Core Bond Fund', '2020-06-01', '2020-06-30') // { id, ambiguity: null }
 */
export function portfolioOverSpan(
  identities: PortfolioIdentities,
  name: string,
  from: string,
  to: string,
): { id: string | undefined; ambiguity: string | null } {
  const id = identities.resolveOn(name, to);
  const earlier = identities.resolveOn(name, from);
  if (earlier === undefined || id === undefined || earlier === id) return { id, ambiguity: null };
  const passes = identities.nameHandovers
    .filter((h) => h.date > from && h.date <= to && identities.resolveOn(h.name, h.date) === id)
    .map((h) => h.date);
  const on = passes.length > 0 ? ` on ${passes.join(', ')}` : '';
  const other = (pid: string) => identities.nameOn(pid, to);
  return {
    id,
    ambiguity: `${JSON.stringify(name)} passes from one portfolio to another${on}, within ${from}..${to}: before, it is the one now called ${JSON.stringify(other(earlier))}, after, ${JSON.stringify(other(id))}; name the portfolio by a name that is its alone, or split the span at the change`,
  };
}

/**
 * The warnings a query naming a portfolio gives when the name passed from one portfolio to another
 * (SPEC §2): the query reads it as of `asOf`, and says so rather than pick silently.
 */
export function handedOverNameWarnings(
  identities: PortfolioIdentities,
  name: string,
  asOf: string,
): string[] {
  const key = nameKey(name);
  return identities.nameHandovers
    .filter((h) => nameKey(h.name) === key)
    .map((h) => `${h.note}; read here as of ${asOf}`);
}
