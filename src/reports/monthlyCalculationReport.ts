import { distributorOfIssuance, splitDailyFee } from '../allocation/distributorShare.js';
import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import type { Lot } from '../class-b/lot.js';
import { formatCents, parseCents, sumCents } from '../money/cents.js';
import { loadClassBTerms, loadDistributorTerms } from '../store/classBStore.js';
import type { Queryable } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import { loadTransfers } from '../store/transfersRepository.js';
import {
  type MonthlyCalculation,
  type MonthlyCalculationInput,
  monthlyCalculation,
} from '../transfers/monthlyCalculation.js';
import { paymentDueDate } from '../transfers/paymentDueDate.js';
import {
  computationDates,
  distributorShareSchedule,
  governingComputation,
  holdingsAt,
  theDistributor,
} from './distributorShareReport.js';
import { feesReport } from './feesReport.js';

export interface MonthlyCalculationReport {
  readonly month: string;
  readonly distributor: string;
  readonly dueDate: string;
  readonly portfolios: readonly MonthlyCalculation[];
  readonly totals: {
    readonly distributionFee: string;
    readonly distributor12b1Share: string;
    readonly earnedCdsc: string;
    readonly serviceFee: string;
  };
  readonly warnings: readonly string[];
}

interface DistributorHoldings {
  byDoi: Map<string, bigint>;
  total: bigint;
}

/** The Distributor's Commission Shares by DOI and all shares outstanding, at a date (for DOI-range Transfers). */
function addDistributorHoldings(
  h: DistributorHoldings,
  lots: readonly Lot[],
  ctx: { distributor: string; terms: Awaited<ReturnType<typeof loadDistributorTerms>> },
): void {
  for (const lot of lots) {
    h.total += lot.shareUnits;
    if (lot.kind !== 'commission') continue;
    if (
      distributorOfIssuance(
        ctx.terms,
        lot.issuingPortfolioId,
        lot.dateOfOriginalIssuance,
        ctx.distributor,
      ) !== ctx.distributor
    )
      continue;
    h.byDoi.set(lot.dateOfOriginalIssuance, (h.byDoi.get(lot.dateOfOriginalIssuance) ?? 0n) + lot.shareUnits);
  }
}

/**
 * Agreement EIGHTH(C): the Monthly Calculation for every portfolio with Class B Distribution Fees
 * in the month — fees from the accrual (SEVENTH(B)), the Distributor's 12b-1 Share by the Exhibit A
 * computation in force each day, its Earned CDSC from the share ledger (FOURTH(D)), and each
 * Assignee's portions (EIGHTH(A)).
 */
