import {
  type AllocationAccount,
  computeDistributorShare,
  type DistributorShareComputation,
} from '../allocation/distributorShare.js';
import { attributeOmnibusFreeShares, type OmnibusAttribution } from '../allocation/omnibusFreeShares.js';
import { addDays, monthEnd, monthOf } from '../calendar/isoDate.js';
import { replayAccount } from '../class-b/classBLedger.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import { type DistributorTerm, distributorTermOn, rightsHolder } from '../class-b/distributorTerm.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import { Plan12bError } from '../errors.js';
import { loadOmnibusMonths } from '../feeds/omnibusFeed.js';
import type { Registry } from '../registry/registry.js';
import {
  activityOfRows,
  loadClassBTerms,
  loadDistributorTerms,
  loadTransactionsOf,
} from '../store/classBStore.js';
import type { Queryable } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import { sharePct } from '../transfers/monthlyCalculation.js';

/**
 * The Distributor: the party to the Agreement, i.e. whoever holds the rights of the first
 * exclusive distributor recorded (a predecessor's rights assigned to it count as its own, NINETEENTH).
 */
export function theDistributor(terms: readonly DistributorTerm[]): string | null {
  const first = [...terms].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0];
  return first === undefined ? null : rightsHolder(terms, first.distributor);
}

/** The last day the Distributor (or a predecessor whose rights it holds) was exclusive distributor of the portfolio, or null while it still is. */
export function exclusiveThrough(
  terms: readonly DistributorTerm[],
  portfolioId: string,
  distributor: string,
): string | null {
  const boundaries = new Set<string>();
  for (const t of terms) {
    if (t.portfolioId !== null && t.portfolioId !== portfolioId) continue;
    boundaries.add(t.start);
    if (t.end !== null) boundaries.add(addDays(t.end, 1));
  }
  for (const b of [...boundaries].sort()) {
    const term = distributorTermOn(terms, portfolioId, b);
    if (term !== undefined && rightsHolder(terms, term.distributor) !== distributor) return addDays(b, -1);
  }
  return null;
}

export interface ShareSchedule {
  readonly portfolioId: string;
  readonly distributor: string;
  readonly exclusiveThrough: string | null;
  /** every computation from the end of the term through the last date asked for */
  readonly computations: readonly DistributorShareComputation[];
}

/** The computation governing a day: the latest made before it (null: still 100%). SPEC §7. */
export function governingComputation(
  schedule: ShareSchedule,
  date: string,
): DistributorShareComputation | null {
  let found: DistributorShareComputation | null = null;
  for (const c of schedule.computations) if (c.date < date) found = c;
  return found;
}

async function holdingsAt(
  q: Queryable,
  portfolioId: string,
  dates: readonly string[],
  classBTerms: ClassBTerms,
): Promise<Map<string, AllocationAccount[]>> {
  const accounts = await q.query<{ account: string; omnibus: boolean }>(
    `SELECT DISTINCT t.account, a.omnibus FROM class_b_transaction t JOIN class_b_account a ON a.account = t.account
      WHERE t.portfolio_id = $1 ORDER BY t.account`,
    [portfolioId],
  );
  const txns = await loadTransactionsOf(
    q,
    accounts.map((a) => a.account),
  );
  const out = new Map<string, AllocationAccount[]>(dates.map((d) => [d, []]));
  for (const { account, omnibus } of accounts) {
    const activity = activityOfRows(txns.get(account) ?? []);
    for (const date of dates) {
      const lots = replayAccount(account, activity, classBTerms, { until: date }).lots.filter(
        (l) => l.portfolioId === portfolioId,
      );
      if (lots.length > 0) out.get(date)!.push({ account, omnibus, lots });
    }
  }
  return out;
}

/**
 * Exhibit A computations for one portfolio, from the end of the Distributor's term (first
 * computed on that date) and at every later month end through `through`.
 */
