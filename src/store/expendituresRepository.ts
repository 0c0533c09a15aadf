import type { Queryable } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

/** Amounts spent under the Plan, by purpose (Plan §3), for the board's quarterly report (Plan §8). */
export interface ExpenditureRecord {
  readonly portfolioId: string;
  readonly class: string;
  /** YYYYQn or YYYY-MM-DD, as the feed gave it */
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly purpose: string;
  readonly description: string;
  readonly amount: string;
}

const COLUMNS = [
  'portfolio_id',
  'class',
  'period',
  'period_start',
  'period_end',
  'purpose',
  'description',
  'amount',
] as const;

type Row = { [K in (typeof COLUMNS)[number]]: string };
const toRecord = (r: Row): ExpenditureRecord => ({
  portfolioId: r.portfolio_id,
  class: r.class,
  period: r.period,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  purpose: r.purpose,
  description: r.description,
  amount: r.amount,
});

/** Every recorded expenditure, or those whose period lies within [from, to]. */
export async function loadExpenditures(
  q: Queryable,
  within?: { from: string; to: string },
): Promise<ExpenditureRecord[]> {
  let query = typed(q).selectFrom('plan_expenditure').select(COLUMNS);
  if (within) query = query.where('period_start', '>=', within.from).where('period_end', '<=', within.to);
  const rows = await query
    .orderBy(inByteOrder('portfolio_id'))
    .orderBy(inByteOrder('class'))
    .orderBy('period_start')
    .orderBy(inByteOrder('purpose'))
    .orderBy(inByteOrder('description'))
    .execute();
  return rows.map(toRecord);
}

export async function upsertExpenditures(
  q: Queryable,
  rows: readonly ExpenditureRecord[],
  importId: number,
  actor: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await typed(q)
      .insertInto('plan_expenditure')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          portfolio_id: r.portfolioId,
          class: r.class,
          period: r.period,
          period_start: r.periodStart,
          period_end: r.periodEnd,
          purpose: r.purpose,
          description: r.description,
          amount: r.amount,
          import_id: importId,
          recorded_by: actor,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['portfolio_id', 'class', 'period', 'purpose', 'description']).doUpdateSet((eb) => ({
          amount: eb.ref('excluded.amount'),
          import_id: eb.ref('excluded.import_id'),
          recorded_by: eb.ref('excluded.recorded_by'),
        })),
      )
      .execute();
}
