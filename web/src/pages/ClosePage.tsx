import { useEffect, useState } from 'react';
import { getJson, postJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/Status';
import { useApi } from '../useApi';

interface ClosedMonth {
  readonly month: string;
  readonly closedAt: string;
  readonly closedBy: string;
  readonly resultsHash: string | null;
}
interface CloseJob {
  readonly id: string;
  readonly month: string;
  readonly state: 'running' | 'sealed' | 'failed';
  readonly step: { title: string; index: number; count: number } | null;
  readonly result: { resultsHash: string; parts: string[] } | null;
  readonly error: { code: string; message: string; hint?: string } | null;
}

const monthColumns: Column<ClosedMonth>[] = [
  { key: 'month', label: 'Month', value: (m) => m.month },
  { key: 'closedAt', label: 'Closed at', value: (m) => m.closedAt },
  { key: 'closedBy', label: 'Closed by', value: (m) => m.closedBy },
  { key: 'hash', label: 'Results hash', value: (m) => m.resultsHash },
];

/** Month close status, and a close action that follows the job's steps to the seal. */
export function ClosePage({ firstMonth }: { readonly firstMonth: string }) {
  const months = useApi(
    () => getJson<{ months: ClosedMonth[]; nextToClose: string | null }>('/api/months'),
    [],
  );
  const [month, setMonth] = useState<string | null>(null);
  const [first, setFirst] = useState(false);
  const [acceptEnded, setAcceptEnded] = useState('');
  const [job, setJob] = useState<CloseJob | null>(null);
  const [error, setError] = useState<Error | null>(null);
  // SPEC §12: the month after the last closed one; while none is closed, the first month with
  // daily net assets — the server knows it (a guess from today would be refused)
  const suggested = months.data?.nextToClose ?? firstMonth;

  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(async () => {
      try {
        const next = await getJson<CloseJob>(`/api/close/jobs/${job.id}`);
        setJob(next);
        if (next.state !== 'running') months.reload();
      } catch (e) {
        setError(e as Error);
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [job, months]);

  const start = async () => {
    setError(null);
    try {
      // the CLI's --first and --accept-ended "Fund:Class" (one class a line, or separated by ;)
      const ended = acceptEnded
        .split(/[;\n]/)
        .map((t) => t.trim())
        .filter((t) => t !== '');
      setJob(
        await postJson<CloseJob>('/api/close', {
          month: month ?? suggested,
          ...(first ? { first: true } : {}),
          ...(ended.length > 0 ? { acceptEnded: ended } : {}),
        }),
      );
    } catch (e) {
      setError(e as Error);
      // another user may have closed a month meanwhile ("2026-02 is already closed"): the list and
      // the month suggested follow what is closed now, not what was when the page opened
      months.reload();
    }
  };
  const progress = job?.step ? Math.round((100 * job.step.index) / Math.max(1, job.step.count)) : 0;
  return (
    <>
      <h2>Month close</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label>
          Month{' '}
          <input
            type="month"
            name="month"
            value={month ?? suggested}
            onChange={(e) => setMonth(e.target.value)}
          />
        </label>
        <label title="only while no month is closed">
          <input type="checkbox" name="first" checked={first} onChange={(e) => setFirst(e.target.checked)} />{' '}
          Start the books at this month
        </label>
        <label title="a class whose net-assets feed stopped before the month end; separate several with ;">
          Accept as ended{' '}
          <input
            type="text"
            name="acceptEnded"
            placeholder="Fund:Class; Fund:Class"
            value={acceptEnded}
            onChange={(e) => setAcceptEnded(e.target.value)}
          />
        </label>
        <button type="submit" disabled={job?.state === 'running'}>
          Close month
        </button>
      </form>
      <ErrorBox error={error} />
      {job && (
        <div className="job" aria-live="polite">
          <p>
            Close of {job.month}: <strong className={`state-${job.state}`}>{job.state}</strong>
            {job.step ? ` — step ${job.step.index} of ${job.step.count}: ${job.step.title}` : ''}
          </p>
          {job.state === 'running' && (
            <progress max={100} value={progress} aria-label={`close progress ${progress}%`}>
              {progress}%
            </progress>
          )}
          {job.result && <p className="hash">Sealed; results hash {job.result.resultsHash}</p>}
          {job.error && (
            <div className="error" role="alert">
              {job.error.code}: {job.error.message}
              {job.error.hint ? <div className="hint">{job.error.hint}</div> : null}
            </div>
          )}
        </div>
      )}
      <Loading loading={months.loading} />
      <ErrorBox error={months.error} />
      {months.data && (
        <DataTable
          name="closed-months"
          caption={
            months.data.months.length === 1 ? '1 closed month' : `${months.data.months.length} closed months`
          }
          rows={months.data.months}
          columns={monthColumns}
        />
      )}
    </>
  );
}