export async function distributorShareSchedule(
  q: Queryable,
  portfolioId: string,
  through: string,
  context?: { terms: readonly DistributorTerm[]; classBTerms: ClassBTerms; distributor?: string },
): Promise<ShareSchedule> {
  const terms = context?.terms ?? (await loadDistributorTerms(q));
  const classBTerms = context?.classBTerms ?? (await loadClassBTerms(q));
  const distributor = context?.distributor ?? theDistributor(terms);
  if (distributor === null)
    return { portfolioId, distributor: 'Distributor', exclusiveThrough: null, computations: [] };
  const end = exclusiveThrough(terms, portfolioId, distributor);
  if (end === null || end >= through)
    return { portfolioId, distributor, exclusiveThrough: end, computations: [] };

  const dates = [end];
  for (let m = monthEnd(monthOf(end)); m <= through; m = monthEnd(monthOf(addDays(m, 1))))
    if (m > end) dates.push(m);
  const holdings = await holdingsAt(q, portfolioId, dates, classBTerms);
  const feed = await loadOmnibusMonths(q, portfolioId);

  // 2(c): Omnibus Free Shares start, on the termination date, all with the Distributor (they were
  // issued while it was exclusive), then move month by month by the A × (B/C) rules.
  const parties = new Map<string, OmnibusAttribution>();
  const partyNames = new Set<string>([distributor]);
  for (const t of terms) partyNames.add(rightsHolder(terms, t.distributor));
  const names = [distributor, ...[...partyNames].filter((n) => n !== distributor).sort()];
  const computations: DistributorShareComputation[] = [];
  for (const date of dates) {
    const accounts = holdings.get(date)!;
    const omnibusFree = new Map<string, Map<string, bigint>>();
    for (const acct of accounts) {
      if (!acct.omnibus) continue;
      const commissionBy = names.map(() => 0n);
      let free = 0n;
      for (const lot of acct.lots) {
        if (lot.kind === 'free') {
          free += lot.shareUnits;
          continue;
        }
        const term = distributorTermOn(terms, lot.issuingPortfolioId, lot.dateOfOriginalIssuance);
        const who = term === undefined ? distributor : rightsHolder(terms, term.distributor);
        commissionBy[names.indexOf(who)] = commissionBy[names.indexOf(who)]! + lot.shareUnits;
      }
      let state = parties.get(acct.account);
      if (date === end) {
        state = { commissionShares: commissionBy, freeShares: names.map((_, i) => (i === 0 ? free : 0n)) };
      } else {
        // An account first holding shares after the term ended starts from nothing.
        state ??= { commissionShares: names.map(() => 0n), freeShares: names.map(() => 0n) };
        const month = monthOf(date);
        const nothingToAttribute = free === 0n && state.freeShares.every((f) => f === 0n);
        const row =
          feed.get(`${acct.account}|${portfolioId}|${month}`) ??
          (nothingToAttribute
            ? { freeSharesIssued: 0n, freeSharesRedeemed: 0n, freeSharesOutstanding: 0n }
            : undefined);
        if (!row)
          throw new Plan12bError(
            'BAD_INPUT',
            `no sub-transfer agent figures for Omnibus Account ${acct.account}, ${portfolioId}, ${month} (Exhibit A 2(c))`,
            'import them with `plan12b omnibus import FILE.csv`',
          );
        if (row.freeSharesOutstanding !== free)
          throw new Plan12bError(
            'BAD_INPUT',
            `Omnibus Account ${acct.account}, ${portfolioId}, ${month}: the sub-transfer agent reports ${formatShareUnits(row.freeSharesOutstanding)} Free Shares outstanding, the transfer agent's records ${formatShareUnits(free)}`,
            'reconcile the two and re-import the corrected figures before the month is closed',
          );
        const current = names.findIndex((n) => {
          const t = distributorTermOn(terms, portfolioId, date);
          return t !== undefined && rightsHolder(terms, t.distributor) === n;
        });
        const result = attributeOmnibusFreeShares(state!, row, commissionBy, current < 0 ? 0 : current);
        state = { commissionShares: commissionBy, freeShares: result.freeShares };
      }
      parties.set(acct.account, state);
      omnibusFree.set(acct.account, new Map(names.map((n, i) => [n, state!.freeShares[i]!])));
    }
    computations.push(
      computeDistributorShare({
        portfolioId,
        date,
        distributor,
        terms,
        accounts,
        omnibusFreeShares: omnibusFree,
      }),
    );
  }
  return { portfolioId, distributor, exclusiveThrough: end, computations };
}

/** `plan12b distributor-share --month`: per portfolio, each computation governing the month's days. */
export async function distributorShareReport(
  q: Queryable,
  month: string,
): Promise<{
  month: string;
  portfolios: {
    portfolio: string;
    distributor: string;
    exclusiveThrough: string | null;
    computations: {
      date: string;
      sharePct: string;
      numerator: string;
      denominator: string;
      byRule: {
        distributor: string;
        a_commissionShares: string;
        b_freeShares: string;
        c_omnibusFreeShares: string;
        total: string;
      }[];
    }[];
  }[];
}> {
  const registry: Registry = await loadRegistry(q);
  const terms = await loadDistributorTerms(q);
  const classBTerms = await loadClassBTerms(q);
  const pids = (
    await q.query<{ portfolio_id: string }>(
      'SELECT DISTINCT portfolio_id FROM class_b_transaction ORDER BY 1',
    )
  ).map((r) => r.portfolio_id);
  const portfolios = [];
  for (const pid of pids) {
    const schedule = await distributorShareSchedule(q, pid, monthEnd(month), { terms, classBTerms });
    const relevant = schedule.computations.filter(
      (c, i, all) =>
        monthOf(c.date) === month ||
        (c.date < `${month}-01` && all[i + 1] !== undefined && all[i + 1]!.date >= `${month}-01`),
    );
    portfolios.push({
      portfolio: registry.identities.get(pid) ? registry.identities.nameOn(pid, monthEnd(month)) : pid,
      distributor: schedule.distributor,
      exclusiveThrough: schedule.exclusiveThrough,
      computations: relevant.map((c) => ({
        date: c.date,
        sharePct: sharePct(c.distributorShares, c.outstandingShares),
        numerator: formatShareUnits(c.distributorShares),
        denominator: formatShareUnits(c.outstandingShares),
        byRule: c.parties.map((p) => ({
          distributor: p.distributor,
          a_commissionShares: formatShareUnits(p.commissionShares),
          b_freeShares: formatShareUnits(p.freeShares),
          c_omnibusFreeShares: formatShareUnits(p.omnibusFreeShares),
          total: formatShareUnits(p.total),
        })),
      })),
    });
  }
  return { month, portfolios };
}
