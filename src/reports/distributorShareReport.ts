import {
  type AllocationAccount,
  computeDistributorShare,
  type DistributorShareComputation,
} from '../allocation/distributorShare.js';
import {
  distributorStretches,
  exclusiveHolderIn,
  exclusivePeriods,
  exhibitAComputationDates,
  inStretch,
} from '../allocation/exclusivePeriods.js';
import { type DistributorCountSums, exhibitAOfLedgerState } from '../allocation/exhibitAOfLedgerState.js';
import { attributeOmnibusFreeShares, type OmnibusAttribution } from '../allocation/omnibusFreeShares.js';
import { addDays, fromDayNumber, monthEnd, monthOf, monthStart } from '../calendar/isoDate.js';
import { replayAccount } from '../class-b/classBLedger.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import {
  type DistributorTerm,
  distributorsOfPortfolio,
  distributorTermOn,
  rightsHolder,
} from '../class-b/distributorTerm.js';
import { compareLots, type Lot } from '../class-b/lot.js';
import type { ClassBLedgerState } from '../class-b/monthPassColumns.js';
import { KeyDictionary, lotOfState, type MonthPassDictionaries } from '../class-b/monthPassRecords.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import { applyClassBMonth } from '../close/classBLedgerMonth.js';
import { previousMonth } from '../close/closeOrder.js';
import { Plan12bError } from '../errors.js';
import type { Registry } from '../registry/registry.js';
import { accountsHoldingPortfolios, portfoliosWithClassBActivity } from '../store/classBRepository.js';
import {
  activityOfRows,
  loadClassBTerms,
  loadDistributorTerms,
  loadTransactionsOf,
} from '../store/classBStore.js';
import type { Queryable } from '../store/database.js';
import {
  exhibitABasisHash,
  readExhibitAHoldings,
  type StoredExhibitAHoldings,
  writeExhibitAHoldings,
} from '../store/exhibitAHoldingsRepository.js';
import { lastRecordedMonth } from '../store/lastRecordedMonth.js';
import {
  accountKeyRanges,
  ledgerStateDictionaries,
  ledgerStateMonths,
  readLedgerStateChunk,
} from '../store/ledgerStateRepository.js';
import { loadOmnibusMonths } from '../store/omnibusRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { formatPctUnits, partyPctUnits } from '../transfers/monthlyCalculation.js';
import { feesReport } from './feesReport.js';
import { refuseKeptHoldingsContradicted } from './keptHoldingsRecount.js';
import { termGapWarnings } from './termGapWarnings.js';

/**
 * The Distributor: the party to the Agreement, i.e. whoever holds the rights of the first
 * exclusive distributor under a term for every portfolio (`all`: the master agreement's own term;
 * a predecessor's rights assigned to it count as its own, NINETEENTH). A predecessor of one
 * portfolio — the distributor of a fund before it joined the complex — is an Other Distributor
 * even when its term is the earliest recorded. Only where no term covers every portfolio is the
 * first term of any portfolio taken.
 */
export function theDistributor(terms: readonly DistributorTerm[]): string | null {
  const master = terms.filter((t) => t.portfolioId === null);
  const first = [...(master.length > 0 ? master : terms)].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  )[0];
  return first === undefined ? null : rightsHolder(terms, first.distributor);
}

/**
 * The last day of the Distributor's first exclusive period for the portfolio (a predecessor whose
 * rights it holds counts as itself; a gap between terms is not exclusivity), or null while it still
 * is exclusive or never was. See exclusivePeriods.ts.
 */
export function exclusiveThrough(
  terms: readonly DistributorTerm[],
  portfolioId: string,
  distributor: string,
): string | null {
  return exclusivePeriods(terms, portfolioId, distributor)[0]?.to ?? null;
}

export interface ShareSchedule {
  readonly portfolioId: string;
  readonly distributor: string;
  readonly exclusiveThrough: string | null;
  /** every computation from the end of the term through the last date asked for */
  readonly computations: readonly DistributorShareComputation[];
  /**
   * Who takes 100% of a day's fees without a computation (the Distributor while exclusive, a
   * predecessor before it first was), or null when a computation governs it (exclusivePeriods.ts).
   */
  readonly exclusiveOn: (date: string) => string | null;
  /** what the schedule could not settle from the Agreement (said, not guessed silently) */
  readonly warnings?: readonly string[];
  /**
   * by computation date, each Omnibus Account's Free Shares by party as 2(c) attributed them
   * (EIGHTH(E) spreads them over the vintages: exhibitAByVintage.ts)
   */
  readonly omnibusFreeShares?: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, bigint>>>;
}

