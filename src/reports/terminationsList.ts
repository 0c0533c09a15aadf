import type { Queryable } from '../store/database.js';
import { loadTerminations } from '../store/terminationsRepository.js';

/** One recorded termination as `plan12b terminations list` prints it (Plan §9; Agreement FIFTEENTH). */
export interface TerminationRow {
  readonly instrument: string;
  /** the portfolio's name, or `all` */
  readonly portfolio: string;
  /** the class, or `all` */
  readonly class: string;
  /** the first day no payment is due */
  readonly date: string;
  readonly by: string;
  readonly noticeDate: string | null;
  readonly reason: string | null;
}

export const TERMINATION_COLUMNS = [
  'instrument',
  'portfolio',
  'class',
  'date',
  'by',
  'noticeDate',
  'reason',
] as const;

/** Every recorded termination of the Plan or the Agreement, per portfolio or class. */
export async function terminationRows(q: Queryable): Promise<TerminationRow[]> {
  return (await loadTerminations(q)).map((t) => ({
    instrument: t.instrument,
    portfolio: t.portfolioName ?? 'all',
    class: t.class ?? 'all',
    date: t.effectiveDate,
    by: t.votedBy,
    noticeDate: t.noticeDate,
    reason: t.reason,
  }));
}
