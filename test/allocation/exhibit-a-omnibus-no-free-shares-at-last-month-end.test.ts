import { describe, expect, it } from 'vitest';
import { attributeOmnibusFreeShares } from '../../src/allocation/omnibusFreeShares.js';

/** Shares in units of 1/10,000. */
const s = (shares: number) => BigInt(shares) * 10_000n;

/**
 * Exhibit A 2(c)(iii)–(iv) divide by C (G): the Omnibus Account's Free Shares at the close of the
 * last month. An account that held only Commission Shares then — 100, the Distributor's (index 0);
 * the Other Distributor (index 1) is exclusive now — has C = 0, for which Exhibit A gives no rule.
 * The Free Shares it redeems or exchanges out during the month can only be some of the ones
 * issued in it, so they follow the attribution (ii) gave those.
 */
describe('Exhibit A 2(c): an Omnibus Account with no Free Shares at the last month end', () => {
  const previous = { commissionShares: [s(100), s(0)], freeShares: [s(0), s(0)] };

  /**
   * 10 issued, 4 redeemed, 6 outstanding.
   *   (ii)  10 × (100 + 0) / 100 → the Distributor 10; the Other 0.
   *   (iii) C = 0: the 4 redeemed were among the 10 issued → the Distributor 4.
   *   (iv)  Net Exchange Shares 6 − 0 − 10 + 4 = 0.
   *   Free Shares: the Distributor 10 − 4 = 6, the Other 0 — never a negative number of shares.
   */
  it('the Free Shares redeemed follow those issued in the month', () => {
    const r = attributeOmnibusFreeShares(
      previous,
      { freeSharesIssued: s(10), freeSharesRedeemed: s(4), freeSharesOutstanding: s(6) },
      [s(100), s(0)],
      1,
    );
    expect(r.issued).toEqual([s(10), s(0)]);
    expect(r.redeemed).toEqual([s(4), s(0)]);
    expect(r.netExchangeShares).toBe(0n);
    expect(r.freeShares).toEqual([s(6), s(0)]);
  });

  /**
   * 10 issued, none redeemed, 7 outstanding: 3 exchanged out.
   *   (ii) the Distributor 10. (iv) Net Exchange Shares 7 − 0 − 10 + 0 = −3; G = 0: the shares
   *   exchanged out were among the 10 issued → the Distributor −3. Free Shares: 7 and 0.
   */
  it('the Net Exchange Shares out follow those issued and not redeemed', () => {
    const r = attributeOmnibusFreeShares(
      previous,
      { freeSharesIssued: s(10), freeSharesRedeemed: 0n, freeSharesOutstanding: s(7) },
      [s(100), s(0)],
      1,
    );
    expect(r.netExchangeShares).toBe(-s(3));
    expect(r.netExchanged).toEqual([-s(3), 0n]);
    expect(r.freeShares).toEqual([s(7), s(0)]);
  });

  /** Nothing issued, 5 exchanged in: no Free Share to follow — the distributor now exclusive. */
  it('Free Shares exchanged into an account that had none go to the distributor now exclusive', () => {
    const r = attributeOmnibusFreeShares(
      previous,
      { freeSharesIssued: 0n, freeSharesRedeemed: 0n, freeSharesOutstanding: s(5) },
      [s(100), s(0)],
      1,
    );
    expect(r.freeShares).toEqual([s(0), s(5)]);
  });
});
