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

  /**
   * More redeemed than the Free Shares at the last month end. The Other Distributor (exclusive)
   * held all 10 of them; the Distributor 100 Commission Shares.
   * Month 1: 10 issued, 15 redeemed, 5 outstanding.
   *   (ii)  weights 100 : 10 → 9.090909… / 0.909090…: 9.0909 (rest .09 unit) / 0.9090 (rest .91)
   *         + 1 unit → 9.0909 / 0.9091.
   *   (iii) the 10 of the last month end by B/C → the Other 10; the 5 beyond them were issued in
   *         the month → as (ii): 5 × 9.0909/10 = 4.54545, 5 × 0.9091/10 = 0.45455 → units 45,454.5 /
   *         4,545.5, the tied unit to the party listed first → 4.5455 / 0.4545. Redeemed: the
   *         Distributor 4.5455, the Other 10.4545.
   *   (iv)  Net Exchange Shares 5 − 10 − 10 + 15 = 0.
   *   Free Shares: the Distributor 9.0909 − 4.5455 = 4.5454; the Other 10 + 0.9091 − 10.4545 =
   *   0.4546 (5 in all; A × (B/C) literally would give the Other all 15: −4.0909 and 9.0909).
   * Month 2: 1 issued, nothing else — weights 104.5454 : 0.4546 (no negative weight to refuse).
   */
  it('Free Shares redeemed beyond those at the last month end follow those issued in the month', () => {
    const m1 = attributeOmnibusFreeShares(
      { commissionShares: [s(100), s(0)], freeShares: [s(0), s(10)] },
      { freeSharesIssued: s(10), freeSharesRedeemed: s(15), freeSharesOutstanding: s(5) },
      [s(100), s(0)],
      1,
    );
    expect(m1.issued).toEqual([90_909n, 9_091n]);
    expect(m1.redeemed).toEqual([45_455n, 104_545n]);
    expect(m1.netExchangeShares).toBe(0n);
    expect(m1.freeShares).toEqual([45_454n, 4_546n]);
    const m2 = attributeOmnibusFreeShares(
      { commissionShares: [s(100), s(0)], freeShares: m1.freeShares },
      { freeSharesIssued: s(1), freeSharesRedeemed: 0n, freeSharesOutstanding: s(6) },
      [s(100), s(0)],
      1,
    );
    expect(m2.freeShares.reduce((a, b) => a + b, 0n)).toBe(s(6));
    expect(m2.freeShares.every((f) => f >= 0n)).toBe(true);
  });
});
