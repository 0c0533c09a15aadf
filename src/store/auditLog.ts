import { type AuditRecord, auditRecordHash, GENESIS_HASH } from '../audit/auditChain.js';
import { currentActor } from './actor.js';
import type { Queryable } from './database.js';

interface AuditRow {
  seq: number;
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
  return record;
}

export async function loadAuditLog(q: Queryable): Promise<AuditRecord[]> {
  const rows = await q.query<AuditRow>(
    'SELECT seq, at, actor, action, subject, content_hash, detail, prev_hash, hash FROM audit_log ORDER BY seq',
  );
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
