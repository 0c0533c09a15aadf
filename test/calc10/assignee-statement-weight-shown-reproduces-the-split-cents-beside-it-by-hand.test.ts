import { describe, expect, it } from 'vitest';
import { divRoundHalfUp } from '../../src/money/cents.js';
import { assigneeStatement } from '../../src/transfers/assigneeStatement.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, feeDays, transfer } from '../transfers/support.js';

/**
 * SPEC §7, last line: "any percentage shown reproduces the dollars beside it". An Assignee's
 * statement shows, for each Exhibit A computation's days, the Distributor's 12b-1 Share, a weight
 * and the Assignee's 12b-1 Portion beside them: the weight must give the portion back —
 * round_half_up(share × weight / 100, 2) = portion — not the exact fraction before the cent split
 * (that is `exactPortion`, to 1/10,000 of a dollar).
 *
 * January 2025, the Distributor exclusive (100%), one day's Distribution Fee 100.01 (the 15th).
 * Transfers A and B, 45% each of the 12b-1 Share (EIGHTH(A)). Exact parts: the Distributor 10% ×
 * 100.01 = 10.001, A 45.0045, B 45.0045; floors 10.00 + 45.00 + 45.00 = 100.00 leave one cent,
 * which goes to the largest remainder — A .45 and B .45 tie (D .1), the party listed first of them
 * takes it (SPEC §3): A 45.01, B 45.00, the Distributor 10.00.
 * A's weight applied is 45%, but 100.01 × 45% = 45.0045 → 45.00, not the 45.01 beside it. The
 * weight shown is 45.01 / 100.01 = 45.00549945…% → to six places 45.005499 (100.01 × 45.005499% =
 * 45.00999… → 45.01); B's 45.00 / 100.01 = 44.99550045…% → 44.995500, written as rates are, 44.9955 (100.01 × 44.9955% =
 * 44.9999… → 45.00).
 */
const input = baseInput(
  '2025-01',
  feeDays('2025-01', (d) => (d === 15 ? 10_001n : 0n)),
);
const transfers = [
  transfer({ id: 'A', twelveB1PortionPct: '45' }),
  transfer({ id: 'B', twelveB1PortionPct: '45' }),
];

/** round_half_up(dollars × pct / 100) in cents, pct a decimal string of any places. */
function reproduced(dollars: string, pct: string): string {
  const places = BigInt(pct.split('.')[1]?.length ?? 0);
  const cents = divRoundHalfUp(
    BigInt(dollars.replace('.', '')) * BigInt(pct.replace('.', '')),
    100n * 10n ** places,
  );
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

describe('an Assignee statement’s weight reproduces the split cents beside it (SPEC §7)', () => {
  it('the Monthly Calculation: A 45.01 (the tied cent), B 45.00, the Distributor 10.00', () => {
    const mc = monthlyCalculation(input, transfers);
    expect(mc.distributor12b1Share).toBe('100.01');
    expect(mc.assignees.map((a) => [a.transferId, a.twelveB1Portion])).toEqual([
      ['A', '45.01'],
      ['B', '45.00'],
    ]);
    expect(mc.distributor12b1Portion).toBe('10.00');
  });

  it('A’s statement shows 45.005499%, which gives 45.01 back; the exact part stays 45.0045', () => {
    const s = assigneeStatement('Assignee A', '2025-01', [input], transfers, () => 'AIM Example Fund');
    const g = s.lines[0]!.segments[0]!;
    expect([g.distributor12b1Share, g.weightPct, g.exactPortion, g.twelveB1Portion]).toEqual([
      '100.01',
      '45.005499',
      '45.0045',
      '45.01',
    ]);
    expect(reproduced(g.distributor12b1Share, g.weightPct)).toBe(g.twelveB1Portion);
  });

  it('B’s statement shows 44.9955%, which gives 45.00 back', () => {
    const s = assigneeStatement('Assignee B', '2025-01', [input], transfers, () => 'AIM Example Fund');
    const g = s.lines[0]!.segments[0]!;
    expect([g.weightPct, g.exactPortion, g.twelveB1Portion]).toEqual(['44.9955', '45.0045', '45.00']);
    expect(reproduced(g.distributor12b1Share, g.weightPct)).toBe(g.twelveB1Portion);
  });
});
