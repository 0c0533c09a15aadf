import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { formatCents } from '../money/cents.js';
import { largestRemainder } from '../money/largestRemainder.js';
import { MICRO_PCT_PER_PCT, parseRateMicroPct } from '../money/rate.js';
import { appliesToPortfolio, doiInRange, inForceOn, type Transfer } from './transfer.js';

/**
 * Agreement EIGHTH(C): the Monthly Calculation, per portfolio and month — the Distributor's
 * Earned CDSC and 12b-1 Share of the Distribution Fees, and each Assignee's 12b-1 Portion and
 * CDSC Portion. Every split is by largest remainder over exact integer weights, so every part
 * adds up to its whole to the cent; ties go to the Distributor, then Assignees by transfer id.
 */
export interface MonthlyCalculationInput {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly month: string;
  /** the Class B Distribution Fees of the month, all distributors (SEVENTH(B)) */
  readonly distributionFeeCents: bigint;
  /** the Distributor's 12b-1 Share of each day's Distribution Fee (Exhibit A) */
  readonly distributorDaily: readonly { readonly date: string; readonly cents: bigint }[];
  /** shares allocated to the Distributor / all shares outstanding, at the month's last computation */
  readonly distributorShares: bigint;
  readonly outstandingShares: bigint;
  /** the Distributor's Commission Shares by Date of Original Issuance, for Transfers limited to a DOI range */
  readonly distributorCommissionSharesByDoi: readonly { readonly doi: string; readonly shares: bigint }[];
  /** the Distributor's Earned CDSC, piece by piece (FOURTH(D)) */
  readonly earnedCdsc: readonly { readonly date: string; readonly doi: string; readonly cents: bigint }[];
  readonly serviceFeeCents: bigint;
  readonly dueDate: string;
}

export interface AssigneeLine {
  readonly transferId: string;
  readonly assignee: string;
  readonly address: string;
  readonly twelveB1Portion: string;
  readonly cdscPortion: string;
  /** who the Fund pays it to */
  readonly payTo: string;
  /**
   * SPEC §8: what the Fund pays the Distributor on the Assignee's behalf because the notice of
   * Transfer has not been received, and which the Distributor owes on to the Assignee ("0.00" otherwise)
   */
  readonly owedOnToAssignee: string;
  readonly note: string | null;
}

export interface MonthlyCalculation {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly month: string;
  readonly dueDate: string;
  readonly distributionFee: string;
  readonly distributor12b1SharePct: string;
  readonly distributor12b1Share: string;
  readonly otherDistributors12b1Share: string;
  readonly earnedCdsc: string;
  readonly assignees: readonly AssigneeLine[];
  readonly distributor12b1Portion: string;
  readonly distributorEarnedCdscPortion: string;
  readonly serviceFee: string;
}

const WHOLE = 100n * MICRO_PCT_PER_PCT;

function sum(xs: Iterable<bigint>): bigint {
  let s = 0n;
  for (const x of xs) s += x;
  return s;
}

/** The share as a percent string with four decimals, half-up. */
export function sharePct(numerator: bigint, denominator: bigint): string {
  if (denominator === 0n) return '100.0000';
  const tenThousandths = (numerator * 1_000_000n * 2n + denominator) / (2n * denominator);
  const s = tenThousandths.toString().padStart(5, '0');
  return `${s.slice(0, -4)}.${s.slice(-4)}`;
}

/** Splits `total` among the Distributor (first) and each Assignee by exact weights. */
function split(total: bigint, distributorWeight: bigint, assigneeWeights: readonly bigint[]): bigint[] {
  if (total === 0n) return [0n, ...assigneeWeights.map(() => 0n)];
  const weights = [distributorWeight, ...assigneeWeights];
  if (sum(weights) === 0n) return [total, ...assigneeWeights.map(() => 0n)];
  return largestRemainder(total, weights);
}

