import { useState } from 'react';
import { download, getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { DateInput } from '../components/DateInput';
import { ErrorBox, Loading } from '../components/Status';
import { formatAmount } from '../decimal';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';

/** One portfolio and Transfer of the statement (the API's AssigneeStatement `lines`). */
interface Line {
  readonly portfolio: string;
  readonly transferId: string;
  readonly twelveB1PortionPct: string | null;
  readonly cdscPortionPct: string | null;
  readonly distributor12b1Share: string;
  readonly earnedCdsc: string;
  readonly twelveB1Portion: string;
  readonly cdscPortion: string;
  readonly total: string;
  readonly payTo: string;
  readonly owedOnToAssignee: string;
}
/** SPEC §12: a restatement of a closed month, the Assignee's part */
interface Adjustment {
  readonly adjustsMonth: string;
  readonly portfolio: string;
  readonly transferId: string;
  readonly twelveB1Adjustment: string;
  readonly cdscAdjustment: string;
  readonly adjustment: string;
  readonly payTo?: string;
}
interface AdjustmentSince extends Omit<Adjustment, 'adjustsMonth'> {
  readonly reportedIn: string;
}
interface Statement {
  readonly assignee: string;
  readonly address: string | null;
  readonly month: string;
  readonly distributor: string;
  readonly dueDate: string;
  readonly basis: 'open' | 'sealed' | 'recomputed';
  readonly note?: string;
  readonly close?: { readonly closedAt: string; readonly closedBy: string };
  readonly lines: readonly Line[];
  readonly priorPeriodAdjustments: readonly Adjustment[];
  readonly assigneeAdjustmentsSince?: readonly AdjustmentSince[];
  readonly pendingAdjustments?: {
    readonly reportedIn: string;
    readonly final: false;
    readonly lines: readonly Adjustment[];
    readonly total: string;
  };
  readonly totals: {
    readonly twelveB1Portion: string;
    readonly cdscPortion: string;
    readonly total: string;
    readonly priorPeriodAdjustments: string;
    readonly payable: string;
    readonly owedOnToAssignee: string;
  };
}

const lineColumns: Column<Line>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (l) => l.portfolio },
  { key: 'transfer', label: 'Transfer', value: (l) => l.transferId },
  {
    key: 'pct',
    label: '12b-1 % / CDSC %',
    value: (l) => `${l.twelveB1PortionPct ?? '—'} / ${l.cdscPortionPct ?? '—'}`,
  },
  {
    key: 'share',
    label: "Distributor's 12b-1 Share",
    value: (l) => l.distributor12b1Share,
    money: true,
    notTotalled: true,
  },
  { key: 'twelveB1', label: '12b-1 Portion', value: (l) => l.twelveB1Portion, money: true },
  { key: 'cdsc', label: 'CDSC Portion', value: (l) => l.cdscPortion, money: true },
  { key: 'total', label: 'Total', value: (l) => l.total, money: true },
  { key: 'payTo', label: 'Paid to', value: (l) => l.payTo },
  { key: 'owedOn', label: 'Owed on to the Assignee', value: (l) => l.owedOnToAssignee, money: true },
];
const adjustmentColumns = (withPayTo: boolean): Column<Adjustment>[] => [
  { key: 'month', label: 'Month restated', value: (a) => a.adjustsMonth },
  { key: 'portfolio', label: 'Portfolio', value: (a) => a.portfolio },
  { key: 'transfer', label: 'Transfer', value: (a) => a.transferId },
  { key: 'twelveB1', label: '12b-1 adjustment', value: (a) => a.twelveB1Adjustment, money: true },
  { key: 'cdsc', label: 'CDSC adjustment', value: (a) => a.cdscAdjustment, money: true },
  { key: 'adjustment', label: 'Adjustment', value: (a) => a.adjustment, money: true },
  ...(withPayTo ? [{ key: 'payTo', label: 'Paid to', value: (a: Adjustment) => a.payTo ?? '' }] : []),
];
const sinceColumns: Column<AdjustmentSince>[] = [
  { key: 'reportedIn', label: 'Reported in', value: (a) => a.reportedIn },
  { key: 'portfolio', label: 'Portfolio', value: (a) => a.portfolio },
  { key: 'transfer', label: 'Transfer', value: (a) => a.transferId },
  { key: 'twelveB1', label: '12b-1 adjustment', value: (a) => a.twelveB1Adjustment, money: true },
  { key: 'cdsc', label: 'CDSC adjustment', value: (a) => a.cdscAdjustment, money: true },
  { key: 'adjustment', label: 'Adjustment', value: (a) => a.adjustment, money: true },
];
interface PayableRow {
  readonly item: string;
  readonly amount: string;
}
/** the payable's parts, each as the server states it: never summed here */
const payableColumns: Column<PayableRow>[] = [
  { key: 'item', label: 'Item', value: (r) => r.item },
  { key: 'amount', label: 'Amount', value: (r) => r.amount, money: true, notTotalled: true },
];

/**
 * An Assignee's statement for a month (Agreement EIGHTH; SPEC §8, §12), as `plan12b transfers
 * statement` gives it: its portions per portfolio and Transfer, the prior-period adjustments paid
 * with the month, the payable on the due date, and — for an open month after the next to close —
 * what is pending for that close, not final; with the statement's PDF, XLSX and CSV.
 */
