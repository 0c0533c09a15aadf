import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { formatShareUnits } from '../class-b/shareUnits.js';
import { isOfVintage, type Vintage } from '../class-b/vintageSplit.js';
import { formatCents } from '../money/cents.js';
import { largestRemainder } from '../money/largestRemainder.js';
import { MICRO_PCT_PER_PCT, parseRateMicroPct } from '../money/rate.js';
import { formatPctPlaces, percentagesOfDollars } from './percentagesOfDollars.js';
import type { ServiceFeePart } from './serviceFeeParts.js';
import { appliesToPortfolio, doiInRange, inForceOn, type Transfer } from './transfer.js';

/**
 * Agreement EIGHTH(C): the Monthly Calculation, per portfolio and month — the Distributor's
 * Earned CDSC and 12b-1 Share of the Distribution Fees, and each Assignee's 12b-1 Portion and
 * CDSC Portion. Every split is by largest remainder over exact integer weights, so every part
 * adds up to its whole to the cent; ties go to the Distributor, then Other Distributors by name,
 * then Assignees by transfer id.
 */

/**
 * One Exhibit A computation: the shares allocated to each party, the Distributor first. `date`
 * null: the Distributor is still exclusive distributor (100%). A computation governs the days
 * after its date until the next one (Exhibit A; SPEC §7).
 */
export interface ShareComputationInput {
  /** the computation date (it governs the days after it); null: from the month's first day */
  readonly date: string | null;
  /** 100% to one party with no computation (SPEC §7: the Distributor while exclusive, or a predecessor) */
  readonly exclusive?: boolean;
  readonly parties: readonly {
    readonly distributor: string;
    readonly shares: bigint;
    /** EIGHTH(E): the party's shares in each vintage (adding up to `shares`; exhibitAByVintage.ts) */
    readonly sharesByVintage?: readonly bigint[];
  }[];
}

/**
 * SPEC §8: the Distributor's holdings counted at a computation date (the previous month end, the
 * term end E, a Transfer's effective date) for Transfers limited to a DOI range; the count governs
 * the days after its date until the next one.
 */
export interface DistributorCount {
  readonly date: string;
  /**
   * the Transfers whose effective date the count was made for: it governs only their days (SPEC §8:
   * a Transfer is counted at its own effective date, the term end E and every month end). Absent:
   * a month end or a term end, governing every Transfer's days.
   */
  readonly onlyFor?: readonly string[];
  /** all shares allocated to the Distributor (Exhibit A; all outstanding while it is exclusive) */
  readonly distributorShares: bigint;
  /** EIGHTH(E): the same by vintage (counted where the class's fee accrues by vintage) */
  readonly distributorSharesByVintage?: readonly bigint[];
  /**
   * the Distributor's Commission Shares by Date of Original Issuance (and, where counted from the
   * ledger, the portfolio that first issued them and how many lots hold them)
   */
  readonly commissionSharesByDoi: readonly {
    readonly doi: string;
    readonly shares: bigint;
    readonly issuingPortfolioId?: string;
    readonly lots?: number;
  }[];
}

/** One day's Distribution Fee; `vintageCents`: its parts by vintage where accrued so (EIGHTH(E)). */
export interface FeeDay {
  readonly date: string;
  readonly cents: bigint;
  readonly vintageCents?: readonly bigint[];
}

export interface MonthlyCalculationInput {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly month: string;
  readonly distributor: string;
  /** the class's Distribution Fee of each day of the month, all distributors (SEVENTH(B)) */
  readonly distributionFeeDaily: readonly FeeDay[];
  /**
   * Agreement EIGHTH(E): the vintages of a class whose Distribution Fee accrued by vintage in the
   * month (absent: none; the fee is split by all shares)
   */
  readonly vintages?: readonly Vintage[];
  /** the month's Distribution Fees as the accrual reports them, checked against the days */
  readonly distributionFeeCents: bigint;
  /** the Exhibit A computations that govern days of the month, in date order (a null date first) */
  readonly shareComputations: readonly ShareComputationInput[];
  /** counts for DOI-range Transfers, in date order; the latest before a day governs it */
  readonly distributorCounts: readonly DistributorCount[];
  /** the Distributor's Earned CDSC, piece by piece (FOURTH(D)) */
  readonly earnedCdsc: readonly {
    readonly date: string;
    readonly doi: string;
    readonly cents: bigint;
    /** where read from the ledger: the redemption, the lot and the portfolio that first issued it */
    readonly txnId?: string;
    readonly lotId?: string;
    readonly issuingPortfolioId?: string;
  }[];
  /**
   * FINRA 2341(d)(2) (PLAN12B_FINRA_CAP_STOP=stop): of the Distributor's CDSC pieces of the month,
   * the whole collected from redemption proceeds and the part credited to the fund because the cap
   * was used up (each summed on its own from the pieces and the cap ledger); absent when none is
   * credited. The Earned CDSC above is what is left of each piece.
   */
  readonly cdscToFund?: { readonly collectedCents: bigint; readonly creditedToFundCents: bigint };
  /**
   * SPEC §6: the CDSC of pieces whose DOI falls in an Other Distributor's term — collected by the
   * Fund from redemption proceeds and owed to that Other Distributor (its own agreement's FOURTH(D)
   * counterpart, DOMAIN §5.2), less the part credited to the fund after the class's FINRA 2341 cap
   * was used up; per Other Distributor, each summed on its own from the pieces and the cap ledger.
   * Not the Distributor's Earned CDSC: no Assignee has a part of it (EIGHTH). Absent: none.
   */
  readonly otherDistributorsCdsc?: readonly {
    readonly distributor: string;
    readonly collectedCents: bigint;
    readonly creditedToFundCents: bigint;
  }[];
  readonly serviceFeeCents: bigint;
  /**
   * Agreement TENTH: the service fee by the distributor serving each day (serviceFeeParts.ts),
   * adding up to `serviceFeeCents`; absent: all the Distributor's
   */
  readonly serviceFeeParts?: readonly ServiceFeePart[];
  readonly dueDate: string;
}

