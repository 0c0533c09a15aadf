import { formatCents, parseCents } from '../money/cents.js';
import type { MonthlyCalculation } from './monthlyCalculation.js';

/**
 * SPEC §12: a restatement of a closed month reaches the payees. The closed month's Monthly
 * Calculation is computed again from the restated data by the same rules (Exhibit A, EIGHTH, the
 * same largest-remainder splits); each party's adjustment is its restated part less what it was
 * sealed (and any adjustment already reported for that month), shown on the next Monthly
 * Calculation.
 */

/** One party of a Monthly Calculation, keyed so the same party is found in both versions. */
export interface CalculationParty {
  readonly role: 'Distributor' | 'Other Distributor' | 'Assignee';
  readonly payee: string;
  /** the Transfer, for an Assignee */
  readonly transferId: string | null;
  readonly twelveB1Cents: bigint;
  readonly cdscCents: bigint;
}

/** One payee's prior-period adjustment of one portfolio's Monthly Calculation. */
export interface PayeeAdjustment {
  /** the closed month restated */
  readonly month: string;
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly role: CalculationParty['role'];
  readonly payee: string;
  readonly transferId: string | null;
  /** as sealed at the month's close */
  readonly original: string;
  /** adjustments of this month already reported by earlier closes */
  readonly previouslyAdjusted: string;
  /** as computed now from the restated data */
  readonly restated: string;
  /** restated − original − previously adjusted: what is owed (or recovered) now */
  readonly difference: string;
  readonly twelveB1Difference: string;
  readonly cdscDifference: string;
}

/** The parties of a Monthly Calculation: the Distributor, each Other Distributor, each Assignee. */
export function calculationParties(mc: MonthlyCalculation): CalculationParty[] {
  return [
    {
      role: 'Distributor',
      payee: mc.distributor,
      transferId: null,
      twelveB1Cents: parseCents(mc.distributor12b1Portion),
      cdscCents: parseCents(mc.distributorEarnedCdscPortion),
    },
    ...mc.otherDistributors.map((o) => ({
      role: 'Other Distributor' as const,
      payee: o.distributor,
      transferId: null,
      twelveB1Cents: parseCents(o.twelveB1Share),
      cdscCents: 0n,
    })),
    ...mc.assignees.map((a) => ({
      role: 'Assignee' as const,
      payee: a.assignee,
      transferId: a.transferId,
      twelveB1Cents: parseCents(a.twelveB1Portion),
      cdscCents: parseCents(a.cdscPortion),
    })),
  ];
}

const partyKey = (p: Pick<CalculationParty, 'role' | 'payee' | 'transferId'>) =>
  `${p.role}\u0000${p.payee}\u0000${p.transferId ?? ''}`;

/**
 * The adjustments of one portfolio's month: `original` as sealed (absent: the portfolio had no
 * Monthly Calculation then), `restated` as computed now (absent: it has none now), `earlier` the
 * adjustments of this month that earlier closes reported. A party in only one version counts zero
 * in the other. Parties with a zero difference are left out.
 * @example original Distributor 2,700.00 / Assignee 300.00; restated 2,727.00 / 303.00
 *   → Distributor +27.00, Assignee +3.00
 */
