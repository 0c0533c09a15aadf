import { describe, expect, it } from 'vitest';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from './support.js';

/**
 * Agreement EIGHTH(D): "the Distributor may direct the Fund to pay ALL of such Distributor's 12b-1
 * Share of the Distribution Fees and Distributor's Earned CDSC … to a depository or collection
 * agent designated by any Assignee, which … may be delegated the duty of dividing [them] between
 * the Assignee's 12b-1 Portion and Assignee's CDSC Portion and the balance … (such balance, when
 * distributed to the Distributor by the depository or collection agent, the "Distributor's 12b-1
 * Portion")". SPEC §8: "or everything goes to a depository agent that splits it".
 *
 * April 2010, 100.00 a day (3,000.00), the Distributor exclusive (100%): Distributor's 12b-1 Share
 * 3,000.00; Earned CDSC 80.00.
 *   Assignee D, 50% of both, paid through its depository Custody Bank: 1,500.00 + 40.00.
 *   Assignee N, 20% of the 12b-1 Share, notice received: paid directly, 600.00.
 *   Assignee L, 10% of the 12b-1 Share, notice never received: 300.00, owed on by the Distributor.
 *   The Distributor's balance: 3,000.00 − 1,500.00 − 600.00 − 300.00 = 600.00; CDSC 80.00 − 40.00 = 40.00.
 * The Fund pays the depository everything it does not pay an Assignee directly:
 *   1,500.00 + 600.00 + 300.00 = 2,400.00 of 12b-1 and 40.00 + 40.00 = 80.00 of CDSC, 2,480.00,
 *   of which 300.00 is owed on to L; Assignee N 600.00; the Distributor nothing directly.
 */
const mc = monthlyCalculation(
  {
    ...baseInput(
      '2010-04',
      feeDays('2010-04', () => 10_000n),
    ),
    earnedCdsc: [{ date: '2010-04-20', doi: '2006-01-05', cents: 8_000n }],
  },
  [
    transfer({
      id: 'D',
      twelveB1PortionPct: '50',
      cdscPortionPct: '50',
      effectiveDate: '2010-01-01',
      payment: 'depository',
      depositoryAgent: 'Custody Bank',
    }),
    transfer({ id: 'L', twelveB1PortionPct: '10', effectiveDate: '2010-01-01', noticeReceivedDate: null }),
    transfer({ id: 'N', twelveB1PortionPct: '20', effectiveDate: '2010-01-01' }),
  ],
);
const DEPOSITORY = 'Custody Bank (depository for Assignee D)';

describe("EIGHTH(D): a depository receives all of the Distributor's 12b-1 Share and Earned CDSC", () => {
  it('keeps each portion as the Transfers say', () => {
    expect(mc.distributor12b1Share).toBe('3000.00');
    expect(mc.earnedCdsc).toBe('80.00');
    expect(mc.assignees.map((a) => [a.transferId, a.twelveB1Portion, a.cdscPortion])).toEqual([
      ['D', '1500.00', '40.00'],
      ['L', '300.00', '0.00'],
      ['N', '600.00', '0.00'],
    ]);
    expect(mc.distributor12b1Portion).toBe('600.00');
    expect(mc.distributorEarnedCdscPortion).toBe('40.00');
  });

  it("pays the Distributor's balance and what it owes on to the depository, not to the Distributor", () => {
    expect(mc.payees.map((p) => [p.payee, p.role, p.twelveB1, p.cdsc, p.owedOn, p.total])).toEqual([
      [DEPOSITORY, 'Depository', '2400.00', '80.00', '300.00', '2480.00'],
      ['Assignee N', 'Assignee', '600.00', '0.00', '0.00', '600.00'],
    ]);
    expect(mc.payees.some((p) => p.payee === DISTRIBUTOR)).toBe(false);
    expect(mc.distributorPayTo).toBe(DEPOSITORY);
    expect(mc.assignees.map((a) => [a.transferId, a.payTo, a.owedOnToAssignee])).toEqual([
      ['D', DEPOSITORY, '0.00'],
      ['L', DEPOSITORY, '300.00'],
      ['N', 'Assignee N', '0.00'],
    ]);
  });
});
