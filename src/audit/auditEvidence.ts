import { classBDetailNow } from '../close/closedMonthView.js';
import { boardRateAsShown } from '../registry/boardRate.js';
import { buildRegistry } from '../registry/registry.js';
import { loadAuditLog, recordedAuditHead } from '../store/auditLog.js';
import { boardRatesSinceTheLog } from '../store/boardRatesRepository.js';
import { loadSealedMonths, restatementMarks } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { feedImportAnchors } from '../store/feedImport.js';
import { readSnapshot } from '../store/readSnapshot.js';
import {
  derivedPortfolioNames,
  documentImportsSinceTheLog,
  loadBoardRates,
  loadDocuments,
  storedPortfolioNames,
  storedStatements,
  withdrawalsSinceTheLog,
} from '../store/registryStore.js';
import { commandTerminationsSinceTheLog } from '../store/serviceProvidersRepository.js';
import { loadSettings } from '../store/settingsRepository.js';
import { commandNotices } from '../store/transfersRepository.js';
import type { AuditEvidence } from './auditVerification.js';
import { boardRateRecordDetail, boardRateWrites } from './boardRateRecords.js';
import {
  type CommandWrite,
  providerTerminationContentHash,
  transferNoticeContentHash,
} from './commandRecords.js';
import { sealedMonthInputsDigestNow } from './monthInputsDigest.js';

/**
 * Reads what `audit verify` checks, in one snapshot (REPEATABLE READ on a server): the log, each
 * closed month's seal with its inputs recomputed as sealed and its Class B redemptions as stored
 * now, each feed import's audit record, the settings, the documents' imports and the name →
 * portfolio table with the one the documents give, and the restatements' marks.
 */
export async function loadAuditEvidence(
  db: Queryable,
  /** told after each closed month's inputs are recomputed (SPEC §11: a progress bar) */
  onMonth?: (done: number, total: number) => void,
): Promise<AuditEvidence> {
  return readSnapshot(db, async (tx) => {
    const records = await loadAuditLog(tx);
    const sealed = await loadSealedMonths(tx);
    const sealedMonths = [];
    for (const [i, m] of sealed.entries()) {
      sealedMonths.push({
        ...m,
        inputsDigestNow: await sealedMonthInputsDigestNow(tx, m.month, m.inputsDigest),
        redemptionsDetail: await classBDetailNow(tx, m.month, m.parts),
      });
      onMonth?.(i + 1, sealed.length);
    }
    const registry = buildRegistry(await loadDocuments(tx), await loadBoardRates(tx));
    // names as `rates set` resolves them: the portfolio that bore the name on the rate's date
    const resolve = (name: string, date: string) => registry.identities.resolveOn(name, date) ?? null;
    const boardRates = (await boardRatesSinceTheLog(tx)).map(boardRateAsShown).map((r) => ({
      portfolio: r.portfolio,
      portfolioId: resolve(r.portfolio, r.effectiveDate),
      class: r.class,
      effectiveDate: r.effectiveDate,
      detail: boardRateRecordDetail(r),
    }));
    const commandWrites: CommandWrite[] = [];
    for (const t of await commandTerminationsSinceTheLog(tx))
      commandWrites.push({
        action: t.source === 'plan12b providers assign' ? 'providers.assign' : 'providers.terminate',
        subject: t.providerId,
        contentHash: providerTerminationContentHash({ provider: t.providerId, ...t }),
        what: `the termination of ${t.providerId}'s agreement effective ${t.effectiveDate} (${t.source})`,
      });
    for (const n of await commandNotices(tx))
      commandWrites.push({
        action: 'transfers.notice',
        subject: n.id,
        contentHash: transferNoticeContentHash(n.id, n.receivedDate),
        what: `the notice of Transfer ${n.id} received ${n.receivedDate} (plan12b transfers notice)`,
      });
    for (const w of await withdrawalsSinceTheLog(tx))
      commandWrites.push({
        action: 'exhibit.withdraw',
        subject: w.fileName,
        contentHash: w.documentId,
        what: `the withdrawal of exhibit ${w.fileName} (${w.documentId.slice(0, 16)})`,
      });
    return {
      records,
      commandWrites,
      sealedMonths,
      feedImports: await feedImportAnchors(tx),
      recordedHead: await recordedAuditHead(tx),
      settings: [...(await loadSettings(tx))],
      documentImports: await documentImportsSinceTheLog(tx),
      statements: await storedStatements(tx),
      portfolioNames: {
        stored: await storedPortfolioNames(tx),
        // as every exhibit import and withdrawal derives it (refreshPortfolioNames)
        derived: derivedPortfolioNames(registry),
      },
      boardRates: { writes: boardRateWrites(records, resolve), stored: boardRates },
      restatements: await restatementMarks(tx),
    };
  });
}
