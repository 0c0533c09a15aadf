import { createHash } from 'node:crypto';

/**
 * The audit log is append-only and hash-chained (cf. Formance ledger): each record's hash covers
 * its content and the previous record's hash, so editing, deleting or reordering any record
 * breaks every hash after it. SPEC §12: who changed what and when.
 */
export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** SHA-256 of the content the action wrote or read (the file's bytes, the rate, …) */
  readonly contentHash: string;
  readonly detail: string;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditRecordHash(r: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([
    r.seq,
    r.at,
    r.actor,
    r.action,
    r.subject,
    r.contentHash,
    r.detail,
    r.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface AuditVerification {
  readonly records: number;
  readonly ok: boolean;
  /** the first record whose hash or link is wrong */
  readonly firstBad: { seq: number; reason: string } | null;
}

/** Checks the chain in sequence order: every link and every hash. */
export function verifyAuditChain(records: readonly AuditRecord[]): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const r of records) {
    if (r.seq !== expectedSeq)
      return {
        records: records.length,
        ok: false,
        firstBad: { seq: r.seq, reason: `sequence gap: expected ${expectedSeq}` },
      };
    if (r.prevHash !== prev)
      return {
        records: records.length,
        ok: false,
        firstBad: { seq: r.seq, reason: 'does not link to the previous record' },
      };
    const { hash, ...rest } = r;
    if (auditRecordHash(rest) !== hash)
      return {
        records: records.length,
        ok: false,
        firstBad: { seq: r.seq, reason: 'content does not match its hash (edited)' },
      };
    prev = hash;
    expectedSeq++;
  }
  return { records: records.length, ok: true, firstBad: null };
}
