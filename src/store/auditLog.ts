import { type AuditRecord, auditRecordHash, GENESIS_HASH } from '../audit/auditChain.js';
import { currentActor } from './actor.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * The audit log's repository (SPEC §12): append one record in the transaction that makes the
 * change, read the log (whole or filtered), and read its head, which `close` seals and
 * `audit anchor` prints. The chain itself is checked by src/audit (pure).
 */

interface AuditRow {
  seq: number | string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  content_hash: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/**
 * Appends one record in the caller's transaction; the lock serialises writers so the chain has
 * one order. Call it inside the transaction that makes the change, so both land or neither does.
 */
export async function appendAudit(
  tx: Queryable,
  entry: { action: string; subject: string; contentHash: string; detail?: string },
): Promise<AuditRecord> {
  await tx.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
  const [last] = await tx.query<{ seq: string; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const base = {
    seq: Number(last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: currentActor(),
    action: entry.action,
    subject: entry.subject,
    contentHash: entry.contentHash,
    detail: entry.detail ?? '',
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const record: AuditRecord = { ...base, hash: auditRecordHash(base) };
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor, action, subject, content_hash, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      record.seq,
      record.at,
      record.actor,
      record.action,
      record.subject,
      record.contentHash,
      record.detail,
      record.prevHash,
      record.hash,
    ],
  );
  // the head kept outside the log, so that deleting the newest record is found (audit_head)
  await tx.query(
    `INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
    [record.seq, record.hash],
  );
  return record;
}

/** The head recorded outside the log at the last append (null: none recorded). */
export async function recordedAuditHead(q: Queryable): Promise<{ seq: number; hash: string } | null> {
  const [row] = await q.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_head WHERE id = 1',
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** The last record's seq and hash (seq 0 and the genesis hash for an empty log). */
export async function auditHead(q: Queryable): Promise<{ seq: number; hash: string }> {
  const last = await typed(q)
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

export interface AuditLogFilter {
  /** an action (`net-assets.import`), or a prefix ending in `*` (`net-assets.*`) */
  readonly action?: string;
  readonly actor?: string;
  /** the first and last day (UTC, YYYY-MM-DD) of the records wanted */
  readonly from?: string;
  readonly to?: string;
}

export async function loadAuditLog(q: Queryable, filter: AuditLogFilter = {}): Promise<AuditRecord[]> {
  let query = typed(q)
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor', 'action', 'subject', 'content_hash', 'detail', 'prev_hash', 'hash'])
    .orderBy('seq');
  if (filter.action !== undefined)
    query = filter.action.endsWith('*')
      ? query.where((eb) =>
          eb(
            eb.fn<string>('left', ['action', eb.val(filter.action!.length - 1)]),
            '=',
            filter.action!.slice(0, -1),
          ),
        )
      : query.where('action', '=', filter.action);
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  // `at` is an ISO timestamp in UTC: its first ten characters are its day.
  if (filter.from !== undefined)
    query = query.where((eb) => eb(eb.fn<string>('left', ['at', eb.val(10)]), '>=', filter.from!));
  if (filter.to !== undefined)
    query = query.where((eb) => eb(eb.fn<string>('left', ['at', eb.val(10)]), '<=', filter.to!));
  const rows: AuditRow[] = await query.execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    contentHash: r.content_hash,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
