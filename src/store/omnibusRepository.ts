import { formatShareUnits, parseShareUnits } from '../class-b/shareUnits.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * The sub-transfer agent's monthly figures per Omnibus Account and portfolio (Exhibit A 2(c)):
 * Free Shares issued and redeemed in the month, and outstanding at its close. A month not closed
 * may be restated (`omnibus import --restate`); a closed month's figures are never edited.
 */
export interface OmnibusMonthRow {
  readonly month: string;
  readonly account: string;
  readonly portfolioId: string;
  readonly freeSharesIssued: bigint;
  readonly freeSharesRedeemed: bigint;
  readonly freeSharesOutstanding: bigint;
}

export const omnibusKey = (r: { account: string; portfolioId: string; month: string }) =>
  `${r.account}|${r.portfolioId}|${r.month}`;

/** Recorded figures of one portfolio, or of every portfolio, keyed "account|portfolioId|month". */
export async function loadOmnibusMonths(
  q: Queryable,
  portfolioId?: string,
): Promise<Map<string, OmnibusMonthRow>> {
  let query = typed(q).selectFrom('omnibus_month').selectAll();
  if (portfolioId !== undefined) query = query.where('portfolio_id', '=', portfolioId);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => {
      const row: OmnibusMonthRow = {
        month: r.month,
        account: r.account,
        portfolioId: r.portfolio_id,
        freeSharesIssued: parseShareUnits(r.free_shares_issued),
        freeSharesRedeemed: parseShareUnits(r.free_shares_redeemed),
        freeSharesOutstanding: parseShareUnits(r.free_shares_outstanding),
      };
      return [omnibusKey(row), row];
    }),
  );
}

/** Whether each of these accounts is an Omnibus Account (absent: not a known account). */
export async function omnibusFlags(q: Queryable, accounts: readonly string[]): Promise<Map<string, boolean>> {
  if (accounts.length === 0) return new Map();
  const rows = await typed(q)
    .selectFrom('class_b_account')
    .select(['account', 'omnibus'])
    .where('account', 'in', [...new Set(accounts)])
    .execute();
  return new Map(rows.map((r) => [r.account, r.omnibus]));
}

export async function insertOmnibusMonths(
  q: Queryable,
  rows: readonly (OmnibusMonthRow & { portfolioName: string })[],
  importId: number,
): Promise<void> {
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const shares = (f: (r: OmnibusMonthRow) => bigint) => part.map((r) => formatShareUnits(f(r)));
    // Bulk path: one statement of arrays per chunk.
    await q.query(
      `INSERT INTO omnibus_month (month, account, portfolio_id, portfolio_name, free_shares_issued,
                                  free_shares_redeemed, free_shares_outstanding, import_id)
       SELECT m, a, p, n, i, r, o, $8 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                                                  $5::numeric[], $6::numeric[], $7::numeric[]) AS t(m, a, p, n, i, r, o)`,
      [
        part.map((r) => r.month),
        part.map((r) => r.account),
        part.map((r) => r.portfolioId),
        part.map((r) => r.portfolioName),
        shares((r) => r.freeSharesIssued),
        shares((r) => r.freeSharesRedeemed),
        shares((r) => r.freeSharesOutstanding),
        importId,
      ],
    );
  }
}

/** `--restate`: a recorded month's figures replaced (never one in or before a closed month: the feed refuses it). */
export async function restateOmnibusMonth(
  q: Queryable,
  r: OmnibusMonthRow & { portfolioName: string },
  importId: number,
): Promise<void> {
  await q.query(
    `UPDATE omnibus_month SET portfolio_name = $4, free_shares_issued = $5, free_shares_redeemed = $6,
            free_shares_outstanding = $7, import_id = $8
      WHERE month = $1 AND account = $2 AND portfolio_id = $3`,
    [
      r.month,
      r.account,
      r.portfolioId,
      r.portfolioName,
      formatShareUnits(r.freeSharesIssued),
      formatShareUnits(r.freeSharesRedeemed),
      formatShareUnits(r.freeSharesOutstanding),
      importId,
    ],
  );
}
