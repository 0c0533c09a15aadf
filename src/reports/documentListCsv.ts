import { toCsv } from '../cli/csvOut.js';
import type { InstrumentSuccessor } from '../governance/continuanceRoster.js';
import { type DocumentLapse, documentLapses } from '../governance/documentLapse.js';
import type { Registry } from '../registry/registry.js';
import type { DocumentRecord } from '../store/registryStore.js';

/** A listed document with its instrument's lapse (Plan §7, Agreement FOURTEENTH), null when none. */
export interface ListedDocument extends DocumentRecord {
  /** the name its instrument is listed by (twins told apart: "… (Compensation)"); null when withdrawn */
  readonly instrument: string | null;
  readonly lapse: DocumentLapse | null;
  /**
   * The Amended and Restated instrument that took its instrument's place by the registry's today
   * (registry/supersededInstruments.ts), else null: as `continuance` shows it, no deadline after
   * it; a lapse before it stays in `lapse`.
   */
  readonly supersededBy: InstrumentSuccessor | null;
}

/** The documents as listed: each with its instrument's lapse and supersession as of the registry's today (a withdrawn one: none). */
export function listedDocuments(documents: readonly DocumentRecord[], registry: Registry): ListedDocument[] {
  const lapses = documentLapses(registry);
  const today = registry.governance.today;
  const superseded = new Map<string, InstrumentSuccessor>();
  for (const c of registry.continuance(today))
    if (c.supersededBy !== null && c.supersededBy.from <= today) {
      const instrument = registry.instruments.find((i) => i.key === c.instrumentKey);
      for (const id of instrument?.documentIds ?? []) superseded.set(id, c.supersededBy);
    }
  const instrumentOf = new Map(registry.instruments.flatMap((i) => i.documentIds.map((id) => [id, i.name])));
  return documents.map((d) => ({
    ...d,
    instrument: d.withdrawal === null ? (instrumentOf.get(d.id) ?? null) : null,
    lapse: d.withdrawal === null ? (lapses.get(d.id) ?? null) : null,
    supersededBy: d.withdrawal === null ? (superseded.get(d.id) ?? null) : null,
  }));
}

/**
 * `in force` | `withdrawn` | `lapsed` | `partly lapsed` (an Agreement lapsed for some of its
 * Portfolios) | `superseded` (an Amended and Restated instrument took its place; a lapse before
 * that is still in `missedDeadline`, `lapsedOn`).
 */
function statusOf(d: ListedDocument): string {
  if (d.withdrawal !== null) return 'withdrawn';
  if (d.supersededBy !== null) return 'superseded';
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
  'supersededBy',
  'supersededFrom',
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
    supersededBy: d.supersededBy?.instrument ?? '',
    supersededFrom: d.supersededBy?.from ?? '',
    lapseText: d.lapse?.text ?? '',
    /** the status in words for the table: the supersession, after a lapse before it */
    statusText: [
      d.lapse?.text ?? '',
      d.supersededBy === null
        ? ''
        : `superseded by ${d.supersededBy.instrument} (${d.supersededBy.file}) from ${d.supersededBy.from}`,
    ]
      .filter((t) => t !== '')
      .join('; '),
  }));
}

export function documentListCsv(documents: readonly ListedDocument[]): string {
  return toCsv(DOCUMENT_LIST_COLUMNS, documentListRows(documents));
}
