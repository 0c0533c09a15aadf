import { useState } from 'react';
import { getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/Status';
import { useApi } from '../useApi';

interface Lot {
  readonly lotId: string;
  readonly portfolio?: string;
  readonly kind: string;
  readonly shares: string;
  readonly dateOfOriginalIssuance?: string;
  readonly issuingPortfolio?: string;
  readonly cost?: string;
  readonly distributor?: string | null;
}

const lotColumns: Column<Lot>[] = [
  { key: 'lot', label: 'Lot', value: (l) => l.lotId },
  { key: 'portfolio', label: 'Portfolio', value: (l) => l.portfolio ?? '' },
  { key: 'kind', label: 'Kind', value: (l) => l.kind },
  { key: 'shares', label: 'Shares', value: (l) => l.shares },
  { key: 'doi', label: 'Date of original issuance', value: (l) => l.dateOfOriginalIssuance ?? '' },
  { key: 'issuing', label: 'Issuing portfolio', value: (l) => l.issuingPortfolio ?? '' },
  { key: 'cost', label: 'Cost', value: (l) => l.cost ?? '', money: true },
  { key: 'distributor', label: 'Distributor', value: (l) => l.distributor ?? '' },
];

/** Down to the lots: an account's Class B lots on a date (Agreement FOURTH, Exhibit A). */
export function LotsLookup({ account: initial = '' }: { readonly account?: string }) {
  const [account, setAccount] = useState(initial);
  const [asked, setAsked] = useState(initial);
  const lots = useApi(
    asked === '' ? null : () => getJson<{ lots: Lot[] }>('/api/class-b/lots', { account: asked }),
    [asked],
  );
  return (
    <section className="lots" aria-label="lots of an account">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(account.trim());
        }}
      >
        <label>
          Account <input name="account" value={account} onChange={(e) => setAccount(e.target.value)} />
        </label>
        <button type="submit">Show lots</button>
      </form>
      <Loading loading={lots.loading} />
      <ErrorBox error={lots.error} />
      {lots.data && (
        <DataTable
          name={`lots-${asked}`}
          caption={`Lots of ${asked}`}
          rows={lots.data.lots}
          columns={lotColumns}
        />
      )}
    </section>
  );
}
