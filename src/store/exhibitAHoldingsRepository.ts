import { createHash } from 'node:crypto';
import type { AllocationAccount, DistributorShareComputation } from '../allocation/distributorShare.js';
import type { MonthInputsChunk } from '../audit/closeSeal.js';
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

/**
 * Kept holdings dated after `after` (null: any), a few (SPEC §12): only a close writes them, for
 * dates through its own month's end, so before a close none is dated after the last month closed.
 */
export async function exhibitAHoldingsDatedAfter(
  q: Queryable,
  after: string | null,
  limit = 5,
): Promise<{ portfolioId: string; date: string }[]> {
  const rows = await q.textRows(
    `SELECT portfolio_id, date::text FROM exhibit_a_holdings${after === null ? '' : ` WHERE date > ${sqlTextLiteral(after)}::date`}
      ORDER BY date, portfolio_id COLLATE "C" LIMIT ${Math.trunc(limit)}`,
  );
  return rows.map(([portfolioId, date]) => ({ portfolioId: portfolioId!, date: date! }));
}

/** A kept value as a text that two equal values share whatever their keys' order (the recount's comparison). */
export function keptHoldingsText(h: StoredExhibitAHoldings): string {
  const canonical = (v: unknown): unknown =>
    typeof v === 'bigint'
      ? { $bigint: v.toString() }
      : Array.isArray(v)
        ? v.map(canonical)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v as Record<string, unknown>)
                .filter(([, x]) => x !== undefined)
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([k, x]) => [k, canonical(x)]),
            )
          : v;
  return JSON.stringify(canonical({ others: h.others, omnibus: h.omnibus }));
}

/** The kind of a v4 inputs digest that covers the kept holdings (monthInputsDigest.ts). */
export const EXHIBIT_A_HOLDINGS_KIND = 'exhibitAHoldings';

/**
 * The kept holdings at dates after `after` (none: every date) through `through`, a chunk of rows
 * at a time, in order (digest v4, SPEC §12: a closed month is locked). The close of a month
 * writes the holdings at its own computation dates (the month is closed while its steps run), and
 * every later close reads them instead of replaying the lots: a row changed by SQL moved shares
 * between distributors with every sealed digest unchanged (hostile4). So each close seals the rows
 * dated in its month — the books' first close every row by its end — and verify reads each row
 * once. The basis is left out: a row on another basis is never read (it is computed again and
 * replaced), and a later close replaces a row under new distributor terms with the same values
 * (terms in force in a closed month are locked).
 */
export async function* exhibitAHoldingsChunks(
  q: Queryable,
  after: string | null,
  through: string,
): AsyncGenerator<MonthInputsChunk> {
  const sql = `SELECT portfolio_id, date::text, others, omnibus FROM exhibit_a_holdings
    WHERE date <= ${sqlTextLiteral(through)}::date${after === null ? '' : ` AND date > ${sqlTextLiteral(after)}::date`}
    ORDER BY portfolio_id COLLATE "C", date`;
  yield { kind: EXHIBIT_A_HOLDINGS_KIND, rows: [] }; // no rows is still a digest
  for await (const rows of q.textRowChunks(sql)) yield { kind: EXHIBIT_A_HOLDINGS_KIND, rows };
}
