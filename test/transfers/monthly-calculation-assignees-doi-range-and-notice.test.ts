import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { parseCents } from '../../src/money/cents.js';
import { type MonthlyCalculationInput, monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { paymentDueDate } from '../../src/transfers/paymentDueDate.js';
import { createTransfer } from '../../src/transfers/transfer.js';

const days = (month: string) =>
  Array.from({ length: 31 }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);

const alpha = createTransfer({
  id: 'T1',
  assignee: 'Alpha Funding LLC',
  address: '1 Main Street, Wilmington, DE',
  portfolioId: null,
  twelveB1PortionPct: '50',
  cdscPortionPct: '50',
  doiFrom: null,
  doiTo: null,
  effectiveDate: '2006-01-01',
  noticeReceivedDate: '2006-01-05',
  payment: 'direct',
  depositoryAgent: null,
});
// Only the Commission Shares issued in 2003 (600,000 of the Distributor's 1,000,000); notice mid-month.
const beta = createTransfer({
  id: 'T2',
  assignee: 'Beta Capital LP',
  address: '2 Wall Street, New York, NY',
  portfolioId: 'p',
  twelveB1PortionPct: '40',
  cdscPortionPct: '40',
  doiFrom: '2003-01-01',
  doiTo: '2003-12-31',
  effectiveDate: '2007-01-16',
  noticeReceivedDate: '2007-01-20',
  payment: 'direct',
  depositoryAgent: null,
});

const DISTRIBUTOR = 'A I M Distributors';
const holdings = [
  { doi: '2001-06-01', shares: 400_000n },
  { doi: '2003-03-01', shares: 600_000n },
];
const input: MonthlyCalculationInput = {
  portfolioId: 'p',
  portfolio: 'AIM Example Fund',
  month: '2007-01',
  distributor: DISTRIBUTOR,
  distributionFeeCents: 310_000n,
  distributionFeeDaily: days('2007-01').map((date) => ({ date, cents: 10_000n })),
  shareComputations: [],
  // the same holdings counted at the previous month end and at Beta's effective date (SPEC §8)
  distributorCounts: [
    { date: '2006-12-31', distributorShares: 1_000_000n, commissionSharesByDoi: holdings },
    { date: '2007-01-16', distributorShares: 1_000_000n, commissionSharesByDoi: holdings },
  ],
  earnedCdsc: [
    { date: '2007-01-10', doi: '2003-03-01', cents: 10_000n },
    { date: '2007-01-20', doi: '2003-03-01', cents: 3_333n },
    { date: '2007-01-25', doi: '2001-06-01', cents: 1_000n },
  ],
  serviceFeeCents: 103_333n,
  dueDate: paymentDueDate('2007-01'),
};

describe('Monthly Calculation (Agreement EIGHTH(C))', () => {
  it('the due date is the 10th NYSE business day after month end, across holidays', () => {
    // 2006-12: Jan 1 (New Year's Day) and Jan 2 (President Ford) closed, Jan 15 Martin Luther King Day.
    expect(paymentDueDate('2006-12')).toBe('2007-01-17');
    expect(paymentDueDate('2007-01')).toBe('2007-02-14');
    expect(paymentDueDate('2007-01', '2007-02-20')).toBe('2007-02-20');
    expect(paymentDueDate('2007-01', '2007-02-01')).toBe('2007-02-14');
    expect(businessDaysBetween('2007-02-01', '2007-02-14')).toHaveLength(10);
  });

  /**
   * 12b-1: 100.00 a day to the Distributor (100% share).
   *   Jan 1–15: Alpha 50% → 50.00; Distributor 50.00.
   *   Jan 16–31 (Beta in force): Alpha 50.00; Beta 40% × 600,000/1,000,000 = 24% → 24.00; Distributor 26.00.
   *   Alpha 31 × 50 = 1,550.00; Beta 16 × 24 = 384.00; Distributor 15 × 50 + 16 × 26 = 1,166.00 (sum 3,100.00).
   * CDSC: 100.00 (Jan 10, DOI 2003, before Beta) → Alpha 50.00, Distributor 50.00;
   *   33.33 (Jan 20, DOI 2003) → Alpha 16.665, Beta 13.332, Distributor 3.333;
   *   10.00 (Jan 25, DOI 2001: outside Beta's range) → Alpha 5.00, Distributor 5.00.
   *   Alpha 71.665, Beta 13.332, Distributor 58.333 → cents by largest remainder: 71.67, 13.33, 58.33 (sum 143.33).
   */
  it('an Assignee with a DOI range, one whose notice arrives mid-month, parts adding up', () => {
    const mc = monthlyCalculation(input, [beta, alpha]);
    expect(mc).toMatchObject({
      distributionFee: '3100.00',
      distributor12b1Share: '3100.00',
      otherDistributors: [],
      earnedCdsc: '143.33',
      distributor12b1Portion: '1166.00',
      distributorEarnedCdscPortion: '58.33',
      dueDate: '2007-02-14',
    });
    expect(mc.assignees).toEqual([
      expect.objectContaining({
        transferId: 'T1',
        twelveB1Portion: '1550.00',
        cdscPortion: '71.67',
        payTo: 'Alpha Funding LLC',
      }),
      expect.objectContaining({
        transferId: 'T2',
        twelveB1Portion: '384.00',
        cdscPortion: '13.33',
        payTo: 'Beta Capital LP',
        note: null,
      }),
    ]);
  });

  it('before its notice is received the Fund pays the Distributor (EIGHTH(B)–(C))', () => {
    const late = createTransfer({ ...beta, noticeReceivedDate: '2007-03-01' });
    const line = monthlyCalculation(input, [alpha, late]).assignees.find((a) => a.transferId === 'T2')!;
    expect(line.payTo).toBe(DISTRIBUTOR);
    expect(line.note).toMatch(
      /notice of Transfer received only on 2007-03-01, after the payment date 2007-02-14;/,
    );
    expect(line.twelveB1Portion).toBe('384.00');
  });

  it('refuses Transfers that assign more than the whole', () => {
    const greedy = createTransfer({ ...beta, twelveB1PortionPct: '90' });
    expect(() => monthlyCalculation(input, [alpha, greedy])).toThrow(
      /more than all of the Distributor's 12b-1 Share/,
    );
  });

  it('12b-1 Share = Σ Assignees’ 12b-1 Portions + the Distributor’s, and the same for CDSC (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10_000_000n }), { minLength: 28, maxLength: 31 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 33 }),
            fc.integer({ min: 0, max: 33 }),
            fc.integer({ min: 1, max: 28 }),
            fc.boolean(),
          ),
          {
            maxLength: 3,
          },
        ),
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 28 }), fc.bigInt({ min: 0n, max: 1_000_000n }), fc.boolean()),
          { maxLength: 6 },
        ),
        (daily, ts, cdsc) => {
          const transfers = ts.map(([p12, pc, day, ranged], i) =>
            createTransfer({
              ...alpha,
              id: `T${i}`,
              twelveB1PortionPct: String(p12),
              cdscPortionPct: String(pc),
              effectiveDate: `2007-02-${String(day).padStart(2, '0')}`,
              doiFrom: ranged ? '2003-01-01' : null,
              doiTo: ranged ? '2003-12-31' : null,
            }),
          );
          const fee = daily.slice(0, 28).reduce((a, b) => a + b, 0n);
          const mc = monthlyCalculation(
            {
              ...input,
              month: '2007-02',
              distributionFeeCents: fee,
              distributionFeeDaily: daily
                .slice(0, 28)
                .map((cents, i) => ({ date: `2007-02-${String(i + 1).padStart(2, '0')}`, cents })),
              distributorCounts: [
                { date: '2007-01-31', distributorShares: 1_000_000n, commissionSharesByDoi: holdings },
              ],
              earnedCdsc: cdsc.map(([d, cents, old]) => ({
                date: `2007-02-${String(d).padStart(2, '0')}`,
                doi: old ? '2001-06-01' : '2003-03-01',
                cents,
              })),
            },
            transfers,
          );
          const c = (s: string) => parseCents(s);
          expect(
            c(mc.distributor12b1Portion) + mc.assignees.reduce((s, a) => s + c(a.twelveB1Portion), 0n),
          ).toBe(c(mc.distributor12b1Share));
          expect(
            c(mc.distributorEarnedCdscPortion) + mc.assignees.reduce((s, a) => s + c(a.cdscPortion), 0n),
          ).toBe(c(mc.earnedCdsc));
          expect(c(mc.distributor12b1Share)).toBe(c(mc.distributionFee));
          expect(mc.payees.reduce((s, p) => s + c(p.total), 0n)).toBe(fee + c(mc.earnedCdsc));
        },
      ),
    );
  });
});
