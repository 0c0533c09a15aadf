import { formatCents, parseCents } from '../money/cents.js';
import { theDistributor } from '../reports/distributorShareReport.js';
import {
  type MonthlyCalculationReport,
  priorPeriodAdjustmentsByParty,
  priorPeriodPayeeAdjustments,
} from '../reports/monthlyCalculationReport.js';
import {
  adjustmentsReportedFor,
  alreadyReported,
  priorPeriodFeeAdjustments,
} from '../reports/priorPeriodFeeAdjustments.js';
import {
  type KeptByAdjustment,
  keptByAdjustments,
  type ServiceFeeAdjustments,
} from '../reports/providerStatementAdjustments.js';
import {
  priorPeriodServiceFeeAdjustments,
  type ServiceFeesReport,
  serviceFeesReport,
} from '../reports/serviceFeesReport.js';
import { loadDistributorTerms } from '../store/classBStore.js';
import { markRestatementsAdjusted, unadjustedRestatementMonths } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import type { PayeeAdjustment } from '../transfers/priorPeriodPayeeAdjustments.js';
import type { ServiceFeeAdjustment as ServiceFeeAdjustmentByDistributor } from '../transfers/serviceFeeAdjustmentsByDistributor.js';
import { type CloseStep, loadCloseResult } from './monthClose.js';

/** A fee of a closed month as recomputed now, less what was sealed. */
export interface PriorPeriodAdjustment {
  readonly month: string;
  readonly portfolio: string;
  readonly class: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
  /**
   * Agreement TENTH: a Class B service fee's adjustment by the distributor serving each restated
   * day, as the Monthly Calculation splits it (calc11; absent for other classes)
   */
  readonly serviceFees?: readonly { distributor: string; role: string; serviceFee: string }[];
}

export interface ServiceFeeAdjustment {
  readonly month: string;
  readonly provider: string;
  readonly name: string;
  readonly amount: string;
}

export interface DistributorRetainedAdjustment {
  readonly month: string;
  readonly portfolio: string;
  readonly class: string;
  readonly amount: string;
  /** Agreement TENTH: a Class B remainder's adjustment by the distributor serving its days (calc11) */
  readonly keptBy?: readonly KeptByAdjustment[];
}

async function serviceFeeAdjustments(
  tx: Queryable,
  p: string,
): Promise<{ providers: ServiceFeeAdjustment[]; distributorRetained: DistributorRetainedAdjustment[] }> {
  const sealed = (await loadCloseResult(tx, p, 'service-fees')) as ServiceFeesReport | undefined;
  const now = await serviceFeesReport(tx, p, { withAdjustments: false });
  const before = new Map((sealed?.providers ?? []).map((x) => [x.id, parseCents(x.amount)]));
  // less what earlier closes already reported for the month (SPEC §12)
  const earlier = await adjustmentsReportedFor(tx, p);
  const earlierProviders = alreadyReported(
    earlier.flatMap((a) => a.serviceFees?.providers ?? []),
    p,
    (a) => a.provider,
    (a) => parseCents(a.amount),
  );
  const earlierRetainedRows = earlier
    .flatMap((a) => (a.serviceFees?.distributorRetained ?? []) as readonly DistributorRetainedAdjustment[])
    .filter((a) => a.month === p);
  const earlierRetained = alreadyReported(
    earlierRetainedRows,
    p,
    (a) => `${a.portfolio}|${a.class}`,
    (a) => parseCents(a.amount),
  );
  const distributor = theDistributor(await loadDistributorTerms(tx)) ?? 'Distributor';
  const providers: ServiceFeeAdjustment[] = [];
  for (const x of now.providers) {
    const delta = parseCents(x.amount) - (before.get(x.id) ?? 0n) - (earlierProviders.get(x.id) ?? 0n);
    if (delta !== 0n) providers.push({ month: p, provider: x.id, name: x.name, amount: formatCents(delta) });
  }
  const keep = new Map(
    (sealed?.classes ?? []).map((c) => [`${c.portfolioId}|${c.class}`, parseCents(c.distributorRetained)]),
  );
  const distributorRetained: DistributorRetainedAdjustment[] = [];
  // a class sealed that would now have no service fee at all is compared with zero
  const nowKeys = new Set(now.classes.map((c) => `${c.portfolioId}|${c.class}`));
  const gone = (sealed?.classes ?? [])
    .filter((c) => !nowKeys.has(`${c.portfolioId}|${c.class}`))
    .map((c) => ({ ...c, distributorRetained: '0.00' }));
  for (const c of [...now.classes, ...gone]) {
    const delta =
      parseCents(c.distributorRetained) -
      (keep.get(`${c.portfolioId}|${c.class}`) ?? 0n) -
      (earlierRetained.get(`${c.portfolio}|${c.class}`) ?? 0n);
    if (delta === 0n) continue;
    const keptBy = keptByAdjustments(
      (sealed?.classes ?? []).find((x) => x.portfolioId === c.portfolioId && x.class === c.class),
      now.classes.find((x) => x.portfolioId === c.portfolioId && x.class === c.class),
      earlierRetainedRows
        .filter((a) => a.portfolio === c.portfolio && a.class === c.class)
        .map((a) => ({ difference: a.amount, ...(a.keptBy ? { keptBy: a.keptBy } : {}) })),
      distributor,
    );
    distributorRetained.push({
      month: p,
      portfolio: c.portfolio,
      class: c.class,
      amount: formatCents(delta),
      ...(keptBy ? { keptBy } : {}),
    });
  }
  return { providers, distributorRetained };
}

