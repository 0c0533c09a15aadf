import { describe, expect, it } from 'vitest';
import { attributeReinvestment as attribute } from '../../src/class-b/freeShareAttribution.js';
import { type LastHeldIssuance, rememberLastHeld } from '../../src/class-b/lastHeldIssuance.js';

/**
 * lastHeldIssuance.ts (SPEC §6: traced back to the first issuance; §7 2(b)). Worked by hand:
 * - fund-b's last 50 shares of DOI 2023-03-01, first issued by fund-a, redeemed → remembered.
 * - fund-b holding DOI 2023-03-01 from two first issuances, 30 of fund-a's and 20 of its own, all
 *   taken → both remembered, 30 : 20, in issuing-portfolio order.
 * - all of fund-x's own issuance taken → nothing to remember (the fallback names it anyway).
 * - some of the DOI still held → nothing remembered yet (the held lots decide).
 */
/** The weights of a derivedFrom attribution. */
const weightsOf = (...args: Parameters<typeof attribute>) => {
  const a = attribute(...args);
  return a.kind === 'derivedFrom' ? a.weights : a;
};

const FUND_A_50: LastHeldIssuance = {
  portfolioId: 'fund-b',
  dateOfOriginalIssuance: '2023-03-01',
  issuingPortfolioId: 'fund-a',
  shareUnits: 500_000n,
};

describe('what a ledger remembers of a DOI taken to the last from a portfolio', () => {
  it('the documented example: fund-a first issued the 50 fund-b shares last held', () => {
    expect(
      rememberLastHeld(
        [],
        'fund-b',
        [{ dateOfOriginalIssuance: '2023-03-01', issuingPortfolioId: 'fund-a', shareUnits: 500_000n }],
        () => false,
      ),
    ).toEqual([FUND_A_50]);
  });

  it('two first issuances by the shares last held; none for its own issuance; nothing while some is held', () => {
    const taken = [
      { dateOfOriginalIssuance: '2023-03-01', issuingPortfolioId: 'fund-b', shareUnits: 200_000n },
      { dateOfOriginalIssuance: '2023-03-01', issuingPortfolioId: 'fund-a', shareUnits: 300_000n },
    ];
    expect(rememberLastHeld([], 'fund-b', taken, () => false)).toEqual([
      { ...FUND_A_50, shareUnits: 300_000n },
      { ...FUND_A_50, issuingPortfolioId: 'fund-b', shareUnits: 200_000n },
    ]);
    const none: readonly LastHeldIssuance[] = [];
    expect(
      rememberLastHeld(none, 'fund-x', [{ ...taken[0]!, issuingPortfolioId: 'fund-x' }], () => false),
    ).toBe(none);
    expect(rememberLastHeld([], 'fund-b', taken, () => true)).toEqual([]);
    // emptied again, all of its own issuance this time: the earlier memory of that DOI goes
    expect(rememberLastHeld([FUND_A_50], 'fund-b', [taken[0]!], () => false)).toEqual([]);
  });

  it('a reinvestment stating that DOI derives from the remembered first issuances, by shares; else from its own portfolio', () => {
    const two: LastHeldIssuance[] = [
      { ...FUND_A_50, shareUnits: 300_000n },
      { ...FUND_A_50, issuingPortfolioId: 'fund-b', shareUnits: 200_000n },
    ];
    expect(attribute({ derivedFromDoi: '2023-03-01' }, 'fund-b', [], two)).toEqual({
      kind: 'derivedFrom',
      basis: 'statedDoi',
      weights: [
        { issuingPortfolioId: 'fund-a', dateOfOriginalIssuance: '2023-03-01', shareUnits: 300_000n },
        { issuingPortfolioId: 'fund-b', dateOfOriginalIssuance: '2023-03-01', shareUnits: 200_000n },
      ],
    });
    // another portfolio's memory, or another DOI, is not this one's
    expect(weightsOf({ derivedFromDoi: '2023-03-01' }, 'fund-c', [], two)).toEqual([
      { issuingPortfolioId: 'fund-c', dateOfOriginalIssuance: '2023-03-01', shareUnits: 1n },
    ]);
    // held Commission Shares of the DOI win over the memory
    expect(
      weightsOf(
        { derivedFromDoi: '2023-03-01' },
        'fund-b',
        [
          {
            kind: 'commission',
            issuingPortfolioId: 'fund-b',
            dateOfOriginalIssuance: '2023-03-01',
            shareUnits: 7n,
          },
        ],
        two,
      ),
    ).toEqual([{ issuingPortfolioId: 'fund-b', dateOfOriginalIssuance: '2023-03-01', shareUnits: 7n }]);
  });
});
