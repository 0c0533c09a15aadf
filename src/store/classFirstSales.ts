import type { Queryable } from './database.js';

/** The key of a portfolio's class in {@link classFirstSales}: the class case-insensitive. */
export const classSaleKey = (portfolioId: string, shareClass: string): string =>
  `${portfolioId}|${shareClass.toLowerCase()}`;

/**
 * When each portfolio's class was first sold, as the feeds record it (Rule 12b-1(b)(1): a plan
 * adopted after a public offering of the class needs its shareholders' vote): its first day of net
 * assets, or its first Class B purchase if earlier.
 */
export async function classFirstSales(q: Queryable): Promise<ReadonlyMap<string, string>> {
  const rows = await q.textRows(
    `SELECT portfolio_id, class, min(date)::text AS first
       FROM (SELECT portfolio_id, class, date FROM net_assets
             UNION ALL
             SELECT portfolio_id, class, date FROM class_b_transaction WHERE type = 'purchase') s
      GROUP BY portfolio_id, class`,
  );
  const out = new Map<string, string>();
  for (const [portfolioId, shareClass, first] of rows) {
    const key = classSaleKey(portfolioId!, shareClass!);
    const prior = out.get(key);
    if (prior === undefined || first! < prior) out.set(key, first!);
  }
  return out;
}
