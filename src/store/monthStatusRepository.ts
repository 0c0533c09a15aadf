import type { Queryable } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

/**
 * Whether a month is open or sealed, read in ONE snapshot (SPEC §12: a reader sees a month open
 * or sealed, never half): the closed-month record and the parts its close sealed.
 */
export interface MonthStatus {
  readonly month: string;
  readonly state: 'open' | 'sealed';
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly resultsHash: string | null;
  readonly auditSeq: number | null;
  readonly parts: readonly { readonly part: string; readonly contentHash: string }[];
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export async function monthStatus(q: Queryable, month: string): Promise<MonthStatus> {
  const m = await typed(q)
    .selectFrom('closed_month')
    .select(['closed_at', 'closed_by', 'results_hash', 'audit_seq'])
    .where('month', '=', month)
    .executeTakeFirst();
  const parts = await typed(q)
    .selectFrom('close_result')
    .select(['part', 'content_hash'])
    .where('month', '=', month)
    .orderBy(inByteOrder('part'))
    .execute();
  return {
    month,
    state: m ? 'sealed' : 'open',
    closedAt: m ? iso(m.closed_at) : null,
    closedBy: m?.closed_by ?? null,
    resultsHash: m?.results_hash ?? null,
    auditSeq: m?.audit_seq == null ? null : Number(m.audit_seq),
    parts: parts.map((p) => ({ part: p.part, contentHash: p.content_hash })),
  };
}

export async function closedMonthList(
  q: Queryable,
): Promise<{ month: string; closedAt: string; closedBy: string; resultsHash: string | null }[]> {
  const rows = await typed(q)
    .selectFrom('closed_month')
    .select(['month', 'closed_at', 'closed_by', 'results_hash'])
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    closedAt: iso(r.closed_at),
    closedBy: r.closed_by,
    resultsHash: r.results_hash,
  }));
}
