import { classBDetailNow } from '../close/closedMonthView.js';
import { buildRegistry } from '../registry/registry.js';
import { loadAuditLog, recordedAuditHead } from '../store/auditLog.js';
import { loadSealedMonths } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { feedImportAnchors } from '../store/feedImport.js';
import { readSnapshot } from '../store/readSnapshot.js';
import {
  derivedPortfolioNames,
  documentImportsSinceTheLog,
  loadBoardRates,
  loadDocuments,
  storedPortfolioNames,
} from '../store/registryStore.js';
import { loadSettings } from '../store/settingsRepository.js';
import type { AuditEvidence } from './auditVerification.js';
import { sealedMonthInputsDigestNow } from './monthInputsDigest.js';

/**
 * Reads what `audit verify` checks, in one snapshot (REPEATABLE READ on a server): the log, each
 * closed month's seal with its inputs recomputed as sealed and its Class B redemptions as stored
 * now, each feed import's audit record, the settings, the documents' imports and the name →
 * portfolio table with the one the documents give.
 */
export async function loadAuditEvidence(db: Queryable): Promise<AuditEvidence> {
  return readSnapshot(db, async (tx) => {
    const records = await loadAuditLog(tx);
    const sealed = await loadSealedMonths(tx);
    const sealedMonths = [];
    for (const m of sealed)
      sealedMonths.push({
        ...m,
        inputsDigestNow: await sealedMonthInputsDigestNow(tx, m.month, m.inputsDigest),
        redemptionsDetail: await classBDetailNow(tx, m.month, m.parts),
      });
    return {
      records,
      sealedMonths,
      feedImports: await feedImportAnchors(tx),
      recordedHead: await recordedAuditHead(tx),
      settings: [...(await loadSettings(tx))],
      documentImports: await documentImportsSinceTheLog(tx),
      portfolioNames: {
        stored: await storedPortfolioNames(tx),
        // as every exhibit import and withdrawal derives it (refreshPortfolioNames)
        derived: derivedPortfolioNames(buildRegistry(await loadDocuments(tx), await loadBoardRates(tx))),
      },
    };
  });
}
