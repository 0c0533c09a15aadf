import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeOmnibusFreeShares } from '../../src/allocation/omnibusFreeShares.js';

/** Shares in units of 1/10,000. */
const s = (shares: string) => {
  const [w, f = ''] = shares.split('.');
  return BigInt(w!) * 10_000n + BigInt(f.padEnd(4, '0'));
};

/**
 * Exhibit A 2(c) for one Omnibus Account, 0 = the Distributor, 1 = the Other Distributor (exclusive
 * now). At the last month end: Commission 1,000 / 400, Free 47 / 0. In the month 14 Free Shares
 * were issued, 100 redeemed and 51 are outstanding at its end — so shares came in by exchange:
 *   (ii)  14 × 1,047/1,447 = 10.129855… and 14 × 400/1,447 = 3.870076… → 10.1298 r .55, 3.8700 r .76:
 *         the two odd units to the larger remainders → 10.1299 / 3.8701.
 *   (iii) 47 of the 100 are the last month end's (B/C: 47 / 0); 14 more are the month's issues
 *         ((ii): 10.1299 / 3.8701); the other 39 came in by exchange during the month.
 *   (iv)  Net Exchange Shares = 51 − 47 − 14 + 100 = 90, by F/G = 47/47 → all the Distributor's,
 *         39 of them redeemed with the rest: the Distributor 51, the Other Distributor 0.
 * Before the fix the 53 redeemed beyond the last month end all followed (ii) (38.3489 / 14.6511),
 * which left both below zero before the exchanges, and the Net Exchange Shares went whole to the
 * exclusive distributor: −28.2190 / 79.2190.
 */
describe('Exhibit A 2(c): Free Shares redeemed after coming in by exchange leave no one negative', () => {
  it('the worked month', () => {
    const r = attributeOmnibusFreeShares(
      { commissionShares: [s('1000'), s('400')], freeShares: [s('47'), s('0')] },
      { freeSharesIssued: s('14'), freeSharesRedeemed: s('100'), freeSharesOutstanding: s('51') },
      [s('1000'), s('400')],
      1,
    );
    expect(r.issued).toEqual([s('10.1299'), s('3.8701')]);
    expect(r.redeemed).toEqual([s('47') + s('10.1299') + s('39'), s('3.8701')]);
    expect(r.netExchangeShares).toBe(s('90'));
    expect(r.netExchanged).toEqual([s('90'), s('0')]);
    expect(r.freeShares).toEqual([s('51'), s('0')]);
  });

  it('with no Free Shares at the last month end (G = 0) they go to the distributor then exclusive', () => {
    const r = attributeOmnibusFreeShares(
      { commissionShares: [s('500'), s('500')], freeShares: [s('0'), s('0')] },
      { freeSharesIssued: s('0'), freeSharesRedeemed: s('5'), freeSharesOutstanding: s('20') },
      [s('500'), s('500')],
      1,
    );
    expect(r.freeShares).toEqual([s('0'), s('20')]);
    expect(r.redeemed).toEqual([s('0'), s('5')]);
    expect(r.netExchanged).toEqual([s('0'), s('25')]);
  });

  it('never negative, and the parts add up to each figure (property)', () => {
    const units = fc.bigInt({ min: 0n, max: 5_000_000n });
    fc.assert(
      fc.property(
        units,
        units,
        units,
        units,
        units,
        units,
        units,
        (c0, c1, f0, f1, issued, redeemed, out) => {
          const r = attributeOmnibusFreeShares(
            { commissionShares: [c0, c1], freeShares: [f0, f1] },
            { freeSharesIssued: issued, freeSharesRedeemed: redeemed, freeSharesOutstanding: out },
            [c0, c1],
            1,
          );
          expect(r.freeShares.every((x) => x >= 0n)).toBe(true);
          expect(r.freeShares[0]! + r.freeShares[1]!).toBe(out);
          expect(r.issued[0]! + r.issued[1]!).toBe(issued);
          expect(r.redeemed[0]! + r.redeemed[1]!).toBe(redeemed);
          expect(r.netExchanged[0]! + r.netExchanged[1]!).toBe(r.netExchangeShares);
        },
      ),
      { numRuns: 500 },
    );
  });
});