export function AssigneeStatementPage({ lastMonth }: { readonly lastMonth: string }) {
  const [month, setMonth] = useHashParam('month', lastMonth);
  const [chosen, setAssignee] = useHashParam('assignee', '');
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const transfers = useApi(() => getJson<{ transfers: { assignee: string }[] }>('/api/transfers'), []);
  const assignees = [...new Set((transfers.data?.transfers ?? []).map((t) => t.assignee))].sort();
  // the Assignee in the address, else the first recorded
  const assignee = chosen !== '' ? chosen : (assignees[0] ?? '');
  const statement = useApi(
    assignee === '' || !/^\d{4}-\d{2}$/.test(month)
      ? null
      : () => getJson<Statement>('/api/transfers/statement', { assignee, month }),
    [assignee, month],
  );
  const s = statement.data;
  const fileName = (ext: string) => `statement-${assignee.replace(/[^A-Za-z0-9]+/g, '-')}-${month}.${ext}`;
  const get = (path: string, params: Record<string, string>, ext: string) =>
    download(path, { assignee, month, ...params }, fileName(ext)).catch(setDownloadError);
  return (
    <>
      <h2>Assignee statement</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Assignee{' '}
          <select name="assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            {assignees.length === 0 && <option value="">(no Transfer recorded)</option>}
            {assignees.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Month <DateInput type="month" name="month" value={month} onValue={setMonth} />
        </label>
        <button
          type="button"
          disabled={assignee === ''}
          onClick={() => get('/api/transfers/statement/pdf', {}, 'pdf')}
        >
          Download PDF
        </button>
        {/* the workbook and the CSV of `plan12b transfers statement --xlsx` / `--csv` */}
        <button
          type="button"
          disabled={assignee === ''}
          onClick={() => get('/api/transfers/statement', { format: 'xlsx' }, 'xlsx')}
        >
          Download XLSX
        </button>
        <button
          type="button"
          disabled={assignee === ''}
          onClick={() => get('/api/transfers/statement', { format: 'csv' }, 'csv')}
        >
          Download CSV
        </button>
      </form>
      <ErrorBox error={downloadError} />
      <Loading loading={transfers.loading || statement.loading} />
      <ErrorBox error={transfers.error ?? statement.error} />
      {transfers.data && assignees.length === 0 && (
        <p className="hint">
          No Transfer to an Assignee is recorded: import them with <code>plan12b transfers import FILE</code>.
        </p>
      )}
      {s && (
        <>
          <p className="basis">
            {s.basis === 'sealed' && s.close
              ? `${s.month} is closed: as sealed on ${s.close.closedAt} by ${s.close.closedBy} (the portions its Monthly Calculation paid).`
              : s.basis === 'recomputed'
                ? `${s.month} is closed: recomputed from today’s data (${s.note ?? 'not as sealed'}); what was paid is its sealed Monthly Calculation.`
                : `${s.month} is not closed: computed now from the data recorded, not final.`}{' '}
            Transferred by {s.distributor} (Agreement EIGHTH); payment due {s.dueDate}.
          </p>
          <DataTable
            name={`assignee-statement-${month}`}
            caption={`Portions of ${s.month}`}
            rows={s.lines}
            columns={lineColumns}
          />
          {s.priorPeriodAdjustments.length > 0 && (
            <DataTable
              name={`assignee-adjustments-${month}`}
              caption="Prior-period adjustments paid with this month"
              rows={s.priorPeriodAdjustments}
              columns={adjustmentColumns(true)}
            />
          )}
          <DataTable
            name={`assignee-payable-${month}`}
            caption={`Payable on ${s.dueDate}`}
            rows={[
              { item: `Portions of ${s.month}`, amount: s.totals.total },
              ...(s.priorPeriodAdjustments.length > 0
                ? [{ item: 'Prior-period adjustments', amount: s.totals.priorPeriodAdjustments }]
                : []),
              { item: 'Payable', amount: s.totals.payable },
              {
                item: 'Of it, paid to the Distributor and owed on to the Assignee',
                amount: s.totals.owedOnToAssignee,
              },
            ]}
            columns={payableColumns}
          />
          {/* SPEC §12: an open month after the next to close — pending for that close, not final */}
          {s.pendingAdjustments && (
            <>
              <p className="hint" role="note">
                Pending, not final until {s.pendingAdjustments.reportedIn} closes: prior-period adjustments of{' '}
                {formatAmount(s.pendingAdjustments.total)}, to be reported in and paid with{' '}
                {s.pendingAdjustments.reportedIn}, not in the payable of {s.month}.
              </p>
              <DataTable
                name={`assignee-pending-${month}`}
                caption={`Pending for the close of ${s.pendingAdjustments.reportedIn} (not final)`}
                rows={s.pendingAdjustments.lines}
                columns={adjustmentColumns(false)}
              />
            </>
          )}
          {(s.assigneeAdjustmentsSince ?? []).length > 0 && (
            <DataTable
              name={`assignee-adjusted-since-${month}`}
              caption={`Adjustments of ${s.month} reported since its close`}
              rows={s.assigneeAdjustmentsSince ?? []}
              columns={sinceColumns}
            />
          )}
        </>
      )}
    </>
  );
}
