import type { Problem } from '../errors.js';
import { nameKey } from '../registry/portfolioName.js';
import type { DistributorTerm } from './distributorTerm.js';

/**
 * A distributor is known by its name, compared exactly: whose term holds a DOI decides who earns the
 * CDSC and who is the Distributor (Exhibit A 2(a); Agreement FOURTH(D)). A name that differs from
 * one already recorded or stated earlier in the file only by case or spacing ("A I M DISTRIBUTORS,
 * INC." beside "A I M Distributors, Inc.") would silently be a second distributor — an Other
 * Distributor earning what the Distributor earns — so it is refused on its line, naming the
 * spelling to use (as a provider id differing from another only by case is, Plan §4).
 */
export function distributorNameSpellingProblems(
  rows: readonly { line: number; row: { distributor: string; assigned_to: string | null } }[],
  stored: readonly DistributorTerm[],
  file: string,
): Problem[] {
  const first = new Map<string, { name: string; where: string }>();
  const know = (name: string, where: string) => {
    const k = nameKey(name);
    if (!first.has(k)) first.set(k, { name, where });
  };
  for (const t of stored) {
    know(t.distributor, 'recorded');
    if (t.rightsAssignedTo !== null) know(t.rightsAssignedTo, 'recorded');
  }
  const problems: Problem[] = [];
  for (const { line, row } of rows) {
    for (const [field, name] of [
      ['distributor', row.distributor],
      ['assigned_to', row.assigned_to],
    ] as const) {
      if (name === null) continue;
      know(name, `on line ${line}`);
      const known = first.get(nameKey(name))!;
      if (known.name !== name)
        problems.push({
          file,
          line,
          field,
          value: name,
          reason: `${JSON.stringify(name)} differs from the distributor ${JSON.stringify(known.name)} (${known.where}) only by case or spacing; write it as ${JSON.stringify(known.name)} (two spellings would be two distributors)`,
        });
    }
  }
  return problems;
}