/**
 * A party's part under one computation: the sum of its daily parts, and its percentage of the
 * days' fee — to 0.0001%, or to more places where four do not reproduce the dollars (SPEC §7).
 */
export interface PartyShare {
  readonly distributor: string;
  readonly sharePct: string;
  readonly twelveB1Share: string;
}

/** The days of the month one Exhibit A computation governed (SPEC §7, last bullet). */
export interface GoverningComputation {
  /** the computation date; null: the Distributor was exclusive distributor */
  readonly computedOn: string | null;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  /** the Distribution Fees of those days */
  readonly distributionFee: string;
  /** the Distributor first, then the Other Distributors by name; percentages add up to 100 */
  readonly parties: readonly PartyShare[];
  /**
   * Agreement EIGHTH(E), where the fee accrued by vintage: each vintage's fee of those days split
   * by the parties' shares in that vintage (the parties' dollars above are their sums)
   */
  readonly vintages?: readonly GoverningVintage[];
}

export interface GoverningVintage {
  readonly issuedFrom: string | null;
  readonly issuedBefore: string | null;
  readonly distributionFee: string;
  readonly parties: readonly (PartyShare & { readonly shares?: string })[];
}

export interface AssigneeLine {
  readonly transferId: string;
  readonly assignee: string;
  readonly address: string;
  readonly twelveB1Portion: string;
  readonly cdscPortion: string;
  /** who the Fund pays it to */
  readonly payTo: string;
  /** paid to the Distributor before the notice of Transfer: the Distributor owes it on to the Assignee */
  readonly owedOnToAssignee: string;
  readonly note: string | null;
}

/** What the Fund pays one payee for the month, on the due date (SPEC §12: the journal follows it). */
export interface Payee {
  readonly payee: string;
  readonly role: 'Distributor' | 'Other Distributor' | 'Assignee' | 'Depository';
  readonly twelveB1: string;
  readonly cdsc: string;
  /** of which owed on to Assignees whose notice of Transfer the Fund had not received */
  readonly owedOn: string;
  readonly total: string;
  readonly dueDate: string;
}

export interface MonthlyCalculation {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly month: string;
  readonly dueDate: string;
  readonly distributor: string;
  readonly distributionFee: string;
  readonly computations: readonly GoverningComputation[];
  readonly distributor12b1Share: string;
  /** each Other Distributor's 12b-1 share, one by one (Exhibit A) */
  readonly otherDistributors: readonly { readonly distributor: string; readonly twelveB1Share: string }[];
  readonly earnedCdsc: string;
  /**
   * FINRA 2341(d)(2): present only when part of the month's CDSC is credited to the fund (the cap
   * was used up, PLAN12B_FINRA_CAP_STOP=stop): the CDSC collected from redemption proceeds, and
   * the part of it credited to the fund; `earnedCdsc` is the rest. (Absent, as in a month sealed
   * before the fields existed: all collected is earned.)
   */
  readonly cdscCollected?: string;
  readonly cdscCreditedToFund?: string;
  /**
   * SPEC §6: the CDSC of the month's pieces issued in an Other Distributor's term, per Other
   * Distributor: collected, credited to the fund after the FINRA 2341 cap was used up (FINRA
   * 2341(d)(2)), and `cdsc` owed to it (collected − credited). Outside the Earned CDSC and the
   * payees (no Assignee shares it); the journal books and pays it. Present only when there is one.
   */
  readonly otherDistributorsCdsc?: readonly {
    readonly distributor: string;
    readonly cdscCollected: string;
    readonly cdscCreditedToFund: string;
    readonly cdsc: string;
  }[];
  readonly assignees: readonly AssigneeLine[];
  readonly distributor12b1Portion: string;
  readonly distributorEarnedCdscPortion: string;
  /**
   * whom the Fund pays the Distributor's own portions (and what it owes on): the Distributor, or
   * the depository a Transfer directs all of its 12b-1 Share and Earned CDSC to (EIGHTH(D))
   */
  readonly distributorPayTo: string;
  readonly serviceFee: string;
  /**
   * Agreement TENTH (not surviving a termination, FIFTEENTH(B)): the service fee by the distributor
   * serving its days — the Distributor through E, the Other Distributor after; never an Assignee's
   */
  readonly serviceFees?: readonly {
    readonly distributor: string;
    readonly role: 'Distributor' | 'Other Distributor';
    readonly from: string;
    readonly to: string;
    readonly days: number;
    readonly serviceFee: string;
  }[];
  readonly payees: readonly Payee[];
}

