import { formatShareUnits } from '../class-b/shareUnits.js';
import { isOfVintage, type Vintage } from '../class-b/vintageSplit.js';
import { divRoundHalfUp, formatCents, parseCents } from '../money/cents.js';
import { formatRatePct, MICRO_PCT_PER_PCT, parseRateMicroPct } from '../money/rate.js';
import {
  type DistributorCount,
  governingCount,
  type MonthlyCalculationInput,
  monthlyCalculationDetail,
} from './monthlyCalculation.js';
import { adjustmentPayTo } from './monthPayables.js';
import { formatPctPlaces } from './percentagesOfDollars.js';
import type { PayeeAdjustment } from './priorPeriodPayeeAdjustments.js';
import { appliesToPortfolio, doiInRange, inForceOn, type Transfer } from './transfer.js';

/**
 * Agreement EIGHTH(A)–(C), SPEC §8: what an Assignee (a B-share financier) needs to check its
 * money for a month — across portfolios, each Transfer's 12b-1 Portion and CDSC Portion, the
 * weights they were split by, its DOI-range shares at each count, and the lots (DOI and issuing
 * portfolio) and redemption pieces behind them. The amounts are the Monthly Calculation's own.
 */

/** Days of one computation during which the count and the Transfer's being in force did not change. */
export interface PortionPeriod {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly distributionFee: string;
  /** the count that governed these days (SPEC §8); null: the Transfer is not limited to a DOI range */
  readonly countedOn: string | null;
  readonly doiRangeShares: string | null;
  readonly distributorShares: string | null;
  /** the DOI range's fraction of the Distributor's shares, percent (100 without a range; 0 when not in force) */
  readonly doiRangeFractionPct: string;
  readonly inForce: boolean;
  /**
   * Agreement EIGHTH(E), where the fee accrued by vintage: the range's fraction of the Distributor's
   * shares in each vintage, which weighs its part of that vintage's fee
   */
  readonly doiRangeByVintage?: readonly {
    readonly issuedFrom: string | null;
    readonly issuedBefore: string | null;
    readonly doiRangeShares: string;
    readonly distributorShares: string;
    readonly doiRangeFractionPct: string;
  }[];
}

/** One Exhibit A computation's days: the Distributor's 12b-1 Share of them and this Transfer's part. */
export interface PortionSegment {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly distributionFee: string;
  readonly distributor12b1Share: string;
  /**
   * the 12b-1 Portion beside it as a percentage of the Distributor's 12b-1 Share of the days, to 6
   * places or as many more as it takes to give the portion back (SPEC §7: "any percentage shown
   * reproduces the dollars beside it"); the weight applied — Σ the Distributor's part of each day ×
   * portion × DOI-range fraction — is what `exactPortion` shows in dollars
   */
  readonly weightPct: string;
  /** the Distributor's 12b-1 Share × weight, to 1/10,000 of a dollar, before the cent split */
  readonly exactPortion: string;
  /** its part by the largest-remainder split among the Distributor and the Assignees (SPEC §3) */
  readonly twelveB1Portion: string;
  readonly periods: readonly PortionPeriod[];
}

/** The Distributor's Commission Shares in the Transfer's DOI range at a count, lot group by lot group. */
export interface DoiRangeCount {
  readonly countedOn: string;
  readonly distributorShares: string;
  readonly doiRangeShares: string;
  readonly lots: readonly {
    readonly doi: string;
    readonly issuingPortfolio: string;
    readonly shares: string;
    readonly lots: number | null;
  }[];
}

/** A piece of the Distributor's Earned CDSC the Transfer shares in (FOURTH(D), EIGHTH(A)(ii)). */
export interface CdscPieceLine {
  readonly date: string;
  readonly txnId: string | null;
  readonly lotId: string | null;
  readonly doi: string;
  readonly issuingPortfolio: string;
  readonly earnedCdsc: string;
  readonly portionPct: string;
  /** earned CDSC × portion, to 1/10,000 of a dollar, before the cent split */
  readonly exactPortion: string;
}

export interface AssigneeTransferLine {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly transferId: string;
  readonly twelveB1PortionPct: string | null;
  readonly cdscPortionPct: string | null;
  readonly doiFrom: string | null;
  readonly doiTo: string | null;
  readonly effectiveDate: string;
  readonly distributionFee: string;
  readonly distributor12b1Share: string;
  readonly earnedCdsc: string;
  readonly twelveB1Portion: string;
  readonly cdscPortion: string;
  readonly total: string;
  readonly payTo: string;
  readonly owedOnToAssignee: string;
  readonly segments: readonly PortionSegment[];
  readonly doiRangeCounts: readonly DoiRangeCount[];
  readonly cdscPieces: readonly CdscPieceLine[];
}

