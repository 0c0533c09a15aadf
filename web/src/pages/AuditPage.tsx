import { useState } from 'react';
import { getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/Status';
import { useApi } from '../useApi';

interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly detail: string;
  readonly contentHash: string;
}

const columns: Column<AuditRecord>[] = [
  { key: 'seq', label: '#', value: (r) => r.seq },
  { key: 'at', label: 'At', value: (r) => r.at },
  { key: 'actor', label: 'Actor', value: (r) => r.actor },
  { key: 'action', label: 'Action', value: (r) => r.action },
  { key: 'subject', label: 'Subject', value: (r) => r.subject },
  { key: 'detail', label: 'Detail', value: (r) => r.detail },
];

/** Who changed what and when: the audit log, filtered (auditor and admin tokens). */
export function AuditPage() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const log = useApi(
    () =>
      getJson<{ records: AuditRecord[] }>('/api/audit/log', {
        action: action || undefined,
        actor: actor || undefined,
      }),
    [action, actor],
  );
  const verify = useApi(() => getJson<{ ok: boolean; records: number }>('/api/audit/verify'), []);
  return (
    <>
      <h2>Audit log</h2>
      {verify.data && (
        <p className={verify.data.ok ? 'ok' : 'error'}>
          {verify.data.ok ? '✓ chain verified' : '✗ the chain does not verify'} ({verify.data.records}{' '}
          records)
        </p>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Action{' '}
          <input
            name="action"
            placeholder="net-assets.*"
            value={action}
            onChange={(e) => setAction(e.target.value)}
          />
        </label>
        <label>
          Actor <input name="actor" value={actor} onChange={(e) => setActor(e.target.value)} />
        </label>
      </form>
      <Loading loading={log.loading} />
      <ErrorBox error={log.error ?? verify.error} />
      {log.data && <DataTable name="audit-log" caption="Records" rows={log.data.records} columns={columns} />}
    </>
  );
}