/** The computation governing a day: the latest made before it (null: 100% to `exclusiveOn`). SPEC §7. */
export function governingComputation(
  schedule: ShareSchedule,
  date: string,
): DistributorShareComputation | null {
  if (schedule.exclusiveOn(date) !== null) return null;
  let found: DistributorShareComputation | null = null;
  for (const c of schedule.computations) if (c.date < date) found = c;
  return found;
}

/**
 * One pass over the accounts holding any of the requested portfolios (in account order, their
 * transactions loaded once, in chunks): each account is replayed once per date some requested
 * portfolio of its asks for, and `visit` receives its lots in that portfolio at that date (only
 * when it holds some). Replaying an account once for every portfolio at a date, instead of once
 * per portfolio, is what keeps a month close linear in the accounts rather than in accounts ×
 * portfolios.
 */
export async function visitHoldings(
  q: Queryable,
  requests: ReadonlyMap<string, readonly string[]>,
  classBTerms: ClassBTerms,
  visit: (portfolioId: string, date: string, account: AllocationAccount) => void,
  /**
   * The close of this month: the month is applied to the stored ledger (classBLedgerMonth.ts),
   * and the holdings at the end of the month before and at its end are taken from that pass.
   */
  monthPass?: string,
  /**
   * Takes a month end's holdings as a chunk's ledger columns (read or from the pass) instead of
   * `visit` per account (issue 14: no record per lot); dates replayed still go to `visit`.
   */
  visitState?: StateVisit,
): Promise<void> {
  if (requests.size === 0 && monthPass === undefined) return;
  const stored = await ledgerStateMonths(q);
  const start = monthPass === undefined ? null : monthEnd(previousMonth(monthPass));
  const end = monthPass === undefined || stored.has(monthEnd(monthPass)) ? null : monthEnd(monthPass);
  if (requests.size === 0 && end === null) return;
  // Month ends whose ledger is stored (issue 14 item 1) are read, or taken from the pass, not replayed.
  const replayed = new Map<string, string[]>();
  const read = new Map<string, Set<string>>();
  const fromPass = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, date: string, pid: string) => {
    let pids = m.get(date);
    if (!pids) {
      pids = new Set();
      m.set(date, pids);
    }
    pids.add(pid);
  };
  for (const [pid, dates] of requests)
    for (const date of dates) {
      if (end !== null && (date === start || date === end)) add(fromPass, date, pid);
      else if (stored.has(date)) add(read, date, pid);
      else replayed.set(pid, [...(replayed.get(pid) ?? []), date]);
    }
  const stateVisit = visitState ?? visitStateAccounts(visit);
  if (monthPass !== undefined && end !== null)
    await applyClassBMonth(q, monthPass, classBTerms, {
      visit: (c) => {
        const before = fromPass.get(start!);
        if (before) stateVisit(c.start, c.accountNames, c.dictionaries, start!, before);
        const after = fromPass.get(end);
        if (after) stateVisit(c.end, c.accountNames, c.dictionaries, end, after);
      },
    });
  for (const [date, pids] of [...read].sort(([a], [b]) => (a < b ? -1 : 1)))
    await visitStoredHoldings(q, date, pids, stateVisit);
  if (replayed.size > 0) await replayHoldings(q, replayed, classBTerms, visit);
}

/** A month end's holdings of the requested portfolios, a chunk of accounts' ledger at a time. */
export type StateVisit = (
  state: ClassBLedgerState,
  accountNames: ReadonlyMap<number, string>,
  d: MonthPassDictionaries,
  date: string,
  portfolioIds: ReadonlySet<string>,
) => void;

/**
 * Visits each account of a chunk's ledger per requested portfolio it holds, its lots in the
 * ledger's order (compareLots), as a replay gives them. Only the lots of the requested portfolios
 * become records (issue 14 item 3: a month end asked for a few portfolios builds no object for the
 * others' lots). `only`: just these accounts (indexes in the state).
 */
