import { describe, expect, it } from 'vitest';
import { computeDistributorShare } from '../../src/allocation/distributorShare.js';
import { createReinvestment } from '../../src/class-b/classBActivity.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import { parsePriceUnits } from '../../src/class-b/pricePerShare.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { parseShareUnits } from '../../src/class-b/shareUnits.js';
import { sharePct } from '../../src/transfers/monthlyCalculation.js';
import { buy, exchange, ledgerJson, redeem, reinvest } from '../class-b/support/activity.js';

const U = 10_000n;
const ADI = 'A I M Distributors';
const OTHER = 'Other Distributor LLC';
const terms = [
  createDistributorTerm({
    portfolioId: null,
    distributor: ADI,
    start: '1990-01-01',
    end: '2005-06-30',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: OTHER,
    start: '2005-07-01',
    end: null,
    rightsAssignedTo: null,
  }),
];

const reinvestStating = (
  txnId: string,
  date: string,
  portfolioId: string,
  shares: string,
  stated: { attributedDistributor?: string; derivedFromDoi?: string },
) =>
  createReinvestment({
    txnId,
    date,
    portfolioId,
    shareUnits: parseShareUnits(shares),
    priceUnits: parsePriceUnits('10.00'),
    ...stated,
  });

// The account of issue 10 item 1: 200 Commission Shares through the Distributor, 10 Free Shares
// reinvested while they were its only Commission Shares, then 200 bought through the Other Distributor.
const history = [
  buy('P1', '2004-03-01', 'fund-x', '200', '10.00'), // ADI's term
  reinvest('D1', '2004-12-15', 'fund-x', '10', '10.00'), // account holds only P1 → all 10 to ADI
  buy('P2', '2005-09-01', 'fund-x', '200', '10.00'), // Other Distributor's term
];

function share(activity: Parameters<typeof replayAccount>[1], portfolioId: string, date: string) {
  const lots = replayAccount('acct-1', activity, DEFAULT_CLASS_B_TERMS, { until: date }).lots;
  const c = computeDistributorShare({
    portfolioId,
    date,
    distributor: ADI,
    terms,
    accounts: [{ account: 'acct-1', omnibus: false, lots }],
  });
  return {
    parties: c.parties.map((p) => [p.distributor, p.commissionShares / U, p.freeShares, p.total]),
    pct: sharePct(c.distributorShares, c.outstandingShares),
  };
}

describe('Exhibit A 2(b): Free Shares keep the attribution fixed when they were issued (SPEC §7)', () => {
  /**
   * 2005-09-30: ADI 200 Commission + 10 Free = 210; Other 200 Commission; 410 outstanding.
   * 210 / 410 = 0.512195… → 51.2195%. (Splitting the 10 Free Shares by today's Commission Shares,
   * 200:200, would give the Other Distributor 5 of them and ADI 205 / 410 = 50%.)
   */
  it('a later purchase through the Other Distributor leaves the 10 Free Shares with the Distributor', () => {
    expect(share(history, 'fund-x', '2005-09-30')).toEqual({
      parties: [
        [ADI, 200n, 10n * U, 210n * U],
        [OTHER, 200n, 0n, 200n * U],
      ],
      pct: '51.2195',
    });
  });

  /**
   * The whole account exchanged into fund-y at 10.00 → 20.00 (410 → 205 shares): Free Shares first,
   * 10 → 5; P1 200 → 100; P2 200 → 100. The 5 Free Shares still follow P1's Distributor:
   * ADI 100 + 5 = 105; Other 100; 105 / 205 = 0.512195… → 51.2195%.
   * Then 4 of the Free Shares redeemed (free first): ADI 100 + 1 = 101 of 201 → 50.2488%.
   */
  it('the attribution travels with the shares through an exchange and a redemption', () => {
    const moved = [
      ...history,
      exchange('E1', '2005-10-10', ['fund-x', '410', '10.00'], ['fund-y', '205', '20.00']),
    ];
    expect(share(moved, 'fund-y', '2005-10-31')).toEqual({
      parties: [
        [ADI, 100n, 5n * U, 105n * U],
        [OTHER, 100n, 0n, 100n * U],
      ],
      pct: '51.2195',
    });
    const redeemed = [...moved, redeem('X1', '2005-11-02', 'fund-y', '4', '20.00')];
    expect(share(redeemed, 'fund-y', '2005-11-30')).toEqual({
      parties: [
        [ADI, 100n, 1n * U, 101n * U],
        [OTHER, 100n, 0n, 100n * U],
      ],
      pct: '50.2488',
    });
  });

  /**
   * A reinvestment of 20.5 shares after P2, stating nothing: pro rata to the Commission Shares held
   * that day, 200 ADI : 200 Other → 10.25 each. ADI 200 + 10 + 10.25 = 220.25; Other 210.25.
   * A reinvestment of 2 stating the Other Distributor: Other 212.25. One of 3 stating DOI 2004-03-01
   * (P1's): ADI 223.25. Outstanding 435.5; 223.25 / 435.5 = 0.512629… → 51.2629%.
   */
  it('a reinvestment is pro rata on its own date unless the row states the distributor or the DOI', () => {
    const more = [
      ...history,
      reinvest('D2', '2005-09-15', 'fund-x', '20.5', '10.00'),
      reinvestStating('D3', '2005-09-16', 'fund-x', '2', { attributedDistributor: OTHER }),
      reinvestStating('D4', '2005-09-17', 'fund-x', '3', { derivedFromDoi: '2004-03-01' }),
    ];
    expect(share(more, 'fund-x', '2005-09-30')).toEqual({
      parties: [
        [ADI, 200n, 10n * U + 102_500n + 3n * U, 2_232_500n],
        [OTHER, 200n, 102_500n + 2n * U, 2_122_500n],
      ],
      pct: '51.2629',
    });
    const fast = replayAccount('acct-1', more, DEFAULT_CLASS_B_TERMS);
    expect(ledgerJson(referenceReplayAccount('acct-1', more, DEFAULT_CLASS_B_TERMS))).toEqual(
      ledgerJson(fast),
    );
  });

  it('a reinvestment row cannot name both a distributor and a DOI', () => {
    expect(() =>
      reinvestStating('D5', '2005-09-18', 'fund-x', '1', {
        attributedDistributor: OTHER,
        derivedFromDoi: '2004-03-01',
      }),
    ).toThrow(/not both/);
  });
});
