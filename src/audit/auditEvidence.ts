import { loadAuditLog, recordedAuditHead } from '../store/auditLog.js';
import { loadSealedMonths } from '../store/closeRepository.js';
import type { Database } from '../store/database.js';
import { feedImportAnchors } from '../store/feedImport.js';
import type { AuditEvidence } from './auditVerification.js';
import { sealedMonthInputsDigestNow } from './monthInputsDigest.js';

/**
 * Reads what `audit verify` checks, in one snapshot (REPEATABLE READ on a server): the log, each
 * closed month's seal with its inputs recomputed as sealed, and each feed import's audit record.
 */
export async function loadAuditEvidence(db: Database): Promise<AuditEvidence> {
  return db.transaction(
    async (tx) => {
      const records = await loadAuditLog(tx);
      const sealed = await loadSealedMonths(tx);
      const sealedMonths = [];
      for (const m of sealed)
        sealedMonths.push({
          ...m,
          inputsDigestNow: await sealedMonthInputsDigestNow(tx, m.month, m.inputsDigest),
        });
      return {
        records,
        sealedMonths,
        feedImports: await feedImportAnchors(tx),
        recordedHead: await recordedAuditHead(tx),
      };
    },
    { isolation: 'repeatable read' },
  );
}
