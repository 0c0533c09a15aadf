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
  if (t.twelveB1PortionPct === null && t.cdscPortionPct === null)
    throw new RangeError(`transfer ${t.id}: it transfers neither a 12b-1 Portion nor a CDSC Portion`);
  for (const p of [t.twelveB1PortionPct, t.cdscPortionPct])
    if (p !== null && parseRateMicroPct(p) > parseRateMicroPct('100'))
      throw new RangeError(`transfer ${t.id}: ${p}% is more than 100%`);
  if (t.doiFrom && t.doiTo && t.doiFrom > t.doiTo)
    throw new RangeError(`transfer ${t.id}: DOI range ends before it starts`);
  if (t.payment === 'depository' && !t.depositoryAgent)
    throw new RangeError(`transfer ${t.id}: payment through a depository needs the agent's name`);
  return Object.freeze({ kind: 'transfer', ...t });
}

export function appliesToPortfolio(t: Transfer, portfolioId: string): boolean {
  return t.portfolioId === null || t.portfolioId === portfolioId;
}

export function doiInRange(t: Transfer, doi: string): boolean {
  return (t.doiFrom === null || doi >= t.doiFrom) && (t.doiTo === null || doi <= t.doiTo);
}
