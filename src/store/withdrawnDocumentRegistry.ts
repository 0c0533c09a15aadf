import type { DocumentWithdrawal } from '../registry/amendmentDiffAnswer.js';
import type { Registry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import type { Queryable } from './database.js';
import { registryOfInputs } from './registryInputs.js';
import { listDocuments, loadEveryParsedDocument, loadRegistryInputs } from './registryStore.js';

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
