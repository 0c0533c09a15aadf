import type { FeeDay, MonthlyCalculationInput } from '../../src/transfers/monthlyCalculation.js';
import { paymentDueDate } from '../../src/transfers/paymentDueDate.js';
import { createTransfer, type Transfer } from '../../src/transfers/transfer.js';

export const DISTRIBUTOR = 'A I M Distributors';

/** Every day of a month with the given Distribution Fee in cents (a function of the day number). */
export function feeDays(month: string, centsOn: (day: number) => bigint) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => ({
    date: `${month}-${String(i + 1).padStart(2, '0')}`,
    cents: centsOn(i + 1),
  }));
}

export function baseInput(month: string, daily: FeeDay[]): MonthlyCalculationInput {
  return {
    portfolioId: 'p',
    portfolio: 'AIM Example Fund',
    month,
    distributor: DISTRIBUTOR,
    distributionFeeDaily: daily,
    distributionFeeCents: daily.reduce((s, d) => s + d.cents, 0n),
    shareComputations: [],
    distributorCounts: [],
    earnedCdsc: [],
    serviceFeeCents: 0n,
    dueDate: paymentDueDate(month),
  };
}

export function transfer(fields: Partial<Omit<Transfer, 'kind'>> & { id: string }): Transfer {
  return createTransfer({
    assignee: `Assignee ${fields.id}`,
    address: '1 Main Street, Wilmington, DE',
    portfolioId: null,
    twelveB1PortionPct: '50',
    cdscPortionPct: null,
    doiFrom: null,
    doiTo: null,
    effectiveDate: '2000-01-01',
    noticeReceivedDate: '2000-01-01',
    payment: 'direct',
    depositoryAgent: null,
    ...fields,
  });
}
