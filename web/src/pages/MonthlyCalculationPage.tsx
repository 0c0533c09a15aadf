import { useState } from 'react';
import { download, getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { DateInput } from '../components/DateInput';
import { ErrorBox, Loading, Warnings } from '../components/Status';
import { formatAmount } from '../decimal';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';
import { LotsLookup } from './LotsLookup';

interface Party {
  readonly distributor: string;
  readonly sharePct: string;
  readonly twelveB1Share: string;
}
/** Agreement EIGHTH(E): one vintage's fee of a computation, split by the parties' shares in it. */
interface Vintage {
  readonly issuedFrom: string | null;
  readonly issuedBefore: string | null;
  readonly distributionFee: string;
  /** `shares` is absent where the computation is an exclusive distributor's 100% */
  readonly parties: readonly (Party & { readonly shares?: string })[];
}
interface Computation {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly computedOn: string | null;
  readonly distributionFee: string;
  readonly parties: readonly Party[];
  /** present only where the portfolio's fee accrued by vintage (a Class B reduction) */
  readonly vintages?: readonly Vintage[];
}
interface Payee {
  readonly payee: string;
  readonly role: string;
  readonly twelveB1: string;
  readonly cdsc: string;
  readonly total: string;
  readonly owedOn: string;
  readonly dueDate: string;
}
interface Assignee {
  readonly assignee: string;
  readonly transferId: string;
  readonly twelveB1Portion: string;
  readonly cdscPortion: string;
  readonly owedOnToAssignee: string;
  readonly note: string | null;
}
interface PortfolioCalculation {
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly distributor: string;
  readonly distributionFee: string;
  readonly distributor12b1Share: string;
  readonly earnedCdsc: string;
  readonly computations: readonly Computation[];
  readonly payees: readonly Payee[];
  readonly assignees: readonly Assignee[];
}
/** SPEC §12: a restatement of a closed month reported this month, one payee's part. */
interface PayeeAdjustment {
  readonly month: string;
  readonly portfolio: string;
  readonly payee: string;
  readonly role: string;
  readonly original: string;
  readonly previouslyAdjusted: string;
  readonly restated: string;
  readonly difference: string;
}
/** What the Fund pays a payee of a portfolio on the due date: its payee line plus its adjustments. */
interface Payable {
  readonly portfolio: string;
  readonly payee: string;
  readonly role: string;
  readonly twelveB1: string;
  readonly cdsc: string;
  readonly adjustmentTwelveB1: string;
  readonly adjustmentCdsc: string;
  readonly owedOn: string;
  readonly payable: string;
  readonly dueDate: string;
}
interface MonthlyCalculation {
  readonly month: string;
  readonly dueDate: string;
  /** absent for a month not closed */
  readonly basis?: 'sealed' | 'recomputed';
  readonly distributor: string;
  readonly totals: Record<string, string>;
  readonly portfolios: readonly PortfolioCalculation[];
  /** absent from a report sealed before adjustments were reported */
  readonly priorPeriodAdjustments?: readonly PayeeAdjustment[];
  readonly payables?: readonly Payable[];
  readonly warnings: readonly string[];
  readonly close?: { closedAt: string; closedBy: string; resultsHash: string } | null;
}

const portfolioColumns: Column<PortfolioCalculation>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (p) => p.portfolio },
  { key: 'distributionFee', label: 'Distribution fee', value: (p) => p.distributionFee, money: true },
  { key: 'share', label: "Distributor's 12b-1 Share", value: (p) => p.distributor12b1Share, money: true },
  { key: 'cdsc', label: 'Earned CDSC', value: (p) => p.earnedCdsc, money: true },
  { key: 'computations', label: 'Computations', value: (p) => p.computations.length },
];
const payeeColumns: Column<Payee>[] = [
  { key: 'payee', label: 'Payee', value: (p) => p.payee },
  { key: 'role', label: 'Role', value: (p) => p.role },
  { key: 'twelveB1', label: '12b-1 Share', value: (p) => p.twelveB1, money: true },
  { key: 'cdsc', label: 'Earned CDSC', value: (p) => p.cdsc, money: true },
  { key: 'total', label: 'Total', value: (p) => p.total, money: true },
  { key: 'owedOn', label: 'Owed on to an Assignee', value: (p) => p.owedOn, money: true },
  { key: 'due', label: 'Due', value: (p) => p.dueDate },
];
const assigneeColumns: Column<Assignee>[] = [
  { key: 'assignee', label: 'Assignee', value: (a) => a.assignee },
  { key: 'transfer', label: 'Transfer', value: (a) => a.transferId },
  { key: 'twelveB1', label: '12b-1 portion', value: (a) => a.twelveB1Portion, money: true },
  { key: 'cdsc', label: 'CDSC portion', value: (a) => a.cdscPortion, money: true },
  { key: 'owed', label: 'Owed on to Assignee', value: (a) => a.owedOnToAssignee, money: true },
  { key: 'note', label: 'Note', value: (a) => a.note ?? '' },
];

