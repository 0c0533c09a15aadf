import { Plan12bError } from '../errors.js';
import type { Queryable } from '../store/database.js';
import { loadDistributorTerms } from '../store/distributorTermsRepository.js';

/**
 * The distributor asked about by `redemptions` and `cdsc` (`--distributor NAME`, the API's
 * `distributor=NAME`): a name no distributor term records (as distributor or as the one its rights
 * were assigned to, Exhibit A 2(a)) is a name to check (66, HTTP 404), not an empty answer; the
 * names are matched exactly, as the CDSC pieces carry them. One rule for the CLI and the API.
 */
export async function requireKnownDistributor(q: Queryable, name: string | null): Promise<void> {
  if (name === null) return;
  const terms = await loadDistributorTerms(q);
  const names = new Set(
    terms.flatMap((t) => [t.distributor, ...(t.rightsAssignedTo ? [t.rightsAssignedTo] : [])]),
  );
  if (names.has(name)) return;
  throw new Plan12bError(
    'NOT_FOUND',
    `no distributor of Class B shares is recorded as ${JSON.stringify(name)}`,
    names.size === 0
      ? 'import the distributors first: `plan12b distributors import FILE`'
      : `the distributors recorded: ${[...names].sort().join('; ')}`,
  );
}
