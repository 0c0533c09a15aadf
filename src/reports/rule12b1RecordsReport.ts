import { type Rule12b1Records, rule12b1Records } from '../governance/rule12b1Records.js';
import { closedMonthDates } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { registryOfInputs } from '../store/registryInputs.js';
import { listDocuments, loadRegistryInputs } from '../store/registryStore.js';

/**
 * `plan12b records --as-of D` (Rule 12b-1(f); DOMAIN §1.3): the plans, agreements, amendments,
 * related agreements and quarterly reports the fund must still keep on D, with the Board's and
 * shareholders' votes on each up to D and the days each is kept through. Inside one read snapshot.
 */
export async function rule12b1RecordsReport(q: Queryable, asOf: string): Promise<Rule12b1Records> {
  const { registry } = registryOfInputs(await loadRegistryInputs(q));
  const instrumentOf = new Map<string, { key: string; name: string }>();
  for (const i of registry.instruments) for (const id of i.documentIds) instrumentOf.set(id, i);
  const documents = (await listDocuments(q))
    .filter((d) => d.withdrawal === null)
    .map((d) => ({
      id: d.id,
      fileName: d.fileName,
      kind: d.kind,
      title: d.title,
      effectiveDate: d.effectiveDate,
      instrumentKey: instrumentOf.get(d.id)?.key ?? null,
      instrumentName: instrumentOf.get(d.id)?.name ?? null,
    }));
  return rule12b1Records({
    asOf,
    documents,
    approvals: registry.governance.approvals,
    closedMonths: await closedMonthDates(q),
  });
}

/** `plan12b records --csv`: one line per record, its votes in one cell ("; " between them). */
export const RULE_12B1_RECORDS_CSV_COLUMNS = [
  'record',
  'title',
  'instrument',
  'file',
  'document',
  'dated',
  'approvedByTheBoard',
  'votes',
  'accessibleThrough',
  'keptThrough',
  'retention',
] as const;

export function rule12b1RecordsCsvRows(
  r: Rule12b1Records,
): Record<(typeof RULE_12B1_RECORDS_CSV_COLUMNS)[number], string>[] {
  return r.records.map((x) => ({
    record: x.record,
    title: x.title,
    instrument: x.instrument ?? '',
    file: x.file ?? '',
    document: x.document ?? '',
    dated: x.dated,
    approvedByTheBoard: x.approvedByTheBoard ? 'yes' : 'no',
    votes: x.votes.map((v) => `${v.meetingDate} ${v.body} ${v.subject}: ${v.outcome}`).join('; '),
    accessibleThrough: x.accessibleThrough,
    keptThrough: x.keptThrough,
    retention: x.retention,
  }));
}