const adjustmentColumns: Column<PayeeAdjustment>[] = [
  { key: 'month', label: 'Month restated', value: (a) => a.month },
  { key: 'portfolio', label: 'Portfolio', value: (a) => a.portfolio },
  { key: 'payee', label: 'Payee', value: (a) => a.payee },
  { key: 'role', label: 'Role', value: (a) => a.role },
  { key: 'original', label: 'Original', value: (a) => a.original, numeric: true },
  { key: 'previously', label: 'Adjusted before', value: (a) => a.previouslyAdjusted, numeric: true },
  { key: 'restated', label: 'Restated', value: (a) => a.restated, numeric: true },
  { key: 'difference', label: 'Adjustment', value: (a) => a.difference, money: true },
];
const payableColumns: Column<Payable>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (p) => p.portfolio },
  { key: 'payee', label: 'Payee', value: (p) => p.payee },
  { key: 'role', label: 'Role', value: (p) => p.role },
  { key: 'twelveB1', label: '12b-1 Share', value: (p) => p.twelveB1, money: true },
  { key: 'cdsc', label: 'Earned CDSC', value: (p) => p.cdsc, money: true },
  { key: 'adj12b1', label: 'Adjustment, 12b-1', value: (p) => p.adjustmentTwelveB1, money: true },
  { key: 'adjCdsc', label: 'Adjustment, CDSC', value: (p) => p.adjustmentCdsc, money: true },
  { key: 'owedOn', label: 'Owed on to an Assignee', value: (p) => p.owedOn, money: true },
  { key: 'payable', label: 'Payable', value: (p) => p.payable, money: true },
  { key: 'due', label: 'Due', value: (p) => p.dueDate },
];

/** The shares a vintage holds, in the words of `plan12b monthly-calculation`'s text output. */
function issued(v: Vintage): string {
  return v.issuedFrom === null
    ? `issued before ${v.issuedBefore}`
    : v.issuedBefore === null
      ? `issued on or after ${v.issuedFrom}`
      : `issued ${v.issuedFrom} to before ${v.issuedBefore}`;
}

const vintagePartyColumns: Column<Vintage['parties'][number]>[] = [
  { key: 'distributor', label: 'Distributor', value: (p) => p.distributor },
  { key: 'shares', label: 'Shares', value: (p) => p.shares ?? '', numeric: true },
  { key: 'pct', label: 'Share %', value: (p) => p.sharePct, percent: true },
  { key: 'share', label: '12b-1 Share', value: (p) => p.twelveB1Share, money: true },
];

function ComputationBlock({ c }: { readonly c: Computation }) {
  return (
    <>
      <ComputationTable c={c} />
      {/* EIGHTH(E): each vintage's fee split among the parties by their shares in it; each
          percentage is the party's dollars over the vintage's fee, reproducing them */}
      {(c.vintages ?? []).map((v) => (
        <DataTable
          key={v.issuedFrom ?? ''}
          name={`computation-${c.from}-vintage-${v.issuedFrom ?? 'first'}`}
          caption={`${c.from} – ${c.to}, EIGHTH(E) shares ${issued(v)}: distribution fee ${formatAmount(v.distributionFee)}`}
          rows={v.parties}
          columns={vintagePartyColumns}
        />
      ))}
    </>
  );
}

function ComputationTable({ c }: { readonly c: Computation }) {
  return (
    <DataTable
      name={`computation-${c.from}`}
      caption={`${c.from} – ${c.to}: ${c.days} days, distribution fee ${formatAmount(c.distributionFee)}${
        c.computedOn ? ` (computed on ${c.computedOn})` : ''
      }`}
      rows={c.parties}
      columns={[
        { key: 'distributor', label: 'Distributor', value: (p) => p.distributor },
        { key: 'pct', label: 'Share %', value: (p) => p.sharePct, percent: true },
        { key: 'share', label: '12b-1 Share', value: (p) => p.twelveB1Share, money: true },
      ]}
    />
  );
}

