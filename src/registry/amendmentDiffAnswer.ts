import { type AmendmentChange, amendmentDiff } from './amendmentDiff.js';
import type { Registry } from './registry.js';
import type { StoredDocument } from './storedDocument.js';

/** A document's withdrawal as recorded (`plan12b exhibit withdraw`). */
export interface DocumentWithdrawal {
  readonly reason: string;
  readonly withdrawnBy: string;
  readonly withdrawnAt: string;
}

/** `plan12b exhibit diff --json` and `GET /api/registry/documents/{id}/diff`: one answer, written once. */
export interface AmendmentDiffAnswer {
  readonly document: {
    readonly id: string;
    readonly fileName: string;
    readonly title: string;
    readonly amendmentNumber: number | null;
    readonly effectiveDate: string | null;
  };
  /** null while the document is in force */
  readonly withdrawal: DocumentWithdrawal | null;
  readonly before: string | null;
  readonly from: string | null;
  readonly changes: readonly AmendmentChange[];
  readonly warnings: readonly string[];
}

/**
 * What a document changed (SPEC §2: the amendment diffs the dashboard shows). A withdrawn document
 * is history, not an error: `registry` is then the registry of the documents in force now with it
 * put back (the caller builds it), so the answer says what it changed while it was in force, and
 * a first warning says it is withdrawn and no longer used.
 */
export function amendmentDiffAnswer(
  registry: Registry,
  document: StoredDocument,
  withdrawal: DocumentWithdrawal | null,
): AmendmentDiffAnswer {
  const diff = amendmentDiff(registry, document);
  const withdrawn =
    withdrawal === null
      ? []
      : [
          `withdrawn ${withdrawal.withdrawnAt.slice(0, 10)} by ${withdrawal.withdrawnBy} (${withdrawal.reason}): ` +
            'the registry no longer uses it; these are the changes it made while in force, against the documents in force now',
        ];
  return {
    document: {
      id: document.id,
      fileName: document.fileName,
      title: document.doc.title,
      amendmentNumber: document.doc.amendmentNumber,
      effectiveDate: document.doc.effectiveDate,
    },
    withdrawal,
    before: diff.before,
    from: diff.from,
    changes: diff.changes,
    warnings: [...withdrawn, ...diff.warnings],
  };
}

/** `plan12b exhibit diff --csv` (and the API's format=csv): one line per change. */
export const AMENDMENT_DIFF_COLUMNS = ['change', 'portfolio', 'class', 'before', 'after', 'from'] as const;