export function visitStateAccounts(
  visit: (portfolioId: string, date: string, account: AllocationAccount) => void,
  only?: readonly number[],
): StateVisit {
  return (state, accountNames, d, date, portfolioIds) => {
    const wanted = new Uint8Array(d.portfolios.names.length);
    d.portfolios.names.forEach((pid, k) => {
      if (portfolioIds.has(pid)) wanted[k] = 1;
    });
    const isoDay = cachedIsoDay();
    const l = state.lots;
    const n = only === undefined ? state.accounts.count : only.length;
    for (let j = 0; j < n; j++) {
      const a = only === undefined ? j : only[j]!;
      const from = state.accounts.lotStart[a]!;
      const to = state.accounts.lotStart[a + 1]!;
      let any = false;
      for (let i = from; i < to && !any; i++) any = wanted[l.portfolio[i]!] === 1;
      if (!any) continue;
      const byPortfolio = new Map<string, Lot[]>();
      for (let i = from; i < to; i++) {
        if (wanted[l.portfolio[i]!] !== 1) continue;
        const lot = lotOfState(state, i, d, isoDay);
        const list = byPortfolio.get(lot.portfolioId);
        if (list) list.push(lot);
        else byPortfolio.set(lot.portfolioId, [lot]);
      }
      const account = accountNames.get(state.accounts.key[a]!)!;
      const omnibus = state.accounts.omnibus[a] === 1;
      for (const [pid, lots] of [...byPortfolio].sort(([x], [y]) => (x < y ? -1 : 1)))
        visit(pid, date, { account, omnibus, lots: lots.sort(compareLots) });
    }
  };
}

/** Day number → ISO date, each day computed once (a chunk's lots share few dates). */
function cachedIsoDay(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let s = cache.get(day);
    if (s === undefined) {
      s = fromDayNumber(day);
      cache.set(day, s);
    }
    return s;
  };
}

/** An account's lots in the wanted portfolios, grouped by portfolio (in the order they come). */
function lotsByPortfolio(lots: Iterable<Lot>, wanted: ReadonlySet<string>): Map<string, Lot[]> {
  const byPortfolio = new Map<string, Lot[]>();
  for (const l of lots) {
    if (!wanted.has(l.portfolioId)) continue;
    const list = byPortfolio.get(l.portfolioId);
    if (list) list.push(l);
    else byPortfolio.set(l.portfolioId, [l]);
  }
  return byPortfolio;
}

/** {@link visitHoldings} at a month end whose ledger is stored: each chunk of accounts' lots read once. */
async function visitStoredHoldings(
  q: Queryable,
  date: string,
  portfolioIds: ReadonlySet<string>,
  visitState: StateVisit,
): Promise<void> {
  const d = await ledgerStateDictionaries(q);
  // only the requested portfolios' lots are read (a portfolio never stored has none)
  const portfolioKeys = d.portfolios.names.flatMap((pid, k) => (portfolioIds.has(pid) ? [k] : []));
  for (const range of await accountKeyRanges(q, LEDGER_STATE_READ_ACCOUNTS)) {
    const cd = { ...d, txns: new KeyDictionary() };
    const { state, accountNames } = await readLedgerStateChunk(q, date, range, cd, { portfolioKeys });
    visitState(state, accountNames, cd, date, portfolioIds);
  }
}

/** Accounts per chunk when a stored month end is read for Exhibit A. */
const LEDGER_STATE_READ_ACCOUNTS = 100_000;

/** {@link visitHoldings} by replaying each account from its first transaction (dates with no stored ledger). */
async function replayHoldings(
  q: Queryable,
  requests: ReadonlyMap<string, readonly string[]>,
  classBTerms: ClassBTerms,
  visit: (portfolioId: string, date: string, account: AllocationAccount) => void,
): Promise<void> {
  const accounts = await accountsHoldingPortfolios(q, [...requests.keys()]);
  const CHUNK = 20_000;
  for (let i = 0; i < accounts.length; i += CHUNK) {
    const chunk = accounts.slice(i, i + CHUNK);
    const txns = await loadTransactionsOf(
      q,
      chunk.map((a) => a.account),
    );
    for (const { account, omnibus } of chunk) {
      const rows = txns.get(account) ?? [];
      const mine = new Set<string>();
      for (const r of rows) if (requests.has(r.portfolio_id)) mine.add(r.portfolio_id);
      const dates = new Set<string>();
      for (const pid of mine) for (const d of requests.get(pid)!) dates.add(d);
      const activity = activityOfRows(rows);
      for (const date of [...dates].sort()) {
        const byPortfolio = lotsByPortfolio(
          replayAccount(account, activity, classBTerms, { until: date }).lots,
          mine,
        );
        for (const [pid, lots] of byPortfolio)
          if (requests.get(pid)!.includes(date)) visit(pid, date, { account, omnibus, lots });
      }
    }
  }
}

/**
 * A portfolio's holdings at one computation date, as Exhibit A needs them: the Omnibus Accounts
 * with their lots (2(c) attributes their Free Shares month by month, account by account), and
 * every other account already summed into a partial computation — Exhibit A allocates account by
 * account, so sums over disjoint sets of accounts add up to the computation over all of them.
 */