export function monthlyCalculation(
  input: MonthlyCalculationInput,
  allTransfers: readonly Transfer[],
): MonthlyCalculation {
  const transfers = allTransfers
    .filter((t) => appliesToPortfolio(t, input.portfolioId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const distributorShareCents = sum(input.distributorDaily.map((d) => d.cents));
  if (distributorShareCents > input.distributionFeeCents)
    throw new Error(
      `${input.portfolio} ${input.month}: the Distributor's 12b-1 Share exceeds the Distribution Fees`,
    );

  // 12b-1 Portions: on each day, an Assignee in force holds pct × (its DOI range's share of the
  // Distributor's allocated shares) of that day's Distributor's 12b-1 Share.
  const rangeShares = transfers.map((t) =>
    t.doiFrom === null && t.doiTo === null
      ? input.distributorShares
      : sum(input.distributorCommissionSharesByDoi.filter((s) => doiInRange(t, s.doi)).map((s) => s.shares)),
  );
  const denominator = WHOLE * (input.distributorShares === 0n ? 1n : input.distributorShares);
  const assignee12b1Weights = transfers.map(() => 0n);
  let distributor12b1Weight = 0n;
  for (const day of input.distributorDaily) {
    let assigned = 0n;
    transfers.forEach((t, i) => {
      if (t.twelveB1PortionPct === null || !inForceOn(t, day.date)) return;
      const w = parseRateMicroPct(t.twelveB1PortionPct) * rangeShares[i]!;
      assigned += w;
      assignee12b1Weights[i] = assignee12b1Weights[i]! + day.cents * w;
    });
    if (assigned > denominator)
      throw new Error(
        `${input.portfolio} ${day.date}: Transfers assign more than all of the Distributor's 12b-1 Share`,
      );
    distributor12b1Weight += day.cents * (denominator - assigned);
  }
  const [distributor12b1Portion, ...assignee12b1] = split(
    distributorShareCents,
    distributor12b1Weight,
    assignee12b1Weights,
  );

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

  const assignees: AssigneeLine[] = [];
  transfers.forEach((t, i) => {
    const twelveB1 = assignee12b1[i]!;
    const cdsc = assigneeCdsc[i]!;
    // Not yet in force, or ended before the month: no line.
    if (t.effectiveDate > monthEnd(input.month) || (t.endsOn != null && t.endsOn <= monthStart(input.month)))
      return;
    let payTo = t.assignee;
    let note: string | null = null;
    let owedOn = 0n;
    if (t.payment === 'depository') {
      payTo = `${t.depositoryAgent} (depository for ${t.assignee})`;
      note = 'EIGHTH(D): paid to the depository or collection agent designated by the Assignee';
    } else if (t.noticeReceivedDate === null || t.noticeReceivedDate > input.dueDate) {
      payTo = 'Distributor';
      owedOn = twelveB1 + cdsc;
      note = `EIGHTH(B)–(C): notice of Transfer ${t.noticeReceivedDate === null ? 'not received' : `received only on ${t.noticeReceivedDate}`}; the Fund pays the Distributor, which owes ${formatCents(owedOn)} on to ${t.assignee}`;
    }
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

  // Conservation, asserted: every part adds up to its whole.
  if (distributor12b1Portion! + sum(assignee12b1) !== distributorShareCents)
    throw new Error('12b-1 Portions do not add up');
  if (distributorCdscPortion! + sum(assigneeCdsc) !== earnedCdscCents)
    throw new Error('CDSC Portions do not add up');

  return {
    portfolioId: input.portfolioId,
    portfolio: input.portfolio,
    month: input.month,
    dueDate: input.dueDate,
    distributionFee: formatCents(input.distributionFeeCents),
    distributor12b1SharePct: sharePct(input.distributorShares, input.outstandingShares),
    distributor12b1Share: formatCents(distributorShareCents),
    otherDistributors12b1Share: formatCents(input.distributionFeeCents - distributorShareCents),
    earnedCdsc: formatCents(earnedCdscCents),
    assignees,
    distributor12b1Portion: formatCents(distributor12b1Portion!),
    distributorEarnedCdscPortion: formatCents(distributorCdscPortion!),
    serviceFee: formatCents(input.serviceFeeCents),
  };
}
