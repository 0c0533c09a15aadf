import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { attributeReinvestment } from '../../src/class-b/freeShareAttribution.js';
import { buy, exchange, reinvest } from './support/activity.js';

describe('a Free Share lot carries the attribution fixed when it was issued (Exhibit A 2(b), SPEC §7)', () => {
  it('the documented example: stating nothing, pro rata to the Commission Shares held', () => {
    expect(
      attributeReinvestment({}, 'fund-x', [
        {
          kind: 'commission',
          issuingPortfolioId: 'fund-x',
          dateOfOriginalIssuance: '2004-03-01',
          shareUnits: 2_000_000n,
        },
      ]),
    ).toEqual({
      kind: 'derivedFrom',
      basis: 'accountCommissionShares',
      weights: [
        { issuingPortfolioId: 'fund-x', dateOfOriginalIssuance: '2004-03-01', shareUnits: 2_000_000n },
      ],
    });
  });

  it('a stated DOI the account no longer holds still names the issuance; a stated distributor wins', () => {
    expect(attributeReinvestment({ derivedFromDoi: '2001-05-01' }, 'fund-x', [])).toEqual({
      kind: 'derivedFrom',
      basis: 'statedDoi',
      weights: [{ issuingPortfolioId: 'fund-x', dateOfOriginalIssuance: '2001-05-01', shareUnits: 1n }],
    });
    expect(attributeReinvestment({ attributedDistributor: 'Other Distributor LLC' }, 'fund-x', [])).toEqual({
      kind: 'distributor',
      distributor: 'Other Distributor LLC',
    });
  });

  /**
   * 100 shares of fund-a bought 2004-03-01, 50 exchanged into fund-b (DOI kept, issuing portfolio
   * fund-a), 5 reinvested in fund-b: they derive from the 50 shares of DOI 2004-03-01 first issued
   * by fund-a; a purchase in fund-b the next day leaves the Free Shares' attribution as it was.
   */
  it('weights by issuing portfolio and DOI, unchanged by a later purchase', () => {
    const lots = replayAccount(
      'acct-11',
      [
        buy('P1', '2004-03-01', 'fund-a', '100', '10.00'),
        exchange('E1', '2004-05-03', ['fund-a', '50', '10.00'], ['fund-b', '50', '10.00']),
        reinvest('D1', '2004-06-30', 'fund-b', '5', '10.00'),
        buy('P2', '2004-07-01', 'fund-b', '100', '10.00'),
      ],
      DEFAULT_CLASS_B_TERMS,
    ).lots;
    expect(lots.find((l) => l.lotId === 'D1')!.attribution).toEqual({
      kind: 'derivedFrom',
      basis: 'accountCommissionShares',
      weights: [{ issuingPortfolioId: 'fund-a', dateOfOriginalIssuance: '2004-03-01', shareUnits: 500_000n }],
    });
  });
});
