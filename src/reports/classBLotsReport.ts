import { replayAccount, replayEnd } from '../class-b/classBLedger.js';
import { cdscRateFor, conversionDateFor } from '../class-b/classBTerms.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import { didYouMean } from '../closestName.js';
import { Plan12bError } from '../errors.js';
import { formatCents } from '../money/cents.js';
import { formatRatePct } from '../money/rate.js';
import {
  activityOfRows,
  loadTransactionsOf,
  recordedAccount,
  recordedAccountNames,
} from '../store/classBRepository.js';
import { loadClassBTerms } from '../store/classBTermsRepository.js';
import type { Queryable } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';

export interface LotsReport {
  readonly account: string;
  readonly omnibus: boolean;
  readonly dealerOfRecord: string | null;
  readonly asOf: string | null;
  readonly lots: readonly {
    readonly portfolio: string;
    readonly lotId: string;
    readonly kind: 'commission' | 'free';
    readonly dateOfOriginalIssuance: string;
    readonly issuingPortfolio: string;
    readonly shares: string;
    readonly cost: string;
    /** the CDSC rate on the as-of date (0 for Free Shares and past the CDSC period) */
    readonly cdscRatePct: string;
    readonly conversionDate: string | null;
  }[];
  readonly portfolios: readonly {
    portfolio: string;
    shares: string;
    commissionShares: string;
    freeShares: string;
    cost: string;
  }[];
}

/**
 * `plan12b lots --account A [--as-of D]`: the account's lots recomputed from its recorded
 * transactions, as of the close of D (default: its last activity), conversions applied.
 */
export async function lotsReport(q: Queryable, account: string, asOf?: string): Promise<LotsReport> {
  const acct = await recordedAccount(q, account);
  if (!acct)
    throw new Plan12bError(
      'NOT_FOUND',
      `no account ${JSON.stringify(account)}`,
      `${didYouMean(
        (await recordedAccountNames(q)).map((name) => ({ name })),
        account,
      )}import it with \`plan12b accounts import\``,
    );
  const registry = await loadRegistry(q);
  const terms = await loadClassBTerms(q);
  const rows = (await loadTransactionsOf(q, [account])).get(account) ?? [];
  const activity = activityOfRows(rows);
  const until = asOf ?? replayEnd(activity);
  const ledger = replayAccount(account, activity, terms, { until });
  const date = until === '' ? '9999-12-31' : until;
  const name = (pid: string) => registry.identities.nameOn(pid, date);
  const totals = new Map<string, { shares: bigint; commission: bigint; free: bigint; cost: bigint }>();
  for (const l of ledger.lots) {
    const t = totals.get(l.portfolioId) ?? { shares: 0n, commission: 0n, free: 0n, cost: 0n };
    t.shares += l.shareUnits;
    if (l.kind === 'commission') t.commission += l.shareUnits;
    else t.free += l.shareUnits;
    t.cost += l.costCents;
    totals.set(l.portfolioId, t);
  }
  return {
    account,
    omnibus: acct.omnibus,
    dealerOfRecord: acct.dealerOfRecord,
    asOf: until === '' ? null : until,
    lots: ledger.lots.map((l) => ({
      portfolio: name(l.portfolioId),
      lotId: l.lotId,
      kind: l.kind,
      dateOfOriginalIssuance: l.dateOfOriginalIssuance,
      issuingPortfolio: name(l.issuingPortfolioId),
      shares: formatShareUnits(l.shareUnits),
      cost: formatCents(l.costCents),
      cdscRatePct: formatRatePct(
        l.kind === 'commission'
          ? cdscRateFor(terms, l.issuingPortfolioId, l.dateOfOriginalIssuance, date)
          : 0n,
      ),
      conversionDate:
        l.kind === 'commission'
          ? conversionDateFor(terms, l.issuingPortfolioId, l.dateOfOriginalIssuance)
          : null,
    })),
    portfolios: [...totals].map(([pid, t]) => ({
      portfolio: name(pid),
      shares: formatShareUnits(t.shares),
      commissionShares: formatShareUnits(t.commission),
      freeShares: formatShareUnits(t.free),
      cost: formatCents(t.cost),
    })),
  };
}
