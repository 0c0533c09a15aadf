import { type RedemptionColumns, WAIVER_CODES } from '../class-b/monthPassColumns.js';
import type { NamingDictionaries } from '../class-b/monthPassRecords.js';
import type { StoredRedemptionColumns } from '../store/ledgerStateRepository.js';

/** What comparing a chunk's computed redemptions with the stored ones found. */
export type StoredRedemptionCheck =
  | { readonly kind: 'same'; readonly redemptions: number }
  /** the first computed redemption (index in the pass's columns) that differs from the stored one, or has none */
  | { readonly kind: 'differs'; readonly index: number }
  /** every computed one is stored alike, but these stored ones were not computed (the first in txn_id order) */
  | { readonly kind: 'notComputed'; readonly count: number; readonly first: string };

/**
 * The month pass's redemptions of a chunk against the ones the imports stored for its accounts
 * (SPEC §6, Agreement FOURTH(D)), field by field on the integers and piece by piece: the fields
 * and order classBLedgerMonth.ts's record check compares as text (the reference), without a
 * record, a decimal string or a JSON text per redemption (issue 14). `d.accounts` names the
 * pass's account keys.
 */
export function checkStoredRedemptions(
  computed: RedemptionColumns,
  stored: StoredRedemptionColumns,
  d: NamingDictionaries,
): StoredRedemptionCheck {
  // each stored redemption's first row; its rows are together (ordered by txn_id, piece)
  const firstRow = new Map<string, number>();
  for (let i = 0; i < stored.rows; i++) {
    const t = stored.txnId[i]!;
    if (i === 0 || stored.txnId[i - 1] !== t) firstRow.set(t, i);
  }
  const R = computed;
  const P = computed.pieces;
  for (let i = 0; i < R.count; i++) {
    const txnId = d.txns.name(R.txn[i]!);
    const s = firstRow.get(txnId);
    if (s === undefined) return { kind: 'differs', index: i };
    firstRow.delete(txnId);
    const waiver = WAIVER_CODES[R.waiver[i]!] ?? null;
    if (
      stored.account[s] !== d.accounts.name(R.account[i]!) ||
      stored.portfolioId[s] !== d.portfolios.name(R.portfolio[i]!) ||
      stored.day[s] !== R.day[i] ||
      stored.shareUnits[s] !== R.shareUnits[i] ||
      stored.priceUnits[s] !== R.priceUnits[i] ||
      (stored.waiverNull[s] === 1 ? waiver !== null : stored.waiver[s] !== waiver) ||
      stored.grossCents[s] !== R.grossCents[i] ||
      stored.cdscCents[s] !== R.cdscCents[i] ||
      stored.waivedCents[s] !== R.waivedCents[i] ||
      stored.redemptionFeeCents[s] !== R.redemptionFeeCents[i] ||
      stored.netCents[s] !== R.netCents[i]
    )
      return { kind: 'differs', index: i };
    let storedPieces = 0;
    if (stored.noPiece[s] !== 1)
      while (s + storedPieces < stored.rows && stored.txnId[s + storedPieces] === txnId) storedPieces++;
    const from = R.pieceStart[i]!;
    if (R.pieceStart[i + 1]! - from !== storedPieces) return { kind: 'differs', index: i };
    for (let k = 0; k < storedPieces; k++) {
      const j = from + k;
      const r = s + k;
      if (
        stored.lotId[r] !== d.txns.name(P.origin[j]!) ||
        stored.kind[r] !== (P.free[j] === 1 ? 'free' : 'commission') ||
        stored.doiDay[r] !== P.doiDay[j] ||
        stored.issuingPortfolioId[r] !== d.portfolios.name(P.issuingPortfolio[j]!) ||
        stored.pieceShareUnits[r] !== P.shareUnits[j] ||
        stored.pieceCostCents[r] !== P.costCents[j] ||
        stored.pieceCdscCents[r] !== P.cdscCents[j] ||
        stored.pieceWaivedCents[r] !== P.waivedCents[j]
      )
        return { kind: 'differs', index: i };
    }
  }
  if (firstRow.size > 0)
    return { kind: 'notComputed', count: firstRow.size, first: firstRow.keys().next().value! };
  return { kind: 'same', redemptions: R.count };
}
