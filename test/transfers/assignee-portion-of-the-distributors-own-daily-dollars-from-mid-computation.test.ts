import { describe, expect, it } from 'vitest';
import { assigneeStatement } from '../../src/transfers/assigneeStatement.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from './support.js';

const OTHER = 'Other Distributor LLC';

/**
 * SPEC §7: each day's Distribution Fee is split by the share in force that day — the Distributor's
 * 12b-1 Share of a day is its part of that day's fee, in cents (largest remainder, SPEC §3). SPEC §8
 * / EIGHTH(A): a Transfer gives an Assignee a designated portion of the Distributor's 12b-1 Share,
 * owed from the Transfer's effective date. So a Transfer that starts in the middle of the days one
 * Exhibit A computation governs has that portion of the Distributor's dollars of the days it is in
 * force — not of the computation's dollars spread over its days in proportion to their fees.
 *
 * March 2007, shares 1 : 2 (the Distributor, the Other Distributor) computed on Feb 28. Fees 0.10 a
 * day on the 1st–15th, 0.11 a day on the 16th–31st.
 *   10 cents × ⅓ = 3.33… → the Distributor 3 cents (the Other's .67 is the larger remainder).
 *   11 cents × ⅓ = 3.67… → the Distributor 4 cents (its .67 beats the Other's .33).
 *   The Distributor's 12b-1 Share: 15 × 3 + 16 × 4 = 45 + 64 = 1.09.
 * Alpha: 100% of the 12b-1 Share from March 16 → all of the Distributor's 16 × 4 = 0.64; the
 * Distributor keeps its 15 × 3 = 0.45. (Spreading 1.09 by the fees, 1.09 × 176 / 326 = 0.588…,
 * gave Alpha 0.59 and left the Distributor 0.50 — five cents of days it had transferred whole.)
 * Beta: 50% from March 16 (with Alpha absent) → 0.32, the Distributor 0.77.
 */
const input = {
  ...baseInput(
    '2007-03',
    feeDays('2007-03', (d) => (d <= 15 ? 10n : 11n)),
  ),
  shareComputations: [
    {
      date: '2007-02-28',
      parties: [
        { distributor: DISTRIBUTOR, shares: 1n },
        { distributor: OTHER, shares: 2n },
      ],
    },
  ],
};

describe("an Assignee's 12b-1 Portion is its part of the Distributor's own dollars of the days it is in force", () => {
  it('100% from the 16th: all of the Distributor’s dollars of the 16th–31st', () => {
    const mc = monthlyCalculation(input, [
      transfer({ id: 'A', twelveB1PortionPct: '100', effectiveDate: '2007-03-16' }),
    ]);
    expect(mc.distributor12b1Share).toBe('1.09');
    expect(mc.assignees[0]!.twelveB1Portion).toBe('0.64');
    expect(mc.distributor12b1Portion).toBe('0.45');
  });

  it('50% from the 16th: half of them; the statement shows the weight and exact part behind it', () => {
    const transfers = [transfer({ id: 'B', twelveB1PortionPct: '50', effectiveDate: '2007-03-16' })];
    const mc = monthlyCalculation(input, transfers);
    expect([mc.assignees[0]!.twelveB1Portion, mc.distributor12b1Portion]).toEqual(['0.32', '0.77']);
    // the statement: the computation's 1.09, weighted 50% × 64 / 109 = 29.357798% → 0.3200 → 0.32
    const s = assigneeStatement('Assignee B', '2007-03', [input], transfers, () => 'AIM Example Fund');
    const g = s.lines[0]!.segments[0]!;
    expect([g.distributor12b1Share, g.weightPct, g.exactPortion, g.twelveB1Portion]).toEqual([
      '1.09',
      '29.357798',
      '0.3200',
      '0.32',
    ]);
  });
});
