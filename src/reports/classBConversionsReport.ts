import { monthEnd } from '../calendar/isoDate.js';
import { replayAccount } from '../class-b/classBLedger.js';
import { conversionYearsFor } from '../class-b/classBTerms.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import { formatCents } from '../money/cents.js';
import { accountsPurchasingBetween, activityOfRows, loadTransactionsOf } from '../store/classBRepository.js';
import { loadClassBTerms } from '../store/classBTermsRepository.js';
import type { Queryable } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';

export interface ConversionsReport {
  readonly month: string;
  readonly date: string;
  readonly conversions: readonly {
    readonly account: string;
    readonly portfolio: string;
    readonly commissionShares: string;
    readonly freeShares: string;
    readonly shares: string;
    /** the transfer agent's convert rows that report it (none yet: still to be confirmed) */
    readonly confirmedBy: readonly string[];
    readonly lots: readonly {
      lotId: string;
      kind: string;
      dateOfOriginalIssuance: string;
      shares: string;
      cost: string;
    }[];
  }[];
  readonly totalShares: string;
}

function minusYears(month: string, years: number): string {
  return `${String(Number(month.slice(0, 4)) - years).padStart(4, '0')}${month.slice(4)}`;
}

/**
 * `plan12b conversions --month YYYY-MM`: the Class B shares due to convert to Class A at the end of
 * the month (SPEC §6), per account and portfolio, Free Shares pro rata. Only accounts with a
 * purchase in the month the conversion period before can have any (a Free Exchange Transaction
 * keeps the DOI), so only those are replayed.
 */
export async function conversionsReport(q: Queryable, month: string): Promise<ConversionsReport> {
  const terms = await loadClassBTerms(q);
  const registry = await loadRegistry(q);
  const date = monthEnd(month);
  const periods = new Set<number>([conversionYearsFor(terms, '')]);
  for (const p of terms.conversionPeriods) periods.add(p.years);
  const accounts = new Set<string>();
  for (const years of periods) {
    const doiMonth = minusYears(month, years);
    for (const a of await accountsPurchasingBetween(q, `${doiMonth}-01`, monthEnd(doiMonth))) accounts.add(a);
  }
  const sorted = [...accounts].sort();
  const history = await loadTransactionsOf(q, sorted);
  const conversions: ConversionsReport['conversions'][number][] = [];
  let total = 0n;
  for (const account of sorted) {
    const ledger = replayAccount(account, activityOfRows(history.get(account) ?? []), terms, { until: date });
    for (const c of ledger.conversions) {
      if (c.date !== date) continue;
      total += c.commissionShareUnits + c.freeShareUnits;
      conversions.push({
        account,
        portfolio: registry.identities.get(c.portfolioId)
          ? registry.identities.nameOn(c.portfolioId, date)
          : c.portfolioId,
        commissionShares: formatShareUnits(c.commissionShareUnits),
        freeShares: formatShareUnits(c.freeShareUnits),
        shares: formatShareUnits(c.commissionShareUnits + c.freeShareUnits),
        confirmedBy: c.confirmedBy,
        lots: c.pieces.map((p) => ({
          lotId: p.lotId,
          kind: p.kind,
          dateOfOriginalIssuance: p.dateOfOriginalIssuance,
          shares: formatShareUnits(p.shareUnits),
          cost: formatCents(p.costCents),
        })),
      });
    }
  }
  return { month, date, conversions, totalShares: formatShareUnits(total) };
}
