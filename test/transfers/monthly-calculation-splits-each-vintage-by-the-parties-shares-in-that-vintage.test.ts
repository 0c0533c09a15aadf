import { describe, expect, it } from 'vitest';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR } from './support.js';

const OTHER = 'Other Distributor LLC';

/**
 * Agreement EIGHTH(E) in the Monthly Calculation: each vintage's part of a day is split among the
 * parties by their shares in that vintage (largest remainder, ties to the party listed first); a
 * day not accrued by vintage (before the first reduction) is all of the first vintage; a vintage
 * holding no shares at the computation governing the day (a reduction after it) is split by all
 * the parties' shares.
 *
 * June 2005; a reduction on 2005-06-15; the computation of 05-31 (before it): the Distributor 600
 * shares, all old; the Other 400, all old. Days 1–14: 10.00 a day, not by vintage. Days 15–30 (16
 * days): 10.00 = 7.00 old + 3.00 new.
 *   Days 1–14: 10.00 by 600 : 400 → 6.00 / 4.00.
 *   Days 15–30: old 7.00 by 600 : 400 → 4.20 / 2.80; new 3.00 — no new shares at 05-31 — by all
 *   shares 600 : 400 → 1.80 / 1.20.
 *   The Distributor 14 × 6.00 + 16 × (4.20 + 1.80) = 180.00; the Other 120.00.
 *   Old vintage: 14 × 10.00 + 16 × 7.00 = 252.00 → 14 × 6.00 + 16 × 4.20 = 151.20 / 100.80;
 *   new: 16 × 3.00 = 48.00 → 28.80 / 19.20 (60% / 40%, the percentages of its dollars).
 * A tie: a day of 0.01 in the new vintage, 1 share each → to the Distributor, listed first.
 */
const june = Array.from({ length: 30 }, (_, i) => {
  const date = `2005-06-${String(i + 1).padStart(2, '0')}`;
  return i + 1 < 15 ? { date, cents: 1000n } : { date, cents: 1000n, vintageCents: [700n, 300n] };
});
const vintages = [
  { issuedFrom: null, issuedBefore: '2005-06-15' },
  { issuedFrom: '2005-06-15', issuedBefore: null },
];

describe('the Monthly Calculation splits each vintage by the parties’ shares in it (EIGHTH(E))', () => {
  it('a vintage with no shares at the computation goes by all shares; the vintages shown add up', () => {
    const mc = monthlyCalculation(
      {
        ...baseInput('2005-06', june),
        vintages,
        shareComputations: [
          {
            date: '2005-05-31',
            parties: [
              { distributor: DISTRIBUTOR, shares: 6_000_000n, sharesByVintage: [6_000_000n, 0n] },
              { distributor: OTHER, shares: 4_000_000n, sharesByVintage: [4_000_000n, 0n] },
            ],
          },
        ],
      },
      [],
    );
    expect([mc.distributionFee, mc.distributor12b1Share, mc.otherDistributors]).toEqual([
      '300.00',
      '180.00',
      [{ distributor: OTHER, twelveB1Share: '120.00' }],
    ]);
    expect(
      mc.computations[0]!.vintages!.map((v) => [
        v.distributionFee,
        v.parties.map((p) => [p.shares, p.sharePct, p.twelveB1Share]),
      ]),
    ).toEqual([
      [
        '252.00',
        [
          ['600.0000', '60.0000', '151.20'],
          ['400.0000', '40.0000', '100.80'],
        ],
      ],
      [
        '48.00',
        [
          ['0.0000', '60.0000', '28.80'],
          ['0.0000', '40.0000', '19.20'],
        ],
      ],
    ]);
  });

  it('a cent tied between the parties of a vintage goes to the Distributor, listed first', () => {
    // old 0.02: all the Other's (the Distributor has no old shares); new 0.01 split 1 : 1 → the
    // Distributor. (By all shares, 1 : 9, the Distributor's 0.27 cents would lose to the Other's
    // 2.73 and the Other would take all 0.03.)
    const mc = monthlyCalculation(
      {
        ...baseInput('2005-06', [{ date: '2005-06-16', cents: 3n, vintageCents: [2n, 1n] }]),
        vintages,
        shareComputations: [
          {
            date: '2005-05-31',
            parties: [
              { distributor: DISTRIBUTOR, shares: 10_000n, sharesByVintage: [0n, 10_000n] },
              { distributor: OTHER, shares: 100_000n, sharesByVintage: [90_000n, 10_000n] },
            ],
          },
        ],
      },
      [],
    );
    expect([mc.distributor12b1Share, mc.otherDistributors[0]!.twelveB1Share]).toEqual(['0.01', '0.02']);
  });
});
