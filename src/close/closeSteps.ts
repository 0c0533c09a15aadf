import { serviceFeesReport } from '../reports/serviceFeesReport.js';
import { type CloseStep, feesStep, journalStep, priorPeriodAdjustmentsStep } from './monthClose.js';

/** Plan §4: each service provider's fees and what the Distributor keeps (SPEC §5). */
export const serviceFeesStep: CloseStep = {
  part: 'service-fees',
  title: 'service fees to service providers',
  run: (tx, month) => serviceFeesReport(tx, month),
};

/** The month close, end to end, in the order the month's figures depend on each other. */
export const MONTH_CLOSE_STEPS: readonly CloseStep[] = [
  feesStep,
  journalStep,
  serviceFeesStep,
  priorPeriodAdjustmentsStep,
];
