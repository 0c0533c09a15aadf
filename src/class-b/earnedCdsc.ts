import { type DistributorTerm, distributorTermOn, rightsHolder } from './distributorTerm.js';

/**
 * Agreement FOURTH(D): the Distributor is entitled to the CDSC on Shares "issued by a Portfolio
 * during the term of this Agreement and any predecessor Agreement", or issued in free exchanges
 * "traced to Shares initially issued by a Portfolio during the term" (the Distributor's Earned
 * CDSC); Exhibit A 2(a) allocates Commission Shares to the Distributor or Other Distributor
 * whose term holds their DOI. So a piece's CDSC belongs to whoever distributed the issuing
 * portfolio's shares on the piece's DOI — through any assignment of that distributor's rights.
 */
export interface CdscAttribution {
  /** the exclusive distributor of the issuing portfolio on the DOI, or null if none is recorded */
  readonly distributor: string | null;
  /** who is paid: the distributor, or the holder of its assigned rights */
  readonly earnedBy: string | null;
}

/**
 * @example
 *   const terms = [createDistributorTerm({ portfolioId: null, distributor: 'IDI', start: '1990-01-01',
 *     end: '2003-08-17', rightsAssignedTo: 'ADI' }), …];
 *   attributeCdsc(terms, 'p1', '2001-05-01') → { distributor: 'IDI', earnedBy: 'ADI' }
 */
export function attributeCdsc(
  terms: readonly DistributorTerm[],
  issuingPortfolioId: string,
  dateOfOriginalIssuance: string,
): CdscAttribution {
  const term = distributorTermOn(terms, issuingPortfolioId, dateOfOriginalIssuance);
  if (term === undefined) return { distributor: null, earnedBy: null };
  return { distributor: term.distributor, earnedBy: rightsHolder(terms, term.distributor) };
}
