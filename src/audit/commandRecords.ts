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
 * Each stored row a command wrote has that command's record.
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
  const written = new Set(records.map((r) => key(r.action, r.subject, r.contentHash)));
  return stored
    .filter((w) => !written.has(key(w.action, w.subject, w.contentHash)))
    .map((w) => ({
      kind: 'record' as const,
      reason: `${w.what} is stored, but no ${w.action} record in the audit log wrote it`,
    }));
}
