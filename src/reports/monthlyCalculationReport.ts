import type { RateOverride } from '../accrual/rateOverride.js';
import {
  type AllocationAccount,
  computeDistributorShare,
  distributorOfIssuance,
} from '../allocation/distributorShare.js';
import { distributorStretches, servingDistributorIn } from '../allocation/exclusivePeriods.js';
import type { DistributorCountSums } from '../allocation/exhibitAOfLedgerState.js';
import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import type { DistributorTerm } from '../class-b/distributorTerm.js';
import { type Vintage, vintagesOf } from '../class-b/vintageSplit.js';
import { Plan12bError } from '../errors.js';
import { formatCents, parseCents, sumCents } from '../money/cents.js';
import type { Registry } from '../registry/registry.js';
import { cdscPiecesBetween } from '../store/classBRepository.js';
import { loadClassBTerms, loadDistributorTerms } from '../store/classBStore.js';
import { closedMonthsInOrder } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { lastRecordedMonth } from '../store/lastRecordedMonth.js';
import { loadRegistry } from '../store/registryStore.js';
import { restatedMonthsReportedIn, sealedPart, sealedPartsAfter } from '../store/sealedResultsRepository.js';
import { loadTransfers } from '../store/transfersRepository.js';
import {
  type DistributorCount,
  type FeeDay,
  type MonthlyCalculation,
  type MonthlyCalculationInput,
  monthlyCalculation,
  type ShareComputationInput,
} from '../transfers/monthlyCalculation.js';
import { type MonthPayable, monthPayables } from '../transfers/monthPayables.js';
import { paymentDueDate } from '../transfers/paymentDueDate.js';
import {
  type CdscToFundAdjustment,
  cdscToFundAdjustment,
  type PayeeAdjustment,
  payeeAdjustments,
} from '../transfers/priorPeriodPayeeAdjustments.js';
import {
  type ServiceFeeAdjustment,
  serviceFeeAdjustmentsByDistributor,
} from '../transfers/serviceFeeAdjustmentsByDistributor.js';
import { serviceFeeParts } from '../transfers/serviceFeeParts.js';
import { appliesToPortfolio, type Transfer } from '../transfers/transfer.js';
import { capFollowerMonths } from './capFollowerMonths.js';
import type { ClassBVintageMonth } from './classBVintageFees.js';
import {
  afterTheDataWarning,
  computationDates,
  distributorShareSchedule,
  governingComputation,
  holdingsAt,
  type ShareSchedule,
  theDistributor,
} from './distributorShareReport.js';
import { exhibitAVintageCounts, type VintageCountsAt } from './exhibitAVintageCounts.js';
import { type FeesQuery, type FeesReport, feesReport, loadClassSeries } from './feesReport.js';
import { cdscCreditedToFund } from './finraCapLedger.js';
import type { AdjustmentsPart } from './priorPeriodFeeAdjustments.js';
import { termGapWarnings } from './termGapWarnings.js';

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
  /**
   * SPEC §12: restatements of closed months reported this month, split among the same parties as
   * the original amounts — per portfolio and payee, the month restated, original, restated and
   * the difference. Empty when none (an older sealed report may not have the field).
   */
  readonly priorPeriodAdjustments?: readonly PayeeAdjustment[];
  /**
   * Agreement TENTH, SPEC §12: the Class B service fee's prior-period adjustments, per restated
   * month and portfolio, by the distributor serving each restated day — the Distributor through E,
   * the Other Distributor after (absent in reports sealed before calc11; empty when none).
   */
  readonly priorPeriodServiceFeeAdjustments?: readonly ServiceFeeAdjustment[];
  /**
   * FINRA 2341(d)(2), SPEC §12: restated months whose CDSC credited to the fund changed (the cap's
   * room changed), per portfolio: the change in the Distributor's CDSC collected and in the part
   * credited to the fund (the payees' `cdscDifference`s are the Earned CDSC's). Present only when
   * there is one.
   */
  readonly priorPeriodCdscToFundAdjustments?: readonly CdscToFundAdjustment[];
  /**
   * SPEC §12: what the Fund pays each payee of each portfolio on the due date — the portfolio's
   * `payees` plus the prior-period adjustments routed to them; the journal pays exactly these.
   * (A report sealed before the field existed has none: its payees are its payables.)
   */
  readonly payables?: readonly MonthPayable[];
  readonly warnings: readonly string[];
  /** Agreement EIGHTH(E): portfolios whose Class B Distribution Fees accrued by share vintage */
  readonly classBVintages?: readonly ClassBVintageMonth[];
}

/** The Class B rows of a month's fees report (as `feesReport` with `class: 'B'` gives them). */
function classBFees(fees: FeesReport): FeesReport {
  if (fees.daily === undefined) throw new Error('the Monthly Calculation needs the daily fees');
  return {
    ...fees,
    classes: fees.classes.filter((c) => c.class.toUpperCase() === 'B'),
    daily: fees.daily.filter((d) => d.class.toUpperCase() === 'B'),
    warnings: fees.warnings.filter((w) => / class B: /i.test(w)),
  };
}