/**
 * SPEC §12, EIGHTH(C): the Assignee's part of a restatement of a closed month, reported in this
 * month and paid with it — its share of the restated month's 12b-1 Share and Earned CDSC less what
 * was sealed (and adjusted before), as the Monthly Calculation's prior-period adjustments split it.
 */
export interface AssigneeAdjustmentLine {
  /** the closed month restated */
  readonly adjustsMonth: string;
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly transferId: string;
  readonly twelveB1Adjustment: string;
  readonly cdscAdjustment: string;
  readonly adjustment: string;
  /** whom the Fund pays it this month (as it pays this month's portions: `adjustmentPayTo`) */
  readonly payTo: string;
  readonly owedOnToAssignee: string;
}

export interface AssigneeStatement {
  readonly assignee: string;
  readonly address: string | null;
  readonly month: string;
  readonly distributor: string;
  readonly dueDate: string;
  readonly lines: readonly AssigneeTransferLine[];
  /** SPEC §12: the prior-period adjustments reported in this month that the Assignee is paid with it */
  readonly priorPeriodAdjustments: readonly AssigneeAdjustmentLine[];
  readonly totals: {
    readonly twelveB1Portion: string;
    readonly cdscPortion: string;
    /** the month's own portions: twelveB1Portion + cdscPortion */
    readonly total: string;
    /** Σ priorPeriodAdjustments */
    readonly priorPeriodAdjustments: string;
    /** what the Fund pays for the Assignee on the due date: total + priorPeriodAdjustments */
    readonly payable: string;
    /** of the payable, paid to the Distributor and owed on to the Assignee (EIGHTH(B)) */
    readonly owedOnToAssignee: string;
  };
}

const ranged = (t: Transfer) => t.doiFrom !== null || t.doiTo !== null;

/** Dollars to four places from a cent amount over a denominator, half-up: 1687500n/1n → "16875.0000". */
function exactDollars(centsNumerator: bigint, denominator: bigint): string {
  const tenThousandths = divRoundHalfUp(centsNumerator * 100n, denominator);
  const neg = tenThousandths < 0n;
  const s = (neg ? -tenThousandths : tenThousandths).toString().padStart(5, '0');
  return `${neg ? '-' : ''}${s.slice(0, -4)}.${s.slice(-4)}`;
}

/**
 * SPEC §7: the percentage of `wholeCents` that `partCents` is, to 6 places or more — the fewest
 * with round_half_up(whole × pct / 100, 2) = part — written as rates are (trailing zeros dropped
 * down to two places). The largest-remainder split can give a part a
 * cent its exact weight would not round to (45% of 100.01 is 45.0045, split 45.01 when the cent
 * falls to it), so the weight applied does not always reproduce the cents beside it.
 * @example weightReproducing(4501n, 10001n) === '45.005499'
 */
export function weightReproducing(partCents: bigint, wholeCents: bigint): string {
  if (wholeCents === 0n) return '0';
  for (let places = 6; ; places++) {
    const scale = 100n * 10n ** BigInt(places);
    const units = divRoundHalfUp(partCents * scale, wholeCents);
    if (divRoundHalfUp(wholeCents * units, scale) !== partCents) continue;
    // as rates are written: trailing zeros dropped down to two places ("20.00", "44.9955")
    let shown = formatPctPlaces(units, places);
    while (/\.\d{3,}$/.test(shown) && shown.endsWith('0')) shown = shown.slice(0, -1);
    return shown;
  }
}

const pctOf = (numerator: bigint, denominator: bigint) =>
  denominator === 0n ? '0' : formatRatePct(divRoundHalfUp(numerator * 100n * MICRO_PCT_PER_PCT, denominator));

/**
 * The statement of one Assignee (matched by name) for a month, from the inputs of every
 * portfolio's Monthly Calculation. Each line's portions are the Monthly Calculation's; the
 * segments' portions add up to its 12b-1 Portion (checked).
 * @example Alpha, 40% of the 12b-1 Share for DOI 2024-01-01–2024-06-30: January's Distributor's
 *   12b-1 Share 16,875.00, 300 of the Distributor's 600 shares in range → weight 20% → 3,375.00
 */