export function payeeAdjustments(
  original: MonthlyCalculation | undefined,
  restated: MonthlyCalculation | undefined,
  earlier: readonly PayeeAdjustment[] = [],
): PayeeAdjustment[] {
  const any = restated ?? original;
  if (any === undefined) return [];
  type Row = Pick<CalculationParty, 'role' | 'payee' | 'transferId'> & {
    o12: bigint;
    oCdsc: bigint;
    r12: bigint;
    rCdsc: bigint;
    e12: bigint;
    eCdsc: bigint;
  };
  const rows = new Map<string, Row>();
  const row = (p: Pick<CalculationParty, 'role' | 'payee' | 'transferId'>) => {
    const k = partyKey(p);
    let r = rows.get(k);
    if (!r) {
      r = {
        role: p.role,
        payee: p.payee,
        transferId: p.transferId,
        o12: 0n,
        oCdsc: 0n,
        r12: 0n,
        rCdsc: 0n,
        e12: 0n,
        eCdsc: 0n,
      };
      rows.set(k, r);
    }
    return r;
  };
  for (const p of original ? calculationParties(original) : []) {
    const r = row(p);
    r.o12 += p.twelveB1Cents;
    r.oCdsc += p.cdscCents;
  }
  for (const p of restated ? calculationParties(restated) : []) {
    const r = row(p);
    r.r12 += p.twelveB1Cents;
    r.rCdsc += p.cdscCents;
  }
  for (const e of earlier) {
    const r = row(e);
    r.e12 += parseCents(e.twelveB1Difference);
    r.eCdsc += parseCents(e.cdscDifference);
  }
  const out: PayeeAdjustment[] = [];
  let d12Sum = 0n;
  let dCdscSum = 0n;
  for (const r of rows.values()) {
    const d12 = r.r12 - r.o12 - r.e12;
    const dCdsc = r.rCdsc - r.oCdsc - r.eCdsc;
    d12Sum += d12;
    dCdscSum += dCdsc;
    if (d12 === 0n && dCdsc === 0n) continue;
    out.push({
      month: any.month,
      portfolioId: any.portfolioId,
      portfolio: any.portfolio,
      role: r.role,
      payee: r.payee,
      transferId: r.transferId,
      original: formatCents(r.o12 + r.oCdsc),
      previouslyAdjusted: formatCents(r.e12 + r.eCdsc),
      restated: formatCents(r.r12 + r.rCdsc),
      difference: formatCents(d12 + dCdsc),
      twelveB1Difference: formatCents(d12),
      cdscDifference: formatCents(dCdsc),
    });
  }
  // SPEC §12, against the wholes (the accrual's Distribution Fees and the ledger's Earned CDSC,
  // not the parties): the payees' adjustments add up to the change in what there was to split.
  const fee = (mc: MonthlyCalculation | undefined) => (mc ? parseCents(mc.distributionFee) : 0n);
  const cdsc = (mc: MonthlyCalculation | undefined) => (mc ? parseCents(mc.earnedCdsc) : 0n);
  const earlier12 = earlier.reduce((s, e) => s + parseCents(e.twelveB1Difference), 0n);
  const earlierCdsc = earlier.reduce((s, e) => s + parseCents(e.cdscDifference), 0n);
  if (
    d12Sum !== fee(restated) - fee(original) - earlier12 ||
    dCdscSum !== cdsc(restated) - cdsc(original) - earlierCdsc
  )
    throw new Error(
      `${any.portfolio} ${any.month}: the payees' prior-period adjustments do not add up to the change in Distribution Fees and Earned CDSC`,
    );
  return out;
}

/**
 * FINRA 2341(d)(2) with SPEC §12: a restatement that changes how much of a closed month's CDSC
 * was credited to the fund (the cap's room changed) — the Distributor's CDSC collected and the
 * part credited to the fund, each restated less sealed less earlier adjustments. The payees'
 * `cdscDifference`s are the Earned CDSC's change; collected = earned + credited to the fund, so
 * the journal books each account its own difference.
 */
export interface CdscToFundAdjustment {
  readonly month: string;
  readonly portfolioId: string;
  readonly portfolio: string;
  /** the Distributor's CDSC collected (the Monthly Calculation's `cdscCollected`) */
  readonly cdscCollectedDifference: string;
  /** the part credited to the fund after the cap was used up (`cdscCreditedToFund`) */
  readonly cdscCreditedToFundDifference: string;
  /**
   * SPEC §6: the same for the CDSC on each Other Distributor's shares (`otherDistributorsCdsc`),
   * with `cdscDifference` the change in what is owed to it; present only when one changed
   */
  readonly otherDistributors?: readonly {
    readonly distributor: string;
    readonly cdscCollectedDifference: string;
    readonly cdscCreditedToFundDifference: string;
    readonly cdscDifference: string;
  }[];
}

