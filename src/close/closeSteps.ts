import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { type CdscReport, earnedCdscTally } from '../reports/classBCdscReport.js';
import { redemptionReporter } from '../reports/classBRedemptionsReport.js';
import { monthlyCalculationReport } from '../reports/monthlyCalculationReport.js';
import { serviceFeesReport } from '../reports/serviceFeesReport.js';
import { storedRedemptionsInOrder } from '../store/classBRepository.js';
import { loadDistributorTerms } from '../store/distributorTermsRepository.js';
import { type CloseStep, feesStep, journalStep } from './monthClose.js';
import { priorPeriodAdjustmentsStep } from './priorPeriodAdjustments.js';
import { sealedRedemptionsTally } from './sealedRedemptions.js';

/** Plan §4: each service provider's fees and what the Distributor keeps (SPEC §5). */
export const serviceFeesStep: CloseStep = {
  part: 'service-fees',
  title: 'service fees to service providers',
  run: (tx, month, { registry, fees }) => serviceFeesReport(tx, month, { registry, fees }),
};

/**
 * Agreement FOURTH(D): the month's Class B redemptions with their CDSC (sealed as totals and the
 * hash of the detail: {@link sealedRedemptions}), and the Earned CDSC by distributor.
 */
export const classBStep: CloseStep = {
  part: 'class-b',
  title: 'Class B redemptions, CDSC and Earned CDSC',
  run: async (tx, month, { registry }) => {
    // the month's redemptions read once, for both, a chunk at a time (issue 14: bounded memory);
    // the same parts as sealedRedemptions(redemptionsReport(…)) and cdscReport(…)
    const reporter = redemptionReporter(registry, await loadDistributorTerms(tx));
    const sealed = sealedRedemptionsTally();
    const earned = earnedCdscTally(null);
    for await (const chunk of storedRedemptionsInOrder(tx, monthStart(month), monthEnd(month))) {
      const reported = chunk.map(reporter.report);
      sealed.add(reported);
      for (const r of reported) earned.add(r);
    }
    const warnings = reporter.warnings();
    return {
      redemptions: sealed.result(monthStart(month), monthEnd(month), warnings),
      earnedCdsc: { month, ...earned.result(), warnings } satisfies CdscReport,
    };
  },
};

/**
 * Agreement EIGHTH(C) with Exhibit A and the Transfers: who is paid what, and when — on the 10th
 * NYSE business day after month end, or the later date the Distributor instructs (SEVENTH(B)).
 * Computed once, before the journal, which pays what it says (SPEC §12).
 */
export function monthlyCalculationStep(
  instructedDueDate: string | null = null,
  /** Exhibit A and the DOI counts from lot records, account by account (the reference path; tests) */
  perAccount = false,
): CloseStep {
  return {
    part: 'monthly-calculation',
    title: 'Exhibit A allocation, Transfers and the Monthly Calculation',
    run: (tx, month, ctx) =>
      monthlyCalculationReport(tx, month, {
        instructedDueDate: instructedDueDate ?? ctx.instructedDueDate,
        registry: ctx.registry,
        fees: ctx.fees,
        // the close: the Class B month applied to the stored ledger in the same pass (issue 14
        // item 1), and Exhibit A's holdings kept for the closed dates
        close: true,
        ...(perAccount ? { perAccount } : {}),
      }),
  };
}

/**
 * The month close, end to end, in the order the month's figures depend on each other: the
 * Monthly Calculation before the journal, whose Class B payables follow it (SPEC §12).
 */
export function monthCloseSteps(
  opts: { instructedDueDate?: string | null; perAccount?: boolean } = {},
): readonly CloseStep[] {
  return [
    feesStep,
    serviceFeesStep,
    classBStep,
    monthlyCalculationStep(opts.instructedDueDate ?? null, opts.perAccount === true),
    journalStep,
    priorPeriodAdjustmentsStep,
  ];
}

export const MONTH_CLOSE_STEPS: readonly CloseStep[] = monthCloseSteps();