export interface DistributorHoldings {
  /** by DOI and issuing portfolio: the shares and how many lots hold them */
  byDoi: Map<string, { doi: string; issuingPortfolioId: string; shares: bigint; lots: number }>;
  /** all shares outstanding */
  total: bigint;
  /**
   * shares allocated to the Distributor by Exhibit A (a) and (b), account by account — an Omnibus
   * Account's Free Shares left out: 2(c) attributes them (see {@link omnibusFreeSharesStanding})
   */
  allocated: bigint;
}

/**
 * SPEC §8: the Distributor's Commission Shares by DOI, its allocated shares and all shares
 * outstanding, at a count date, added account by account. An Omnibus Account's Free Shares are
 * not counted by 2(b), which excludes them ("FREE SHARES (OTHER THAN OMNIBUS SHARES)"): at a count
 * date that is no Exhibit A computation date, the Distributor's are those 2(c) attributed to it at
 * the latest computation ({@link omnibusFreeSharesStanding}).
 */
export function addDistributorHoldings(
  h: DistributorHoldings,
  account: AllocationAccount,
  ctx: { portfolioId: string; date: string; distributor: string; terms: readonly DistributorTerm[] },
): void {
  for (const lot of account.lots) {
    if (lot.portfolioId !== ctx.portfolioId) continue;
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
    const key = `${lot.dateOfOriginalIssuance}|${lot.issuingPortfolioId}`;
    const held = h.byDoi.get(key) ?? {
      doi: lot.dateOfOriginalIssuance,
      issuingPortfolioId: lot.issuingPortfolioId,
      shares: 0n,
      lots: 0,
    };
    held.shares += lot.shareUnits;
    held.lots++;
    h.byDoi.set(key, held);
  }
  h.allocated += computeDistributorShare({
    portfolioId: ctx.portfolioId,
    date: ctx.date,
    distributor: ctx.distributor,
    terms: ctx.terms,
    // 2(a) only for an Omnibus Account: its Free Shares are 2(c)'s
    accounts: [
      account.omnibus
        ? { ...account, omnibus: false, lots: account.lots.filter((l) => l.kind !== 'free') }
        : account,
    ],
  }).distributorShares;
}

/**
 * Exhibit A 2(c) at a date that is no computation date (a DOI-range Transfer's effective date
 * after the term, SPEC §8): "Omnibus Shares … which are Free Shares outstanding on any date shall
 * be attributed … pursuant to the following rules", and those rules attribute a month's issues,
 * redemptions and net exchanges only "as of the end of such calendar month"; until then what
 * stands is what 2(c) attributed "as of the close of business on the last day of the immediately
 * preceding calendar month" — or, in the month of the term's end, at E, where 2(c) starts. So the
 * Distributor's Omnibus Free Shares on such a date are those 2(c) gave it at the latest
 * computation on or before the date (none: 0); 2(b) does not apply to them (it excludes Omnibus
 * Shares). Returns that computation's date (null: none) and the Distributor's shares.
 * @example computations 2012-03-15 and 2012-03-31, O1 with 40 Free Shares all the Distributor's at
 *   2012-03-31: on 2012-04-11 → { date: '2012-03-31', shares: 400000n }, whatever O1 reinvested since
 */
export function omnibusFreeSharesStanding(
  schedule: Pick<ShareSchedule, 'computations' | 'omnibusFreeShares' | 'distributor'>,
  date: string,
): { date: string | null; shares: bigint } {
  let latest: string | null = null;
  for (const c of schedule.computations)
    if (c.date <= date && (latest === null || c.date > latest)) latest = c.date;
  if (latest === null) return { date: null, shares: 0n };
  let shares = 0n;
  for (const byParty of schedule.omnibusFreeShares?.get(latest)?.values() ?? [])
    shares += byParty.get(schedule.distributor) ?? 0n;
  return { date: latest, shares };
}

/** {@link addDistributorHoldings} for a chunk of accounts summed at once from its ledger columns. */
export function addDistributorCounts(h: DistributorHoldings, sums: DistributorCountSums): void {
  h.total += sums.total;
  h.allocated += sums.allocated;
  for (const [key, s] of sums.byDoi) {
    const held = h.byDoi.get(key);
    if (held === undefined) h.byDoi.set(key, { ...s });
    else {
      held.shares += s.shares;
      held.lots += s.lots;
    }
  }
}

/**
 * Agreement EIGHTH(C): the Monthly Calculation for every portfolio with Class B Distribution Fees
 * in the month (or, its Plan ended, with Earned CDSC in it: FIFTEENTH(B)) — fees from the accrual (SEVENTH(B)), the Distributor's 12b-1 Share by the Exhibit A
 * computation in force each day, its Earned CDSC from the share ledger (FOURTH(D)), and each
 * Assignee's portions (EIGHTH(A)).
 */