/**
 * SPEC §12: the same adjustments per payee — split among the same parties as the original amounts
 * by the Monthly Calculation and the service-fee statements of this month (taken from the parts
 * this close has just sealed, so the two agree; computed if the close sealed neither).
 */
async function payeeAdjustmentsOf(
  tx: Queryable,
  month: string,
): Promise<{ monthlyCalculation: readonly PayeeAdjustment[]; serviceFees: ServiceFeeAdjustments }> {
  const mc = (await loadCloseResult(tx, month, 'monthly-calculation')) as
    | MonthlyCalculationReport
    | undefined;
  const sf = (await loadCloseResult(tx, month, 'service-fees')) as ServiceFeesReport | undefined;
  return {
    monthlyCalculation:
      mc?.priorPeriodAdjustments ??
      (await priorPeriodPayeeAdjustments(
        tx,
        month,
        theDistributor(await loadDistributorTerms(tx)) ?? 'Distributor',
      )),
    serviceFees: sf?.priorPeriodAdjustments ?? (await priorPeriodServiceFeeAdjustments(tx, month)),
  };
}

/**
 * Agreement TENTH, SPEC §12: the Class B service fee's adjustments by distributor this close reports
 * — those of the Monthly Calculation it has just sealed (so the two agree), computed if it sealed none.
 */
async function serviceFeeAdjustmentsOf(
  tx: Queryable,
  month: string,
): Promise<readonly ServiceFeeAdjustmentByDistributor[]> {
  const mc = (await loadCloseResult(tx, month, 'monthly-calculation')) as
    | MonthlyCalculationReport
    | undefined;
  return (
    mc?.priorPeriodServiceFeeAdjustments ??
    (
      await priorPeriodAdjustmentsByParty(
        tx,
        month,
        theDistributor(await loadDistributorTerms(tx)) ?? 'Distributor',
      )
    ).serviceFees
  );
}

/**
 * SPEC §4, §12: a restatement in a closed month (net assets or providers' assets) is reported at
 * the next close as prior-period adjustments — each closed month's fees and service fees
 * recomputed now, less what was sealed, per class and per payee; the sealed results themselves
 * never change.
 */
export const priorPeriodAdjustmentsStep: CloseStep = {
  part: 'adjustments',
  title: 'prior-period adjustments',
  async run(tx, month) {
    // a withdrawn exhibit changes the rates of the closed months it could have governed (issue 11)
    const withdrawalMonths = await unadjustedRestatementMonths(tx, 'exhibit_withdrawal_restatement');
    const netAssetMonths = [
      ...new Set([...(await unadjustedRestatementMonths(tx, 'net_assets_restatement')), ...withdrawalMonths]),
    ].sort();
    const providerMonths = await unadjustedRestatementMonths(tx, 'provider_assets_restatement');
    // the same figures the journal books (SPEC §12): each class's fees recomputed, less what was
    // sealed and what earlier closes reported
    const byDistributor = await serviceFeeAdjustmentsOf(tx, month);
    const adjustments: PriorPeriodAdjustment[] = (await priorPeriodFeeAdjustments(tx, month)).map((a) => {
      const parts = byDistributor.filter((x) => x.month === a.month && x.portfolioId === a.portfolioId);
      return {
        month: a.month,
        portfolio: a.portfolio,
        class: a.class,
        distributionFee: formatCents(a.distributionCents),
        serviceFee: formatCents(a.serviceCents),
        totalFee: formatCents(a.distributionCents + a.serviceCents),
        ...(a.class.toUpperCase() === 'B' && parts.length > 0
          ? {
              serviceFees: parts.map((x) => ({
                distributor: x.distributor,
                role: x.role,
                serviceFee: x.difference,
              })),
            }
          : {}),
      };
    });
    const serviceFees = {
      providers: [] as ServiceFeeAdjustment[],
      distributorRetained: [] as DistributorRetainedAdjustment[],
    };
    for (const p of [...new Set([...netAssetMonths, ...providerMonths])].sort()) {
      if ((await loadCloseResult(tx, p, 'service-fees')) === undefined) continue;
      const a = await serviceFeeAdjustments(tx, p);
      serviceFees.providers.push(...a.providers);
      serviceFees.distributorRetained.push(...a.distributorRetained);
    }
    const payees = await payeeAdjustmentsOf(tx, month);
    for (const table of [
      'net_assets_restatement',
      'provider_assets_restatement',
      'exhibit_withdrawal_restatement',
    ] as const)
      await markRestatementsAdjusted(tx, table, month);
    return { reportedIn: month, adjustments, serviceFees, payees };
  },
};
