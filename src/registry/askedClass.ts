import { Plan12bError } from '../errors.js';
import type { Registry } from './registry.js';

/**
 * A share class a person asks a query or a command about (`--class`, `?class=`), found in the
 * registry in any case and returned as the documents spell it. A class no instrument ever named is
 * a name to check — NOT_FOUND (exit 66, HTTP 404), as an unknown portfolio is — never an empty
 * answer; a class the documents name with nothing in the asked range is the query's own empty
 * answer (SPEC §2: the registry is what the documents name).
 * Given a portfolio, the class must be one an instrument names for that portfolio.
 * @example askedClass(registry, 'b') // 'B'; askedClass(registry, 'ZZ') throws NOT_FOUND
 */
export function askedClass(
  registry: Registry,
  asked: string,
  portfolio?: { readonly id: string; readonly name: string },
): string {
  const want = asked.toLowerCase();
  const keys = registry.classKeys().filter((k) => k.class.toLowerCase() === want);
  if (keys.length === 0)
    throw new Plan12bError(
      'NOT_FOUND',
      `no instrument has a class ${JSON.stringify(asked)}`,
      'check the class (`plan12b schedule --as-of DATE` lists the classes in force)',
    );
  if (portfolio === undefined) return (keys[0] as { class: string }).class;
  const own = keys.find((k) => k.portfolioId === portfolio.id);
  if (own === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `${portfolio.name} has no class ${JSON.stringify(asked)} in any instrument`,
      `check the class (\`plan12b portfolio history ${JSON.stringify(portfolio.name)}\` lists the classes each instrument names for it)`,
    );
  return own.class;
}
