import { getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { DateInput } from '../components/DateInput';
import { ErrorBox, Loading, Warnings } from '../components/Status';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';

interface ScheduleEntry {
  readonly registrant: string;
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly class: string;
  readonly assetBasedSalesChargePct: string | null;
  readonly serviceFeePct: string | null;
  readonly aggregateFeePct: string | null;
  readonly rateSource: string;
  readonly instrument: string;
  readonly schedule: string;
  readonly inForceSince: string;
  readonly document: { readonly id: string; readonly title: string; readonly effectiveDate: string };
  /** its instrument had lapsed by the date (Plan §7; Agreement FOURTEENTH), whatever approvals.enforce says */
  readonly lapse?: { readonly endsOn: string; readonly text: string } | null;
}
/** An entry effective by the date that does not govern on it for want of an approval (issue 12). */
interface PendingEntry {
  readonly portfolio: string;
  readonly class: string;
  readonly instrument: string;
  readonly schedule: string;
  readonly document: string;
  readonly amendmentNumber: number | null;
  readonly effectiveDate: string;
  readonly governsFrom: string | null;
  readonly reason: string;
}
interface Schedule {
  readonly asOf: string;
  readonly count: number;
  readonly entries: readonly ScheduleEntry[];
  readonly pending: readonly PendingEntry[];
  readonly warnings: readonly string[];
}

const columns: Column<ScheduleEntry>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (e) => e.portfolio },
  { key: 'class', label: 'Class', value: (e) => e.class },
  { key: 'registrant', label: 'Registrant', value: (e) => e.registrant },
  {
    key: 'absc',
    label: 'Asset-based sales charge %',
    value: (e) => e.assetBasedSalesChargePct,
    percent: true,
  },
  { key: 'service', label: 'Service fee %', value: (e) => e.serviceFeePct, percent: true },
  { key: 'aggregate', label: 'Aggregate %', value: (e) => e.aggregateFeePct, percent: true },
  { key: 'source', label: 'Rate set by', value: (e) => e.rateSource },
  {
    key: 'instrument',
    label: 'Instrument',
    value: (e) => `${e.instrument}, ${e.schedule}${e.lapse ? ` (lapsed ${e.lapse.endsOn})` : ''}`,
  },
  { key: 'since', label: 'In force since', value: (e) => e.inForceSince },
  { key: 'document', label: 'Document', value: (e) => e.document.title },
];

const pendingColumns: Column<PendingEntry>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (e) => e.portfolio },
  { key: 'class', label: 'Class', value: (e) => e.class },
  { key: 'instrument', label: 'Instrument', value: (e) => `${e.instrument}, ${e.schedule}` },
  { key: 'document', label: 'Document', value: (e) => e.document },
  { key: 'effective', label: 'Effective', value: (e) => e.effectiveDate },
  { key: 'governsFrom', label: 'Governs from', value: (e) => e.governsFrom ?? 'not yet approved' },
  { key: 'reason', label: 'Why it does not govern yet', value: (e) => e.reason },
];

export function SchedulePage({ today }: { readonly today: string }) {
  const [asOf, setAsOf] = useHashParam('asOf', today);
  const [cls, setCls] = useHashParam('class', '');
  const schedule = useApi(
    () => getJson<Schedule>('/api/registry/schedule', { asOf, class: cls || undefined }),
    [asOf, cls],
  );
  const classes = [...new Set(schedule.data?.entries.map((e) => e.class) ?? [])].sort();
  return (
    <>
      <h2>Schedule in force</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          As of <DateInput type="date" name="asOf" value={asOf} onValue={setAsOf} />
        </label>
        <label>
          Class{' '}
          <select name="class" value={cls} onChange={(e) => setCls(e.target.value)}>
            <option value="">all</option>
            {(cls ? [cls, ...classes.filter((c) => c !== cls)] : classes).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Loading loading={schedule.loading} />
      <ErrorBox error={schedule.error} />
      {schedule.data && (
        <>
          <Warnings warnings={schedule.data.warnings} />
          <DataTable
            name={`schedule-${schedule.data.asOf}`}
            caption={`${schedule.data.count} entries in force on ${schedule.data.asOf}`}
            rows={schedule.data.entries}
            columns={columns}
          />
          {schedule.data.pending.length > 0 && (
            <DataTable
              name={`schedule-pending-${schedule.data.asOf}`}
              caption={`${schedule.data.pending.length} pending approval on ${schedule.data.asOf}`}
              rows={schedule.data.pending}
              columns={pendingColumns}
            />
          )}
        </>
      )}
    </>
  );
}
