import type { DocumentWithdrawal } from '../registry/amendmentDiffAnswer.js';
import type { Registry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import type { Queryable } from './database.js';
import { registryOfInputs } from './registryInputs.js';
import { listDocuments, loadEveryParsedDocument, loadRegistryInputs } from './registryStore.js';

/** A withdrawn exhibit as a refused feed's next step names it. */
export interface WithdrawnInstrument {
  readonly id: string;
  readonly fileName: string;
  readonly title: string;
  /** when it was withdrawn (ISO timestamp) and why */
  readonly withdrawnAt: string;
  readonly reason: string;
  /** the share classes it covered (its instrument's and its schedules') */
  readonly classes: readonly string[];
}

/** A withdrawn document, with the registry of the documents in force now and it put back. */
export interface WithdrawnDocumentRegistry {
  readonly document: StoredDocument;
  readonly withdrawal: DocumentWithdrawal;
  readonly registry: Registry;
}

/**
 * The withdrawn documents whose id `matches`, each with the registry it would give (FORMATS.md
 * `exhibit diff`): a withdrawn exhibit stays listed (`exhibit list`, the dashboard's documents
 * page), so what it changed while in force stays answerable as history.
 */
export async function withdrawnDocumentRegistries(
  q: Queryable,
  matches: (id: string) => boolean,
): Promise<WithdrawnDocumentRegistry[]> {
  const withdrawn = (await listDocuments(q)).filter((d) => d.withdrawal !== null && matches(d.id));
  if (withdrawn.length === 0) return [];
  const parsed = new Map((await loadEveryParsedDocument(q)).map((d) => [d.id, d]));
  const inputs = await loadRegistryInputs(q);
  return withdrawn.flatMap((w) => {
    const document = parsed.get(w.id);
    if (!document || w.withdrawal === null) return [];
    const { registry } = registryOfInputs({ ...inputs, documents: [...inputs.documents, document] });
    return [{ document, withdrawal: w.withdrawal, registry }];
  });
}

/**
 * Every withdrawn document with the share classes it covered (its instrument's and its
 * schedules'), for the next step of a feed refused for a class it was alone in covering
 * (src/import/withdrawnInstrumentHint.ts). No parsed document is read when none is withdrawn.
 */
export async function withdrawnInstruments(q: Queryable): Promise<WithdrawnInstrument[]> {
  const withdrawn = (await listDocuments(q)).filter((d) => d.withdrawal !== null);
  if (withdrawn.length === 0) return [];
  const parsed = new Map((await loadEveryParsedDocument(q)).map((d) => [d.id, d.doc]));
  return withdrawn.map((d) => {
    const doc = parsed.get(d.id);
    const classes = new Set<string>(doc?.instrument.classes ?? []);
    for (const s of doc?.schedules ?? []) for (const e of s.entries) classes.add(e.class);
    return {
      id: d.id,
      fileName: d.fileName,
      title: d.title,
      withdrawnAt: d.withdrawal!.withdrawnAt,
      reason: d.withdrawal!.reason,
      classes: [...classes],
    };
  });
}