export interface DateHoldings {
  readonly omnibus: AllocationAccount[];
  others: DistributorShareComputation;
  /** read from the holdings kept by an earlier close (exhibitAHoldingsRepository.ts), not computed */
  readonly stored?: true;
}

/** Sums computations of one portfolio and date over disjoint sets of accounts. */
function addComputations(
  a: DistributorShareComputation,
  b: DistributorShareComputation,
): DistributorShareComputation {
  const rows = new Map<string, { commission: bigint; free: bigint; omnibusFree: bigint }>();
  for (const p of [...a.parties, ...b.parties]) {
    const r = rows.get(p.distributor) ?? { commission: 0n, free: 0n, omnibusFree: 0n };
    r.commission += p.commissionShares;
    r.free += p.freeShares;
    r.omnibusFree += p.omnibusFreeShares;
    rows.set(p.distributor, r);
  }
  const d = a.distributor;
  const parties = [...rows.entries()]
    .sort(([x], [y]) => (x === d ? -1 : y === d ? 1 : x < y ? -1 : 1))
    .map(([distributor, r]) => ({
      distributor,
      commissionShares: r.commission,
      freeShares: r.free,
      omnibusFreeShares: r.omnibusFree,
      total: r.commission + r.free + r.omnibusFree,
    }));
  return {
    ...a,
    parties,
    distributorShares: parties[0]!.total,
    outstandingShares: a.outstandingShares + b.outstandingShares,
  };
}

/** Other holdings a caller wants visited in the same pass over the accounts (the DOI counts). */
export interface HoldingsAlsoWanted {
  readonly requests: ReadonlyMap<string, readonly string[]>;
  visit(portfolioId: string, date: string, account: AllocationAccount): void;
  /**
   * The same counts summed over a chunk of accounts from its ledger columns (SPEC §8; what `visit`
   * adds up account by account): given, month ends held as columns are not visited per account.
   */
  addCounts?(portfolioId: string, date: string, counts: DistributorCountSums): void;
}

/**
 * Each requested portfolio's holdings at each of its dates ({@link DateHoldings}); memory stays
 * bounded by the Omnibus Accounts and a buffer, whatever the number of accounts.
 */
export async function holdingsAt(
  q: Queryable,
  requests: ReadonlyMap<string, readonly string[]>,
  classBTerms: ClassBTerms,
  terms: readonly DistributorTerm[],
  distributor: string,
  /** other holdings wanted in the same pass (each account replayed once per date for both) */
  also?: HoldingsAlsoWanted,
  /**
   * Dates through `closedThrough` (the last closed month's end) are looked up where an earlier
   * computation kept them (exhibitAHoldingsRepository.ts), and kept once computed when `keep`
   * (the close: a report writes nothing).
   */
  kept?: {
    readonly closedThrough: string | null;
    readonly keep: boolean;
    readonly monthPass?: string;
    /** the reference path: every month end's lots as records, account by account (tests) */
    readonly perAccount?: boolean;
  },
): Promise<Map<string, Map<string, DateHoldings>>> {
  const basis = exhibitABasisHash(distributor, terms);
  const closedThrough = kept?.closedThrough ?? null;
  const found =
    closedThrough === null
      ? new Map<string, StoredExhibitAHoldings>()
      : await readExhibitAHoldings(
          q,
          basis,
          [...requests.keys()],
          [...new Set([...requests.values()].flat().filter((d) => d <= closedThrough))],
        );
  // SPEC §12: the close pays by the kept rows it reads — each as the closed month that kept it sealed it
  if (kept?.keep)
    await refuseKeptHoldingsContradicted(q, found, async (recount) => {
      const computed = await computeHoldingsAt(q, recount, classBTerms, terms, distributor);
      return new Map(
        [...computed].map(([pid, byDate]) => [
          pid,
          new Map([...byDate].map(([d, h]) => [d, { others: h.others, omnibus: h.omnibus }])),
        ]),
      );
    });
  const toCompute = new Map<string, string[]>();
  for (const [pid, dates] of requests) {
    const missing = dates.filter((d) => !found.has(`${pid}|${d}`));
    if (missing.length > 0) toCompute.set(pid, missing);
  }
  const computed = await computeHoldingsAt(
    q,
    toCompute,
    classBTerms,
    terms,
    distributor,
    also,
    kept?.monthPass,
    kept?.perAccount === true,
  );
  const out = new Map<string, Map<string, DateHoldings>>();
  for (const [pid, dates] of requests)
    out.set(
      pid,
      new Map(
        dates.map((d) => {
          const k = found.get(`${pid}|${d}`);
          return [
            d,
            k === undefined
              ? computed.get(pid)!.get(d)!
              : { omnibus: k.omnibus, others: k.others, stored: true },
          ];
        }),
      ),
    );
  if (kept?.keep && closedThrough !== null)
    await writeExhibitAHoldings(
      q,
      basis,
      [...toCompute].flatMap(([pid, dates]) =>
        dates
          .filter((d) => d <= closedThrough)
          .map((date) => ({ portfolioId: pid, date, holdings: computed.get(pid)!.get(date)! })),
      ),
    );
  return out;
}

