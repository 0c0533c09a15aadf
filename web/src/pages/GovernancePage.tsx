import { useState } from 'react';
import { download, getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { ErrorBox, Loading, Warnings } from '../components/Status';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';

interface Instrument {
  readonly instrument: string;
  readonly registrant: string;
  readonly schedule: string;
  readonly inForceSince: string;
  readonly portfolios: number;
  readonly classes: number;
}
interface Fee {
  readonly portfolio: string;
  readonly class: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
}
/** A restatement of a closed month a close of the quarter reported and paid (SPEC §12). */
interface Adjustment {
  readonly reportedIn: string;
  readonly month: string;
  readonly portfolio: string;
  readonly class: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
}
interface FeeTotals {
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
}
interface Expenditure {
  readonly portfolio: string;
  readonly class: string;
  readonly period: string;
  readonly purposeLabel: string;
  readonly description: string;
  readonly amount: string;
}
interface PurposeTotal {
  readonly purposeLabel: string;
  readonly amount: string;
}
interface CapClass {
  readonly portfolio: string;
  readonly class: string;
  readonly firstMonth: string;
  readonly remaining: string;
  readonly exhausted: boolean;
  /** the first day of the exhaustion running at quarter end, else null (past ones: the status) */
  readonly exhaustedOn: string | null;
  /** what holds at quarter end, as the CLI's CSV and PDF say it */
  readonly status: string;
}
interface Approval {
  readonly date: string;
  readonly body: string;
  readonly subject: string;
  readonly scope: string;
  readonly vote: string;
  readonly approved: boolean;
}
interface Deadline {
  readonly instrument: string;
  readonly deadline: string;
  readonly status: string;
  /** where the deadline comes from: the instrument's text, the Rule's year, the last vote (Plan §7) */
  readonly source?: string;
}
interface BoardReport {
  readonly quarter: string;
  readonly from: string;
  readonly to: string;
  /** the quarter's three months, each closed or not (as `plan12b board-report --json` gives them) */
  readonly months: readonly { readonly month: string; readonly closed: boolean }[];
  readonly instruments: readonly Instrument[];
  readonly fees: readonly Fee[];
  readonly feesTotal: FeeTotals;
  readonly priorPeriodAdjustments: readonly Adjustment[];
  readonly priorPeriodAdjustmentsTotal: FeeTotals;
  readonly paidTotal: FeeTotals;
  readonly expenditures: readonly Expenditure[];
  readonly expendituresByPurpose: readonly PurposeTotal[];
  readonly finraCap: readonly CapClass[];
  readonly approvals: readonly Approval[] | null;
  readonly continuance: readonly Deadline[] | null;
  readonly warnings: readonly string[];
}

const instrumentColumns: Column<Instrument>[] = [
  { key: 'instrument', label: 'Instrument', value: (i) => i.instrument },
  { key: 'registrant', label: 'Registrant', value: (i) => i.registrant },
  { key: 'schedule', label: 'Schedule', value: (i) => i.schedule },
  { key: 'since', label: 'In force since', value: (i) => i.inForceSince },
  { key: 'portfolios', label: 'Portfolios', value: (i) => i.portfolios, numeric: true },
  { key: 'classes', label: 'Classes', value: (i) => i.classes, numeric: true },
];
const feeColumns: Column<Fee>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (f) => f.portfolio },
  { key: 'class', label: 'Class', value: (f) => f.class },
  { key: 'distributionFee', label: 'Distribution fee', value: (f) => f.distributionFee, money: true },
  { key: 'serviceFee', label: 'Service fee', value: (f) => f.serviceFee, money: true },
  { key: 'totalFee', label: 'Total', value: (f) => f.totalFee, money: true },
];
const adjustmentColumns: Column<Adjustment>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (a) => a.portfolio },
  { key: 'class', label: 'Class', value: (a) => a.class },
  { key: 'month', label: 'Month adjusted', value: (a) => a.month },
  { key: 'reportedIn', label: 'Reported in', value: (a) => a.reportedIn },
  { key: 'distributionFee', label: 'Distribution fee', value: (a) => a.distributionFee, money: true },
  { key: 'serviceFee', label: 'Service fee', value: (a) => a.serviceFee, money: true },
  { key: 'totalFee', label: 'Total', value: (a) => a.totalFee, money: true },
];
/** A line of what the Fund paid for the quarter's months: the fees, the adjustments (server totals). */
interface PaidLine extends FeeTotals {
  readonly what: string;
}
const paidColumns: Column<PaidLine>[] = [
  { key: 'what', label: 'Paid for the quarter', value: (l) => l.what },
  { key: 'distributionFee', label: 'Distribution fee', value: (l) => l.distributionFee, money: true },
  { key: 'serviceFee', label: 'Service fee', value: (l) => l.serviceFee, money: true },
  { key: 'totalFee', label: 'Total', value: (l) => l.totalFee, money: true },
];
const expenditureColumns: Column<Expenditure>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (e) => e.portfolio },
  { key: 'class', label: 'Class', value: (e) => e.class },
  { key: 'period', label: 'Period', value: (e) => e.period },
  {
    key: 'purpose',
    label: 'Purpose',
    value: (e) => (e.description ? `${e.purposeLabel} — ${e.description}` : e.purposeLabel),
  },
  { key: 'amount', label: 'Amount', value: (e) => e.amount, money: true },
];
const purposeColumns: Column<PurposeTotal>[] = [
  { key: 'purpose', label: 'Purpose (Plan §3)', value: (p) => p.purposeLabel },
  { key: 'amount', label: 'Amount spent', value: (p) => p.amount, money: true },
];
const capColumns: Column<CapClass>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (c) => c.portfolio },
  { key: 'class', label: 'Class', value: (c) => c.class },
  { key: 'first', label: 'Ledger from', value: (c) => c.firstMonth },
  // FINRA Rule 2341: each class has its own cap, so the remaining amounts of several classes add up to nothing
  {
    key: 'remaining',
    label: 'Remaining amount',
    value: (c) => c.remaining,
    money: true,
    notTotalled: true,
  },
  // the report's own words for what holds at quarter end: an exhaustion that new gross sales ended
  // is "within the cap; ABSC stopped D, accrued again from D2 …", never "exhausted on D"
  { key: 'status', label: 'Status', value: (c) => c.status },
];
const approvalColumns: Column<Approval>[] = [
  { key: 'date', label: 'Date', value: (a) => a.date },
  { key: 'body', label: 'Body', value: (a) => a.body },
  { key: 'subject', label: 'Approves', value: (a) => a.subject },
  { key: 'scope', label: 'Portfolios and classes', value: (a) => a.scope },
  { key: 'vote', label: 'Vote', value: (a) => a.vote },
  { key: 'approved', label: 'Approved', value: (a) => (a.approved ? 'yes' : 'no') },
];
const deadlineColumns: Column<Deadline>[] = [
  { key: 'instrument', label: 'Instrument', value: (d) => d.instrument },
  { key: 'deadline', label: 'Continue by', value: (d) => d.deadline },
  { key: 'status', label: 'Status', value: (d) => d.status },
  { key: 'source', label: 'Source of the deadline', value: (d) => d.source ?? '' },
];

