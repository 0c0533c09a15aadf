import { normalizeRatePct } from '../money/rate.js';
import type { Registry } from '../registry/registry.js';
import type { Transfer } from '../transfers/transfer.js';
import { type TransferRecord, transfersOf } from '../transfers/transferRecord.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

export {
  isEndOnly,
  type TransferRecord,
  transfersOf,
  transferTermsOf,
} from '../transfers/transferRecord.js';

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
    .set({ notice_received_date: receivedDate, notice_by_command: true })
    .where('id', '=', id)
    .where('notice_received_date', 'is', null)
    .execute();
}

/**
 * The notices `plan12b transfers notice` recorded (marked since migration 32), for `audit verify`
 * (SPEC §12): each has its `transfers.notice` record.
 */
export async function commandNotices(q: Queryable): Promise<{ id: string; receivedDate: string }[]> {
  const rows = await typed(q)
    .selectFrom('transfer')
    .select(['id', 'notice_received_date'])
    .where('notice_by_command', '=', true)
    .where('notice_received_date', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, receivedDate: r.notice_received_date! }));
}