/** The Monthly Calculation (Agreement EIGHTH(C)), portfolio by portfolio, down to computations and lots. */
export function MonthlyCalculationPage({ lastMonth }: { readonly lastMonth: string }) {
  const [month, setMonth] = useHashParam('month', lastMonth);
  const [open, setOpen] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<Error | null>(null);
  const mc = useApi(() => getJson<MonthlyCalculation>('/api/monthly-calculation', { month }), [month]);
  const selected = mc.data?.portfolios.find((p) => p.portfolioId === open) ?? null;
  return (
    <>
      <h2>Monthly Calculation</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Month <DateInput type="month" name="month" value={month} onValue={setMonth} />
        </label>
        <button
          type="button"
          onClick={() =>
            download('/api/monthly-calculation/pdf', { month }, `monthly-calculation-${month}.pdf`).catch(
              setPdfError,
            )
          }
        >
          Download PDF
        </button>
        {/* the workbook `plan12b monthly-calculation --xlsx` writes (format=xlsx), beside its PDF */}
        <button
          type="button"
          onClick={() =>
            download(
              '/api/monthly-calculation',
              { month, format: 'xlsx' },
              `monthly-calculation-${month}.xlsx`,
            ).catch(setPdfError)
          }
        >
          Download XLSX
        </button>
        {/* the CSV `plan12b monthly-calculation --csv` prints (format=csv; SPEC §8: JSON, CSV and PDF) */}
        <button
          type="button"
          onClick={() =>
            download(
              '/api/monthly-calculation',
              { month, format: 'csv' },
              `monthly-calculation-${month}.csv`,
            ).catch(setPdfError)
          }
        >
          Download CSV
        </button>
      </form>
      <ErrorBox error={pdfError} />
      <Loading loading={mc.loading} />
      <ErrorBox error={mc.error} />
      {mc.data && (
        <>
          <p className="basis">
            {mc.data.basis === 'sealed' && mc.data.close
              ? `Sealed on ${mc.data.close.closedAt} by ${mc.data.close.closedBy}; results hash ${mc.data.close.resultsHash.slice(0, 16)}…`
              : mc.data.basis === 'recomputed'
                ? 'Recomputed from today’s data; the sealed results stand.'
                : 'Computed now from the data recorded; the month is not closed.'}{' '}
            Due {mc.data.dueDate}. Distributor: {mc.data.distributor}
          </p>
          <Warnings warnings={mc.data.warnings} />
          <DataTable
            name={`monthly-calculation-${month}`}
            caption="Portfolios — open one for its computations, payees and Assignees"
            rows={mc.data.portfolios}
            columns={portfolioColumns}
            onRowClick={(p) => setOpen(p.portfolioId)}
          />
          {/* SPEC §12: the restatements this month reports, and what the Fund pays with them */}
          {(mc.data.priorPeriodAdjustments ?? []).length > 0 && (
            <>
              <DataTable
                name={`adjustments-${month}`}
                caption="Prior-period adjustments reported this month"
                rows={mc.data.priorPeriodAdjustments ?? []}
                columns={adjustmentColumns}
              />
              <DataTable
                name={`payables-${month}`}
                caption={`Payable on ${mc.data.dueDate}: each payee's part with its adjustments`}
                rows={mc.data.payables ?? []}
                columns={payableColumns}
              />
            </>
          )}
          {selected && (
            <section className="drill" aria-label={`${selected.portfolio} detail`}>
              <h3>{selected.portfolio}</h3>
              {selected.computations.map((c) => (
                <ComputationBlock key={c.from} c={c} />
              ))}
              <DataTable
                name={`payees-${selected.portfolioId}`}
                caption="Payees"
                rows={selected.payees}
                columns={payeeColumns}
              />
              {selected.assignees.length > 0 && (
                <DataTable
                  name={`assignees-${selected.portfolioId}`}
                  caption="Assignees"
                  rows={selected.assignees}
                  columns={assigneeColumns}
                />
              )}
            </section>
          )}
          <LotsLookup />
        </>
      )}
    </>
  );
}