/**
 * SPEC §12: only a closed month's figures are sealed; a quarter whose months are not closed shows
 * what is recorded so far (nothing, for a future quarter), which the board must not read as paid.
 * The report itself says which of its months are closed.
 */
function notClosedNote(r: BoardReport): string | null {
  const open = r.months.filter((m) => !m.closed).map((m) => m.month);
  if (open.length === 0) return null;
  if (open.length === r.months.length)
    return `No month of ${r.quarter} is closed; figures are what is recorded so far.`;
  return `${open.join(' and ')} of ${r.quarter} ${open.length === 1 ? 'is' : 'are'} not closed; figures for ${open.length === 1 ? 'it' : 'them'} are what is recorded so far.`;
}

function previousQuarter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The board's quarterly report (Plan §3, §8) with its PDF, and the FINRA 2341 cap status. */
export function GovernancePage({ lastMonth }: { readonly lastMonth: string }) {
  const [quarter, setQuarter] = useHashParam('quarter', previousQuarter(lastMonth));
  const [pdfError, setPdfError] = useState<Error | null>(null);
  const isQuarter = (q: string) => /^\d{4}Q[1-4]$/i.test(q);
  const valid = isQuarter(quarter);
  const report = useApi(valid ? () => getJson<BoardReport>('/api/board-report', { quarter }) : null, [
    quarter,
  ]);
  const r = report.data;
  const note = r ? notClosedNote(r) : null;
  return (
    <>
      <h2>Board report and compliance</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Quarter{' '}
          <input
            name="quarter"
            size={8}
            value={quarter}
            onChange={(e) => {
              const q = e.target.value.trim();
              setQuarter(q, isQuarter(q));
            }}
          />
        </label>
        <button
          type="button"
          disabled={!valid}
          onClick={() =>
            download('/api/board-report/pdf', { quarter }, `board-report-${quarter}.pdf`).catch(setPdfError)
          }
        >
          Board report PDF
        </button>
        {/* the workbook `plan12b board-report --xlsx` writes (format=xlsx), one sheet per section */}
        <button
          type="button"
          disabled={!valid}
          onClick={() =>
            download('/api/board-report', { quarter, format: 'xlsx' }, `board-report-${quarter}.xlsx`).catch(
              setPdfError,
            )
          }
        >
          Board report XLSX
        </button>
        {/* the CSV `plan12b board-report --csv` prints (format=csv): one line per item, with its section */}
        <button
          type="button"
          disabled={!valid}
          onClick={() =>
            download('/api/board-report', { quarter, format: 'csv' }, `board-report-${quarter}.csv`).catch(
              setPdfError,
            )
          }
        >
          Board report CSV
        </button>
      </form>
      {!valid && (
        <p className="hint" role="status">
          “{quarter}” is not a quarter: write it as YYYYQn, e.g. 2025Q4.
        </p>
      )}
      <ErrorBox error={report.error ?? pdfError} />
      <Loading loading={report.loading} />
      {r && (
        <>
          <p>
            {r.quarter}: {r.from} to {r.to}.
          </p>
          {note && (
            <p className="hint" role="status">
              {note}
            </p>
          )}
          <Warnings warnings={r.warnings} />
          <DataTable
            name={`instruments-${r.quarter}`}
            caption="Instruments in force"
            rows={r.instruments}
            columns={instrumentColumns}
          />
          <DataTable
            name={`board-fees-${r.quarter}`}
            caption="Fees paid"
            rows={r.fees}
            columns={feeColumns}
          />
          {/* SPEC §12: a restated closed month reaches the board as the adjustment a later close paid */}
          {r.priorPeriodAdjustments.length === 0 ? (
            <p>No prior-period adjustments were reported by the closes of {r.quarter}.</p>
          ) : (
            <>
              <DataTable
                name={`adjustments-${r.quarter}`}
                caption="Prior-period adjustments reported and paid with the closes of the quarter"
                rows={r.priorPeriodAdjustments}
                columns={adjustmentColumns}
              />
              <DataTable
                name={`paid-${r.quarter}`}
                caption="Paid for the quarter: fees and prior-period adjustments"
                rows={[
                  { what: 'Fees of the quarter', ...r.feesTotal },
                  { what: 'Prior-period adjustments', ...r.priorPeriodAdjustmentsTotal },
                ]}
                columns={paidColumns}
                totalLabel="Fees and adjustments paid"
              />
            </>
          )}
          {r.expenditures.length > 0 && (
            <DataTable
              name={`spent-lines-${r.quarter}`}
              caption="Amounts spent"
              rows={r.expenditures}
              columns={expenditureColumns}
            />
          )}
          <DataTable
            name={`spent-${r.quarter}`}
            caption="Amounts spent by purpose"
            rows={r.expendituresByPurpose}
            columns={purposeColumns}
          />
          <DataTable
            name={`finra-cap-${r.quarter}`}
            caption="FINRA Rule 2341 cap"
            rows={r.finraCap}
            columns={capColumns}
          />
          {r.approvals === null ? (
            <p>No approvals recorded.</p>
          ) : (
            <DataTable
              name={`approvals-${r.quarter}`}
              caption="Approvals and votes"
              rows={r.approvals}
              columns={approvalColumns}
            />
          )}
          {r.continuance === null ? (
            <p>No continuance deadlines recorded.</p>
          ) : (
            <DataTable
              name={`continuance-${r.quarter}`}
              caption="Continuance deadlines ahead"
              rows={r.continuance}
              columns={deadlineColumns}
            />
          )}
        </>
      )}
    </>
  );
}
