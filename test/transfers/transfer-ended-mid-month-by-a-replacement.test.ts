import { describe, expect, it } from 'vitest';
import { type MonthlyCalculationInput, monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { paymentDueDate } from '../../src/transfers/paymentDueDate.js';
import { createTransfer, inForceOn } from '../../src/transfers/transfer.js';
import { overAssignments } from '../../src/transfers/transferPortions.js';

const terms = {
  assignee: 'Alpha Funding LLC',
  address: '1 Main Street, Wilmington, DE',
  portfolioId: null,
  doiFrom: null,
  doiTo: null,
  payment: 'direct' as const,
  depositoryAgent: null,
};
// T1 (50%) from 2006-01-01, ended from 2007-01-16 by T2 (30%), whose notice has not been received.
const t1 = createTransfer({
  ...terms,
  id: 'T1',
  twelveB1PortionPct: '50',
  cdscPortionPct: '50',
  effectiveDate: '2006-01-01',
  endsOn: '2007-01-16',
  noticeReceivedDate: '2006-01-05',
});
const t2 = createTransfer({
  ...terms,
  id: 'T2',
  twelveB1PortionPct: '30',
  cdscPortionPct: '30',
  effectiveDate: '2007-01-16',
  noticeReceivedDate: null,
});
// Ended before January: no line at all.
const t0 = createTransfer({ ...t1, id: 'T0', twelveB1PortionPct: '10', endsOn: '2006-12-01' });

const input: MonthlyCalculationInput = {
  portfolioId: 'p',
  portfolio: 'AIM Example Fund',
  month: '2007-01',
  distributor: 'A I M Distributors, Inc.',
  distributionFeeCents: 310_000n,
  // the Distributor is exclusive: its 12b-1 Share is the whole Distribution Fee, 100.00 a day
  distributionFeeDaily: Array.from({ length: 31 }, (_, i) => ({
    date: `2007-01-${String(i + 1).padStart(2, '0')}`,
    cents: 10_000n,
  })),
  shareComputations: [],
  distributorCounts: [],
  earnedCdsc: [
    { date: '2007-01-10', doi: '2003-03-01', cents: 10_000n },
    { date: '2007-01-20', doi: '2003-03-01', cents: 1_000n },
  ],
  serviceFeeCents: 0n,
  dueDate: paymentDueDate('2007-01'),
};

describe('a Transfer ended mid-month by a later record (issue 10 item 12)', () => {
  it('is in force up to the day before its end, and the replacement from that day', () => {
    expect([inForceOn(t1, '2007-01-15'), inForceOn(t1, '2007-01-16'), inForceOn(t2, '2007-01-16')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(() => createTransfer({ ...t1, endsOn: '2006-01-01' })).toThrow(/not after it takes effect/);
  });

  /**
   * 12b-1: 100.00 a day. Jan 1–15 T1 50% → 15 × 50.00 = 750.00; Jan 16–31 T2 30% → 16 × 30.00 = 480.00;
   * the Distributor 15 × 50.00 + 16 × 70.00 = 1,870.00 (sum 3,100.00).
   * CDSC: 100.00 on Jan 10 → T1 50.00; 10.00 on Jan 20 → T2 3.00; the Distributor 50.00 + 7.00 = 57.00.
   * T2's notice is not received by the due date: the Fund pays the Distributor, which owes
   * 480.00 + 3.00 = 483.00 on to the Assignee (SPEC §8; issue 10 item 7).
   */
  it('splits the month between the two, and shows what the Distributor owes on', () => {
    const mc = monthlyCalculation(input, [t2, t0, t1]);
    expect(mc).toMatchObject({ distributor12b1Portion: '1870.00', distributorEarnedCdscPortion: '57.00' });
    expect(mc.assignees).toEqual([
      expect.objectContaining({
        transferId: 'T1',
        twelveB1Portion: '750.00',
        cdscPortion: '50.00',
        payTo: 'Alpha Funding LLC',
        owedOnToAssignee: '0.00',
      }),
      expect.objectContaining({
        transferId: 'T2',
        twelveB1Portion: '480.00',
        cdscPortion: '3.00',
        payTo: 'A I M Distributors, Inc.',
        owedOnToAssignee: '483.00',
        note: expect.stringMatching(/owes 483\.00 on to Alpha Funding LLC/),
      }),
    ]);
  });

  it('over 100% only while both are in force: 60% of all portfolios + 50% of one, until the second ends', () => {
    const all = createTransfer({
      ...t1,
      id: 'A',
      twelveB1PortionPct: '60',
      cdscPortionPct: null,
      endsOn: null,
    });
    const one = createTransfer({
      ...t2,
      id: 'B',
      portfolioId: 'p',
      twelveB1PortionPct: '50',
      cdscPortionPct: null,
      effectiveDate: '2006-06-16',
      endsOn: '2006-09-01',
    });
    expect(overAssignments([all, one])).toEqual([
      {
        kind: 'over-assignment',
        portfolioId: 'p',
        portion: 'twelveB1',
        from: '2006-06-16',
        through: '2006-08-31',
        doi: null,
        totalMicroPct: 110_000_000n,
        transferIds: ['A', 'B'],
      },
    ]);
    expect(overAssignments([all, createTransfer({ ...one, twelveB1PortionPct: '40' })])).toEqual([]);
  });
});
