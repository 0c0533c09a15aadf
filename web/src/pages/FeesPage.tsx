import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import { useEffect, useRef } from 'react';
import { getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { DateRange } from '../components/DateRange';
import { ErrorBox, Loading, Warnings } from '../components/Status';
import { sumDecimals } from '../decimal';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';

Chart.register(...registerables);

interface FeeRow {
  readonly portfolio: string;
  readonly class: string;
  readonly month: string;
  readonly days: number;
  readonly averageDailyNetAssets: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
}
/** SPEC §4: a class's accrual on one day (GET /api/fees with daily=true). */
interface DailyRow {
  readonly portfolio: string;
  readonly class: string;
  readonly date: string;
  readonly netAssets: string;
  readonly distributionFeePct: string | null;
  readonly serviceFeePct: string | null;
  readonly distributionFee: string;
  readonly serviceFee: string;
}
interface ClosedMonth {
  readonly month: string;
  readonly basis: 'sealed' | 'as-sealed' | 'recomputed';
  readonly adjustmentsSince: readonly unknown[];
}
interface Fees {
  readonly from: string;
  readonly to: string;
  readonly classes: readonly FeeRow[];
  readonly daily?: readonly DailyRow[];
  readonly warnings?: readonly string[];
  readonly closedMonths?: readonly ClosedMonth[];
}

/** SPEC §12: closed months are shown as sealed; the adjustments made since are counted beside them. */
function ClosedMonthsNote({ months }: { readonly months: readonly ClosedMonth[] }) {
  if (months.length === 0) return null;
  const adjusted = months.filter((m) => m.adjustmentsSince.length > 0);
  return (
    <p className="note" data-testid="closed-months">
      Closed months are shown as sealed ({months[0]?.month}
      {months.length > 1 ? ` … ${months.at(-1)?.month}` : ''}).
      {adjusted.length > 0
        ? ` Adjusted since their close: ${adjusted.map((m) => `${m.month} (${m.adjustmentsSince.length})`).join(', ')}.`
        : ''}
    </p>
  );
}

const columns: Column<FeeRow>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (r) => r.portfolio },
  { key: 'class', label: 'Class', value: (r) => r.class },
  { key: 'month', label: 'Month', value: (r) => r.month },
  { key: 'days', label: 'Days', value: (r) => r.days },
  { key: 'adna', label: 'Average daily net assets', value: (r) => r.averageDailyNetAssets, numeric: true },
  { key: 'distributionFee', label: 'Distribution fee', value: (r) => r.distributionFee, money: true },
  { key: 'serviceFee', label: 'Service fee', value: (r) => r.serviceFee, money: true },
  { key: 'totalFee', label: 'Total fee', value: (r) => r.totalFee, money: true },
];

const dailyColumns: Column<DailyRow>[] = [
  { key: 'date', label: 'Date', value: (r) => r.date },
  { key: 'portfolio', label: 'Portfolio', value: (r) => r.portfolio },
  { key: 'class', label: 'Class', value: (r) => r.class },
  { key: 'netAssets', label: 'Net assets', value: (r) => r.netAssets, numeric: true },
  {
    key: 'distributionFeePct',
    label: 'Distribution fee %',
    value: (r) => r.distributionFeePct,
    percent: true,
  },
  { key: 'serviceFeePct', label: 'Service fee %', value: (r) => r.serviceFeePct, percent: true },
  { key: 'distributionFee', label: 'Distribution fee', value: (r) => r.distributionFee, money: true },
  { key: 'serviceFee', label: 'Service fee', value: (r) => r.serviceFee, money: true },
];

/** Fees per class and month, stacked by class (exact sums; the chart draws them as numbers). */
function FeesChart({ rows }: { readonly rows: readonly FeeRow[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const classes = [...new Set(rows.map((r) => r.class))].sort();
    const palette = ['#1f5f99', '#c2571a', '#2e7d32', '#6a1b9a', '#8d6e63', '#00838f', '#ad1457'];
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: months,
        datasets: classes.map((cls, i) => ({
          label: `Class ${cls}`,
          backgroundColor: palette[i % palette.length] as string,
          data: months.map((m) =>
            Number(sumDecimals(rows.filter((r) => r.class === cls && r.month === m).map((r) => r.totalFee))),
          ),
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'USD' } } },
        plugins: { title: { display: true, text: '12b-1 fees per month, by class' } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [rows]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label="12b-1 fees per month, stacked by class" />
    </div>
  );
}

export function FeesPage({ year }: { readonly year: string }) {
  const [from, setFrom] = useHashParam('from', `${year}-01-01`);
  const [to, setTo] = useHashParam('to', `${year}-12-31`);
  const [cls, setCls] = useHashParam('class', '');
  // SPEC §4: the daily accruals the monthly figures sum (fees --daily)
  const [daily, setDaily] = useHashParam('daily', '');
  const fees = useApi(
    () =>
      getJson<Fees>('/api/fees', { from, to, class: cls || undefined, daily: daily ? 'true' : undefined }),
    [from, to, cls, daily],
  );
  return (
    <>
      <h2>Fees per class and month</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <DateRange from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <label>
          Class <input name="class" size={6} value={cls} onChange={(e) => setCls(e.target.value.trim())} />
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="daily"
            checked={daily !== ''}
            onChange={(e) => setDaily(e.target.checked ? 'true' : '')}
          />{' '}
          Daily accruals
        </label>
      </form>
      <Loading loading={fees.loading} />
      <ErrorBox error={fees.error} />
      {fees.data && (
        <>
          <Warnings warnings={fees.data.warnings} />
          <ClosedMonthsNote months={fees.data.closedMonths ?? []} />
          <FeesChart rows={fees.data.classes} />
          <DataTable name={`fees-${from}-${to}`} caption="Fees" rows={fees.data.classes} columns={columns} />
          {fees.data.daily && (
            <DataTable
              name={`fees-daily-${from}-${to}`}
              caption="Daily accruals"
              rows={fees.data.daily}
              columns={dailyColumns}
            />
          )}
        </>
      )}
    </>
  );
}