export async function monthlyCalculationReport(
  q: Queryable,
  month: string,
  opts: {
    instructedDueDate?: string | null;
    distributor?: string;
    /** `plan12b what-if`: a hypothetical rate, and only the portfolio it is about */
    rateOverride?: RateOverride;
    portfolio?: string;
    /** false: without the prior-period adjustments (a restated month computed again) */
    withAdjustments?: boolean;
    /** the registry when already derived (a month close derives it once) */
    registry?: Registry;
    /** the month's daily fees of every class when already accrued (a month close accrues them once) */
    fees?: FeesReport;
    /**
     * the month close: the Class B month is applied to the stored ledger in the pass that gives
     * Exhibit A its month-end holdings, and the holdings computed at dates in closed months are
     * kept (lookups from then on)
     */
    close?: boolean;
    /** Exhibit A and the DOI counts from lot records, account by account (the reference path; tests) */
    perAccount?: boolean;
  } = {},
): Promise<MonthlyCalculationReport> {
  const { distributor, dueDate, inputs, transfers, warnings, classBVintages } =
    await monthlyCalculationInputs(q, month, opts);
  // a hypothetical (what-if) or one-portfolio calculation reports no restatements
  const withAdjustments =
    opts.withAdjustments !== false && opts.rateOverride === undefined && opts.portfolio === undefined;
  const portfolios = inputs.map((input) => monthlyCalculation(input, transfers));
  // a month the data has not reached lists no portfolio: said so, as `distributor-share` says it
  const last = portfolios.length === 0 ? await lastRecordedMonth(q) : null;
  const told = last !== null && month > last ? [...warnings, afterTheDataWarning(month, last)] : warnings;
  const total = (f: (c: MonthlyCalculation) => string) =>
    formatCents(sumCents(portfolios.map((c) => parseCents(f(c)))));
  const byParty = withAdjustments
    ? await priorPeriodAdjustmentsByParty(q, month, distributor)
    : { payees: [], serviceFees: [], cdscToFund: [] };
  const priorPeriodAdjustments = byParty.payees;
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
    priorPeriodAdjustments,
    priorPeriodServiceFeeAdjustments: byParty.serviceFees,
    ...(byParty.cdscToFund.length === 0 ? {} : { priorPeriodCdscToFundAdjustments: byParty.cdscToFund }),
    payables: monthPayables(portfolios, priorPeriodAdjustments, dueDate),
    warnings: told,
    ...(classBVintages ? { classBVintages } : {}),
  };
}

/**
 * FINRA 2341(d)(2), SPEC §6: where part of the CDSC credited to the fund was an Other Distributor's,
 * the warning's whole split by whose it was (nothing when it was all the Distributor's).
 */
function othersCreditedText(
  distributorCents: bigint,
  others: MonthlyCalculationInput['otherDistributorsCdsc'],
): string {
  const parts = (others ?? []).filter((o) => o.creditedToFundCents !== 0n);
  if (parts.length === 0) return '';
  return ` (${formatCents(distributorCents)} of the Distributor's; ${parts.map((o) => `${formatCents(o.creditedToFundCents)} on ${o.distributor}'s shares, not paid to it`).join('; ')})`;
}

/** What the Monthly Calculation of each portfolio is computed from, read from the store. */
export interface MonthlyCalculationInputs {
  readonly distributor: string;
  readonly dueDate: string;
  readonly inputs: readonly MonthlyCalculationInput[];
  readonly transfers: readonly Transfer[];
  readonly registry: Registry;
  readonly warnings: readonly string[];
  /** Agreement EIGHTH(E): portfolios whose Class B Distribution Fees accrued by share vintage */
  readonly classBVintages?: readonly ClassBVintageMonth[];
}

