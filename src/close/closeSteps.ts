import { type CloseStep, feesStep, journalStep, priorPeriodAdjustmentsStep } from './monthClose.js';

/** The month close, end to end, in the order the month's figures depend on each other. */
export const MONTH_CLOSE_STEPS: readonly CloseStep[] = [feesStep, journalStep, priorPeriodAdjustmentsStep];
