import { normalizeRatePct } from '../money/rate.js';
import type { Registry } from '../registry/registry.js';
import { createTransfer, type Transfer, type TransferTerms } from '../transfers/transfer.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * Transfers to Assignees (Agreement EIGHTH) and the records that end or replace them: never
 * edited; only the date the notice of Transfer was received is recorded once, later.
 */

const COLUMNS = [
  'id',
  'assignee',
  'address',
  'portfolio_name',
  'twelve_b1_portion_pct',
  'cdsc_portion_pct',
  'doi_from',
  'doi_to',
  'effective_date',
  'notice_received_date',
  'payment',
  'depository_agent',
  'ends',
] as const;

/** A recorded row: a Transfer, or (with `ends` and no portions) a record that only ends one. */
export interface TransferRecord {
  readonly id: string;
  readonly assignee: string | null;
  readonly address: string | null;
  /** the name the feed gave, or null for all portfolios */
  readonly portfolio_name: string | null;
  readonly twelve_b1_portion_pct: string | null;
  readonly cdsc_portion_pct: string | null;
  readonly doi_from: string | null;
  readonly doi_to: string | null;
  readonly effective_date: string;
  readonly notice_received_date: string | null;
  readonly payment: 'direct' | 'depository';
  readonly depository_agent: string | null;
  /** the Transfer this record ends (and, when it has portions, replaces) from its effective date */
  readonly ends: string | null;
}

export const isEndOnly = (r: TransferRecord) =>
  r.ends !== null && r.twelve_b1_portion_pct === null && r.cdsc_portion_pct === null;

export async function loadTransferRows(q: Queryable): Promise<TransferRecord[]> {
  const rows = await typed(q).selectFrom('transfer').select(COLUMNS).orderBy('id').execute();
  return rows.map((r) => ({
    ...r,
    twelve_b1_portion_pct:
      r.twelve_b1_portion_pct === null ? null : normalizeRatePct(r.twelve_b1_portion_pct),
    cdsc_portion_pct: r.cdsc_portion_pct === null ? null : normalizeRatePct(r.cdsc_portion_pct),
    payment: r.payment as TransferRecord['payment'],
  }));
}

/** A row's terms in the domain's words (the portfolio already resolved). */
export function transferTermsOf(r: TransferRecord, portfolioId: string | null): TransferTerms {
  return {
    id: r.id,
    assignee: r.assignee,
    address: r.address,
    portfolioId,
    twelveB1PortionPct: r.twelve_b1_portion_pct,
    cdscPortionPct: r.cdsc_portion_pct,
    doiFrom: r.doi_from,
    doiTo: r.doi_to,
    effectiveDate: r.effective_date,
    noticeReceivedDate: r.notice_received_date,
    payment: r.payment,
    depositoryAgent: r.depository_agent,
  };
}

/**
 * Recorded rows as Transfers in force from their effective dates until a later record ends
 * them; portfolios resolved through the registry (any name a portfolio ever had).
 */
export function transfersOf(rows: readonly TransferRecord[], registry: Registry): Transfer[] {
  const endsOn = new Map(rows.flatMap((r) => (r.ends === null ? [] : [[r.ends, r.effective_date] as const])));
  const pid = (name: string | null) => (name === null ? null : (registry.identities.resolve(name) ?? name));
  return rows
    .filter((r) => !isEndOnly(r))
    .map((r) =>
      createTransfer({
        ...transferTermsOf(r, pid(r.portfolio_name)),
        assignee: r.assignee!,
        address: r.address!,
        endsOn: endsOn.get(r.id) ?? null,
      }),
    );
}

/** The recorded Transfers as domain values (for the Monthly Calculation). */
export async function loadTransfers(q: Queryable, registry: Registry): Promise<Transfer[]> {
  return transfersOf(await loadTransferRows(q), registry);
}

export async function insertTransfers(
  q: Queryable,
  rows: readonly TransferRecord[],
  importId: number,
  actor: string,
): Promise<void> {
  // One statement per 1,000 rows (the server takes at most 65,535 parameters); a row may end one
  // inserted by the same statement.
  for (let i = 0; i < rows.length; i += 1000)
    await typed(q)
      .insertInto('transfer')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, import_id: importId, recorded_by: actor })))
      .execute();
}

export async function setTransferNotice(q: Queryable, id: string, receivedDate: string): Promise<void> {
  await typed(q)
    .updateTable('transfer')
    .set({ notice_received_date: receivedDate })
    .where('id', '=', id)
    .where('notice_received_date', 'is', null)
    .execute();
}
