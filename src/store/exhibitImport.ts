import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { StatedByUser } from '../edgar/exhibitDocument.js';
import { importableDocument } from '../edgar/importableDocument.js';
import { parseExhibit } from '../edgar/parseExhibit.js';
import { buildRegistry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import { currentActor } from './actor.js';
import { appendAudit } from './auditLog.js';
import type { Database } from './database.js';
import { loadBoardRates, loadDocuments, refreshPortfolioNames } from './registryStore.js';

export interface ExhibitFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface ExhibitImportResult {
  readonly imported: { file: string; id: string; title: string; effectiveDate: string }[];
  readonly unchanged: { file: string; id: string }[];
  readonly warnings: string[];
}

export function documentId(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads every file first: one that cannot be read fails the whole call before anything is written. */
export function readExhibits(
  files: readonly ExhibitFile[],
  onRead?: () => void,
  stated: StatedByUser = {},
): StoredDocument[] {
  return files.map((f) => {
    onRead?.();
    const text = Buffer.from(f.bytes).toString('utf8');
    const doc = importableDocument(parseExhibit(text, f.fileName), f.fileName, stated);
    return { id: documentId(f.bytes), fileName: f.fileName, doc };
  });
}

/**
 * `plan12b exhibit import`: one transaction per call; the same bytes twice change nothing
 * (documents are keyed by the SHA-256 of their bytes); the registry is derived anew from all
 * documents in canonical order, so import order never changes it (SPEC §2, §12).
 */
export async function importExhibits(
  db: Database,
  files: readonly ExhibitFile[],
  onRead?: () => void,
  stated: StatedByUser = {},
): Promise<ExhibitImportResult> {
  const parsed = readExhibits(files, onRead, stated);
  const actor = currentActor();
  return db.transaction(async (tx) => {
    const existing = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM exhibit_document')).map((r) => r.id),
    );
    const imported: ExhibitImportResult['imported'] = [];
    const unchanged: ExhibitImportResult['unchanged'] = [];
    const warnings: string[] = [];
    for (const [i, d] of parsed.entries()) {
      if (existing.has(d.id)) {
        unchanged.push({ file: d.fileName, id: d.id });
        continue;
      }
      existing.add(d.id);
      await tx.query(
        `INSERT INTO exhibit_document (id, file_name, kind, title, effective_date, parsed, byte_length, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          d.id,
          basename(d.fileName),
          d.doc.kind,
          d.doc.title,
          d.doc.effectiveDate,
          JSON.stringify(d.doc),
          files[i]!.bytes.length,
          actor,
        ],
      );
      imported.push({ file: d.fileName, id: d.id, title: d.doc.title, effectiveDate: d.doc.effectiveDate });
      await appendAudit(tx, {
        action: 'exhibit.import',
        subject: basename(d.fileName),
        contentHash: d.id,
        detail:
          d.doc.statedByUser === undefined
            ? d.doc.title
            : `${d.doc.title}; stated by the user: ${JSON.stringify(d.doc.statedByUser)}`,
      });
      for (const w of d.doc.warnings) warnings.push(`${d.fileName}: ${w}`);
    }
    if (imported.length > 0) {
      const registry = buildRegistry(await loadDocuments(tx), await loadBoardRates(tx));
      await refreshPortfolioNames(tx, registry);
      warnings.push(...registry.warnings);
    }
    return { imported, unchanged, warnings };
  });
}
