import { sql } from 'kysely';
import { createDistributorTerm, type DistributorTerm } from '../class-b/distributorTerm.js';
import { compareCodeUnits, compareNames } from '../registry/nameOrder.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * Distributor terms (Exhibit A 2(a); Agreement NINETEENTH), append-only: a term is never deleted
 * or edited; a later record for the same (portfolio, distributor, start) ends or replaces it. The
 * term in force for a key is its latest record.
 */

/** The terms in force: the latest record of each (portfolio, distributor, start). */
export async function loadDistributorTerms(q: Queryable): Promise<DistributorTerm[]> {
  const rows = await typed(q)
    .selectFrom('class_b_distributor_term')
    .distinctOn([sql`coalesce(portfolio_id, '')`, 'distributor', 'start_date'])
    .select(['portfolio_id', 'distributor', 'start_date', 'end_date', 'rights_assigned_to'])
    .orderBy(sql`coalesce(portfolio_id, '')`)
    .orderBy('distributor')
    .orderBy('start_date')
    .orderBy('id', 'desc')
    .execute();
  return rows
    .map((r) =>
      createDistributorTerm({
        portfolioId: r.portfolio_id,
        distributor: r.distributor,
        start: r.start_date,
        end: r.end_date,
        rightsAssignedTo: r.rights_assigned_to,
      }),
    )
    .sort(
      (a, b) =>
        (a.portfolioId === null ? 0 : 1) - (b.portfolioId === null ? 0 : 1) ||
        compareNames(a.portfolioId ?? '', b.portfolioId ?? '') ||
        compareCodeUnits(a.start, b.start),
    );
}

/** Appends one record per term: a new term, or a later record of a recorded one. */
export async function appendDistributorTerms(
  q: Queryable,
  terms: readonly { term: DistributorTerm; portfolioName: string | null }[],
  importId: number,
  actor: string,
): Promise<void> {
  if (terms.length === 0) return;
  await typed(q)
    .insertInto('class_b_distributor_term')
    .values(
      terms.map(({ term, portfolioName }) => ({
        portfolio_id: term.portfolioId,
        portfolio_name: portfolioName,
        distributor: term.distributor,
        start_date: term.start,
        end_date: term.end,
        rights_assigned_to: term.rightsAssignedTo,
        import_id: importId,
        recorded_by: actor,
      })),
    )
    .execute();
}
