import { isIsoDate } from '../calendar/isoDate.js';

/**
 * A term during which a distributor was the exclusive distributor of a portfolio's Class B shares
 * (portfolioId null: of every portfolio), first day to last day (null: still serving).
 * `rightsAssignedTo` names the distributor to which this one assigned its rights (Agreement
 * NINETEENTH: INVESCO Distributors, Inc. "having assigned its rights under its Prior Distribution
 * Agreement … to ADI"): the CDSC earned in this term is then paid to the assignee of the rights,
 * as a predecessor's term counts as the Distributor's own (FOURTH(D)(i) "and any predecessor
 * Agreement").
 */
export interface DistributorTerm {
  readonly kind: 'distributorTerm';
  readonly portfolioId: string | null;
  readonly distributor: string;
  readonly start: string;
  readonly end: string | null;
  readonly rightsAssignedTo: string | null;
}

export function createDistributorTerm(f: Omit<DistributorTerm, 'kind'>): DistributorTerm {
  if (f.distributor.trim() === '') throw new RangeError('a distributor term needs a distributor');
  if (!isIsoDate(f.start)) throw new RangeError(`start ${JSON.stringify(f.start)} is not a date`);
  if (f.end !== null && !isIsoDate(f.end)) throw new RangeError(`end ${JSON.stringify(f.end)} is not a date`);
  if (f.end !== null && f.end < f.start)
    throw new RangeError(`the term ends (${f.end}) before it starts (${f.start})`);
  if (f.rightsAssignedTo !== null && f.rightsAssignedTo === f.distributor)
    throw new RangeError(`${f.distributor} cannot assign its rights to itself`);
  return Object.freeze({ kind: 'distributorTerm', ...f });
}

function holds(t: DistributorTerm, date: string): boolean {
  return t.start <= date && (t.end === null || date <= t.end);
}

/**
 * Who was exclusive distributor of the portfolio's shares on `date`: a term for that portfolio
 * wins over a term for all portfolios.
 */
export function distributorTermOn(
  terms: readonly DistributorTerm[],
  portfolioId: string,
  date: string,
): DistributorTerm | undefined {
  let general: DistributorTerm | undefined;
  for (const t of terms) {
    if (!holds(t, date)) continue;
    if (t.portfolioId === portfolioId) return t;
    if (t.portfolioId === null) general = t;
  }
  return general;
}

/** Two terms of the same scope that overlap: two exclusive distributors at once. */
export function overlappingTerms(
  terms: readonly DistributorTerm[],
): [DistributorTerm, DistributorTerm] | null {
  const sorted = [...terms].sort((a, b) =>
    (a.portfolioId ?? '') === (b.portfolioId ?? '')
      ? a.start < b.start
        ? -1
        : a.start > b.start
          ? 1
          : 0
      : (a.portfolioId ?? '') < (b.portfolioId ?? '')
        ? -1
        : 1,
  );
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.portfolioId === b.portfolioId && (a.end === null || b.start <= a.end)) return [a, b];
  }
  return null;
}

/** Follows assignments of rights to the distributor that holds them now (a cycle is refused). */
export function rightsHolder(terms: readonly DistributorTerm[], distributor: string): string {
  const assignedTo = new Map<string, string>();
  for (const t of terms) if (t.rightsAssignedTo !== null) assignedTo.set(t.distributor, t.rightsAssignedTo);
  let holder = distributor;
  const seen = new Set<string>([holder]);
  for (let next = assignedTo.get(holder); next !== undefined; next = assignedTo.get(holder)) {
    if (seen.has(next)) throw new RangeError(`assignments of rights run in a circle through ${next}`);
    seen.add(next);
    holder = next;
  }
  return holder;
}

/**
 * Exhibit A 2(b): Free Shares are attributed "to the Distributor and each Other Distributor" of
 * the portfolio — the distributors a term for it (its own or one for every portfolio) names, and
 * those their rights were assigned to (NINETEENTH). A name outside them is no party to the fees.
 */
export function distributorsOfPortfolio(terms: readonly DistributorTerm[], portfolioId: string): Set<string> {
  const names = new Set<string>();
  for (const t of terms) {
    if (t.portfolioId !== null && t.portfolioId !== portfolioId) continue;
    names.add(t.distributor);
    if (t.rightsAssignedTo !== null) names.add(t.rightsAssignedTo);
  }
  return names;
}
