import type { Queryable } from './database.js';

/**
 * The last month anything the Distributor's 12b-1 Share is computed from is recorded in: daily net
 * assets (SPEC §4), Class B transfer-agent activity (§6) and the sub-transfer agents' Omnibus
 * figures (Exhibit A 2(c)); null when none is. A month after it is one the data has not reached.
 */
export async function lastRecordedMonth(q: Queryable): Promise<string | null> {
  const rows = await q.query<{ last: string | null }>(
    `SELECT max(m) AS last FROM (
       SELECT to_char(max(date), 'YYYY-MM') AS m FROM net_assets
       UNION ALL SELECT to_char(max(date), 'YYYY-MM') FROM class_b_transaction
       UNION ALL SELECT max(month) FROM omnibus_month
     ) AS lasts`,
  );
  return rows[0]?.last ?? null;
}