export function assigneeStatement(
  assignee: string,
  month: string,
  inputs: readonly MonthlyCalculationInput[],
  transfers: readonly Transfer[],
  portfolioName: (portfolioId: string, date: string) => string,
  /** the prior-period adjustments the month's Monthly Calculation reports, every payee's (SPEC §12) */
  adjustments: readonly PayeeAdjustment[] = [],
): AssigneeStatement {
  const mine = transfers.filter((t) => t.assignee === assignee);
  const lines: AssigneeTransferLine[] = [];
  const calculations = new Map<string, ReturnType<typeof monthlyCalculationDetail>['calculation']>();
  let distributor = '';
  let dueDate = '';
  for (const input of inputs) {
    distributor = input.distributor;
    dueDate = input.dueDate;
    const ts = mine.filter((t) => appliesToPortfolio(t, input.portfolioId));
    if (ts.length === 0) continue;
    const { calculation: mc, segments } = monthlyCalculationDetail(input, transfers);
    calculations.set(input.portfolioId, mc);
    for (const t of ts) {
      const line = mc.assignees.find((a) => a.transferId === t.id);
      if (line === undefined) continue; // not in force in the month
      const days = [...input.distributionFeeDaily].sort((a, b) => (a.date < b.date ? -1 : 1));
      const segmentLines: PortionSegment[] = segments.map((s) => {
        const part = s.transfers.get(t.id)!;
        const periods: PortionPeriod[] = [];
        for (const d of days.filter((x) => x.date >= s.from && x.date <= s.to)) {
          const count = ranged(t) ? governingCount(input.distributorCounts, t.id, d.date) : undefined;
          const inForce = t.twelveB1PortionPct !== null && inForceOn(t, d.date);
          const last = periods.at(-1);
          if (last && last.countedOn === (count?.date ?? null) && last.inForce === inForce) {
            periods[periods.length - 1] = {
              ...last,
              to: d.date,
              days: last.days + 1,
              distributionFee: formatCents(parseCents(last.distributionFee) + d.cents),
            };
            continue;
          }
          const inRange =
            count === undefined
              ? null
              : count.commissionSharesByDoi
                  .filter((x) => doiInRange(t, x.doi))
                  .reduce((a, x) => a + x.shares, 0n);
          periods.push({
            from: d.date,
            to: d.date,
            days: 1,
            distributionFee: formatCents(d.cents),
            countedOn: count?.date ?? null,
            doiRangeShares: inRange === null ? null : formatShareUnits(inRange),
            distributorShares: count === undefined ? null : formatShareUnits(count.distributorShares),
            doiRangeFractionPct: !inForce
              ? '0'
              : count === undefined
                ? '100'
                : pctOf(inRange!, count.distributorShares),
            inForce,
            ...(count?.distributorSharesByVintage === undefined || input.vintages === undefined
              ? {}
              : {
                  doiRangeByVintage: byVintage(
                    t,
                    count.commissionSharesByDoi,
                    count.distributorSharesByVintage,
                    input.vintages,
                    inForce,
                    pctOf(inRange!, count.distributorShares),
                  ),
                }),
          });
        }
        return {
          from: s.from,
          to: s.to,
          days: s.days,
          distributionFee: formatCents(s.distributionFeeCents),
          distributor12b1Share: formatCents(s.distributor12b1ShareCents),
          weightPct: weightReproducing(part.cents, s.distributor12b1ShareCents),
          exactPortion:
            s.scale === 0n ? '0.0000' : exactDollars(s.distributor12b1ShareCents * part.weight, s.scale),
          twelveB1Portion: formatCents(part.cents),
          periods,
        };
      });
      const segmentSum = segments.reduce((a, s) => a + s.transfers.get(t.id)!.cents, 0n);
      if (formatCents(segmentSum) !== line.twelveB1Portion)
        throw new Error(`${mc.portfolio}: Transfer ${t.id}'s segments do not add up to its 12b-1 Portion`);
      const doiRangeCounts: DoiRangeCount[] = ranged(t)
        ? input.distributorCounts
            .filter((c) => c.onlyFor === undefined || c.onlyFor.includes(t.id))
            .map((c) => {
              const held = c.commissionSharesByDoi.filter((x) => doiInRange(t, x.doi));
              return {
                countedOn: c.date,
                distributorShares: formatShareUnits(c.distributorShares),
                doiRangeShares: formatShareUnits(held.reduce((a, x) => a + x.shares, 0n)),
                lots: held.map((x) => ({
                  doi: x.doi,
                  issuingPortfolio:
                    x.issuingPortfolioId === undefined ? '' : portfolioName(x.issuingPortfolioId, x.doi),
                  shares: formatShareUnits(x.shares),
                  lots: x.lots ?? null,
                })),
              };
            })
        : [];
      const cdscPct = t.cdscPortionPct === null ? null : parseRateMicroPct(t.cdscPortionPct);
      const cdscPieces: CdscPieceLine[] =
        cdscPct === null
          ? []
          : input.earnedCdsc
              .filter((p) => inForceOn(t, p.date) && doiInRange(t, p.doi))
              .map((p) => ({
                date: p.date,
                txnId: p.txnId ?? null,
                lotId: p.lotId ?? null,
                doi: p.doi,
                issuingPortfolio:
                  p.issuingPortfolioId === undefined ? '' : portfolioName(p.issuingPortfolioId, p.doi),
                earnedCdsc: formatCents(p.cents),
                portionPct: t.cdscPortionPct!,
                exactPortion: exactDollars(p.cents * cdscPct, 100n * MICRO_PCT_PER_PCT),
              }));
      lines.push({
        portfolioId: mc.portfolioId,
        portfolio: mc.portfolio,
        transferId: t.id,
        twelveB1PortionPct: t.twelveB1PortionPct,
        cdscPortionPct: t.cdscPortionPct,
        doiFrom: t.doiFrom,
        doiTo: t.doiTo,
        effectiveDate: t.effectiveDate,
        distributionFee: mc.distributionFee,
        distributor12b1Share: mc.distributor12b1Share,
        earnedCdsc: mc.earnedCdsc,
        twelveB1Portion: line.twelveB1Portion,
        cdscPortion: line.cdscPortion,
        total: formatCents(parseCents(line.twelveB1Portion) + parseCents(line.cdscPortion)),
        payTo: line.payTo,
        owedOnToAssignee: line.owedOnToAssignee,
        segments: segmentLines,
        doiRangeCounts,
        cdscPieces,
      });
    }
  }
  const mineIds = new Set(mine.map((t) => t.id));
  const priorPeriodAdjustments = adjustments
    .filter((a) => a.role === 'Assignee' && a.payee === assignee && mineIds.has(a.transferId ?? ''))
    .map((a): AssigneeAdjustmentLine => {
      let mc = calculations.get(a.portfolioId);
      const input = inputs.find((i) => i.portfolioId === a.portfolioId);
      if (mc === undefined && input !== undefined)
        mc = monthlyCalculationDetail(input, transfers).calculation;
      const to = adjustmentPayTo(a, mc);
      return {
        adjustsMonth: a.month,
        portfolioId: a.portfolioId,
        portfolio: mc?.portfolio ?? a.portfolio,
        transferId: a.transferId!,
        twelveB1Adjustment: a.twelveB1Difference,
        cdscAdjustment: a.cdscDifference,
        adjustment: a.difference,
        payTo: to.payee,
        owedOnToAssignee: to.owedOn ? a.difference : '0.00',
      };
    });
  const sum = <T>(xs: readonly T[], f: (l: T) => string) => xs.reduce((a, l) => a + parseCents(f(l)), 0n);
  const total = sum(lines, (l) => l.total);
  const adjusted = sum(priorPeriodAdjustments, (a) => a.adjustment);
  return {
    assignee,
    address: mine[0]?.address ?? null,
    month,
    distributor,
    dueDate,
    lines,
    priorPeriodAdjustments,
    totals: {
      twelveB1Portion: formatCents(sum(lines, (l) => l.twelveB1Portion)),
      cdscPortion: formatCents(sum(lines, (l) => l.cdscPortion)),
      total: formatCents(total),
      priorPeriodAdjustments: formatCents(adjusted),
      payable: formatCents(total + adjusted),
      owedOnToAssignee: formatCents(
        sum(lines, (l) => l.owedOnToAssignee) + sum(priorPeriodAdjustments, (a) => a.owedOnToAssignee),
      ),
    },
  };
}

/** EIGHTH(E): a DOI-range count's shares and fraction vintage by vintage (a vintage the Distributor holds none of: the whole fraction applies). */
function byVintage(
  t: Transfer,
  byDoi: DistributorCount['commissionSharesByDoi'],
  distributorByVintage: readonly bigint[],
  vintages: readonly Vintage[],
  inForce: boolean,
  wholeFractionPct: string,
): NonNullable<PortionPeriod['doiRangeByVintage']> {
  return vintages.map((v, k) => {
    const inRange = byDoi
      .filter((x) => doiInRange(t, x.doi) && isOfVintage(v, x.doi))
      .reduce((a, x) => a + x.shares, 0n);
    const of = distributorByVintage[k]!;
    return {
      issuedFrom: v.issuedFrom,
      issuedBefore: v.issuedBefore,
      doiRangeShares: formatShareUnits(inRange),
      distributorShares: formatShareUnits(of),
      doiRangeFractionPct: !inForce ? '0' : of === 0n ? wholeFractionPct : pctOf(inRange, of),
    };
  });
}
