import type { TerminatedBy, Termination } from '../governance/termination.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/** Terminations of the Plan or the Agreement (issue 12): recorded once, never edited. */

export async function loadTerminations(q: Queryable): Promise<Termination[]> {
  const rows = await typed(q)
    .selectFrom('termination')
    .selectAll()
    .orderBy('effective_date')
    .orderBy('id')
    .execute();
  return rows.map((r) =>
    Object.freeze({
      kind: 'termination' as const,
      id: r.id,
      instrument: r.instrument as Termination['instrument'],
      portfolioId: r.portfolio_id,
      portfolioName: r.portfolio_name,
      class: r.class,
      effectiveDate: r.effective_date,
      votedBy: r.voted_by as TerminatedBy,
      noticeDate: r.notice_date,
      reason: r.reason,
    }),
  );
}

export async function insertTerminations(
  q: Queryable,
  terminations: readonly Termination[],
  importId: number | null,
  recordedBy: string,
): Promise<void> {
  for (const t of terminations)
    await typed(q)
      .insertInto('termination')
      .values({
        id: t.id,
        instrument: t.instrument,
        portfolio_id: t.portfolioId,
        portfolio_name: t.portfolioName,
        class: t.class,
        effective_date: t.effectiveDate,
        voted_by: t.votedBy,
        notice_date: t.noticeDate,
        reason: t.reason,
        import_id: importId,
        recorded_by: recordedBy,
      })
      .execute();
}