const WHOLE = 100n * MICRO_PCT_PER_PCT;
/** percentages are shown and applied in 1/10,000 of a percent */
const PCT_UNITS = 1_000_000n;

function sum(xs: Iterable<bigint>): bigint {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The share as a percent string with four decimals, half-up. */
export function sharePct(numerator: bigint, denominator: bigint): string {
  if (denominator === 0n) return '100.0000';
  const tenThousandths = (numerator * 1_000_000n * 2n + denominator) / (2n * denominator);
  return formatPctUnits(tenThousandths);
}

/** 1/10,000ths of a percent as a percent string: 721190n → "72.1190". */
export function formatPctUnits(units: bigint): string {
  return formatPctPlaces(units, 4);
}

/**
 * Exhibit A: "the Distributor's 12b-1 Share … shall mean a percentage". Each party's percentage,
 * to 0.0001%, is 100% split by its allocated shares (largest remainder, SPEC §3), so the
 * percentages shown add up to 100; with no shares outstanding the Distributor keeps 100%.
 */
export function partyPctUnits(parties: readonly { readonly shares: bigint }[]): bigint[] {
  if (sum(parties.map((p) => p.shares)) === 0n) return parties.map((_, i) => (i === 0 ? PCT_UNITS : 0n));
  return largestRemainder(
    PCT_UNITS,
    parties.map((p) => p.shares),
  );
}

/**
 * The Distributor's percentage under each computation that governed days of the month, for a
 * one-line display (SPEC §7: a month two computations govern shows each with its days, its
 * percentage and its dollars): "100.0000", or "100.0000 of 1450.00 = 1450.00 (2006-01-01–2006-01-14,
 * 14 days); 72.1190 of 1650.00 = 1189.96 (2006-01-15–2006-01-31, 17 days)".
 */
export function distributorSharePcts(mc: Pick<MonthlyCalculation, 'computations'>): string {
  // no Distribution Fee in the month (the Plan ended, FIFTEENTH(B)): 0% of 0.00
  if (mc.computations.length === 0) return formatPctUnits(0n);
  if (mc.computations.length === 1) return mc.computations[0]!.parties[0]!.sharePct;
  return mc.computations
    .map(
      (c) =>
        `${c.parties[0]!.sharePct} of ${c.distributionFee} = ${c.parties[0]!.twelveB1Share} (${c.from}–${c.to}, ${c.days} day${c.days === 1 ? '' : 's'})`,
    )
    .join('; ');
}

/**
 * SPEC §7: each day's fee split among the parties by their allocated shares (largest remainder,
 * ties to the party listed first, SPEC §3), summed per party over the days. With no shares
 * outstanding the first party (the Distributor) keeps the whole.
 */
export function dailySplitTotals(dayCents: readonly bigint[], shares: readonly bigint[]): bigint[] {
  const totals = shares.map(() => 0n);
  for (const parts of dailySplits(dayCents, shares))
    for (let i = 0; i < parts.length; i++) totals[i] = totals[i]! + parts[i]!;
  return totals;
}

/** {@link dailySplitTotals} day by day: each day's parts, the parties in order. */
export function dailySplits(dayCents: readonly bigint[], shares: readonly bigint[]): bigint[][] {
  const none = sum(shares) === 0n;
  return dayCents.map((cents) => {
    if (cents === 0n) return shares.map(() => 0n);
    if (none) return shares.map((_, i) => (i === 0 ? cents : 0n));
    return largestRemainder(cents, shares);
  });
}

/** Splits `total` among the Distributor (first) and each Assignee by exact weights. */
function split(total: bigint, distributorWeight: bigint, assigneeWeights: readonly bigint[]): bigint[] {
  if (total === 0n) return [0n, ...assigneeWeights.map(() => 0n)];
  const weights = [distributorWeight, ...assigneeWeights];
  if (sum(weights) === 0n) return [total, ...assigneeWeights.map(() => 0n)];
  return largestRemainder(total, weights);
}

/**
 * SPEC §8: the count governing a DOI-range Transfer on `day` — the latest before it among the
 * month ends, the term ends and the Transfer's own effective date (another Transfer's effective
 * date is no computation date of this one).
 */
export function governingCount(
  counts: readonly DistributorCount[],
  transferId: string,
  day: string,
): DistributorCount | undefined {
  let found: DistributorCount | undefined;
  for (const c of counts)
    if (c.date < day && (c.onlyFor === undefined || c.onlyFor.includes(transferId))) found = c;
  return found;
}

function latestBefore<T extends { readonly date: string | null }>(
  xs: readonly T[],
  day: string,
): T | undefined {
  let found: T | undefined;
  for (const x of xs) if (x.date === null || x.date < day) found = x;
  return found;
}

/**
 * How one Exhibit A computation's days were split among the Transfers (SPEC §8): the
 * Distributor's 12b-1 Share of those days, the exact weights (day's fee × portion × DOI-range
 * fraction, over the common denominator `scale`), and each part — for an Assignee's statement.
 */
export interface SegmentSplit {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly distributionFeeCents: bigint;
  readonly distributor12b1ShareCents: bigint;
  /** the Distributor's 12b-1 Share of the days × 100% × L: the whole the weights are parts of */
  readonly scale: bigint;
  readonly distributorWeight: bigint;
  readonly distributorPortionCents: bigint;
  /** by transfer id */
  readonly transfers: ReadonlyMap<string, { readonly weight: bigint; readonly cents: bigint }>;
}

/** The Monthly Calculation with the splits behind its 12b-1 Portions (the Transfers in id order). */
export interface MonthlyCalculationDetail {
  readonly calculation: MonthlyCalculation;
  readonly segments: readonly SegmentSplit[];
  /** the common multiple of the counts' denominators that DOI-range weights are put over */
  readonly countDenominator: bigint;
}

export function monthlyCalculation(
  input: MonthlyCalculationInput,
  allTransfers: readonly Transfer[],
): MonthlyCalculation {
  return monthlyCalculationDetail(input, allTransfers).calculation;
}

export function monthlyCalculationDetail(
  input: MonthlyCalculationInput,
  allTransfers: readonly Transfer[],
): MonthlyCalculationDetail {
  const { distributor } = input;
  const transfers = allTransfers
    .filter((t) => appliesToPortfolio(t, input.portfolioId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const days = [...input.distributionFeeDaily].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  for (const d of days)
    if (d.date < monthStart(input.month) || d.date > monthEnd(input.month))
      throw new RangeError(`${input.portfolio}: a Distribution Fee of ${d.date} is not in ${input.month}`);
  // SPEC §12, checked independently: the days' fees add up to the month's fee the accrual reports.
  if (sum(days.map((d) => d.cents)) !== input.distributionFeeCents)
    throw new Error(
      `${input.portfolio} ${input.month}: the daily Distribution Fees add up to ${formatCents(sum(days.map((d) => d.cents)))}, the month's to ${formatCents(input.distributionFeeCents)}`,
    );
  const exclusive: ShareComputationInput = { date: null, parties: [{ distributor, shares: 1n }] };
  const computations = input.shareComputations.length > 0 ? input.shareComputations : [exclusive];
  for (const c of computations)
    if (c.parties[0]?.distributor !== distributor)
      throw new RangeError(
        `${input.portfolio}: a computation must list the Distributor ${distributor} first`,
      );

  // EIGHTH(E): with the class's fee accrued by vintage, each vintage's part of a day is split by the
  // parties' shares in that vintage; otherwise (K = 1) the day's fee by their shares, as before.
  const vintages = input.vintages ?? [];
  const K = Math.max(vintages.length, 1);
  /** a day's fee by vintage: as accrued; a day not accrued by vintage (before the first reduction) all in the first */
  const dayVintages = (d: FeeDay): readonly bigint[] => {
    if (vintages.length === 0) return [d.cents];
    if (d.vintageCents === undefined) return vintages.map((_, k) => (k === 0 ? d.cents : 0n));
    if (d.vintageCents.length !== K || sum(d.vintageCents) !== d.cents)
      throw new Error(`${input.portfolio} ${d.date}: the vintages' fees do not add up to the day's`);
    return d.vintageCents;
  };
  /** the parties' shares weighing vintage k under c: in that vintage, or (none there) all their shares */
  const vintageWeights = (c: ShareComputationInput, k: number): bigint[] => {
    if (vintages.length > 0 && c.parties.every((p) => p.sharesByVintage !== undefined)) {
      const w = c.parties.map((p) => p.sharesByVintage![k]!);
      if (sum(w) > 0n) return w;
    }
    return c.parties.map((p) => p.shares);
  };
  /** one day's parts: by vintage, then each party's */
  const splitDay = (d: FeeDay, c: ShareComputationInput): bigint[][] =>
    dayVintages(d).map((cents, k) => dailySplits([cents], vintageWeights(c, k))[0]!);

  // Exhibit A, SPEC §7: the days each computation governed; each day's Distribution Fee is split by
  // the share in force that day (the parties' allocated shares, exact: §3 largest remainder), and
  // a party's dollars under a computation are the sum of its daily parts.
  type Segment = { c: ShareComputationInput; days: FeeDay[] };
  const segments: Segment[] = [];
  for (const d of days) {
    const c = latestBefore(computations, d.date) ?? exclusive;
    const last = segments.at(-1);
    if (last && last.c === c) last.days.push(d);
    else segments.push({ c, days: [d] });
  }
  const partyTotals = new Map<string, bigint>();
  const governing: GoverningComputation[] = [];
  const distributorBySegment: bigint[] = [];
  /** the Distributor's part of each day of each segment by vintage (SPEC §7: its 12b-1 Share of the day) */
  const distributorDaysBySegment: bigint[][][] = [];
  for (const s of segments) {
    const fee = sum(s.days.map((d) => d.cents));
    const daily = s.days.map((d) => splitDay(d, s.c));
    const n = s.c.parties.length;
    // by vintage: the days' fees and each party's dollars
    const feeK = Array.from({ length: K }, (_, k) => sum(daily.map((v) => sum(v[k]!))));
    const amountsK = Array.from({ length: K }, (_, k) =>
      Array.from({ length: n }, (_, i) => sum(daily.map((v) => v[k]![i]!))),
    );
    const amounts = Array.from({ length: n }, (_, i) => sum(amountsK.map((a) => a[i]!)));
    distributorDaysBySegment.push(daily.map((v) => v.map((parts) => parts[0]!)));
    // SPEC §7: the percentage shown reproduces the dollars beside it (no fee: the share itself)
    const pcts = percentagesOfDollars(amounts, fee) ?? partyPctUnits(s.c.parties).map(formatPctUnits);
    s.c.parties.forEach((p, i) => {
      partyTotals.set(p.distributor, (partyTotals.get(p.distributor) ?? 0n) + amounts[i]!);
    });
    // checked independently: the sum of the daily parts of each vintage is within a cent a day of
    // the days' fee of that vintage × the exact share (each day's part is within a cent of its exact part)
    for (let k = 0; k < K; k++) {
      const w = vintageWeights(s.c, k);
      const all = sum(w);
      if (all === 0n) continue;
      w.forEach((shares, i) => {
        const diff = amountsK[k]![i]! * all - feeK[k]! * shares;
        if ((diff < 0n ? -diff : diff) > BigInt(s.days.length) * all)
          throw new Error(
            `${input.portfolio}: ${s.c.parties[i]!.distributor}'s dollars do not follow its share`,
          );
      });
    }
    distributorBySegment.push(amounts[0]!);
    governing.push({
      computedOn: s.c.exclusive === true ? null : s.c.date,
      from: s.days[0]!.date,
      to: s.days.at(-1)!.date,
      days: s.days.length,
      distributionFee: formatCents(fee),
      parties: s.c.parties.map((p, i) => ({
        distributor: p.distributor,
        sharePct: pcts[i]!,
        twelveB1Share: formatCents(amounts[i]!),
      })),
      ...(vintages.length === 0
        ? {}
        : {
            vintages: vintages.map((v, k) => {
              const w = vintageWeights(s.c, k);
              const shown =
                percentagesOfDollars(amountsK[k]!, feeK[k]!) ??
                partyPctUnits(w.map((shares) => ({ shares }))).map(formatPctUnits);
              return {
                issuedFrom: v.issuedFrom,
                issuedBefore: v.issuedBefore,
                distributionFee: formatCents(feeK[k]!),
                parties: s.c.parties.map((p, i) => ({
                  distributor: p.distributor,
                  ...(p.sharesByVintage === undefined
                    ? {}
                    : { shares: formatShareUnits(p.sharesByVintage[k]!) }),
                  sharePct: shown[i]!,
                  twelveB1Share: formatCents(amountsK[k]![i]!),
                })),
              };
            }),
          }),
    });
  }
  const distributorShareCents = partyTotals.get(distributor) ?? 0n;
  const otherDistributors = [...partyTotals.entries()]
    .filter(([d]) => d !== distributor)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([d, cents]) => ({ distributor: d, cents }));

  // 12b-1 Portions. On each day an Assignee in force holds pct × (its DOI range's fraction of the
  // Distributor's shares, by the count governing that day — SPEC §8) of the Distributor's 12b-1
  // Share. Fractions over counts with different denominators are put over their common multiple L.
  // EIGHTH(E): by vintage — its range's fraction of the Distributor's shares in each vintage, of the
  // Distributor's part of that vintage's fee.
  const ranged = (t: Transfer) => t.doiFrom !== null || t.doiTo !== null;
  const counts = input.distributorCounts;
  let L = 1n;
  const lcmWith = (x: bigint) => {
    if (x > 0n) L = (L / gcd(L, x)) * x;
  };
  for (const c of counts) {
    lcmWith(c.distributorShares);
    if (vintages.length > 0) for (const x of c.distributorSharesByVintage ?? []) lcmWith(x);
  }
  const rangeWeight = (t: Transfer, day: string, k: number): bigint => {
    if (!ranged(t)) return L;
    const count = governingCount(counts, t.id, day);
    if (count === undefined)
      throw new Error(
        `${input.portfolio} ${day}: Transfer ${t.id} is limited to a DOI range but no count of the Distributor's shares governs the day`,
      );
    const inRange = count.commissionSharesByDoi.filter((x) => doiInRange(t, x.doi));
    const ofVintage = vintages.length > 0 ? count.distributorSharesByVintage?.[k] : undefined;
    if (ofVintage !== undefined && ofVintage > 0n)
      return (
        sum(inRange.filter((x) => isOfVintage(vintages[k]!, x.doi)).map((x) => x.shares)) * (L / ofVintage)
      );
    if (count.distributorShares === 0n) return 0n;
    return sum(inRange.map((x) => x.shares)) * (L / count.distributorShares);
  };
  const assignee12b1 = transfers.map(() => 0n);
  let distributor12b1Portion = 0n;
  const segmentSplits: SegmentSplit[] = [];
  segments.forEach((s, si) => {
    // SPEC §7–§8, EIGHTH(A): a Transfer in force on a day holds its portion of the Distributor's
    // 12b-1 Share of that day — the Distributor's part of the day's fee, in cents — so the weights
    // are the Distributor's daily parts (not the days' fees: the daily splits round the Distributor's
    // part differently from day to day, and a Transfer starting, ending or re-counted within the
    // segment must have the Distributor's dollars of its own days). The weights add up to the
    // segment's dollars × 100% × L, which the largest-remainder split then divides.
    const weights = transfers.map(() => 0n);
    let distributorWeight = 0n;
    const dayParts = distributorDaysBySegment[si]!;
    s.days.forEach((day, j) => {
      dayParts[j]!.forEach((part, k) => {
        let assigned = 0n;
        transfers.forEach((t, i) => {
          if (t.twelveB1PortionPct === null || !inForceOn(t, day.date)) return;
          const w = parseRateMicroPct(t.twelveB1PortionPct) * rangeWeight(t, day.date, k);
          assigned += w;
          weights[i] = weights[i]! + part * w;
        });
        if (assigned > WHOLE * L)
          throw new Error(
            `${input.portfolio} ${day.date}: Transfers assign more than all of the Distributor's 12b-1 Share`,
          );
        distributorWeight += part * (WHOLE * L - assigned);
      });
    });
    const [mine, ...theirs] = split(distributorBySegment[si]!, distributorWeight, weights);
    distributor12b1Portion += mine!;
    theirs.forEach((c, i) => {
      assignee12b1[i] = assignee12b1[i]! + c;
    });
    const fee = sum(s.days.map((d) => d.cents));
    segmentSplits.push({
      from: s.days[0]!.date,
      to: s.days.at(-1)!.date,
      days: s.days.length,
      distributionFeeCents: fee,
      distributor12b1ShareCents: distributorBySegment[si]!,
      scale: distributorBySegment[si]! * WHOLE * L,
      distributorWeight,
      distributorPortionCents: mine!,
      transfers: new Map(transfers.map((t, i) => [t.id, { weight: weights[i]!, cents: theirs[i]! }])),
    });
  });

  // CDSC Portions: each piece of Earned CDSC is shared by the Transfers whose DOI range holds it.
  const earnedCdscCents = sum(input.earnedCdsc.map((p) => p.cents));
  const assigneeCdscWeights = transfers.map(() => 0n);
  let distributorCdscWeight = 0n;
  for (const piece of input.earnedCdsc) {
    let assigned = 0n;
    transfers.forEach((t, i) => {
      if (t.cdscPortionPct === null || !inForceOn(t, piece.date) || !doiInRange(t, piece.doi)) return;
      const w = parseRateMicroPct(t.cdscPortionPct);
      assigned += w;
      assigneeCdscWeights[i] = assigneeCdscWeights[i]! + piece.cents * w;
    });
    if (assigned > WHOLE)
      throw new Error(`${input.portfolio} ${piece.date}: Transfers assign more than all of the Earned CDSC`);
    distributorCdscWeight += piece.cents * (WHOLE - assigned);
  }
  const [distributorCdscPortion, ...assigneeCdsc] = split(
    earnedCdscCents,
    distributorCdscWeight,
    assigneeCdscWeights,
  );

  // EIGHTH(B)–(C), SPEC §8: the portions are owed from the effective date; the Fund pays the
  // Assignee directly only once it has the notice of Transfer by the payment date — else it pays
  // the Distributor, who owes the amount on to the Assignee.
  const assignees: AssigneeLine[] = [];
  const payees = new Map<string, { role: Payee['role']; twelveB1: bigint; cdsc: bigint; owedOn: bigint }>();
  const pay = (payee: string, role: Payee['role'], twelveB1: bigint, cdsc: bigint, owedOn = 0n) => {
    const p = payees.get(payee) ?? { role, twelveB1: 0n, cdsc: 0n, owedOn: 0n };
    p.twelveB1 += twelveB1;
    p.cdsc += cdsc;
    p.owedOn += owedOn;
    payees.set(payee, p);
  };
  // not yet in force, or ended before the month: no line
  const hasLine = (t: Transfer) =>
    !(t.effectiveDate > monthEnd(input.month) || (t.endsOn != null && t.endsOn <= monthStart(input.month)));
  const depositoryName = (t: Transfer) => `${t.depositoryAgent} (depository for ${t.assignee})`;
  // EIGHTH(D): a Transfer paid through a depository or collection agent directs the Fund to pay it
  // "all of such Distributor's 12b-1 Share … and Distributor's Earned CDSC"; the agent divides them
  // and distributes the balance to the Distributor. So what the Fund would pay the Distributor —
  // its own portions and any portion it owes on — goes to the (first, by id) depository in force;
  // Assignees whose notices direct direct payment (EIGHTH(C)) are still paid directly.
  const depository = transfers.find((t) => t.payment === 'depository' && hasLine(t));
  const distributorPayTo = depository === undefined ? distributor : depositoryName(depository);
  const distributorRole: Payee['role'] = depository === undefined ? 'Distributor' : 'Depository';
  if (distributor12b1Portion + distributorCdscPortion! !== 0n || depository === undefined)
    pay(distributorPayTo, distributorRole, distributor12b1Portion, distributorCdscPortion!);
  for (const o of otherDistributors) pay(o.distributor, 'Other Distributor', o.cents, 0n);
  transfers.forEach((t, i) => {
    const twelveB1 = assignee12b1[i]!;
    const cdsc = assigneeCdsc[i]!;
    if (!hasLine(t)) return;
    let payTo = t.assignee;
    let note: string | null = null;
    let owedOn = 0n;
    if (t.payment === 'depository') {
      payTo = depositoryName(t);
      note =
        t === depository
          ? "EIGHTH(D): paid to the depository or collection agent designated by the Assignee, with the rest of the Distributor's 12b-1 Share and Earned CDSC, which it divides (the balance is the Distributor's)"
          : 'EIGHTH(D): paid to the depository or collection agent designated by the Assignee';
      pay(payTo, 'Depository', twelveB1, cdsc);
    } else if (t.noticeReceivedDate === null || t.noticeReceivedDate > input.dueDate) {
      payTo = distributorPayTo;
      owedOn = twelveB1 + cdsc;
      const when =
        t.noticeReceivedDate === null
          ? 'not received by the payment date'
          : `received only on ${t.noticeReceivedDate}, after the payment date ${input.dueDate}`;
      note = `EIGHTH(B)–(C): notice of Transfer ${when}; the Fund pays ${depository === undefined ? 'the Distributor, which owes' : `the Distributor's share to ${distributorPayTo} (EIGHTH(D)), and the Distributor owes`} ${formatCents(owedOn)} on to ${t.assignee}`;
      pay(distributorPayTo, distributorRole, twelveB1, cdsc, owedOn);
    } else pay(t.assignee, 'Assignee', twelveB1, cdsc);
    assignees.push({
      transferId: t.id,
      assignee: t.assignee,
      address: t.address,
      twelveB1Portion: formatCents(twelveB1),
      cdscPortion: formatCents(cdsc),
      payTo,
      owedOnToAssignee: formatCents(owedOn),
      note,
    });
  });

  // SPEC §12, by independent computations: the parties' 12b-1 shares recounted day by day at the
  // exact share in force (each day's part is within a cent of its exact part, so the month within a
  // cent per day — per vintage: EIGHTH(E)); and the Assignees' 12b-1 Portions against the exact
  // fractions of the Distributor's share. Shares over computations with different totals are put
  // over their common multiple.
  let shareScale = 1n;
  for (const c of computations)
    for (let k = 0; k < K; k++) {
      const all = sum(vintageWeights(c, k));
      if (all > 0n) shareScale = (shareScale / gcd(shareScale, all)) * all;
    }
  /** party i's exact fraction of vintage k of a day under computation c, over shareScale */
  const exactPart = (c: ShareComputationInput, i: number, k: number): bigint => {
    const w = vintageWeights(c, k);
    const all = sum(w);
    if (all === 0n) return i === 0 ? shareScale : 0n;
    return w[i]! * (shareScale / all);
  };
  const partyDayExact = new Map<string, bigint>(); // in 1/shareScale of a cent
  for (const d of days) {
    const c = latestBefore(computations, d.date) ?? exclusive;
    const byVintage = dayVintages(d);
    c.parties.forEach((p, i) => {
      let exact = 0n;
      byVintage.forEach((cents, k) => {
        exact += cents * exactPart(c, i, k);
      });
      partyDayExact.set(p.distributor, (partyDayExact.get(p.distributor) ?? 0n) + exact);
    });
  }
  let partySum = 0n;
  for (const [who, cents] of partyTotals) {
    partySum += cents;
    const diff = cents * shareScale - (partyDayExact.get(who) ?? 0n);
    if ((diff < 0n ? -diff : diff) > shareScale * BigInt(days.length * K))
      throw new Error(`${input.portfolio}: ${who}'s 12b-1 share is not its share of the days it governed`);
  }
  if (partySum !== input.distributionFeeCents)
    throw new Error(
      `${input.portfolio}: the distributors' 12b-1 shares do not add up to the Distribution Fees`,
    );
  // Each Assignee's 12b-1 Portion against its exact part recounted day by day (the day's fee ×
  // the Distributor's share × the Transfer's percentage × its DOI fraction): the daily splits round
  // the Distributor's share (< 1 cent a day and vintage), and each segment's split the portion (< 1 cent).
  const exactScale = shareScale * WHOLE * L;
  transfers.forEach((t, i) => {
    if (t.twelveB1PortionPct === null) return;
    let exact = 0n;
    for (const d of days) {
      if (!inForceOn(t, d.date)) continue;
      const c = latestBefore(computations, d.date) ?? exclusive;
      dayVintages(d).forEach((cents, k) => {
        exact +=
          cents * exactPart(c, 0, k) * parseRateMicroPct(t.twelveB1PortionPct!) * rangeWeight(t, d.date, k);
      });
    }
    const diff = assignee12b1[i]! * exactScale - exact;
    // (a month without fee days — the Plan ended, FIFTEENTH(B) — has no portion: exactly 0)
    if (
      diff !== 0n &&
      (diff < 0n ? -diff : diff) >= (BigInt(days.length * K) + 2n * BigInt(segments.length)) * exactScale
    )
      throw new Error(
        `${input.portfolio}: Transfer ${t.id}'s 12b-1 Portion is not its part of the Distributor's share`,
      );
  });
  // Each CDSC Portion within a cent of the exact sum of its pieces' parts.
  transfers.forEach((t, i) => {
    if (t.cdscPortionPct === null) return;
    const rate = parseRateMicroPct(t.cdscPortionPct);
    const exact = sum(
      input.earnedCdsc.filter((p) => inForceOn(t, p.date) && doiInRange(t, p.doi)).map((p) => p.cents * rate),
    );
    const diff = assigneeCdsc[i]! * WHOLE - exact;
    if ((diff < 0n ? -diff : diff) >= WHOLE)
      throw new Error(
        `${input.portfolio}: Transfer ${t.id}'s CDSC Portion is not its part of the Earned CDSC`,
      );
  });
  // SPEC §12: the service fee's parts add up to the month's service fee
  if (
    input.serviceFeeParts !== undefined &&
    sum(input.serviceFeeParts.map((p) => p.cents)) !== input.serviceFeeCents
  )
    throw new Error(`${input.portfolio}: the service fee's parts do not add up to the month's service fee`);
  const paid = [...payees.values()].reduce((s, p) => s + p.twelveB1 + p.cdsc, 0n);
  if (paid !== input.distributionFeeCents + earnedCdscCents)
    throw new Error(`${input.portfolio}: the payees are not paid the Distribution Fees and the Earned CDSC`);
  // FINRA 2341(d)(2), standing rule 2: the CDSC collected = the Earned CDSC + what is credited to the fund
  const toFund = input.cdscToFund;
  if (toFund !== undefined && toFund.collectedCents !== earnedCdscCents + toFund.creditedToFundCents)
    throw new Error(
      `${input.portfolio}: the CDSC collected (${formatCents(toFund.collectedCents)}) is not the Earned CDSC (${formatCents(earnedCdscCents)}) plus the CDSC credited to the fund (${formatCents(toFund.creditedToFundCents)})`,
    );
  // SPEC §6 with FINRA 2341(d)(2): each Other Distributor's CDSC collected = owed to it + credited
  // to the fund, neither part negative
  const others = (input.otherDistributorsCdsc ?? []).map((o) => {
    if (o.creditedToFundCents < 0n || o.creditedToFundCents > o.collectedCents)
      throw new Error(
        `${input.portfolio}: ${o.distributor}'s CDSC credited to the fund (${formatCents(o.creditedToFundCents)}) is not within what was collected (${formatCents(o.collectedCents)})`,
      );
    return {
      distributor: o.distributor,
      cdscCollected: formatCents(o.collectedCents),
      cdscCreditedToFund: formatCents(o.creditedToFundCents),
      cdsc: formatCents(o.collectedCents - o.creditedToFundCents),
    };
  });
  if (
    new Set(others.map((o) => o.distributor)).size !== others.length ||
    others.some((o) => o.distributor === distributor)
  )
    throw new Error(
      `${input.portfolio}: the Other Distributors' CDSC names a party twice, or the Distributor`,
    );

  const calculation: MonthlyCalculation = {
    portfolioId: input.portfolioId,
    portfolio: input.portfolio,
    month: input.month,
    dueDate: input.dueDate,
    distributor,
    distributionFee: formatCents(input.distributionFeeCents),
    computations: governing,
    distributor12b1Share: formatCents(distributorShareCents),
    otherDistributors: otherDistributors.map((o) => ({
      distributor: o.distributor,
      twelveB1Share: formatCents(o.cents),
    })),
    earnedCdsc: formatCents(earnedCdscCents),
    ...(toFund === undefined || toFund.creditedToFundCents === 0n
      ? {}
      : {
          cdscCollected: formatCents(toFund.collectedCents),
          cdscCreditedToFund: formatCents(toFund.creditedToFundCents),
        }),
    ...(others.length === 0 ? {} : { otherDistributorsCdsc: others }),
    assignees,
    distributor12b1Portion: formatCents(distributor12b1Portion),
    distributorEarnedCdscPortion: formatCents(distributorCdscPortion!),
    distributorPayTo,
    serviceFee: formatCents(input.serviceFeeCents),
    ...(input.serviceFeeParts === undefined
      ? {}
      : {
          serviceFees: input.serviceFeeParts.map((p) => ({
            distributor: p.distributor,
            role: p.role,
            from: p.from,
            to: p.to,
            days: p.days,
            serviceFee: formatCents(p.cents),
          })),
        }),
    payees: [...payees.entries()].map(([payee, p]) => ({
      payee,
      role: p.role,
      twelveB1: formatCents(p.twelveB1),
      cdsc: formatCents(p.cdsc),
      owedOn: formatCents(p.owedOn),
      total: formatCents(p.twelveB1 + p.cdsc),
      dueDate: input.dueDate,
    })),
  };
  return { calculation, segments: segmentSplits, countDenominator: L };
}
