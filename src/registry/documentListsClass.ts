import type { PortfolioIdentities } from './portfolioIdentity.js';
import type { StoredDocument } from './storedDocument.js';

/**
 * Whether a document lists a portfolio (and, when given, its class) in any of its schedules, each
 * entry read under the names in force on the document's effective date (SPEC §2). Plan §§5–6: an
 * approval of a document makes its schedules govern, so it speaks only for what the document lists.
 */
export function documentListsClass(
  d: StoredDocument,
  identities: PortfolioIdentities,
  portfolioId: string,
  shareClass: string | null,
): boolean {
  const cls = shareClass?.toLowerCase() ?? null;
  return d.doc.schedules.some((s) =>
    s.entries.some(
      (e) =>
        (cls === null || e.class.toLowerCase() === cls) &&
        identities.resolveOn(e.portfolio, d.doc.effectiveDate) === portfolioId,
    ),
  );
}
