import { formatCents, parseCents } from '../money/cents.js';
import type { MonthlyCalculation } from './monthlyCalculation.js';

/**
 * Agreement TENTH, SPEC §12: a restatement of a closed month reaches the Class B service fee as it
 * reaches every other amount, "split among the same parties as the original amounts" — each day's
 * service fee belongs to the distributor serving that day (serviceFeeParts.ts), so a restated day's
 * difference does too. Each distributor's adjustment is its part of the month's service fee as
 * computed again now (the Monthly Calculation's `serviceFees`, by the days it served) less its part
 * as sealed and less what earlier closes already reported for it.
 */
export interface ServiceFeeAdjustment {
  /** the closed month restated */
  readonly month: string;
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly distributor: string;
  readonly role: 'Distributor' | 'Other Distributor';
  /** its part as sealed at the month's close */
  readonly original: string;
  /** adjustments of this month already reported for it by earlier closes */
  readonly previouslyAdjusted: string;
  /** its part as computed now from the restated data */
  readonly restated: string;
  /** restated − original − previously adjusted: what is owed (or recovered) now */
  readonly difference: string;
}

/** A Monthly Calculation's service fee by distributor: its `serviceFees`, or (sealed without them) all the Distributor's. */
function partsOf(
  mc: MonthlyCalculation | undefined,
): Map<string, { role: ServiceFeeAdjustment['role']; cents: bigint }> {
  const out = new Map<string, { role: ServiceFeeAdjustment['role']; cents: bigint }>();
  if (mc === undefined) return out;
  const parts = mc.serviceFees ?? [
    { distributor: mc.distributor, role: 'Distributor' as const, serviceFee: mc.serviceFee },
  ];
  for (const p of parts) {
    const was = out.get(p.distributor);
    out.set(p.distributor, { role: p.role, cents: (was?.cents ?? 0n) + parseCents(p.serviceFee) });
  }
  return out;
}

/**
 * One portfolio's restated month: `original` as sealed, `restated` as computed now (either absent:
 * no Monthly Calculation then), `earlier` what earlier closes reported for the month. A distributor
 * with a zero difference is left out; the differences add up to the change in the service fee.
 * @example sealed AIM 375.00 / Beacon 400.00, restated AIM 375.33 / Beacon 400.33 → AIM +0.33, Beacon +0.33
 */
export function serviceFeeAdjustmentsByDistributor(
  original: MonthlyCalculation | undefined,
  restated: MonthlyCalculation | undefined,
  earlier: readonly ServiceFeeAdjustment[] = [],
): ServiceFeeAdjustment[] {
  const any = restated ?? original;
  if (any === undefined) return [];
  const o = partsOf(original);
  const r = partsOf(restated);
  const e = new Map<string, { role: ServiceFeeAdjustment['role']; cents: bigint }>();
  for (const a of earlier) {
    const was = e.get(a.distributor);
    e.set(a.distributor, { role: a.role, cents: (was?.cents ?? 0n) + parseCents(a.difference) });
  }
  // the Distributor first, then the Other Distributors by name (SPEC §3's order of parties)
  const names = [...new Set([...r.keys(), ...o.keys(), ...e.keys()])].sort((a, b) => {
    const role = (n: string) => (r.get(n) ?? o.get(n) ?? e.get(n))!.role;
    if (role(a) !== role(b)) return role(a) === 'Distributor' ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const out: ServiceFeeAdjustment[] = [];
  let sum = 0n;
  for (const n of names) {
    const oc = o.get(n)?.cents ?? 0n;
    const rc = r.get(n)?.cents ?? 0n;
    const ec = e.get(n)?.cents ?? 0n;
    const d = rc - oc - ec;
    sum += d;
    if (d === 0n) continue;
    out.push({
      month: any.month,
      portfolioId: any.portfolioId,
      portfolio: any.portfolio,
      distributor: n,
      role: (r.get(n) ?? o.get(n) ?? e.get(n))!.role,
      original: formatCents(oc),
      previouslyAdjusted: formatCents(ec),
      restated: formatCents(rc),
      difference: formatCents(d),
    });
  }
  // SPEC §12, against the wholes: the parts' adjustments add up to the change in the service fee
  const fee = (mc: MonthlyCalculation | undefined) => (mc ? parseCents(mc.serviceFee) : 0n);
  const earlierSum = earlier.reduce((s, a) => s + parseCents(a.difference), 0n);
  if (sum !== fee(restated) - fee(original) - earlierSum)
    throw new Error(
      `${any.portfolio} ${any.month}: the service fee's prior-period adjustments by distributor do not add up to the change in the service fee`,
    );
  return out;
}