/** A Monthly Calculation's CDSC collected: `cdscCollected`, else (none credited) its Earned CDSC. */
const collectedCents = (mc: MonthlyCalculation | undefined): bigint =>
  mc === undefined ? 0n : parseCents(mc.cdscCollected ?? mc.earnedCdsc);
const creditedCents = (mc: MonthlyCalculation | undefined): bigint =>
  mc === undefined || mc.cdscCreditedToFund === undefined ? 0n : parseCents(mc.cdscCreditedToFund);

/**
 * The change in one portfolio's month's CDSC credited to the fund, or null when the credited part
 * is unchanged (the payees' adjustments then carry all of the collected CDSC's change).
 * @example sealed collected 80.00, credited 80.00; restated collected 80.00, credited 49.80
 *   → collected 0.00, credited −30.20 (the Earned CDSC's +30.20 goes to the payees)
 */
export function cdscToFundAdjustment(
  original: MonthlyCalculation | undefined,
  restated: MonthlyCalculation | undefined,
  earlier: readonly CdscToFundAdjustment[] = [],
): CdscToFundAdjustment | null {
  const any = restated ?? original;
  if (any === undefined) return null;
  const earlierCredited = earlier.reduce((s, e) => s + parseCents(e.cdscCreditedToFundDifference), 0n);
  const earlierCollected = earlier.reduce((s, e) => s + parseCents(e.cdscCollectedDifference), 0n);
  const credited = creditedCents(restated) - creditedCents(original) - earlierCredited;
  // SPEC §6: each Other Distributor's CDSC, restated − sealed − earlier, part by part
  const others = new Map<string, { collected: bigint; credited: bigint; owed: bigint }>();
  const add = (
    list: MonthlyCalculation['otherDistributorsCdsc'] | CdscToFundAdjustment['otherDistributors'],
    sign: bigint,
  ) => {
    for (const o of list ?? []) {
      const r = others.get(o.distributor) ?? { collected: 0n, credited: 0n, owed: 0n };
      if ('cdscCollectedDifference' in o) {
        r.collected += sign * parseCents(o.cdscCollectedDifference);
        r.credited += sign * parseCents(o.cdscCreditedToFundDifference);
        r.owed += sign * parseCents(o.cdscDifference);
      } else {
        r.collected += sign * parseCents(o.cdscCollected);
        r.credited += sign * parseCents(o.cdscCreditedToFund);
        r.owed += sign * parseCents(o.cdsc);
      }
      others.set(o.distributor, r);
    }
  };
  // A sealed Monthly Calculation without the field never carried the Other Distributors' CDSC
  // (sealed before calc13; its pieces are locked, so one with none has none restated either): its
  // journal never booked it, and a restatement is no occasion to pay it now
  if (original === undefined || original.otherDistributorsCdsc !== undefined) {
    add(restated?.otherDistributorsCdsc, 1n);
    add(original?.otherDistributorsCdsc, -1n);
  }
  for (const e of earlier) add(e.otherDistributors, -1n);
  const otherDistributors = [...others]
    .filter(([, d]) => d.collected !== 0n || d.credited !== 0n || d.owed !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([distributor, d]) => ({
      distributor,
      cdscCollectedDifference: formatCents(d.collected),
      cdscCreditedToFundDifference: formatCents(d.credited),
      cdscDifference: formatCents(d.owed),
    }));
  if (credited === 0n && otherDistributors.length === 0) return null;
  return {
    month: any.month,
    portfolioId: any.portfolioId,
    portfolio: any.portfolio,
    cdscCollectedDifference: formatCents(
      collectedCents(restated) - collectedCents(original) - earlierCollected,
    ),
    cdscCreditedToFundDifference: formatCents(credited),
    ...(otherDistributors.length === 0 ? {} : { otherDistributors }),
  };
}
