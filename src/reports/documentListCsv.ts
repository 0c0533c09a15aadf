import { toCsv } from '../cli/csvOut.js';
import type { DocumentRecord } from '../store/registryStore.js';

/** `plan12b exhibit list --csv` (and `GET /api/registry/documents?format=csv`): its columns. */
export const DOCUMENT_LIST_COLUMNS = [
  'id',
  'file',
  'kind',
  'title',
  'effectiveDate',
  'importedBy',
  'importedAt',
  'status',
  'withdrawnBy',
  'withdrawnAt',
  'withdrawalReason',
] as const;

/** One line per imported exhibit, a withdrawn one with its withdrawal (SPEC §2). */
export function documentListRows(documents: readonly DocumentRecord[]) {
  return documents.map((d) => ({
    id: d.id,
    file: d.fileName,
    kind: d.kind,
    title: d.title,
    effectiveDate: d.effectiveDate,
    importedBy: d.importedBy,
    importedAt: d.importedAt,
    status: d.withdrawal === null ? 'in force' : 'withdrawn',
    withdrawnBy: d.withdrawal?.withdrawnBy ?? '',
    withdrawnAt: d.withdrawal?.withdrawnAt ?? '',
    withdrawalReason: d.withdrawal?.reason ?? '',
  }));
}

export function documentListCsv(documents: readonly DocumentRecord[]): string {
  return toCsv(DOCUMENT_LIST_COLUMNS, documentListRows(documents));
}
