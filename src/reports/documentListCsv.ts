import { toCsv } from '../cli/csvOut.js';
import { type DocumentLapse, documentLapses } from '../governance/documentLapse.js';
import type { Registry } from '../registry/registry.js';
import type { DocumentRecord } from '../store/registryStore.js';

/** A listed document with its instrument's lapse (Plan §7, Agreement FOURTEENTH), null when none. */
export interface ListedDocument extends DocumentRecord {
  /** the name its instrument is listed by (twins told apart: "… (Compensation)"); null when withdrawn */
  readonly instrument: string | null;
  readonly lapse: DocumentLapse | null;
}

/** The documents as listed: each with its instrument's lapse as of the registry's today (a withdrawn one: none). */
export function listedDocuments(documents: readonly DocumentRecord[], registry: Registry): ListedDocument[] {
  const lapses = documentLapses(registry);
  const instrumentOf = new Map(registry.instruments.flatMap((i) => i.documentIds.map((id) => [id, i.name])));
  return documents.map((d) => ({
    ...d,
    instrument: d.withdrawal === null ? (instrumentOf.get(d.id) ?? null) : null,
    lapse: d.withdrawal === null ? (lapses.get(d.id) ?? null) : null,
  }));
}

/** `in force` | `withdrawn` | `lapsed` | `partly lapsed` (an Agreement lapsed for some of its Portfolios). */
function statusOf(d: ListedDocument): string {
  if (d.withdrawal !== null) return 'withdrawn';
  if (d.lapse === null) return 'in force';
  const p = d.lapse.portfolios;
  return p !== null && p.lapsed < p.listed ? 'partly lapsed' : 'lapsed';
}

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
  'missedDeadline',
  'lapsedOn',
] as const;

/** One line per imported exhibit, a withdrawn one with its withdrawal (SPEC §2). */
export function documentListRows(documents: readonly ListedDocument[]) {
  return documents.map((d) => ({
    id: d.id,
    file: d.fileName,
    kind: d.kind,
    title: d.title,
    instrument: d.instrument,
    effectiveDate: d.effectiveDate,
    importedBy: d.importedBy,
    importedAt: d.importedAt,
    status: statusOf(d),
    withdrawnBy: d.withdrawal?.withdrawnBy ?? '',
    withdrawnAt: d.withdrawal?.withdrawnAt ?? '',
    withdrawalReason: d.withdrawal?.reason ?? '',
    missedDeadline: d.lapse?.missedDeadline ?? '',
    lapsedOn: d.lapse?.endsOn ?? '',
    lapseText: d.lapse?.text ?? '',
  }));
}

export function documentListCsv(documents: readonly ListedDocument[]): string {
  return toCsv(DOCUMENT_LIST_COLUMNS, documentListRows(documents));
}
