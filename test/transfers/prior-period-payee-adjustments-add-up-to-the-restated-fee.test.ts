import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, parseCents } from '../../src/money/cents.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { calculationParties, payeeAdjustments } from '../../src/transfers/priorPeriodPayeeAdjustments.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from './support.js';

const OTHER = 'Other Distributor LLC';

/** A month governed by a computation splitting the Distributor and one Other Distributor. */
function calculation(
  fees: readonly bigint[],
  shares: readonly [bigint, bigint],
  pcts: readonly [number, number],
) {
  const daily = feeDays('2007-03', (d) => fees[(d - 1) % fees.length]!);
  return monthlyCalculation(
    {
      ...baseInput('2007-03', daily),
      shareComputations: [
        {
          date: '2007-02-28',
          parties: [
            { distributor: DISTRIBUTOR, shares: shares[0] },
            { distributor: OTHER, shares: shares[1] },
          ],
        },
      ],
      earnedCdsc: [{ date: '2007-03-20', doi: '2004-01-05', cents: 5_000n }],
    },
    [
      transfer({ id: 'A', twelveB1PortionPct: String(pcts[0]), cdscPortionPct: '50' }),
      transfer({ id: 'B', twelveB1PortionPct: String(pcts[1]) }),
    ],
  );
}

describe('prior-period adjustments per payee (SPEC §12)', () => {
  it('each payee gets its restated part less its original part; together they are the change in the fee', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 500_000n }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.bigInt({ min: 0n, max: 500_000n }), { minLength: 1, maxLength: 5 }),
        fc.tuple(fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: 0n, max: 10_000n })),
        fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 40 })),
        (before, after, shares, pcts) => {
          const original = calculation(before, shares, pcts);
          const restated = calculation(after, shares, pcts);
          const lines = payeeAdjustments(original, restated);
          // independently: each party's part in each version, by name
          const part = (mc: typeof original, payee: string, transferId: string | null) => {
            const p = calculationParties(mc).find((x) => x.payee === payee && x.transferId === transferId)!;
            return p.twelveB1Cents + p.cdscCents;
          };
          for (const [payee, transferId] of [
            [DISTRIBUTOR, null],
            [OTHER, null],
            ['Assignee A', 'A'],
            ['Assignee B', 'B'],
          ] as const) {
            const d = part(restated, payee, transferId) - part(original, payee, transferId);
            const line = lines.find((l) => l.payee === payee && l.transferId === transferId);
            expect(line?.difference ?? '0.00').toBe(formatCents(d));
          }
          const total = lines.reduce((s, l) => s + parseCents(l.difference), 0n);
          expect(total).toBe(parseCents(restated.distributionFee) - parseCents(original.distributionFee));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('what earlier closes reported is not paid twice', () => {
    const a = calculation([10_000n], [3n, 1n], [20, 10]);
    const b = calculation([10_100n], [3n, 1n], [20, 10]);
    const c = calculation([10_250n], [3n, 1n], [20, 10]);
    const first = payeeAdjustments(a, b);
    const second = payeeAdjustments(a, c, first);
    const direct = payeeAdjustments(b, c);
    expect(second.map((l) => [l.payee, l.difference])).toEqual(direct.map((l) => [l.payee, l.difference]));
    // restated twice (100.00 → 101.00 → 102.50 a day): the second adjustment is the change since
    // the first, and shows the first as already made
    expect(second.find((l) => l.payee === OTHER)!.previouslyAdjusted).toBe(
      first.find((l) => l.payee === OTHER)!.difference,
    );
  });
});