export async function monthlyCalculationReport(
  q: Queryable,
  month: string,
  opts: { instructedDueDate?: string | null; distributor?: string } = {},
): Promise<MonthlyCalculationReport> {
  const from = monthStart(month);
  const to = monthEnd(month);
  const registry = await loadRegistry(q);
  const terms = await loadDistributorTerms(q);
  const classBTerms = await loadClassBTerms(q);
  const distributor = opts.distributor ?? theDistributor(terms) ?? 'Distributor';
  const transfers = await loadTransfers(q, registry);
  const dueDate = paymentDueDate(month, opts.instructedDueDate ?? null);
  const fees = await feesReport(q, { from, to, class: 'B', daily: true });

  const dailyByPortfolio = new Map<string, { date: string; cents: bigint }[]>();
  for (const d of fees.daily ?? []) {
    const list = dailyByPortfolio.get(d.portfolioId) ?? [];
    list.push({ date: d.date, cents: parseCents(d.distributionFee) });
    dailyByPortfolio.set(d.portfolioId, list);
  }
  const cdscRows = await q.query<{
    portfolio_id: string;
    date: string;
    doi: string;
    issuing_portfolio_id: string;
    cdsc: string;
  }>(
    `SELECT r.portfolio_id, r.date, p.doi, p.issuing_portfolio_id, p.cdsc
       FROM class_b_redemption r JOIN class_b_redemption_piece p ON p.txn_id = r.txn_id
      WHERE r.date BETWEEN $1 AND $2 AND p.cdsc > 0 ORDER BY r.date, r.txn_id, p.piece`,
    [from, to],
  );

  // One replay of each account for every portfolio's Exhibit A computation dates and for the
  // DOI-range Transfers' holdings at month end (SPEC §7–8), instead of one per portfolio.
  const needsDoiOf = (pid: string) =>
    transfers.some(
      (t) => (t.portfolioId === null || t.portfolioId === pid) && (t.doiFrom !== null || t.doiTo !== null),
    );
  const requests = new Map<string, string[]>();
  const doiRequests = new Map<string, string[]>();
  const doiHoldings = new Map<string, DistributorHoldings>();
  for (const m of fees.classes) {
    const pid = m.portfolioId;
    const dates = computationDates(terms, pid, distributor, to).dates;
    if (dates.length > 0) requests.set(pid, dates);
    if (needsDoiOf(pid)) {
      doiRequests.set(pid, [to]);
      doiHoldings.set(pid, { byDoi: new Map(), total: 0n });
    }
  }
  const scheduleHoldings = await holdingsAt(q, requests, classBTerms, terms, distributor, {
    requests: doiRequests,
    visit: (pid, _date, account) =>
      addDistributorHoldings(doiHoldings.get(pid)!, account.lots, { distributor, terms }),
  });

  const portfolios: MonthlyCalculation[] = [];
  for (const m of fees.classes) {
    const pid = m.portfolioId;
    const daily = dailyByPortfolio.get(pid) ?? [];
    const schedule = await distributorShareSchedule(q, pid, to, {
      terms,
      classBTerms,
      distributor,
      holdings: scheduleHoldings.get(pid),
    });
    const distributorDaily = daily.map((d) => ({
      date: d.date,
      cents:
        splitDailyFee(d.cents, governingComputation(schedule, d.date), distributor).get(distributor) ?? 0n,
    }));
    const last = governingComputation(schedule, addDays(to, 1));
    const needsDoi = needsDoiOf(pid);
    let byDoi: { doi: string; shares: bigint }[] = [];
    let distributorShares = last?.distributorShares ?? 1n;
    let outstandingShares = last?.outstandingShares ?? 1n;
    if (needsDoi) {
      const h = doiHoldings.get(pid)!;
      byDoi = [...h.byDoi].sort(([a], [b]) => (a < b ? -1 : 1)).map(([doi, shares]) => ({ doi, shares }));
      if (last === null) {
        distributorShares = h.total;
        outstandingShares = h.total;
      }
    }
    const earnedCdsc = cdscRows
      .filter(
        (r) =>
          r.portfolio_id === pid &&
          distributorOfIssuance(terms, r.issuing_portfolio_id, r.doi, distributor) === distributor,
      )
      .map((r) => ({ date: r.date, doi: r.doi, cents: parseCents(r.cdsc) }));
    const input: MonthlyCalculationInput = {
      portfolioId: pid,
      portfolio: m.portfolio,
      month,
      distributionFeeCents: parseCents(m.distributionFee),
      distributorDaily,
      distributorShares,
      outstandingShares,
      distributorCommissionSharesByDoi: byDoi,
      earnedCdsc,
      serviceFeeCents: parseCents(m.serviceFee),
      dueDate,
    };
    portfolios.push(monthlyCalculation(input, transfers));
  }
  const total = (f: (c: MonthlyCalculation) => string) =>
    formatCents(sumCents(portfolios.map((c) => parseCents(f(c)))));
  return {
    month,
    distributor,
    dueDate,
    portfolios,
    totals: {
      distributionFee: total((c) => c.distributionFee),
      distributor12b1Share: total((c) => c.distributor12b1Share),
      earnedCdsc: total((c) => c.earnedCdsc),
      serviceFee: total((c) => c.serviceFee),
    },
    warnings: fees.warnings,
  };
}
