import { getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/Status';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';

interface History {
  readonly portfolioId: string;
  readonly names: readonly { name: string; from: string | null; lastDay: string | null }[];
  readonly registrants: readonly { registrant: string | null; from: string; lastDay: string | null }[];
  readonly classes: readonly {
    class: string;
    from: string;
    lastDay: string | null;
    distributionFeePct: string | null;
    serviceFeePct: string | null;
    aggregateFeePct: string | null;
    rateSource: string;
    instrument: string;
    schedule: string;
    document: string;
    amendmentNumber: number | null;
  }[];
}
type ClassRun = History['classes'][number];

const classColumns: Column<ClassRun>[] = [
  { key: 'class', label: 'Class', value: (c) => c.class },
  { key: 'from', label: 'From', value: (c) => c.from },
  { key: 'lastDay', label: 'Last day', value: (c) => c.lastDay ?? 'in force' },
  { key: 'dist', label: 'Distribution fee %', value: (c) => c.distributionFeePct, percent: true },
  { key: 'service', label: 'Service fee %', value: (c) => c.serviceFeePct, percent: true },
  { key: 'aggregate', label: 'Aggregate %', value: (c) => c.aggregateFeePct, percent: true },
  { key: 'source', label: 'Rate set by', value: (c) => c.rateSource },
  { key: 'document', label: 'Document', value: (c) => `${c.document} (${c.schedule})` },
];

/** One timeline band per run: names, registrants, and each class's governing entries. */
function Timeline({ history }: { readonly history: History }) {
  const starts = [
    ...history.names.map((n) => n.from ?? ''),
    ...history.registrants.map((r) => r.from),
    ...history.classes.map((c) => c.from),
  ].filter(Boolean);
  const first = starts.sort()[0] ?? '2000-01-01';
  const today = new Date().toISOString().slice(0, 10);
  const t = (d: string) => new Date(d).getTime();
  const span = Math.max(1, t(today) - t(first));
  const pos = (from: string | null, lastDay: string | null) => ({
    left: `${(100 * (t(from ?? first) - t(first))) / span}%`,
    width: `${Math.max(0.8, (100 * (t(lastDay ?? today) - t(from ?? first))) / span)}%`,
  });
  const lanes: { label: string; runs: { text: string; from: string | null; lastDay: string | null }[] }[] = [
    { label: 'Name', runs: history.names.map((n) => ({ text: n.name, from: n.from, lastDay: n.lastDay })) },
    {
      label: 'Registrant',
      runs: history.registrants.map((r) => ({ text: r.registrant ?? '—', from: r.from, lastDay: r.lastDay })),
    },
    ...[...new Set(history.classes.map((c) => c.class))].map((cls) => ({
      label: `Class ${cls}`,
      runs: history.classes
        .filter((c) => c.class === cls)
        .map((c) => ({ text: `${c.aggregateFeePct ?? '—'}%`, from: c.from, lastDay: c.lastDay })),
    })),
  ];
  return (
    <figure className="timeline" aria-label={`timeline from ${first} to ${today}`}>
      {lanes.map((lane) => (
        <div className="lane" key={lane.label}>
          <span className="lane-label">{lane.label}</span>
          <div className="lane-track">
            {lane.runs.map((r) => (
              <span
                key={`${r.text}${r.from}`}
                className="run"
                style={pos(r.from, r.lastDay)}
                title={`${r.text}: ${r.from ?? 'from the first document'} – ${r.lastDay ?? 'in force'}`}
              >
                {r.text}
              </span>
            ))}
          </div>
        </div>
      ))}
      <figcaption>
        {first} – {today}
      </figcaption>
    </figure>
  );
}

export function PortfolioPage({ today }: { readonly today: string }) {
  const [chosen, setName] = useHashParam('portfolio', '');
  const name = chosen === '' ? null : chosen;
  const names = useApi(
    () =>
      getJson<{ entries: { portfolio: string }[] }>('/api/registry/schedule', { asOf: today }).then((s) => [
        ...new Set(s.entries.map((e) => e.portfolio)),
      ]),
    [today],
  );
  const history = useApi(
    name === null
      ? null
      : () => getJson<History>(`/api/registry/portfolios/${encodeURIComponent(name)}/history`),
    [name],
  );
  return (
    <>
      <h2>Portfolio history</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Portfolio{' '}
          <select name="portfolio" value={name ?? ''} onChange={(e) => setName(e.target.value)}>
            <option value="">choose…</option>
            {[...new Set([...(names.data ?? []), ...(name === null ? [] : [name])])].sort().map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorBox error={names.error ?? history.error} />
      <Loading loading={history.loading} />
      {history.data && (
        <>
          <Timeline history={history.data} />
          <DataTable
            name={`history-${history.data.portfolioId}`}
            caption="Governing entries by class"
            rows={history.data.classes}
            columns={classColumns}
          />
        </>
      )}
    </>
  );
}
