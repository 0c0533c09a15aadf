import { useState } from 'react';
import { getJson } from '../api';
import { type Column, DataTable } from '../components/DataTable';
import { DateRange } from '../components/DateRange';
import { ErrorBox, Loading } from '../components/Status';
import { useApi } from '../useApi';

interface Piece {
  readonly lotId: string;
  readonly kind: string;
  readonly dateOfOriginalIssuance: string;
  readonly issuingPortfolio: string;
  readonly shares: string;
  readonly cost: string;
  readonly ratePct: string;
  readonly base: string;
  readonly cdsc: string;
  readonly cdscWaived: string;
  readonly distributor: string | null;
  readonly earnedBy: string | null;
}
interface Redemption {
  readonly txnId: string;
  readonly date: string;
  readonly account: string;
  readonly portfolio: string;
  readonly shares: string;
  readonly gross: string;
  readonly cdsc: string;
  readonly cdscWaived: string;
  readonly redemptionFee: string;
  readonly net: string;
  readonly waiver: string | null;
  readonly pieces: readonly Piece[];
}

const columns: Column<Redemption>[] = [
  { key: 'txn', label: 'Redemption', value: (r) => r.txnId },
  { key: 'date', label: 'Date', value: (r) => r.date },
  { key: 'account', label: 'Account', value: (r) => r.account },
  { key: 'portfolio', label: 'Portfolio', value: (r) => r.portfolio },
  { key: 'shares', label: 'Shares', value: (r) => r.shares, numeric: true },
  { key: 'gross', label: 'Gross', value: (r) => r.gross, money: true },
  { key: 'cdsc', label: 'CDSC', value: (r) => r.cdsc, money: true },
  { key: 'waived', label: 'CDSC waived', value: (r) => r.cdscWaived, money: true },
  { key: 'fee', label: 'Redemption fee', value: (r) => r.redemptionFee, money: true },
  { key: 'net', label: 'Net', value: (r) => r.net, money: true },
];
const pieceColumns: Column<Piece>[] = [
  { key: 'lot', label: 'Lot', value: (p) => p.lotId },
  { key: 'kind', label: 'Kind', value: (p) => p.kind },
  { key: 'doi', label: 'Date of original issuance', value: (p) => p.dateOfOriginalIssuance },
  { key: 'issuing', label: 'Issuing portfolio', value: (p) => p.issuingPortfolio },
  { key: 'shares', label: 'Shares', value: (p) => p.shares, numeric: true },
  { key: 'cost', label: 'Cost', value: (p) => p.cost, money: true },
  { key: 'rate', label: 'CDSC rate %', value: (p) => p.ratePct, percent: true },
  { key: 'base', label: 'Base', value: (p) => p.base, money: true },
  { key: 'cdsc', label: 'CDSC', value: (p) => p.cdsc, money: true },
  { key: 'earnedBy', label: 'Earned by', value: (p) => p.earnedBy ?? '(no term)' },
];

/** The CDSC ledger: redemptions, their CDSC, and the lot pieces behind each (Agreement FOURTH(D)). */
export function CdscPage({ lastMonth }: { readonly lastMonth: string }) {
  const [from, setFrom] = useState(`${lastMonth}-01`);
  const [to, setTo] = useState(() => {
    const [y, m] = lastMonth.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  });
  // the redemption opened, by id: its pieces are read from the range shown, never kept from another
  const [openId, setOpenId] = useState<string | null>(null);
  const redemptions = useApi(
    () => getJson<{ redemptions: Redemption[] }>('/api/class-b/redemptions', { from, to }),
    [from, to],
  );
  const open = redemptions.data?.redemptions.find((r) => r.txnId === openId) ?? null;
  return (
    <>
      <h2>CDSC ledger</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <DateRange from={from} to={to} onFrom={setFrom} onTo={setTo} />
      </form>
      <Loading loading={redemptions.loading} />
      <ErrorBox error={redemptions.error} />
      {redemptions.data && (
        <DataTable
          name={`redemptions-${from}-${to}`}
          caption="Redemptions — open one for its lot pieces"
          rows={redemptions.data.redemptions}
          columns={columns}
          onRowClick={(r) => setOpenId(r.txnId)}
        />
      )}
      {open && (
        <section className="drill" aria-label={`lot pieces of ${open.txnId}`}>
          <DataTable
            name={`pieces-${open.txnId}`}
            caption={`Lot pieces of ${open.txnId}`}
            rows={open.pieces}
            columns={pieceColumns}
          />
        </section>
      )}
    </>
  );
}
