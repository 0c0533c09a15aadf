import { sql } from 'kysely';
import { normalizeRatePct } from '../money/rate.js';
import type { Queryable } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

/**
 * The FINRA 2341 cap's inputs (SPEC §10): monthly new gross sales per class with the front-end and
 * deferred sales charges reported with them, and the effective-dated prime rate.
 */

export interface GrossSalesRecord {
  readonly portfolioId: string;
  readonly class: string;
  readonly month: string;
  readonly grossSales: string;
  readonly frontEndSalesCharges: string;
  /** null: the class's deferred sales charges come from plan12b's own CDSC ledger (Class B) */
  readonly deferredSalesCharges: string | null;
}

export async function loadGrossSales(
  q: Queryable,
  where: { portfolioId?: string; class?: string } = {},
): Promise<GrossSalesRecord[]> {
  let query = typed(q)
    .selectFrom('finra_gross_sales')
    .select([
      'portfolio_id',
      'class',
      'month',
      'gross_sales',
      'front_end_sales_charges',
      'deferred_sales_charges',
    ]);
  if (where.portfolioId !== undefined) query = query.where('portfolio_id', '=', where.portfolioId);
  if (where.class !== undefined) query = query.where('class', '=', where.class);
  const rows = await query
    .orderBy(inByteOrder('portfolio_id'))
    .orderBy(inByteOrder('class'))
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    portfolioId: r.portfolio_id,
    class: r.class,
    month: r.month,
    grossSales: r.gross_sales,
    frontEndSalesCharges: r.front_end_sales_charges,
    deferredSalesCharges: r.deferred_sales_charges,
  }));
}

export async function upsertGrossSales(
  q: Queryable,
  rows: readonly GrossSalesRecord[],
  importId: number,
  actor: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await typed(q)
      .insertInto('finra_gross_sales')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          portfolio_id: r.portfolioId,
          class: r.class,
          month: r.month,
          gross_sales: r.grossSales,
          front_end_sales_charges: r.frontEndSalesCharges,
          deferred_sales_charges: r.deferredSalesCharges,
          import_id: importId,
          recorded_by: actor,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['portfolio_id', 'class', 'month']).doUpdateSet((eb) => ({
          gross_sales: eb.ref('excluded.gross_sales'),
          front_end_sales_charges: eb.ref('excluded.front_end_sales_charges'),
          deferred_sales_charges: eb.ref('excluded.deferred_sales_charges'),
          import_id: eb.ref('excluded.import_id'),
          recorded_by: eb.ref('excluded.recorded_by'),
        })),
      )
      .execute();
}

export interface PrimeRateRecord {
  readonly effectiveDate: string;
  /** percent, canonical ("7.25") */
  readonly ratePct: string;
  readonly source: string | null;
}

export async function loadPrimeRates(q: Queryable): Promise<PrimeRateRecord[]> {
  const rows = await typed(q)
    .selectFrom('prime_rate')
    .select(['effective_date', 'rate_pct', 'source'])
    .orderBy('effective_date')
    .execute();
  return rows.map((r) => ({
    effectiveDate: r.effective_date,
    ratePct: normalizeRatePct(r.rate_pct),
    source: r.source,
  }));
}

export async function upsertPrimeRates(
  q: Queryable,
  rows: readonly PrimeRateRecord[],
  importId: number,
  actor: string,
): Promise<void> {
  if (rows.length === 0) return;
  await typed(q)
    .insertInto('prime_rate')
    .values(
      rows.map((r) => ({
        effective_date: r.effectiveDate,
        rate_pct: r.ratePct,
        source: r.source,
        import_id: importId,
        recorded_by: actor,
      })),
    )
    .onConflict((oc) =>
      oc.column('effective_date').doUpdateSet((eb) => ({
        rate_pct: eb.ref('excluded.rate_pct'),
        source: eb.ref('excluded.source'),
        import_id: eb.ref('excluded.import_id'),
        recorded_by: eb.ref('excluded.recorded_by'),
      })),
    )
    .execute();
}

/**
 * The Class B shares the transfer agent's activity issued in these portfolios, per portfolio,
 * month and kind (purchase, reinvest, exchange_in), each transaction at round_half_up(shares ×
 * price, 2) — the cost a purchase gives its Commission Shares (SPEC §6) — summed, in one pass. A
 * row without a price counts 0. For checking the gross-sales feed against FINRA 2341(d)(2)'s
 * exclusions (finra-cap).
 */
export async function classBIssuanceByMonth(
  q: Queryable,
  portfolioIds: readonly string[],
  fromMonth: string,
  throughMonth: string,
): Promise<
  { portfolioId: string; month: string; type: 'purchase' | 'reinvest' | 'exchange_in'; amount: string }[]
> {
  if (portfolioIds.length === 0) return [];
  const rows = await typed(q)
    .selectFrom('class_b_transaction')
    .select([
      'portfolio_id',
      sql<string>`to_char(date, 'YYYY-MM')`.as('month'),
      'type',
      sql<string>`coalesce(sum(round(shares * price, 2)), 0)::text`.as('amount'),
    ])
    .where('portfolio_id', '=', sql<string>`ANY(${[...portfolioIds]}::text[])`)
    .where('type', 'in', ['purchase', 'reinvest', 'exchange_in'])
    .where('date', '>=', sql<string>`${`${fromMonth}-01`}::date`)
    .where('date', '<', sql<string>`(${`${throughMonth}-01`}::date + interval '1 month')`)
    .groupBy(['portfolio_id', sql`to_char(date, 'YYYY-MM')`, 'type'])
    .execute();
  return rows.map((r) => ({
    portfolioId: r.portfolio_id,
    month: r.month,
    type: r.type as 'purchase' | 'reinvest' | 'exchange_in',
    amount: r.amount,
  }));
}
