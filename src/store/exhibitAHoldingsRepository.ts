import { createHash } from 'node:crypto';
import type { AllocationAccount, DistributorShareComputation } from '../allocation/distributorShare.js';
import type { DistributorTerm } from '../class-b/distributorTerm.js';
import { sqlTextArrayLiteral, sqlTextLiteral } from './copyText.js';
import type { Queryable } from './database.js';

/**
 * Exhibit A's inputs at computation dates in closed months, kept once computed (schema:
 * exhibitAHoldingsSchema.ts). Stored as JSON text, every bigint as `{"$bigint":"…"}` so that no
 * string can be mistaken for one.
 */
export interface StoredExhibitAHoldings {
  readonly others: DistributorShareComputation;
  readonly omnibus: AllocationAccount[];
}

const toJson = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? { $bigint: x.toString() } : x));
const fromJson = <T>(text: string): T =>
  JSON.parse(text, (_k, x) =>
    x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 1 && '$bigint' in x
      ? BigInt((x as { $bigint: string }).$bigint)
      : x,
  ) as T;

/** What a stored computation rests on besides the lots: the Distributor and the distributor terms. */
export function exhibitABasisHash(distributor: string, terms: readonly DistributorTerm[]): string {
  return createHash('sha256').update(toJson({ distributor, terms })).digest('hex');
}

/** The stored holdings of these portfolios at these dates computed on this basis, by `portfolio|date`. */
export async function readExhibitAHoldings(
  q: Queryable,
  basisHash: string,
  portfolioIds: readonly string[],
  dates: readonly string[],
): Promise<Map<string, StoredExhibitAHoldings>> {
  const out = new Map<string, StoredExhibitAHoldings>();
  if (portfolioIds.length === 0 || dates.length === 0) return out;
  const rows = await q.textRows(
    `SELECT portfolio_id, date, others, omnibus FROM exhibit_a_holdings
      WHERE basis_hash = ${sqlTextLiteral(basisHash)} AND portfolio_id = ANY(${sqlTextArrayLiteral([...portfolioIds])})
        AND date = ANY(${sqlTextArrayLiteral([...dates])}::date[])`,
  );
  for (const [pid, date, others, omnibus] of rows)
    out.set(`${pid}|${date}`, {
      others: fromJson<DistributorShareComputation>(others!),
      omnibus: fromJson<AllocationAccount[]>(omnibus!),
    });
  return out;
}

/**
 * Keeps the holdings computed at these dates on this basis (replacing any on another basis): the
 * rows of these portfolios and dates deleted, then written by COPY (issue 14 item 3: the Omnibus
 * Accounts' lots are megabytes of JSON, which COPY moves without building a text[] parameter).
 */
export async function writeExhibitAHoldings(
  q: Queryable,
  basisHash: string,
  rows: readonly { portfolioId: string; date: string; holdings: StoredExhibitAHoldings }[],
): Promise<void> {
  if (rows.length === 0) return;
  const keys = rows.map((r) => `(${sqlTextLiteral(r.portfolioId)}, ${sqlTextLiteral(r.date)}::date)`);
  await q.query(`DELETE FROM exhibit_a_holdings WHERE (portfolio_id, date) IN (${keys.join(', ')})`);
  await q.copyIn(
    'exhibit_a_holdings',
    ['portfolio_id', 'date', 'basis_hash', 'others', 'omnibus'],
    rows.map((r) => [
      r.portfolioId,
      r.date,
      basisHash,
      toJson(r.holdings.others),
      toJson(r.holdings.omnibus),
    ]),
  );
}
