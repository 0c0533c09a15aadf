import { describe, expect, it } from 'vitest';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from './support.js';

describe('a portion owed before the notice of Transfer is paid to the Distributor and owed on (SPEC §8)', () => {
  /**
   * February 2007 (28 days × 100.00 = 2,800.00), the Distributor exclusive; Earned CDSC 80.00 on
   * the 12th. Alpha holds 25% of the 12b-1 Share and 50% of the Earned CDSC from January 1; its
   * notice of Transfer reaches the Fund only on March 20, after the payment date (March 14,
   * the 10th NYSE business day after February 28).
   * Alpha's portions: 2,800.00 × 25% = 700.00 and 80.00 × 50% = 40.00 — owed from January 1,
   * paid to the Distributor, which owes 740.00 on to Alpha.
   * The Distributor is paid 2,100.00 + 700.00 (12b-1) and 40.00 + 40.00 (CDSC) = 2,880.00.
   */
  it('the Fund pays the Distributor, which owes the Assignee its portions', () => {
    const alpha = transfer({
      id: 'A',
      assignee: 'Alpha Funding LLC',
      twelveB1PortionPct: '25',
      cdscPortionPct: '50',
      effectiveDate: '2007-01-01',
      noticeReceivedDate: '2007-03-20',
    });
    const mc = monthlyCalculation(
      {
        ...baseInput(
          '2007-02',
          feeDays('2007-02', () => 10_000n),
        ),
        earnedCdsc: [{ date: '2007-02-12', doi: '2003-03-01', cents: 8_000n }],
      },
      [alpha],
    );
    expect(mc.dueDate).toBe('2007-03-14');
    expect(mc.assignees).toEqual([
      expect.objectContaining({
        assignee: 'Alpha Funding LLC',
        twelveB1Portion: '700.00',
        cdscPortion: '40.00',
        payTo: DISTRIBUTOR,
        owedOnToAssignee: '740.00',
      }),
    ]);
    expect(mc.assignees[0]!.note).toMatch(
      /received only on 2007-03-20.*owes 740\.00 on to Alpha Funding LLC/,
    );
    expect(mc.payees).toEqual([
      {
        payee: DISTRIBUTOR,
        role: 'Distributor',
        twelveB1: '2800.00',
        cdsc: '80.00',
        owedOn: '740.00',
        total: '2880.00',
        dueDate: '2007-03-14',
      },
    ]);
  });

  it('once the notice is in by the payment date the Assignee is paid directly, nothing owed on', () => {
    const alpha = transfer({
      id: 'A',
      twelveB1PortionPct: '25',
      effectiveDate: '2007-01-01',
      noticeReceivedDate: '2007-03-01',
    });
    const mc = monthlyCalculation(
      baseInput(
        '2007-02',
        feeDays('2007-02', () => 10_000n),
      ),
      [alpha],
    );
    expect(mc.assignees[0]).toMatchObject({ payTo: 'Assignee A', owedOnToAssignee: '0.00', note: null });
    expect(mc.payees.map((p) => [p.payee, p.total, p.owedOn])).toEqual([
      [DISTRIBUTOR, '2100.00', '0.00'],
      ['Assignee A', '700.00', '0.00'],
    ]);
  });
});
