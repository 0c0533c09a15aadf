import { describe, expect, it } from 'vitest';
import { computeDistributorShare, splitDailyFee } from '../../src/allocation/distributorShare.js';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import type { FreeShareAttribution } from '../../src/class-b/freeShareAttribution.js';
import { createLot, type Lot } from '../../src/class-b/lot.js';
import { sharePct } from '../../src/transfers/monthlyCalculation.js';

const U = 10_000n; // share units per share
let seq = 0;
const lot = (
  kind: Lot['kind'],
  doi: string,
  shares: bigint,
  issuing = 'fund-x',
  attribution: FreeShareAttribution | null = null,
): Lot =>
  createLot({
    attribution,
    kind,
    lotId: `L${++seq}`,
    sequence: seq,
    portfolioId: 'fund-x',
    issuingPortfolioId: issuing,
    dateOfOriginalIssuance: doi,
    shareUnits: shares * U,
    costCents: shares * 1000n,
  });

const terms = [
  // INVESCO Distributors' rights were assigned to A I M Distributors (Agreement NINETEENTH).
  createDistributorTerm({
    portfolioId: null,
    distributor: 'INVESCO Distributors',
    start: '1990-01-01',
    end: '2004-06-30',
    rightsAssignedTo: 'A I M Distributors',
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: 'A I M Distributors',
    start: '2004-07-01',
    end: '2005-06-30',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: 'New Distributor',
    start: '2005-07-01',
    end: null,
    rightsAssignedTo: null,
  }),
];

describe("Exhibit A: the Distributor's 12b-1 Share after its term ends", () => {
  /**
   * Account 1 (not omnibus): 100 Commission Shares issued 2004-01-10 (INVESCO's term → ADI), 50 issued
   *   2005-08-01 (New Distributor), 30 Free Shares reinvested 2005-10-31 when the account held
   *   both → attributed then pro rata 100:50 = 20 ADI, 10 New (2(b)).
   * Account 2 (omnibus): 40 Commission Shares issued 2005-09-01 (New); 60 Free Shares attributed by
   *   2(c) as 45 ADI / 15 New.
   * Account 3: 10 Free Shares only, dated 2005-12-01 → New (exclusive then).
   * ADI 100 + 20 + 45 = 165; New 50 + 10 + 40 + 15 + 10 = 125; outstanding 290 → 56.8966%.
   */
  it('allocates by rules (a), (b), (c) and sums to the shares outstanding', () => {
    const c = computeDistributorShare({
      portfolioId: 'fund-x',
      date: '2005-12-31',
      distributor: 'A I M Distributors',
      terms,
      accounts: [
        {
          account: '1',
          omnibus: false,
          lots: [
            lot('commission', '2004-01-10', 100n),
            lot('commission', '2005-08-01', 50n),
            lot('free', '2005-10-31', 30n, 'fund-x', {
              kind: 'derivedFrom',
              basis: 'accountCommissionShares',
              weights: [
                { issuingPortfolioId: 'fund-x', dateOfOriginalIssuance: '2004-01-10', shareUnits: 100n * U },
                { issuingPortfolioId: 'fund-x', dateOfOriginalIssuance: '2005-08-01', shareUnits: 50n * U },
              ],
            }),
          ],
        },
        {
          account: '2',
          omnibus: true,
          lots: [lot('commission', '2005-09-01', 40n), lot('free', '2005-10-31', 60n)],
        },
        { account: '3', omnibus: false, lots: [lot('free', '2005-12-01', 10n)] },
      ],
      omnibusFreeShares: new Map([
        [
          '2',
          new Map([
            ['A I M Distributors', 45n * U],
            ['New Distributor', 15n * U],
          ]),
        ],
      ]),
    });
    expect(c.parties).toEqual([
      {
        distributor: 'A I M Distributors',
        commissionShares: 100n * U,
        freeShares: 20n * U,
        omnibusFreeShares: 45n * U,
        total: 165n * U,
      },
      {
        distributor: 'New Distributor',
        commissionShares: 90n * U,
        freeShares: 20n * U,
        omnibusFreeShares: 15n * U,
        total: 125n * U,
      },
    ]);
    expect(c.outstandingShares).toBe(290n * U);
    expect(sharePct(c.distributorShares, c.outstandingShares)).toBe('56.8966');
    // A day's fee of 1,000.00 split 165:125 → 568.97 / 431.03 (largest remainder).
    expect([...splitDailyFee(100_000n, c, 'A I M Distributors')]).toEqual([
      ['A I M Distributors', 56_897n],
      ['New Distributor', 43_103n],
    ]);
  });

  it('while the Distributor is exclusive, the whole fee is its share', () => {
    expect([...splitDailyFee(12_345n, null, 'A I M Distributors')]).toEqual([
      ['A I M Distributors', 12_345n],
    ]);
  });

  it('refuses omnibus figures that do not match the Free Shares held', () => {
    expect(() =>
      computeDistributorShare({
        portfolioId: 'fund-x',
        date: '2005-12-31',
        distributor: 'A I M Distributors',
        terms,
        accounts: [{ account: '2', omnibus: true, lots: [lot('free', '2005-10-31', 60n)] }],
        omnibusFreeShares: new Map([['2', new Map([['A I M Distributors', 50n * U]])]]),
      }),
    ).toThrow(/2\(c\)/);
  });
});