export async function monthlyCalculationInputs(
  q: Queryable,
  month: string,
  opts: {
    instructedDueDate?: string | null;
    distributor?: string;
    rateOverride?: RateOverride;
    portfolio?: string;
    registry?: Registry;
    fees?: FeesReport;
    close?: boolean;
    /** Exhibit A and the counts account by account from lot records (the reference path; tests) */
    perAccount?: boolean;
    /** a closed month as sealed: the figures of net-assets rows restated since its close (SPEC §12) */
    figuresAtClose?: FeesQuery['figuresAtClose'];
  } = {},
): Promise<MonthlyCalculationInputs> {
  const from = monthStart(month);
  const to = monthEnd(month);
  const registry = opts.registry ?? (await loadRegistry(q));
  const terms = await loadDistributorTerms(q);
  const classBTerms = await loadClassBTerms(q);
  const distributor = opts.distributor ?? theDistributor(terms) ?? 'Distributor';
  const transfers = await loadTransfers(q, registry);
  const dueDate = paymentDueDate(month, opts.instructedDueDate ?? null);
  const fees =
    opts.fees === undefined
      ? await feesReport(
          q,
          {
            from,
            to,
            class: 'B',
            daily: true,
            ...(opts.rateOverride ? { rateOverride: opts.rateOverride } : {}),
            ...(opts.portfolio ? { portfolio: opts.portfolio } : {}),
            ...(opts.figuresAtClose ? { figuresAtClose: opts.figuresAtClose } : {}),
          },
          { registry },
        )
      : classBFees(opts.fees);

  const dailyByPortfolio = new Map<string, FeeDay[]>();
  const serviceDaysByPortfolio = new Map<string, { date: string; cents: bigint }[]>();
  for (const d of fees.daily ?? []) {
    const service = serviceDaysByPortfolio.get(d.portfolioId) ?? [];
    service.push({ date: d.date, cents: parseCents(d.serviceFee) });
    serviceDaysByPortfolio.set(d.portfolioId, service);
    const list = dailyByPortfolio.get(d.portfolioId) ?? [];
    list.push({
      date: d.date,
      cents: parseCents(d.distributionFee),
      ...(d.distributionFeeByVintage === undefined
        ? {}
        : { vintageCents: d.distributionFeeByVintage.map(parseCents) }),
    });
    dailyByPortfolio.set(d.portfolioId, list);
  }
  const cdscRows = await cdscPiecesBetween(q, from, to);
  // FINRA 2341(d)(2): the CDSCs collected while a portfolio's cap is exhausted go to the fund
  const warnings = [...fees.warnings];
  // SEVENTH(B): the Distributor may specify only a LATER payment date; an earlier one is not applied
  const instructed = opts.instructedDueDate ?? null;
  if (instructed !== null && instructed < dueDate)
    warnings.push(
      `the payment date ${instructed} given is before ${dueDate}, the 10th NYSE business day after ${month} ends; SEVENTH(B) lets the Distributor instruct only a later date, so ${dueDate} stands`,
    );
  const toFund = await cdscCreditedToFund(
    q,
    registry,
    () => loadClassSeries(q, registry, { to, class: 'B' }, []),
    month,
    cdscRows,
  );

  // One replay of each account for every portfolio's Exhibit A computation dates and for the
  // DOI-range Transfers' counts (SPEC §7–8), instead of one per portfolio.
  const previousMonthEnd = addDays(from, -1);
  const requests = new Map<string, string[]>();
  const countRequests = new Map<string, string[]>();
  const counts = new Map<string, Map<string, DistributorHoldings>>();
  // per portfolio and count date made only for Transfers' effective dates: those Transfers (SPEC §8)
  const countOnlyFor = new Map<string, Map<string, string[]>>();
  for (const m of fees.classes) {
    const pid = m.portfolioId;
    const { dates, terminations } = computationDates(terms, pid, distributor, to);
    if (dates.length > 0) {
      requests.set(pid, dates);
      warnings.push(...(await termGapWarnings(q, terms, pid, m.portfolio, distributor, to)));
    }
    const ranged = transfers.filter(
      (t) => appliesToPortfolio(t, pid) && (t.doiFrom !== null || t.doiTo !== null) && t.effectiveDate <= to,
    );
    if (ranged.length === 0) continue;
    // SPEC §8: counted at each computation date — the Transfer's effective date, the term end E and
    // every month end — the latest before a day governing it.
    // A Transfer's effective date is a computation date of that Transfer only.
    const countDates = new Set<string>([previousMonthEnd]);
    for (const end of terminations) if (end >= from && end < to) countDates.add(end);
    const onlyFor = new Map<string, string[]>();
    for (const t of ranged)
      if (t.effectiveDate >= from && !countDates.has(t.effectiveDate))
        onlyFor.set(t.effectiveDate, [...(onlyFor.get(t.effectiveDate) ?? []), t.id]);
    for (const d of onlyFor.keys()) countDates.add(d);
    countOnlyFor.set(pid, onlyFor);
    countRequests.set(pid, [...countDates].sort());
    counts.set(pid, new Map([...countDates].map((d) => [d, { byDoi: new Map(), total: 0n, allocated: 0n }])));
  }
  const closed = await closedMonthsInOrder(q);
  const scheduleHoldings = await holdingsAt(
    q,
    requests,
    classBTerms,
    terms,
    distributor,
    {
      requests: countRequests,
      visit: (pid, date, account) =>
        addDistributorHoldings(counts.get(pid)!.get(date)!, account, {
          portfolioId: pid,
          date,
          distributor,
          terms,
        }),
      addCounts: (pid, date, sums) => addDistributorCounts(counts.get(pid)!.get(date)!, sums),
    },
    {
      closedThrough: closed.length === 0 ? null : monthEnd(closed[closed.length - 1]!),
      keep: opts.close === true,
      ...(opts.close === true ? { monthPass: month } : {}),
      ...(opts.perAccount === true ? { perAccount: true } : {}),
    },
  );

  // FOURTH(D): the Distributor's Earned CDSC of a portfolio's redemptions in the month, piece by piece
  const earnedCdscOf = (pid: string): MonthlyCalculationInput['earnedCdsc'] =>
    cdscRows
      .filter(
        (r) =>
          r.portfolio_id === pid &&
          distributorOfIssuance(terms, r.issuing_portfolio_id, r.doi, distributor) === distributor,
      )
      .map((r) => ({
        date: r.date,
        doi: r.doi,
        cents: parseCents(r.cdsc) - (toFund.byPiece.get(`${r.txn_id}|${r.lot_id}`) ?? 0n),
        txnId: r.txn_id,
        lotId: r.lot_id,
        issuingPortfolioId: r.issuing_portfolio_id,
      }));

  // FINRA 2341(d)(2): of the Distributor's pieces (those of `earnedCdscOf`), the CDSC collected
  // as the redemptions bore it, and the cap ledger's part of it credited to the fund — each summed
  // on its own; none when nothing is credited
  const cdscToFundOf = (pid: string): MonthlyCalculationInput['cdscToFund'] => {
    let collectedCents = 0n;
    let creditedToFundCents = 0n;
    for (const r of cdscRows)
      if (
        r.portfolio_id === pid &&
        distributorOfIssuance(terms, r.issuing_portfolio_id, r.doi, distributor) === distributor
      ) {
        collectedCents += parseCents(r.cdsc);
        creditedToFundCents += toFund.byPiece.get(`${r.txn_id}|${r.lot_id}`) ?? 0n;
      }
    return creditedToFundCents === 0n ? undefined : { collectedCents, creditedToFundCents };
  };

  // SPEC §6: the CDSC of the pieces issued in an Other Distributor's term, per Other Distributor,
  // and the cap ledger's part of it credited to the fund (the cap is the class's, whoever
  // distributed the shares: FINRA 2341(d)(2))
  const otherDistributorsCdscOf = (pid: string): MonthlyCalculationInput['otherDistributorsCdsc'] => {
    const by = new Map<string, { collectedCents: bigint; creditedToFundCents: bigint }>();
    for (const r of cdscRows) {
      if (r.portfolio_id !== pid) continue;
      const who = distributorOfIssuance(terms, r.issuing_portfolio_id, r.doi, distributor);
      if (who === distributor) continue;
      const o = by.get(who) ?? { collectedCents: 0n, creditedToFundCents: 0n };
      o.collectedCents += parseCents(r.cdsc);
      o.creditedToFundCents += toFund.byPiece.get(`${r.txn_id}|${r.lot_id}`) ?? 0n;
      by.set(who, o);
    }
    if (by.size === 0) return undefined;
    return [...by]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([who, o]) => ({ distributor: who, ...o }));
  };

  const inputs: MonthlyCalculationInput[] = [];
  for (const m of fees.classes) {
    const pid = m.portfolioId;
    const schedule = await distributorShareSchedule(q, pid, to, {
      terms,
      classBTerms,
      distributor,
      holdings: scheduleHoldings.get(pid),
      portfolioName: m.portfolio,
    });
    // Exhibit A: the computation governing the month's first day and those made during the month
    // (the one made at its last day governs the next month).
    let shareComputations = monthShareComputations(schedule, from, to);
    // a termination computed in the month, or the one governing it: what 2(c) could not settle
    for (const w of schedule.warnings ?? [])
      if (shareComputations.some((c) => c.date !== null && w.startsWith(`on ${c.date} `)))
        warnings.push(`${m.portfolio}: ${w}`);
    let distributorCounts: DistributorCount[] = [
      ...(counts.get(pid) ?? new Map<string, DistributorHoldings>()),
    ]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, h]) => {
        const exhibitA = schedule.computations.find((c) => c.date === date);
        // the days after the count: still exclusive (all shares are the Distributor's), or by Exhibit A
        const exclusive = schedule.exclusiveOn(addDays(date, 1)) === distributor;
        // SPEC §12: the Exhibit A computation (summed in chunks of accounts) against this recount of
        // the same date account by account — shares outstanding and the Distributor's Commission Shares.
        if (exhibitA !== undefined) {
          const recounted = [...h.byDoi.values()].reduce((a, b) => a + b.shares, 0n);
          if (exhibitA.outstandingShares !== h.total || exhibitA.parties[0]!.commissionShares !== recounted) {
            // read from the holdings an earlier close kept: the stored row was changed outside plan12b
            if (scheduleHoldings.get(pid)?.get(date)?.stored === true)
              throw new Plan12bError(
                'DATABASE',
                `${m.portfolio} ${date}: the Exhibit A holdings kept in exhibit_a_holdings count ${exhibitA.outstandingShares} shares outstanding and ${exhibitA.parties[0]!.commissionShares} Commission Shares of the Distributor; recounted from the Class B ledger ${h.total} and ${recounted}: the table was changed outside plan12b`,
                'run `plan12b audit verify` to find what changed, and restore the database from a backup',
              );
            throw new Error(
              `${m.portfolio} ${date}: Exhibit A counts ${exhibitA.outstandingShares} shares outstanding and ${exhibitA.parties[0]!.commissionShares} Commission Shares of the Distributor; recounted by account ${h.total} and ${recounted}`,
            );
          }
        }
        const onlyFor = countOnlyFor.get(pid)?.get(date);
        return {
          date,
          ...(onlyFor === undefined ? {} : { onlyFor }),
          distributorShares:
            exhibitA?.distributorShares ??
            (exclusive ? h.total : h.allocated + omnibusFreeSharesStanding(schedule, date).shares),
          commissionSharesByDoi: [...h.byDoi]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([, held]) => ({ ...held })),
        };
      });
    // Agreement EIGHTH(E): a month accrued by vintage splits each vintage's fee by the parties'
    // shares in that vintage, at the same dates as the computations and counts above
    const vintageMonth = fees.classBVintages?.find((v) => v.portfolioId === pid && v.month === month);
    let vintages: Vintage[] | undefined;
    if (vintageMonth !== undefined) {
      const reductions = vintageMonth.reductions.map((r) => ({ date: r.date }));
      vintages = vintagesOf(reductions);
      const byVintage = await withVintageCounts(q, pid, m.portfolio, reductions, {
        terms,
        classBTerms,
        distributor,
        schedule,
        shareComputations,
        distributorCounts,
      });
      shareComputations = byVintage.shareComputations;
      distributorCounts = byVintage.distributorCounts;
    }
    const earnedCdsc = earnedCdscOf(pid);
    const cdscToFund = cdscToFundOf(pid);
    const otherDistributorsCdsc = otherDistributorsCdscOf(pid);
    // Agreement TENTH: each day's service fee to the distributor serving that day (not surviving E)
    const stretches = distributorStretches(terms, pid);
    const gapDays: string[] = [];
    const parts = serviceFeeParts(
      serviceDaysByPortfolio.get(pid) ?? [],
      (day) => {
        const serving = servingDistributorIn(stretches, distributor, day);
        if (serving.gap && terms.length > 0) gapDays.push(day);
        return serving.distributor;
      },
      distributor,
    );
    if (gapDays.length > 0)
      warnings.push(
        `${m.portfolio} class B: no distributor's term holds ${gapDays[0]}${gapDays.length > 1 ? `–${gapDays.at(-1)}` : ''}; the service fee of ${gapDays.length === 1 ? 'that day' : 'those days'} (Agreement TENTH) is shown as ${distributor}'s until a term for ${gapDays.length === 1 ? 'it' : 'them'} is imported with \`plan12b distributors import\``,
      );
    const input: MonthlyCalculationInput = {
      portfolioId: pid,
      portfolio: m.portfolio,
      month,
      distributor,
      distributionFeeDaily: dailyByPortfolio.get(pid) ?? [],
      distributionFeeCents: parseCents(m.distributionFee),
      shareComputations,
      distributorCounts,
      earnedCdsc,
      serviceFeeCents: parseCents(m.serviceFee),
      serviceFeeParts: parts,
      dueDate,
      ...(vintages === undefined ? {} : { vintages }),
      ...(cdscToFund === undefined ? {} : { cdscToFund }),
      ...(otherDistributorsCdsc === undefined ? {} : { otherDistributorsCdsc }),
    };
    inputs.push(input);
    const credited = toFund.byPortfolio.get(pid);
    // FINRA 2341(d)(2): the cap ledger's month total credited to the fund (the warning's figure) is
    // the Distributor's part plus each Other Distributor's, taken from the pieces on their own
    if (credited !== undefined && toFund.credited) {
      let parts = cdscToFund?.creditedToFundCents ?? 0n;
      for (const o of otherDistributorsCdsc ?? []) parts += o.creditedToFundCents;
      if (parts !== credited)
        throw new Error(
          `${m.portfolio} ${month}: the FINRA 2341 cap ledger credits ${formatCents(credited)} of CDSC to the fund, the pieces ${formatCents(parts)} (the Distributor's and the Other Distributors')`,
        );
    }
    if (credited !== undefined)
      warnings.push(
        toFund.credited
          ? `${m.portfolio} class B: ${formatCents(credited)} of CDSC collected in ${month} after the FINRA 2341 cap was exhausted is credited to the fund, not paid as Earned CDSC${othersCreditedText(cdscToFund?.creditedToFundCents ?? 0n, otherDistributorsCdsc)}`
          : `${m.portfolio} class B: ${formatCents(credited)} of CDSC collected in ${month} after the FINRA 2341 cap was exhausted is paid as Earned CDSC (Agreement FOURTH(D); PLAN12B_FINRA_CAP_STOP=warn); FINRA 2341(d)(2) would credit it to the fund`,
      );
  }
  // Agreement FIFTEENTH(B): a termination of the Plan for a portfolio — Complete Termination
  // included — "shall not affect the obligations of the Fund pursuant to Sections FOURTH(D),
  // EIGHTH(A), (C), (D) and (E) (with respect to payments of Distributor's Earned CDSC or Assignee's
  // CDSC Portion)". A portfolio whose Class B accrues no Distribution Fee in the month (its Plan
  // ended) still has a Monthly Calculation when its redemptions bore Earned CDSC: no 12b-1 Share,
  // the Earned CDSC and each Assignee's CDSC Portion.
  const withFees = new Set(fees.classes.map((m) => m.portfolioId));
  const only = opts.portfolio === undefined ? undefined : registry.identities.resolve(opts.portfolio);
  for (const pid of [...new Set(cdscRows.map((r) => r.portfolio_id))].sort()) {
    if (withFees.has(pid) || (opts.portfolio !== undefined && pid !== only)) continue;
    const earnedCdsc = earnedCdscOf(pid);
    if (earnedCdsc.length === 0) continue;
    const cdscToFund = cdscToFundOf(pid);
    const otherDistributorsCdsc = otherDistributorsCdscOf(pid);
    inputs.push({
      portfolioId: pid,
      portfolio: registry.identities.nameOn(pid, to),
      month,
      distributor,
      distributionFeeDaily: [],
      distributionFeeCents: 0n,
      shareComputations: [],
      distributorCounts: [],
      earnedCdsc,
      serviceFeeCents: 0n,
      dueDate,
      ...(cdscToFund === undefined ? {} : { cdscToFund }),
      ...(otherDistributorsCdsc === undefined ? {} : { otherDistributorsCdsc }),
    });
  }
  return {
    distributor,
    dueDate,
    inputs,
    transfers,
    registry,
    warnings,
    ...(fees.classBVintages ? { classBVintages: fees.classBVintages } : {}),
  };
}

