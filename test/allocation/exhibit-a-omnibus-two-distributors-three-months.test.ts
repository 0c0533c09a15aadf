import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributeOmnibusFreeShares,
  type OmnibusAttribution,
} from '../../src/allocation/omnibusFreeShares.js';

/** Shares in units of 1/10,000. */
const s = (shares: string) => {
  const [w, f = ''] = shares.split('.');
  return BigInt(w!) * 10_000n + BigInt(f.padEnd(4, '0')) * (shares.startsWith('-') ? -1n : 1n);
};

/**
 * One Omnibus Account, two distributors (0 = the Distributor, 1 = the Other Distributor, exclusive
 * since the Distributor's term ended), three months, checked by hand:
 *
 * End of month 0: Distributor 300 Commission + 600 Free; Other 0 Commission + 100 Free.
 * Month 1: 100 Free issued, 70 redeemed, 650 Free outstanding; Commission at month end 300 / 100.
 *   (ii)  A × B/C = 100 × 900/1000 = 90 ; 100 × 100/1000 = 10
 *   (iii) A × B/C = 70 × 600/700 = 60 ; 70 × 100/700 = 10
 *   (iv)  Net Exchange = 650 − 700 − 100 + 70 = −80 ; −80 × 600/700 = −68.571428… ; −80 × 100/700 = −11.428571…
 *         to 1/10,000: 68.5714 r .28, 11.4285 r .71 → the odd unit to the larger remainder: −68.5714 / −11.4286
 *   Free: 600 + 90 − 60 − 68.5714 = 561.4286 ; 100 + 10 − 10 − 11.4286 = 88.5714 (sum 650)
 * Month 2: 50 issued, 0 redeemed, 700 outstanding; Commission 290 / 110.
 *   (ii)  B = 300 + 561.4286 = 861.4286 ; 100 + 88.5714 = 188.5714 ; C = 1050
 *         50 × 861.4286/1050 = 41.020409… → 41.0204 (rest .095 unit) ; 50 × 188.5714/1050 = 8.979590… → 8.9795 (rest .904) + 1 unit = 8.9796
 *   (iv)  700 − 650 − 50 + 0 = 0
 *   Free: 602.4490 ; 97.5510
 * Month 3: 0 issued, 100 redeemed, 650 outstanding.
 *   (iii) 100 × 602.4490/700 = 86.064142… → 86.0641 (rest .43) ; 100 × 97.5510/700 = 13.935857… → 13.9358 (rest .57) + 1 unit = 13.9359
 *   (iv)  650 − 700 − 0 + 100 = 50 ; 50 × 602.4490/700 = 43.032071… → 43.0320 (rest .71) + 1 unit = 43.0321 ; 6.967928… → 6.9679 (rest .29)
 *   Free: 602.4490 − 86.0641 + 43.0321 = 559.4170 ; 97.5510 − 13.9359 + 6.9679 = 90.5830 (sum 650)
 */
describe('Exhibit A 2(c): omnibus Free Shares over three months', () => {
  it('matches the hand computation', () => {
    let prev: OmnibusAttribution = { commissionShares: [s('300'), s('0')], freeShares: [s('600'), s('100')] };
    const m1 = attributeOmnibusFreeShares(
      prev,
      { freeSharesIssued: s('100'), freeSharesRedeemed: s('70'), freeSharesOutstanding: s('650') },
      [s('300'), s('100')],
      1,
    );
    expect(m1.issued).toEqual([s('90'), s('10')]);
    expect(m1.redeemed).toEqual([s('60'), s('10')]);
    expect(m1.netExchangeShares).toBe(s('-80'));
    expect(m1.netExchanged).toEqual([-s('68.5714'), -s('11.4286')]);
    expect(m1.freeShares).toEqual([s('561.4286'), s('88.5714')]);

    prev = { commissionShares: [s('300'), s('100')], freeShares: m1.freeShares };
    const m2 = attributeOmnibusFreeShares(
      prev,
      { freeSharesIssued: s('50'), freeSharesRedeemed: 0n, freeSharesOutstanding: s('700') },
      [s('290'), s('110')],
      1,
    );
    expect(m2.rules.issuedC).toBe(s('1050'));
    expect(m2.issued).toEqual([s('41.0204'), s('8.9796')]);
    expect(m2.netExchangeShares).toBe(0n);
    expect(m2.freeShares).toEqual([s('602.4490'), s('97.5510')]);

    prev = { commissionShares: [s('290'), s('110')], freeShares: m2.freeShares };
    const m3 = attributeOmnibusFreeShares(
      prev,
      { freeSharesIssued: 0n, freeSharesRedeemed: s('100'), freeSharesOutstanding: s('650') },
      [s('290'), s('110')],
      1,
    );
    expect(m3.redeemed).toEqual([s('86.0641'), s('13.9359')]);
    expect(m3.netExchanged).toEqual([s('43.0321'), s('6.9679')]);
    expect(m3.freeShares).toEqual([s('559.4170'), s('90.5830')]);
  });

  it('with nothing outstanding before, everything goes to the distributor then exclusive', () => {
    const r = attributeOmnibusFreeShares(
      { commissionShares: [0n, 0n], freeShares: [0n, 0n] },
      { freeSharesIssued: s('10'), freeSharesRedeemed: 0n, freeSharesOutstanding: s('12') },
      [0n, 0n],
      1,
    );
    expect(r.freeShares).toEqual([0n, s('12')]);
  });

  it('attributed Free Shares always add up to the Free Shares outstanding (property)', () => {
    const units = fc.bigInt({ min: 0n, max: 10_000_000_000n });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(units, units), { minLength: 1, maxLength: 4 }),
        units,
        units,
        units,
        (parties, a, b, out) => {
          const prev = { commissionShares: parties.map((p) => p[0]), freeShares: parties.map((p) => p[1]) };
          const r = attributeOmnibusFreeShares(
            prev,
            { freeSharesIssued: a, freeSharesRedeemed: b, freeSharesOutstanding: out },
            prev.commissionShares,
            0,
          );
          expect(r.freeShares.reduce((x, y) => x + y, 0n)).toBe(out);
          expect(r.issued.reduce((x, y) => x + y, 0n)).toBe(a);
          expect(r.redeemed.reduce((x, y) => x + y, 0n)).toBe(b);
        },
      ),
    );
  });
});
