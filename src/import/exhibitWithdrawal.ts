import { monthEnd, monthOf } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { closedPeriodRename } from '../registry/closedPeriodChange.js';
import { buildRegistry } from '../registry/registry.js';
import { currentActor } from '../store/actor.js';
import type { Database } from '../store/database.js';
import {
  closedRowsRefiled,
  type DocumentRecord,
  insertWithdrawal,
  listDocuments,
  loadBoardRates,
  loadDocuments,
  refreshPortfolioNames,
} from '../store/registryStore.js';
import { refiledReason } from './refiledClosedRows.js';
import { runStateChange } from './stateChange.js';
import { requirePrintableText } from './statedText.js';

export interface ExhibitWithdrawalResult {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly effectiveDate: string;
  readonly reason: string;
  readonly withdrawnBy: string;
  /** closed months the document could have governed: their sealed results stay; the next close reports the difference */
  readonly closedMonthsToAdjust: readonly string[];
  readonly warnings: readonly string[];
}

const HASH_RE = /^[0-9a-f]{8,64}$/;

/**
 * The document a hash (or a unique prefix of at least 8 hex digits, as `exhibit list` shows) names.
 * A malformed hash, or a prefix of several, is the command line's fault (64 USAGE); a well-formed
 * one that no imported document has is a record that does not exist (66 NOT_FOUND, as `exhibit diff`).
 */
export function documentByHash(documents: readonly DocumentRecord[], hash: string): DocumentRecord {
  const want = hash.trim().toLowerCase();
  const hint = '`plan12b exhibit list` shows every imported document with its hash';
  if (!HASH_RE.test(want))
    throw new Plan12bError(
      'USAGE',
      `${JSON.stringify(hash)} is not a document hash (8 to 64 hexadecimal digits)`,
      hint,
    );
  const found = documents.filter((d) => d.id.startsWith(want));
  if (found.length === 0)
    throw new Plan12bError('NOT_FOUND', `no imported document has the hash ${want}`, hint);
  if (found.length > 1)
    throw new Plan12bError(
      'USAGE',
      `${want} is the start of ${found.length} documents' hashes (${found.map((d) => d.id.slice(0, 16)).join(', ')})`,
      'give more digits of the hash',
    );
  return found[0]!;
}

/**
 * `plan12b exhibit withdraw HASH --reason TEXT` (issue 11 item 7): a document imported by mistake
 * stops governing from now on. It is never deleted: the withdrawal is recorded with its reason
 * and actor through the one door, with one audit record. Closed months stay as sealed; those the
 * document could have governed (from its effective month on) are flagged, and the next close
 * reports what they would now say as prior-period adjustments (SPEC §12).
 */
export async function withdrawExhibit(
  db: Database,
  hash: string,
  reason: string,
): Promise<ExhibitWithdrawalResult> {
  if (reason.trim() === '')
    throw new Plan12bError(
      'USAGE',
      'a withdrawal needs a reason',
      'give --reason "imported by mistake: the draft, not the signed amendment"',
    );
  requirePrintableText(reason, 'the reason');
  const actor = currentActor();
  return runStateChange(db, 'exhibit.withdraw', async (tx, closed) => {
    const doc = documentByHash(await listDocuments(tx), hash);
    if (doc.withdrawal !== null)
      throw new Plan12bError(
        'REFUSED',
        `${doc.fileName} (${doc.id.slice(0, 16)}) was already withdrawn on ${doc.withdrawal.withdrawnAt} by ${doc.withdrawal.withdrawnBy}: ${doc.withdrawal.reason}`,
        'nothing was written; `plan12b exhibit list` shows every withdrawal',
      );
    const closedMonthsToAdjust = [...closed.months].filter((m) => m >= monthOf(doc.effectiveDate)).sort();
    // SPEC §12: a closed month's rows are keyed by the portfolios of then; a withdrawal that
    // renames a portfolio on a closed day would re-key them (refreshPortfolioNames), changing the
    // month's sealed inputs — refused (its rates may change: the next close adjusts for those)
    if (closedMonthsToAdjust.length > 0) {
      const documents = await loadDocuments(tx);
      const rates = await loadBoardRates(tx);
      const hit = closedPeriodRename(
        buildRegistry(documents, rates),
        buildRegistry(
          documents.filter((d) => d.id !== doc.id),
          rates,
        ),
        closed.months,
      );
      if (hit)
        throw new Plan12bError(
          'REFUSED',
          `${hit.month} is closed: withdrawing ${doc.fileName} would rename ${hit.portfolio} on ${hit.day} (${hit.before} → ${hit.after}), re-keying the closed month's rows`,
          'nothing was written; a rename that governed a closed month stays (import a correcting amendment dated after the closed months)',
        );
    }
    // SPEC §12: nor one whose renames, undone, would re-file a closed month's rows under another
    // portfolio (whatever the document's date: a rename after the closed months can still have
    // made two names with rows of their own one portfolio)
    if (closed.latest !== null) {
      const hit = (
        await closedRowsRefiled(
          tx,
          buildRegistry(
            (await loadDocuments(tx)).filter((d) => d.id !== doc.id),
            await loadBoardRates(tx),
          ),
          monthEnd(closed.latest),
        )
      )[0];
      if (hit)
        throw new Plan12bError(
          'REFUSED',
          refiledReason(hit, closed.months, `withdrawing ${doc.fileName}`),
          "nothing was written; a rename that filed a closed month's rows stays (import a correcting amendment dated after the closed months)",
        );
    }
    await insertWithdrawal(tx, {
      documentId: doc.id,
      reason: reason.trim(),
      withdrawnBy: actor,
      closedMonths: closedMonthsToAdjust,
    });
    // names the document gave (renames) no longer resolve through it
    const registry = buildRegistry(await loadDocuments(tx), await loadBoardRates(tx));
    await refreshPortfolioNames(tx, registry);
    return {
      result: {
        id: doc.id,
        file: doc.fileName,
        title: doc.title,
        effectiveDate: doc.effectiveDate,
        reason: reason.trim(),
        withdrawnBy: actor,
        closedMonthsToAdjust,
        warnings: registry.warnings,
      },
      audit: {
        subject: doc.fileName,
        contentHash: doc.id,
        detail: `withdrawn: ${doc.title} (effective ${doc.effectiveDate}); reason: ${reason.trim()}${closedMonthsToAdjust.length > 0 ? `; closed months to adjust: ${closedMonthsToAdjust.join(', ')}` : ''}`,
      },
    };
  });
}