/**
 * Agreement EIGHTH(E): the month's Exhibit A computations and DOI-range counts with each party's
 * shares by vintage (exhibitAVintageCounts.ts), checked against the shares they already count.
 */
async function withVintageCounts(
  q: Queryable,
  pid: string,
  portfolio: string,
  reductions: readonly { date: string }[],
  ctx: {
    terms: readonly DistributorTerm[];
    classBTerms: ClassBTerms;
    distributor: string;
    schedule: ShareSchedule;
    shareComputations: readonly ShareComputationInput[];
    distributorCounts: readonly DistributorCount[];
  },
): Promise<{ shareComputations: ShareComputationInput[]; distributorCounts: DistributorCount[] }> {
  const { distributor, schedule } = ctx;
  const computed = ctx.shareComputations.flatMap((c) =>
    c.exclusive === true || c.date === null ? [] : [c.date],
  );
  // a count's date and the computation whose 2(c) Omnibus Free Shares stand on it
  const standing = (date: string) => omnibusFreeSharesStanding(schedule, date).date;
  const dates = [
    ...new Set([
      ...computed,
      ...ctx.distributorCounts.flatMap((c) => {
        const at = standing(c.date);
        return at === null ? [c.date] : [c.date, at];
      }),
    ]),
  ].sort();
  const counts =
    dates.length === 0
      ? new Map<string, VintageCountsAt>()
      : await exhibitAVintageCounts(q, pid, dates, reductions, {
          terms: ctx.terms,
          classBTerms: ctx.classBTerms,
          distributor,
          ...(schedule.omnibusFreeShares ? { omnibusFreeShares: schedule.omnibusFreeShares } : {}),
        });
  const zero = vintagesOf(reductions).map(() => 0n);
  const total = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
  // SPEC §12: each party's vintages add up to the shares Exhibit A (or the count) allocates it
  const mismatch = (date: string, who: string, byVintage: readonly bigint[], shares: bigint) =>
    new Error(
      `${portfolio} ${date}: ${who}'s shares by vintage add up to ${total(byVintage)}, Exhibit A allocates it ${shares}`,
    );
  const shareComputations = ctx.shareComputations.map((c) => {
    if (c.exclusive === true || c.date === null) return c;
    const at = counts.get(c.date)!;
    for (const [who, row] of at.byParty)
      if (total(row) !== 0n && !c.parties.some((p) => p.distributor === who))
        throw mismatch(c.date, who, row, 0n);
    return {
      ...c,
      parties: c.parties.map((p) => {
        const row = at.byParty.get(p.distributor) ?? zero;
        if (total(row) !== p.shares) throw mismatch(c.date!, p.distributor, row, p.shares);
        return { ...p, sharesByVintage: row };
      }),
    };
  });
  const distributorCounts = ctx.distributorCounts.map((c) => {
    const at = counts.get(c.date)!;
    const exhibitA = schedule.computations.some((x) => x.date === c.date);
    const exclusive = schedule.exclusiveOn(addDays(c.date, 1)) === distributor;
    const standsFrom = standing(c.date);
    const omnibus2c = standsFrom === null ? zero : counts.get(standsFrom)!.distributorOmnibus2c;
    const row = exhibitA
      ? (at.byParty.get(distributor) ?? zero)
      : exclusive
        ? at.all
        : at.distributorBy2b.map((x, k) => x + omnibus2c[k]!);
    if (total(row) !== c.distributorShares) throw mismatch(c.date, distributor, row, c.distributorShares);
    return { ...c, distributorSharesByVintage: row };
  });
  return { shareComputations, distributorCounts };
}

