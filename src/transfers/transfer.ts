import { isIsoDate } from '../calendar/isoDate.js';
import { parseRateMicroPct } from '../money/rate.js';

/**
 * Agreement EIGHTH(A): the Distributor may Transfer to an Assignee all or a designated portion
 * of (i) the Distributor's 12b-1 Share of the Distribution Fees and (ii) its Earned CDSC — for
 * one portfolio or all, optionally only for Commission Shares whose Date of Original Issuance
 * falls in a range. The Fund pays the Assignee directly only after the notice of Transfer
 * (name and address) has been received (EIGHTH(B)–(C)), or everything goes to a depository or
 * collection agent designated by the Assignee (EIGHTH(D)).
 */
export interface Transfer {
  readonly kind: 'transfer';
  readonly id: string;
  readonly assignee: string;
  readonly address: string;
  /** a portfolio id, or null for all portfolios */
  readonly portfolioId: string | null;
  /** the Assignee's 12b-1 Portion, percent of the Distributor's 12b-1 Share (null: none) */
  readonly twelveB1PortionPct: string | null;
  /** the Assignee's CDSC Portion, percent of the Distributor's Earned CDSC (null: none) */
  readonly cdscPortionPct: string | null;
  readonly doiFrom: string | null;
  readonly doiTo: string | null;
  readonly effectiveDate: string;
  /** the date from which a later record ends (or replaces) it; null or absent: not ended */
  readonly endsOn?: string | null;
  readonly noticeReceivedDate: string | null;
  readonly payment: 'direct' | 'depository';
  readonly depositoryAgent: string | null;
}

export function createTransfer(t: Omit<Transfer, 'kind'>): Transfer {
  for (const [what, v] of [
    ['effective date', t.effectiveDate],
    ['notice date', t.noticeReceivedDate],
    ['DOI from', t.doiFrom],
    ['DOI to', t.doiTo],
  ] as const)
    if (v !== null && !isIsoDate(v)) throw new RangeError(`transfer ${t.id}: ${what} ${v} is not a date`);
  const [broken] = transferTermProblems(t);
  if (broken) throw new RangeError(`transfer ${t.id}: ${broken.reason}`);
  return Object.freeze({ kind: 'transfer', ...t });
}

/** The terms of a Transfer as given, before they are known to be whole (an Assignee may be missing). */
export type TransferTerms = Omit<Transfer, 'kind' | 'assignee' | 'address'> & {
  readonly assignee: string | null;
  readonly address: string | null;
};

/**
 * What Agreement EIGHTH(A)–(D) require of a Transfer's terms: every rule broken, with the term it
 * concerns. Checked once, where a Transfer enters (the feed lists them all; the factory refuses).
 */
export function transferTermProblems(t: TransferTerms): { term: keyof TransferTerms; reason: string }[] {
  const out: { term: keyof TransferTerms; reason: string }[] = [];
  const bad = (term: keyof TransferTerms, reason: string) => out.push({ term, reason });
  if (!t.assignee) bad('assignee', 'empty; the notice of Transfer names the Assignee (EIGHTH(B))');
  if (!t.address) bad('address', 'empty; the notice of Transfer gives the Assignee’s address (EIGHTH(B))');
  if (t.twelveB1PortionPct === null && t.cdscPortionPct === null)
    bad('twelveB1PortionPct', 'it transfers neither a 12b-1 Portion nor a CDSC Portion');
  for (const term of ['twelveB1PortionPct', 'cdscPortionPct'] as const) {
    const p = t[term];
    if (p !== null && parseRateMicroPct(p) > parseRateMicroPct('100')) bad(term, `${p}% is more than 100%`);
  }
  if (t.doiFrom && t.doiTo && t.doiFrom > t.doiTo)
    bad('doiTo', `the DOI range ends (${t.doiTo}) before it starts (${t.doiFrom})`);
  if (t.endsOn != null && t.endsOn <= t.effectiveDate)
    bad('endsOn', `it is ended on ${t.endsOn}, not after it takes effect on ${t.effectiveDate}`);
  if (t.payment === 'depository' && !t.depositoryAgent)
    bad('depositoryAgent', 'payment through a depository needs the agent (EIGHTH(D))');
  return out;
}

export function appliesToPortfolio(t: Transfer, portfolioId: string): boolean {
  return t.portfolioId === null || t.portfolioId === portfolioId;
}

/** In force on this day: from its effective date until the day before a later record ends it. */
export function inForceOn(t: Transfer, date: string): boolean {
  return date >= t.effectiveDate && (t.endsOn == null || date < t.endsOn);
}

export function doiInRange(t: Transfer, doi: string): boolean {
  return (t.doiFrom === null || doi >= t.doiFrom) && (t.doiTo === null || doi <= t.doiTo);
}