/** {@link holdingsAt} computed from the lots (stored month ends read, other dates replayed). */
async function computeHoldingsAt(
  q: Queryable,
  requests: ReadonlyMap<string, readonly string[]>,
  classBTerms: ClassBTerms,
  terms: readonly DistributorTerm[],
  distributor: string,
  also?: HoldingsAlsoWanted,
  monthPass?: string,
  perAccount = false,
): Promise<Map<string, Map<string, DateHoldings>>> {
  const out = new Map<string, Map<string, DateHoldings>>();
  const buffers = new Map<DateHoldings, AllocationAccount[]>();
  const computeOthers = (portfolioId: string, date: string, accounts: readonly AllocationAccount[]) =>
    computeDistributorShare({ portfolioId, date, distributor, terms, accounts });
  const flush = (portfolioId: string, date: string, h: DateHoldings, buffer: AllocationAccount[]) => {
    h.others = addComputations(h.others, computeOthers(portfolioId, date, buffer));
    buffer.length = 0;
  };
  for (const [pid, dates] of requests)
    out.set(
      pid,
      new Map(
        dates.map((d) => {
          const h: DateHoldings = { omnibus: [], others: computeOthers(pid, d, []) };
          buffers.set(h, []);
          return [d, h];
        }),
      ),
    );
  const all = new Map<string, string[]>();
  for (const r of [requests, also?.requests ?? new Map<string, readonly string[]>()])
    for (const [pid, dates] of r) all.set(pid, [...new Set([...(all.get(pid) ?? []), ...dates])]);
  const visit = (pid: string, date: string, account: AllocationAccount) => {
    if (also?.requests.get(pid)?.includes(date)) also.visit(pid, date, account);
    const h = out.get(pid)?.get(date);
    if (h === undefined) return;
    if (account.omnibus) {
      h.omnibus.push(account);
      return;
    }
    const buffer = buffers.get(h)!;
    buffer.push(account);
    if (buffer.length >= 5_000) flush(pid, date, h, buffer);
  };
  // Month ends held as ledger columns: Exhibit A's sums and the counts straight from the columns,
  // records only for the Omnibus Accounts (2(c) attributes their Free Shares account by account).
  const addCounts = also?.addCounts?.bind(also);
  const visitState: StateVisit | undefined =
    perAccount || (also !== undefined && addCounts === undefined)
      ? undefined
      : (state, accountNames, d, date, portfolioIds) => {
          const asked = new Map<number, { exhibitA: boolean; counts: boolean }>();
          d.portfolios.names.forEach((pid, k) => {
            if (!portfolioIds.has(pid)) return;
            asked.set(k, {
              exhibitA: out.get(pid)?.has(date) === true,
              counts: also?.requests.get(pid)?.includes(date) === true,
            });
          });
          const sums = exhibitAOfLedgerState(state, d.portfolios.names, asked, { date, distributor, terms });
          for (const [k, s] of sums) {
            const pid = d.portfolios.names[k]!;
            if (s.counts) addCounts!(pid, date, s.counts);
            if (!s.exhibitA) continue;
            const h = out.get(pid)!.get(date)!;
            h.others = addComputations(h.others, s.exhibitA.others);
            visitStateAccounts((_pid, _date, account) => h.omnibus.push(account), s.exhibitA.omnibusAccounts)(
              state,
              accountNames,
              d,
              date,
              new Set([pid]),
            );
          }
        };
  await visitHoldings(q, all, classBTerms, visit, monthPass, visitState);
  for (const [pid, byDate] of out) for (const [date, h] of byDate) flush(pid, date, h, buffers.get(h)!);
  return out;
}

/**
 * The dates of the Exhibit A computations for a portfolio through `through`: each end of the
 * Distributor's exclusive periods and every later month end until it is exclusive again (none
 * while it is still exclusive). See exclusivePeriods.ts.
 */