/**
 * SPEC §7: what governs each day of [from, to] — 100% to whoever was exclusive (the Distributor, or a
 * predecessor before the Distributor first was; `exclusive`, no computation date shown), else the
 * latest Exhibit A computation before the day — as the Monthly Calculation's inputs, each governing
 * the days after its `date` (null: from the month's first day), the Distributor listed first.
 */
export function monthShareComputations(
  schedule: ShareSchedule,
  from: string,
  to: string,
): ShareComputationInput[] {
  const d = schedule.distributor;
  const ofDay = (day: string) => {
    const holder = schedule.exclusiveOn(day);
    if (holder !== null)
      return {
        key: `exclusive|${holder}`,
        exclusive: true,
        parties:
          holder === d
            ? [{ distributor: d, shares: 1n }]
            : [
                { distributor: d, shares: 0n },
                { distributor: holder, shares: 1n },
              ],
      };
    const c = governingComputation(schedule, day);
    if (c === null)
      throw new Error(`${schedule.portfolioId} ${day}: no Exhibit A computation governs the day`);
    return {
      key: `computed|${c.date}`,
      exclusive: false,
      date: c.date,
      parties: c.parties.map((p) => ({ distributor: p.distributor, shares: p.total })),
    };
  };
  const out: ShareComputationInput[] = [];
  let lastKey: string | null = null;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const g = ofDay(day);
    if (g.key === lastKey) continue;
    lastKey = g.key;
    const date = day === from ? null : addDays(day, -1);
    out.push(
      g.exclusive ? { date, exclusive: true, parties: g.parties } : { date: g.date!, parties: g.parties },
    );
  }
  return out;
}

