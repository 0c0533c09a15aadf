import { fromDayNumber } from '../calendar/isoDate.js';
import type { FreeShareAttribution } from '../class-b/freeShareAttribution.js';
import { createLot, type Lot } from '../class-b/lot.js';
import type { MonthEndHoldingColumns } from '../class-b/monthPassColumns.js';
import type { AllocationAccount } from './distributorShare.js';

/**
 * Exhibit A's account-level inputs at a month end, read from the month pass's holdings
 * (monthPass.ts) instead of a replay: per portfolio, each account with its Commission Shares by
 * issuing portfolio and DOI (2(a): one lot-shaped row per DOI, the lots of that DOI summed) and its
 * Free Share lots with their attribution (2(b) splits each lot on its own; 2(c) sums them for an
 * Omnibus Account). `computeDistributorShare` over these accounts equals it over the lots.
 */
export function allocationAccountsOf(
  h: MonthEndHoldingColumns,
  attributions: readonly FreeShareAttribution[],
  names: { account(key: number): string; portfolio(key: number): string },
  portfolio?: number,
): Map<string, AllocationAccount[]> {
  const out = new Map<string, AllocationAccount[]>();
  let i = 0;
  while (i < h.count) {
    const account = h.account[i]!;
    const p = h.portfolio[i]!;
    const lots: Lot[] = [];
    const start = i;
    for (; i < h.count && h.account[i] === account && h.portfolio[i] === p; i++) {
      if (portfolio !== undefined && p !== portfolio) continue;
      const doi = fromDayNumber(h.doiDay[i]!);
      lots.push(
        createLot({
          kind: h.free[i] === 1 ? 'free' : 'commission',
          lotId: `${names.account(account)}|${doi}|${i - start}`,
          sequence: i - start,
          portfolioId: names.portfolio(p),
          issuingPortfolioId: names.portfolio(h.issuingPortfolio[i]!),
          dateOfOriginalIssuance: doi,
          shareUnits: BigInt(h.shareUnits[i]!),
          costCents: 0n,
          attribution: h.attribution[i]! < 0 ? null : attributions[h.attribution[i]!]!,
        }),
      );
    }
    if (lots.length === 0) continue;
    const pid = names.portfolio(p);
    let list = out.get(pid);
    if (!list) {
      list = [];
      out.set(pid, list);
    }
    list.push({ account: names.account(account), omnibus: h.omnibus[start] === 1, lots });
  }
  return out;
}
