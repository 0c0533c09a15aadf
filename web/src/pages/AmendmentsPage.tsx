import { getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { ErrorBox, Loading, Warnings } from '../components/Status';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';

interface DocumentSummary {
  readonly id: string;
  readonly fileName: string;
  readonly kind: string;
  readonly title: string;
  readonly amendmentNumber: number | null;
  readonly effectiveDate: string | null;
  /** null while in force (GET /api/registry/documents, as `plan12b exhibit list --json`) */
  readonly withdrawal?: {
    readonly reason: string;
    readonly withdrawnBy: string;
    readonly withdrawnAt: string;
  } | null;
  /**
   * its instrument's lapse for want of annual continuance (Plan §7, Agreement FOURTEENTH), with the
   * server's words for it (as `plan12b exhibit list` prints them); null when none
   */
  readonly lapse?: { readonly text: string } | null;
  /** the name its instrument is listed by (two of one date told apart: "… (Compensation)"); null when withdrawn */
  readonly instrument?: string | null;
  /** the instrument the user stated this amendment amends (`exhibit import --amends`), or null */
  readonly statedAmends?: { readonly amends: string; readonly statedBy: string } | null;
  /** the Amended and Restated instrument that took its instrument's place, and from when; null when none */
  readonly supersededBy?: {
    readonly instrument: string;
    readonly file: string;
    readonly from: string;
  } | null;
  /** with approvals.enforce on: the classes it does not govern for want of a recorded approval */
  readonly pendingApproval?: { readonly classes: number; readonly reasons: readonly string[] } | null;
}
interface DiffRow {
  readonly change: 'added' | 'removed' | 'renamed' | 're-rated' | 'moved';
  readonly portfolio: string;
  readonly class: string;
  readonly before: string | null;
  readonly after: string | null;
  /** the day it takes effect: the effective date, or the later approval it waited for (Plan §§5–6, §11) */
  readonly from?: string;
}
interface AmendmentDiff {
  readonly document: DocumentSummary;
  /** a withdrawn document's diff is history: what it changed while in force */
  readonly withdrawal: DocumentSummary['withdrawal'];
  readonly before: string | null;
  readonly from: string | null;
  readonly changes: readonly DiffRow[];
  readonly warnings: readonly string[];
}

const documentColumns: Column<DocumentSummary>[] = [
  { key: 'title', label: 'Document', value: (d) => d.title },
  {
    key: 'instrument',
    label: 'Instrument',
    // SPEC §2.1: where the user stated which instrument an amendment amends, it says so
    value: (d) => `${d.instrument ?? ''}${d.statedAmends ? ` (stated by ${d.statedAmends.statedBy})` : ''}`,
  },
  { key: 'amendment', label: 'Amendment no.', value: (d) => d.amendmentNumber ?? '' },
  { key: 'kind', label: 'Kind', value: (d) => d.kind },
  { key: 'effective', label: 'Effective', value: (d) => d.effectiveDate ?? '(no date)' },
  { key: 'file', label: 'File', value: (d) => d.fileName },
  {
    key: 'status',
    label: 'Status',
    value: (d) =>
      d.withdrawal
        ? `withdrawn ${d.withdrawal.withdrawnAt.slice(0, 10)} by ${d.withdrawal.withdrawnBy}: ${d.withdrawal.reason}`
        : // Plan §§5–6, §11: without its recorded approval it does not govern (approvals.enforce);
          // Plan §7, FOURTEENTH: a missed continuance ends it — either or both, never "in force"
          [
            d.pendingApproval
              ? `pending approval (${d.pendingApproval.classes} ${d.pendingApproval.classes === 1 ? 'class' : 'classes'}): ${d.pendingApproval.reasons.join('; ')}`
              : null,
            d.lapse ? d.lapse.text : null,
            d.supersededBy
              ? `superseded by ${d.supersededBy.instrument} (${d.supersededBy.file}) from ${d.supersededBy.from}`
              : null,
          ]
            .filter((x) => x !== null)
            .join('; ') || 'in force',
  },
];
const diffColumns: Column<DiffRow>[] = [
  { key: 'change', label: 'Change', value: (r) => r.change },
  { key: 'portfolio', label: 'Portfolio', value: (r) => r.portfolio },
  { key: 'class', label: 'Class', value: (r) => r.class },
  { key: 'before', label: 'Before', value: (r) => r.before ?? '—' },
  { key: 'after', label: 'After', value: (r) => r.after ?? '—' },
  { key: 'from', label: 'From', value: (r) => r.from ?? '' },
];

export function AmendmentsPage() {
  // the document opened is in the address: a link opens its diff (#/amendments?document=ID)
  const [opened, setSelected] = useHashParam('document', '');
  const selected = opened === '' ? null : opened;
  const docs = useApi(() => getJson<{ documents: DocumentSummary[] }>('/api/registry/documents'), []);
  const diff = useApi(
    selected === null
      ? null
      : () => getJson<AmendmentDiff>(`/api/registry/documents/${encodeURIComponent(selected)}/diff`),
    [selected],
  );
  const sorted = [...(docs.data?.documents ?? [])].sort((a, b) =>
    (a.effectiveDate ?? '').localeCompare(b.effectiveDate ?? ''),
  );
  return (
    <>
      <h2>Documents and amendments</h2>
      <Loading loading={docs.loading} />
      <ErrorBox error={docs.error} />
      <DataTable
        name="documents"
        caption="Every imported exhibit, withdrawn ones too — open one to see what it changed"
        rows={sorted}
        columns={documentColumns}
        onRowClick={(d) => setSelected(d.id)}
      />
      <Loading loading={diff.loading} />
      <ErrorBox error={diff.error} />
      {diff.data && diff.data.document.id === selected && (
        <div className="diff">
          <h3>
            What “{diff.data.document.title}” changed
            {diff.data.from ? ` on ${diff.data.from}` : ''}
            {diff.data.withdrawal ? ' while in force (withdrawn since)' : ''}
          </h3>
          <Warnings warnings={diff.data.warnings} />
          {diff.data.changes.length === 0 ? (
            <p>No entry in force changed on its effective date.</p>
          ) : (
            <DataTable
              name={`diff-${diff.data.document.id.slice(0, 12)}`}
              caption={`${diff.data.changes.length} changes (schedule on ${diff.data.before} against ${diff.data.from})`}
              rows={diff.data.changes}
              columns={diffColumns}
            />
          )}
        </div>
      )}
    </>
  );
}
