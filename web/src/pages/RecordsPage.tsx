import { useState } from 'react';
import { download, getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { DateInput } from '../components/DateInput';
import { ErrorBox, Loading, Warnings } from '../components/Status';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';

interface RecordVote {
  readonly meetingDate: string;
  readonly body: 'board' | 'shareholders';
  readonly subject: string;
  readonly carried: boolean;
  readonly outcome: string;
}
interface Rule12b1Record {
  readonly record: string;
  readonly title: string;
  readonly instrument: string | null;
  readonly file: string | null;
  readonly document: string | null;
  readonly dated: string;
  readonly votes: readonly RecordVote[];
  readonly approvedByTheBoard: boolean;
  readonly accessibleThrough: string;
  readonly keptThrough: string;
  readonly retention: 'easily accessible' | 'kept' | 'past retention';
}
interface Records {
  readonly asOf: string;
  readonly records: readonly Rule12b1Record[];
  readonly warnings: readonly string[];
}

const columns: Column<Rule12b1Record>[] = [
  { key: 'record', label: 'Record', value: (r) => r.record },
  { key: 'title', label: 'Title', value: (r) => r.title },
  { key: 'instrument', label: 'Instrument', value: (r) => r.instrument ?? '' },
  { key: 'dated', label: 'Dated', value: (r) => r.dated },
  {
    key: 'votes',
    label: 'Votes up to the date',
    value: (r) => r.votes.map((v) => `${v.meetingDate} ${v.body} ${v.subject}: ${v.outcome}`).join('; '),
  },
  { key: 'approved', label: 'Approved by the Board', value: (r) => (r.approvedByTheBoard ? 'yes' : 'no') },
  { key: 'accessible', label: 'Easily accessible through', value: (r) => r.accessibleThrough },
  { key: 'kept', label: 'Kept through', value: (r) => r.keptThrough },
  { key: 'retention', label: 'On the date', value: (r) => r.retention },
];

/**
 * The Rule 12b-1(f) records as of a date, as `plan12b records --as-of D` gives them: each plan,
 * agreement, amendment, related agreement and sealed quarterly report (Plan §8) the fund keeps,
 * the votes the Board (and shareholders) cast on it up to the date, and the days it is kept
 * through — six years from its date, the first two in an easily accessible place; with the
 * command's XLSX and CSV.
 */
export function RecordsPage({ today }: { readonly today: string }) {
  const [asOf, setAsOf] = useHashParam('asOf', today);
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const records = useApi(() => getJson<Records>('/api/records', { asOf }), [asOf]);
  const get = (format: 'xlsx' | 'csv') =>
    download('/api/records', { asOf, format }, `records-${asOf}.${format}`).catch(setDownloadError);
  const r = records.data;
  return (
    <>
      <h2>Records (Rule 12b-1(f))</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          As of <DateInput type="date" name="asOf" value={asOf} onValue={setAsOf} />
        </label>
        {/* the workbook and the CSV of `plan12b records --xlsx` / `--csv` */}
        <button type="button" onClick={() => get('xlsx')}>
          Download XLSX
        </button>
        <button type="button" onClick={() => get('csv')}>
          Download CSV
        </button>
      </form>
      <ErrorBox error={downloadError} />
      <Loading loading={records.loading} />
      <ErrorBox error={records.error} />
      {r && (
        <>
          <p className="hint">
            Rule 12b-1(f): copies of the plan, every agreement related to it and every report made under it
            are kept six years from their date, the first two in an easily accessible place.
          </p>
          <Warnings warnings={r.warnings} />
          <DataTable
            name={`records-${r.asOf}`}
            caption={`${r.records.length} records on ${r.asOf}`}
            rows={r.records}
            columns={columns}
          />
        </>
      )}
    </>
  );
}
