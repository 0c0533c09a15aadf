import type { Problem } from '../errors.js';
import { spellingVariantProblems } from '../registry/nameSpelling.js';
import type { DistributorTerm } from './distributorTerm.js';

/**
 * A distributor is known by its name, compared exactly: whose term holds a DOI decides who earns the
 * CDSC and who is the Distributor (Exhibit A 2(a); Agreement FOURTH(D)). A name that differs from
 * one already recorded or stated earlier in the file only by case or spacing ("A I M DISTRIBUTORS,
 * INC." beside "A I M Distributors, Inc.") would silently be a second distributor — an Other
 * Distributor earning what the Distributor earns — so it is refused on its line, naming the
 * spelling to use (src/registry/nameSpelling.ts).
 */
export function distributorNameSpellingProblems(
  rows: readonly { line: number; row: { distributor: string; assigned_to: string | null } }[],
  stored: readonly DistributorTerm[],
  file: string,
): Problem[] {
  return spellingVariantProblems(
    rows.flatMap(({ line, row }) => [
      { line, field: 'distributor', name: row.distributor },
      ...(row.assigned_to === null ? [] : [{ line, field: 'assigned_to', name: row.assigned_to }]),
    ]),
    stored.flatMap((t) => [t.distributor, ...(t.rightsAssignedTo === null ? [] : [t.rightsAssignedTo])]),
    'distributor',
    file,
  );
}
