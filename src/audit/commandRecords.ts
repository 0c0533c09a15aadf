import { type AuditRecord, sha256 } from './auditChain.js';
import type { RecordFinding } from './importedRecords.js';

/**
 * State that only a command writes, each row with the audit record that command appended (`audit
 * verify`; SPEC §12: every command that changes state is recorded, and verification detects a
 * deleted record, including the newest). Commands that are neither a close nor a feed import
 * (`providers terminate`, `providers assign`, `exhibit withdraw`, `transfers notice`) anchor their record only by the
 * head kept beside the log (`audit_head`): deleting the newest such record and moving that head
 * back left a shorter chain that verified while what the command wrote stayed in force. The
 * stored row is the evidence, found by the record's action, subject and content hash. Pure.
 */

/** A stored row a command wrote, and the record that must say so. */
export interface CommandWrite {
  readonly action: string;
  readonly subject: string;
  readonly contentHash: string;
  /** the row, for the finding */
  readonly what: string;
}

/** The content hash of a `providers.terminate` / `providers.assign` record, one form for writer and verifier. */
export function providerTerminationContentHash(stated: {
  readonly provider: string;
  readonly cause: string;
  readonly noticeDate: string | null;
  readonly effectiveDate: string;
  readonly assignedTo: string | null;
}): string {
  return sha256(
    JSON.stringify({
      provider: stated.provider,
      cause: stated.cause,
      noticeDate: stated.noticeDate,
      effectiveDate: stated.effectiveDate,
      assignedTo: stated.assignedTo,
    }),
  );
}

/** The content hash of a `transfers.notice` record, one form for writer and verifier. */
export function transferNoticeContentHash(transferId: string, receivedDate: string): string {
  return sha256(`${transferId}|${receivedDate}`);
}

/**
 * Commands whose write is made once: a document is withdrawn once (exhibit_withdrawal is keyed by
 * it; a second `exhibit withdraw` is refused), so a second record naming it was not written by
 * plan12b — appended by SQL at the chain's tail, it left the withdrawal's restatement marks
 * unchecked (restatementMarks.ts reads them against the one record; hostile5).
 */
const WRITTEN_ONCE: ReadonlySet<string> = new Set(['exhibit.withdraw']);

/**
 * Each stored row a command wrote has that command's record (one only, for a write made once).
 * @example
 * commandWriteFindings([], [{ action: 'exhibit.withdraw', subject: 'a.txt', contentHash: 'id', what: 'the withdrawal of a.txt' }])
 * // [{ kind: 'record', reason: 'the withdrawal of a.txt is stored, but no exhibit.withdraw record in the audit log wrote it' }]
 */
export function commandWriteFindings(
  records: readonly AuditRecord[],
  stored: readonly CommandWrite[],
): RecordFinding[] {
  const key = (action: string, subject: string, contentHash: string) =>
    JSON.stringify([action, subject, contentHash]);
  const written = new Map<string, number[]>();
  for (const r of records) {
    const k = key(r.action, r.subject, r.contentHash);
    const seqs = written.get(k);
    if (seqs) seqs.push(r.seq);
    else written.set(k, [r.seq]);
  }
  const findings: RecordFinding[] = [];
  for (const w of stored) {
    const seqs = written.get(key(w.action, w.subject, w.contentHash));
    if (seqs === undefined)
      findings.push({
        kind: 'record',
        reason: `${w.what} is stored, but no ${w.action} record in the audit log wrote it`,
      });
    else if (seqs.length > 1 && WRITTEN_ONCE.has(w.action))
      findings.push({
        kind: 'record',
        reason: `${w.what} is stored once, but ${seqs.length} ${w.action} records in the audit log say so (records ${seqs.join(', ')}): a document is withdrawn once`,
      });
  }
  return findings;
}