/**
 * SPEC §12: the prior-period adjustments a month's Monthly Calculation reports — for each closed
 * month whose net assets were restated (not yet reported, or reported by this month's own close),
 * its Monthly Calculation computed again from today's data, per payee, less what was sealed and
 * what earlier closes already adjusted. Pending restatements belong to the next month to close.
 */
export async function priorPeriodPayeeAdjustments(
  q: Queryable,
  month: string,
  distributor: string,
): Promise<PayeeAdjustment[]> {
  return (await priorPeriodAdjustmentsByParty(q, month, distributor)).payees;
}

/**
 * SPEC §12 for every party of the Monthly Calculation: the payees' 12b-1 and CDSC adjustments
 * ({@link priorPeriodPayeeAdjustments}) and, from the same restated Monthly Calculations, the Class
 * B service fee's adjustment by the distributor serving each restated day (Agreement TENTH).
 */
export async function priorPeriodAdjustmentsByParty(
  q: Queryable,
  month: string,
  distributor: string,
): Promise<{
  payees: PayeeAdjustment[];
  serviceFees: ServiceFeeAdjustment[];
  cdscToFund: CdscToFundAdjustment[];
}> {
  const out: PayeeAdjustment[] = [];
  const cdscToFund: CdscToFundAdjustment[] = [];
  const serviceFees: ServiceFeeAdjustment[] = [];
  // net assets restated, or a document withdrawn (issue 11), after the month was sealed
  const restatedMonths = new Set([
    ...(await restatedMonthsReportedIn(q, month, 'net_assets_restatement')),
    ...(await restatedMonthsReportedIn(q, month, 'exhibit_withdrawal_restatement')),
  ]);
  // FINRA 2341: later closed months whose cap room the restatement changed, for the portfolios
  // whose Class B has a cap ledger
  const followers = await capFollowerMonths(q, month, [...restatedMonths]);
  const capOnly = new Set(followers.months);
  for (const p of [...restatedMonths, ...followers.months].sort()) {
    const sealed = (await sealedPart(q, p, 'monthly-calculation')) as MonthlyCalculationReport | undefined;
    if (sealed === undefined) continue; // its close sealed no Monthly Calculation: nothing to compare
    const restated = await monthlyCalculationReport(q, p, { distributor, withAdjustments: false });
    const earlierParts = (await sealedPartsAfter(q, p, 'monthly-calculation')).filter((x) => x.month < month);
    const earlierReports = earlierParts.map((x) => x.content as MonthlyCalculationReport);
    const earlier = earlierReports
      .flatMap((x) => x.priorPeriodAdjustments ?? [])
      .filter((a) => a.month === p);
    const earlierToFund = earlierReports
      .flatMap((x) => x.priorPeriodCdscToFundAdjustments ?? [])
      .filter((a) => a.month === p);
    const earlierService: ServiceFeeAdjustment[] = [];
    for (const x of earlierParts) {
      const reported = (x.content as MonthlyCalculationReport).priorPeriodServiceFeeAdjustments;
      if (reported !== undefined) {
        earlierService.push(...reported.filter((a) => a.month === p));
        continue;
      }
      // a close sealed before the split (calc11) booked the month's Class B service fee
      // adjustment to the Distributor: its `adjustments` part says how much
      const part = (await sealedPart(q, x.month, 'adjustments')) as AdjustmentsPart | undefined;
      for (const a of part?.adjustments ?? []) {
        if (a.month !== p || a.class.toUpperCase() !== 'B' || parseCents(a.serviceFee) === 0n) continue;
        const mc = sealed.portfolios.find((c) => c.portfolio === a.portfolio);
        if (mc === undefined) continue;
        earlierService.push({
          month: p,
          portfolioId: mc.portfolioId,
          portfolio: mc.portfolio,
          distributor: mc.distributor,
          role: 'Distributor',
          original: '0.00',
          previouslyAdjusted: '0.00',
          restated: '0.00',
          difference: a.serviceFee,
        });
      }
    }
    const pids = [...new Set([...sealed.portfolios, ...restated.portfolios].map((c) => c.portfolioId))]
      .filter((pid) => !capOnly.has(p) || followers.classKeys.has(`${pid}|B`))
      .sort();
    for (const pid of pids) {
      const o = sealed.portfolios.find((c) => c.portfolioId === pid);
      const r = restated.portfolios.find((c) => c.portfolioId === pid);
      out.push(
        ...payeeAdjustments(
          o,
          r,
          earlier.filter((a) => a.portfolioId === pid),
        ),
      );
      const toFund = cdscToFundAdjustment(
        o,
        r,
        earlierToFund.filter((a) => a.portfolioId === pid),
      );
      if (toFund !== null) cdscToFund.push(toFund);
      // a month adjusted through the FINRA cap only changes its ABSC, never the service fee
      if (!capOnly.has(p))
        serviceFees.push(
          ...serviceFeeAdjustmentsByDistributor(
            o,
            r,
            earlierService.filter((a) => a.portfolioId === pid),
          ),
        );
    }
  }
  return { payees: out, serviceFees, cdscToFund };
}
