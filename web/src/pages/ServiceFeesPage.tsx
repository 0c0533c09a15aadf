import { useState } from 'react';
import { download, getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { DateInput } from '../components/DateInput';
import { ErrorBox, Loading, Warnings } from '../components/Status';
import { useHashParam } from '../hashState';
import { useApi } from '../useApi';

interface ClassServiceFee {
  readonly portfolio: string;
  readonly class: string;
  readonly providers: number;
  readonly serviceFee: string;
  readonly providerFees: string;
  readonly distributorRetained: string;
}
interface ProviderClass {
  readonly portfolio: string;
  readonly class: string;
  readonly days: number;
  readonly ratePct: string;
  readonly averageDailyNetAssets: string;
  readonly amount: string;
}
interface Provider {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly amount: string;
  readonly classes: readonly ProviderClass[];
}
/** SPEC §12: a restated closed month's service fee, the Distributor's or a provider's part. */
interface Adjustment {
  readonly month: string;
  readonly portfolio: string;
  readonly class: string;
  /** the Distributor's part (what it keeps) */
  readonly payee?: string;
  /** a service provider's part */
  readonly providerId?: string;
  readonly name?: string;
  readonly original: string;
  readonly previouslyAdjusted: string;
  readonly restated: string;
  readonly difference: string;
}
interface ServiceFees {
  readonly month: string;
  readonly paymentDate?: string;
  readonly basis?: string;
  readonly classes: readonly ClassServiceFee[];
  readonly providers: readonly Provider[];
  readonly priorPeriodAdjustments?: {
    readonly providers: readonly Adjustment[];
    readonly distributor: readonly Adjustment[];
  };
  readonly warnings: readonly string[];
}

const classColumns: Column<ClassServiceFee>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (c) => c.portfolio },
  { key: 'class', label: 'Class', value: (c) => c.class },
  { key: 'providers', label: 'Providers', value: (c) => c.providers },
  { key: 'serviceFee', label: 'Service fee', value: (c) => c.serviceFee, money: true },
  { key: 'providerFees', label: 'To providers', value: (c) => c.providerFees, money: true },
  { key: 'retained', label: 'Distributor keeps', value: (c) => c.distributorRetained, money: true },
];
const providerColumns: Column<Provider>[] = [
  { key: 'name', label: 'Service provider', value: (p) => p.name },
  { key: 'id', label: 'Id', value: (p) => p.id },
  { key: 'kind', label: 'Kind', value: (p) => p.kind },
  { key: 'amount', label: 'Amount', value: (p) => p.amount, money: true },
];
const statementColumns: Column<ProviderClass>[] = [
  { key: 'portfolio', label: 'Portfolio', value: (c) => c.portfolio },
  { key: 'class', label: 'Class', value: (c) => c.class },
  { key: 'days', label: 'Days', value: (c) => c.days },
  { key: 'rate', label: 'Rate %', value: (c) => c.ratePct, percent: true },
  {
    key: 'adna',
    label: 'Average daily net assets of its customers',
    value: (c) => c.averageDailyNetAssets,
    numeric: true,
  },
  { key: 'amount', label: 'Amount', value: (c) => c.amount, money: true },
];

const adjustmentColumns: Column<Adjustment>[] = [
  { key: 'month', label: 'Month restated', value: (a) => a.month },
  { key: 'portfolio', label: 'Portfolio', value: (a) => a.portfolio },
  { key: 'class', label: 'Class', value: (a) => a.class },
  { key: 'payee', label: 'Payee', value: (a) => a.name ?? a.payee ?? '' },
  { key: 'original', label: 'Original', value: (a) => a.original, numeric: true },
  { key: 'previously', label: 'Adjusted before', value: (a) => a.previouslyAdjusted, numeric: true },
  { key: 'restated', label: 'Restated', value: (a) => a.restated, numeric: true },
  { key: 'difference', label: 'Adjustment', value: (a) => a.difference, money: true },
];

/** A month's service fees (Plan §4) and each provider's statement, with its PDF. */
export function ServiceFeesPage({ lastMonth }: { readonly lastMonth: string }) {
  const [month, setMonth] = useHashParam('month', lastMonth);
  // the provider opened, by id: its statement is read from the month shown, never kept from another
  const [providerId, setProviderId] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<Error | null>(null);
  const fees = useApi(() => getJson<ServiceFees>('/api/service-fees', { month }), [month]);
  const provider = fees.data?.providers.find((p) => p.id === providerId) ?? null;
  return (
    <>
      <h2>Service fees</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Month <DateInput type="month" name="month" value={month} onValue={setMonth} />
        </label>
      </form>
      <Loading loading={fees.loading} />
      <ErrorBox error={fees.error ?? pdfError} />
      {fees.data && (
        <>
          <Warnings warnings={fees.data.warnings} />
          {fees.data.paymentDate && <p>Payment date {fees.data.paymentDate}.</p>}
          <DataTable
            name={`service-fees-${month}`}
            caption="Per class"
            rows={fees.data.classes}
            columns={classColumns}
          />
          {/* SPEC §12: restated closed months this month reports, split as the originals were */}
          {(() => {
            const ppa = fees.data.priorPeriodAdjustments;
            const rows = [...(ppa?.providers ?? []), ...(ppa?.distributor ?? [])];
            return rows.length === 0 ? null : (
              <DataTable
                name={`service-fee-adjustments-${month}`}
                caption="Prior-period adjustments reported this month"
                rows={rows}
                columns={adjustmentColumns}
              />
            );
          })()}
          <DataTable
            name={`service-providers-${month}`}
            caption="Per service provider — open one for its statement"
            rows={fees.data.providers}
            columns={providerColumns}
            onRowClick={(p) => setProviderId(p.id)}
          />
          {provider && (
            <section className="drill" aria-label={`statement of ${provider.name}`}>
              <button
                type="button"
                onClick={() =>
                  download(
                    `/api/service-fees/statements/${encodeURIComponent(provider.id)}/pdf`,
                    { month },
                    `statement-${provider.id}-${month}.pdf`,
                  ).catch(setPdfError)
                }
              >
                Statement PDF
              </button>
              <DataTable
                name={`statement-${provider.id}-${month}`}
                caption={`Statement of ${provider.name} for ${month}`}
                rows={provider.classes}
                columns={statementColumns}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