export function computationDates(
  terms: readonly DistributorTerm[],
  portfolioId: string,
  distributor: string,
  through: string,
): { exclusiveThrough: string | null; dates: string[]; terminations: string[] } {
  return exhibitAComputationDates(terms, portfolioId, distributor, through);
}

/**
 * Exhibit A computations for one portfolio, from the end of the Distributor's term (first
 * computed on that date) and at every later month end through `through`.
 */
export async function distributorShareSchedule(
  q: Queryable,
  portfolioId: string,
  through: string,
  context?: {
    terms: readonly DistributorTerm[];
    classBTerms: ClassBTerms;
    distributor?: string;
    /** the portfolio's holdings at its computation dates, when already replayed (see {@link holdingsAt}) */
    holdings?: ReadonlyMap<string, DateHoldings>;
    /** the portfolio's name, for what the user is told (its id otherwise) */
    portfolioName?: string;
  },
): Promise<ShareSchedule> {
  const terms = context?.terms ?? (await loadDistributorTerms(q));
  const classBTerms = context?.classBTerms ?? (await loadClassBTerms(q));
  const distributor = context?.distributor ?? theDistributor(terms);
  if (distributor === null)
    return {
      portfolioId,
      distributor: 'Distributor',
      exclusiveThrough: null,
      computations: [],
      exclusiveOn: () => 'Distributor',
    };
  const stretches = distributorStretches(terms, portfolioId);
  const exclusiveOn = (date: string) => exclusiveHolderIn(stretches, distributor, date);
  const {
    exclusiveThrough: end,
    dates,
    terminations,
  } = computationDates(terms, portfolioId, distributor, through);
  if (dates.length === 0)
    return { portfolioId, distributor, exclusiveThrough: end, computations: [], exclusiveOn };
  const holdings =
    context?.holdings ??
    (await holdingsAt(q, new Map([[portfolioId, dates]]), classBTerms, terms, distributor)).get(portfolioId)!;
  const feed = await loadOmnibusMonths(q, portfolioId);

  // 2(c): Omnibus Free Shares start, on each termination date, all with the Distributor (they were
  // issued while it was exclusive — Exhibit A gives no rule for those issued in a predecessor's
  // term whose rights it does not hold), then move month by month by the A × (B/C) rules.
  const parties = new Map<string, OmnibusAttribution>();
  const partyNames = new Set<string>([distributor]);
  for (const t of terms) partyNames.add(rightsHolder(terms, t.distributor));
  const names = [distributor, ...[...partyNames].filter((n) => n !== distributor).sort()];
  /** Exhibit A 2(b)–(c): the Distributor and Other Distributors of this portfolio (their rights' holders) */
  const ownParties = new Set(
    [...distributorsOfPortfolio(terms, portfolioId)].map((d) => rightsHolder(terms, d)),
  );
  const computations: DistributorShareComputation[] = [];
  const warnings: string[] = [];
  // the terms of predecessors before the Distributor first was exclusive, whose rights it does not hold
  const firstOwn = stretches.find((x) => x.holder === distributor);
  const predecessors = stretches.filter(
    (x) =>
      x.holder !== null && x.holder !== distributor && (firstOwn === undefined || x.from < firstOwn.from),
  );
  let omnibusFreeAtTermination = 0n;
  let omnibusFreeIssuedByPredecessors = 0n;
  const omnibusFreeByDate = new Map<string, ReadonlyMap<string, ReadonlyMap<string, bigint>>>();
  for (const date of dates) {
    omnibusFreeAtTermination = 0n;
    omnibusFreeIssuedByPredecessors = 0n;
    const { omnibus: accounts, others } = holdings.get(date)!;
    const omnibusFree = new Map<string, Map<string, bigint>>();
    // 2(c)(i)–(ii): an Omnibus Account holding no shares of the portfolio at this date has none
    // attributed; should it hold some later, it starts from nothing, not from an older state.
    const holding = new Set(accounts.filter((a) => a.omnibus).map((a) => a.account));
    for (const account of [...parties.keys()]) if (!holding.has(account)) parties.delete(account);
    // ... and the sub-transfer agent's figures for it must say so too (the reconciliation below).
    if (!terminations.includes(date))
      for (const row of feed.values())
        if (row.month === monthOf(date) && !holding.has(row.account) && row.freeSharesOutstanding !== 0n)
          throw new Plan12bError(
            'BAD_INPUT',
            `Omnibus Account ${row.account}, ${context?.portfolioName ?? portfolioId}, ${row.month}: the sub-transfer agent reports ${formatShareUnits(row.freeSharesOutstanding)} Free Shares outstanding, the transfer agent's records ${formatShareUnits(0n)}`,
            'reconcile the two and import the corrected figures with `plan12b omnibus import --restate` before the month is closed',
          );
    for (const acct of accounts) {
      if (!acct.omnibus) continue;
      const commissionBy = names.map(() => 0n);
      let free = 0n;
      let omnibusFreeFromPredecessors = 0n;
      for (const lot of acct.lots) {
        if (lot.kind === 'free') {
          free += lot.shareUnits;
          // issued (reinvested) on a day of a predecessor's term: the case 2(c) has no rule for
          if (predecessors.some((x) => inStretch(x, lot.dateOfOriginalIssuance)))
            omnibusFreeFromPredecessors += lot.shareUnits;
          continue;
        }
        const term = distributorTermOn(terms, lot.issuingPortfolioId, lot.dateOfOriginalIssuance);
        const who = term === undefined ? distributor : rightsHolder(terms, term.distributor);
        commissionBy[names.indexOf(who)] = commissionBy[names.indexOf(who)]! + lot.shareUnits;
      }
      let state = parties.get(acct.account);
      if (terminations.includes(date)) {
        state = { commissionShares: commissionBy, freeShares: names.map((_, i) => (i === 0 ? free : 0n)) };
        omnibusFreeAtTermination += free;
        omnibusFreeIssuedByPredecessors += omnibusFreeFromPredecessors;
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
        if (!row) {
          // a month the data has not reached (its Class B fees only the net assets carried into it):
          // said as such, not as the first Omnibus figure missing
          const last = await lastRecordedMonth(q);
          if (last !== null && month > last) throw afterTheDataRefusal(month, last);
          throw new Plan12bError(
            'BAD_INPUT',
            `no sub-transfer agent figures for Omnibus Account ${acct.account}, ${context?.portfolioName ?? portfolioId}, ${month} (Exhibit A 2(c))`,
            'import them with `plan12b omnibus import FILE.csv`',
          );
        }
        if (row.freeSharesOutstanding !== free)
          throw new Plan12bError(
            'BAD_INPUT',
            `Omnibus Account ${acct.account}, ${context?.portfolioName ?? portfolioId}, ${month}: the sub-transfer agent reports ${formatShareUnits(row.freeSharesOutstanding)} Free Shares outstanding, the transfer agent's records ${formatShareUnits(free)}`,
            'reconcile the two and import the corrected figures with `plan12b omnibus import --restate` before the month is closed',
          );
        const current = names.findIndex((n) => {
          const t = distributorTermOn(terms, portfolioId, date);
          return t !== undefined && rightsHolder(terms, t.distributor) === n;
        });
        const result = attributeOmnibusFreeShares(state!, row, commissionBy, current < 0 ? 0 : current);
        state = { commissionShares: commissionBy, freeShares: result.freeShares };
      }
      parties.set(acct.account, state);
      // listed: the Distributor, the portfolio's own distributors, and whoever 2(c) gives shares —
      // not every distributor some term of another portfolio names (each listed at 0.00 before)
      const attributed = names.flatMap((n, i) =>
        i === 0 || state!.freeShares[i]! !== 0n || ownParties.has(n)
          ? [[n, state!.freeShares[i]!] as const]
          : [],
      );
      omnibusFree.set(acct.account, new Map(attributed));
    }
    // only when some of them were issued on a day of such a term (the transfer agent's records date
    // each Free Share): Free Shares all issued since say nothing to warn about
    if (omnibusFreeIssuedByPredecessors > 0n)
      warnings.push(
        `on ${date} the ${formatShareUnits(omnibusFreeAtTermination)} Free Shares in Omnibus Accounts start Exhibit A 2(c) all with ${distributor}; some may have been issued in the term of ${predecessors.map((x) => `${x.holder} (${x.from}–${x.to})`).join(', ')}, whose rights ${distributor} does not hold — 2(c) gives no rule for them`,
      );
    omnibusFreeByDate.set(date, omnibusFree);
    computations.push(
      addComputations(
        others,
        computeDistributorShare({
          portfolioId,
          date,
          distributor,
          terms,
          accounts,
          omnibusFreeShares: omnibusFree,
        }),
      ),
    );
  }
  return {
    portfolioId,
    distributor,
    exclusiveThrough: end,
    computations,
    exclusiveOn,
    warnings,
    omnibusFreeShares: omnibusFreeByDate,
  };
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
    /** the month's days on which one distributor took 100% with no computation (SPEC §7) */
    exclusive: { distributor: string; from: string; to: string }[];
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
  /** purchases dated in a gap between distributor terms (termGapWarnings.ts) */
  warnings: string[];
}> {
  const registry: Registry = await loadRegistry(q);
  // a month the data has not reached (after the last recorded, no Class B distribution fee in it)
  // has nothing to split: an empty answer saying so, as its Monthly Calculation (which lists only
  // the portfolios with Class B fees) — not a refusal naming the first Omnibus figure missing (65)
  const last = await lastRecordedMonth(q);
  if (
    last !== null &&
    month > last &&
    (await feesReport(q, { from: monthStart(month), to: monthEnd(month), class: 'B' }, { registry })).classes
      .length === 0
  )
    return { month, portfolios: [], warnings: [afterTheDataWarning(month, last)] };
  const terms = await loadDistributorTerms(q);
  const classBTerms = await loadClassBTerms(q);
  const pids = await portfoliosWithClassBActivity(q);
  const distributor = theDistributor(terms);
  const requests = new Map<string, string[]>();
  if (distributor !== null)
    for (const pid of pids) {
      const { dates } = computationDates(terms, pid, distributor, monthEnd(month));
      if (dates.length > 0) requests.set(pid, dates);
    }
  const holdings =
    distributor === null ? new Map() : await holdingsAt(q, requests, classBTerms, terms, distributor);
  const portfolios = [];
  const warnings: string[] = [];
  for (const pid of pids) {
    const schedule = await distributorShareSchedule(q, pid, monthEnd(month), {
      terms,
      classBTerms,
      holdings: holdings.get(pid),
      portfolioName: registry.identities.nameOn(pid, monthEnd(month)),
    });
    // the computation governing the month's first day (none while someone is exclusive), and those made in it
    const first = governingComputation(schedule, `${month}-01`);
    const relevant = schedule.computations.filter((c) => c === first || monthOf(c.date) === month);
    portfolios.push({
      portfolio: registry.identities.nameOn(pid, monthEnd(month)),
      distributor: schedule.distributor,
      exclusiveThrough: schedule.exclusiveThrough,
      exclusive: exclusiveRuns(schedule, month),
      computations: relevant.map((c) => ({
        date: c.date,
        // the percentage the Monthly Calculation applies: 100% split by the parties' shares (SPEC §7)
        sharePct: formatPctUnits(partyPctUnits(c.parties.map((p) => ({ shares: p.total })))[0]!),
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
    if (relevant.length > 0)
      for (const w of schedule.warnings ?? [])
        if (relevant.some((c) => w.startsWith(`on ${c.date} `)))
          warnings.push(`${portfolios.at(-1)!.portfolio}: ${w}`);
    if (relevant.length > 0)
      warnings.push(
        ...(await termGapWarnings(
          q,
          terms,
          pid,
          portfolios.at(-1)!.portfolio,
          schedule.distributor,
          monthEnd(month),
        )),
      );
  }
  return { month, portfolios, warnings };
}

/** What a month after the last one recorded is told: nothing to compute from, nothing to split. */
export function afterTheDataWarning(month: string, last: string): string {
  return `nothing is recorded after ${last} (net assets, Class B transactions, Omnibus figures): ${month} has no figures to compute the Distributor's 12b-1 Share from and no distribution fee to split; import the month's data first`;
}

/**
 * A month after the data whose Class B fees need an Exhibit A computation (its first days carry the
 * last net assets into it): nothing recorded to compute from — the month's records do not exist
 * yet (NOT_FOUND, 66), and the user imports them.
 */
function afterTheDataRefusal(month: string, last: string): Plan12bError {
  return new Plan12bError(
    'NOT_FOUND',
    `no net assets, Class B transactions or Omnibus figures are recorded for ${month} yet (the latest month with data is ${last}): the Distributor's 12b-1 Share of ${month} cannot be computed`,
    `import ${month}'s feeds first: \`plan12b net-assets import\`, \`plan12b transactions import\` and the sub-transfer agent's \`plan12b omnibus import\``,
  );
}

/** The days of the month on which one distributor took 100% with no Exhibit A computation, as runs. */
function exclusiveRuns(
  schedule: ShareSchedule,
  month: string,
): { distributor: string; from: string; to: string }[] {
  const out: { distributor: string; from: string; to: string }[] = [];
  for (let day = `${month}-01`; day <= monthEnd(month); day = addDays(day, 1)) {
    const who = schedule.exclusiveOn(day);
    const last = out.at(-1);
    if (who !== null && last !== undefined && last.distributor === who && last.to === addDays(day, -1))
      last.to = day;
    else if (who !== null) out.push({ distributor: who, from: day, to: day });
  }
  return out;
}
