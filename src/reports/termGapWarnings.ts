import { termGaps } from '../allocation/exclusivePeriods.js';
import type { DistributorTerm } from '../class-b/distributorTerm.js';
import { purchaseCountBetween } from '../store/classBRepository.js';
import type { Queryable } from '../store/database.js';

/**
 * Exhibit A 2(a) allocates Commission Shares "to the Distributor and each Other Distributor" by who
 * was exclusive distributor on their Date of Original Issuance. A purchase dated in a gap between a
 * portfolio's distributor terms (through `through`) has no one: the Agreement does not say whose
 * fees such shares carry (SECOND: the Fund sells only through the Distributor — a gap is most
 * likely a term recorded wrong). They are counted with the Distributor's shares, as a DOI no term
 * holds always was, and this warning says so, rather than guess another owner.
 */
export async function termGapWarnings(
  q: Queryable,
  terms: readonly DistributorTerm[],
  portfolioId: string,
  portfolio: string,
  distributor: string,
  through: string,
): Promise<string[]> {
  const out: string[] = [];
  for (const gap of termGaps(terms, portfolioId)) {
    if (gap.from > through) continue;
    const to = gap.to === null || gap.to > through ? through : gap.to;
    const n = await purchaseCountBetween(q, portfolioId, gap.from, to);
    if (n === 0) continue;
    out.push(
      `${portfolio}: ${n} Class B purchase${n === 1 ? '' : 's'} dated ${gap.from}–${to}, when no distributor's term held the portfolio; Exhibit A 2(a) allocates their Commission Shares to no one and the Agreement does not say whose fees they carry — they are counted as ${distributor}'s until a term for those days is imported with \`plan12b distributors import\``,
    );
  }
  return out;
}
