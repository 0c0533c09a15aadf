import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import { attributeCdsc } from '../../src/class-b/earnedCdsc.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, exchange, ledgerJson, lotsJson, redeem, redemptionJson } from './support/activity.js';

// Exhibit A 1. Free Exchange Transaction: shares issued in exchange are "deemed to have been
// acquired at the time when the exchanged shares … were acquired" — DOI, kind, original cost and
// the issuing portfolio travel with the lot through A → B → C.
const activity = [
  buy('P1', '2002-03-15', 'fund-a', '100', '10.00'), // cost 1,000.00
  exchange('E1', '2003-01-10', ['fund-a', '100', '12.00'], ['fund-b', '150', '8.00']), // 1,200 / 8
  exchange('E2', '2004-02-20', ['fund-b', '150', '9.00'], ['fund-c', '50', '27.00']), // 1,350 / 27
  redeem('X1', '2004-06-01', 'fund-c', '50', '30.00'),
];

describe('an exchange chain A → B → C keeping the DOI', () => {
  const ledger = replayAccount('acct-3', activity, DEFAULT_CLASS_B_TERMS);

  it('the lot arrives in C with its DOI, kind, original cost and issuing portfolio', () => {
    expect(ledger.exchanges.map((e) => [e.fromPortfolioId, e.toPortfolioId])).toEqual([
      ['fund-a', 'fund-b'],
      ['fund-b', 'fund-c'],
    ]);
    expect(ledgerJson(ledger).exchanges[1]!.pieces).toEqual([
      { lotId: 'P1', kind: 'commission', shares: '150.0000', cost: '1000.00', delivered: '50.0000' },
    ]);
  });

  it('the redemption in C is charged by the DOI of the purchase in A', () => {
    // DOI 2002-03-15: anniversaries 2003-03-15 and 2004-03-15 passed → year 3 → 3%;
    // base min(1,000.00, 50 × 30.00 = 1,500.00) = 1,000.00 → 30.00
    expect(redemptionJson(ledger.redemptions[0]!)).toMatchObject({
      gross: '1500.00',
      cdsc: '30.00',
      net: '1470.00',
      pieces: [
        expect.objectContaining({
          doi: '2002-03-15',
          issuingPortfolio: 'fund-a',
          ratePct: '3.00',
          base: '1000.00',
        }),
      ],
    });
    expect(lotsJson(ledger)).toEqual([]);
  });

  it("the CDSC is earned by whoever distributed A's shares on the DOI (NINETEENTH: IDI's rights to ADI)", () => {
    const terms = [
      createDistributorTerm({
        portfolioId: null,
        distributor: 'INVESCO Distributors, Inc.',
        start: '1990-01-01',
        end: '2003-08-17',
        rightsAssignedTo: 'A I M Distributors, Inc.',
      }),
      createDistributorTerm({
        portfolioId: null,
        distributor: 'A I M Distributors, Inc.',
        start: '2003-08-18',
        end: null,
        rightsAssignedTo: null,
      }),
      createDistributorTerm({
        portfolioId: 'fund-c',
        distributor: 'Other Distributor LLC',
        start: '1990-01-01',
        end: null,
        rightsAssignedTo: null,
      }),
    ];
    const piece = ledger.redemptions[0]!.pieces[0]!;
    expect(attributeCdsc(terms, piece.issuingPortfolioId, piece.dateOfOriginalIssuance)).toEqual({
      distributor: 'INVESCO Distributors, Inc.',
      earnedBy: 'A I M Distributors, Inc.',
    });
    // a share first issued by C on the same day would belong to C's distributor
    expect(attributeCdsc(terms, 'fund-c', '2002-03-15').earnedBy).toBe('Other Distributor LLC');
  });

  it('the delivered shares are split over the moved lots by largest remainder at 0.0001 share', () => {
    const two = [
      buy('Q1', '2005-01-03', 'fund-a', '1', '10.00'),
      buy('Q2', '2005-01-04', 'fund-a', '2', '10.00'),
      // 3 shares × 10 / 30 = 1 share: quotas 0.33333… and 0.66666… → 0.3333 and 0.6667
      exchange('E3', '2005-02-01', ['fund-a', '3', '10.00'], ['fund-b', '1', '30.00']),
    ];
    const l = replayAccount('acct-4', two, DEFAULT_CLASS_B_TERMS);
    expect(ledgerJson(l).exchanges[0]!.pieces.map((p) => [p.lotId, p.delivered, p.cost])).toEqual([
      ['Q1', '0.3333', '10.00'],
      ['Q2', '0.6667', '20.00'],
    ]);
    expect(ledgerJson(referenceReplayAccount('acct-4', two, DEFAULT_CLASS_B_TERMS))).toEqual(ledgerJson(l));
  });

  it('the reference ledger agrees', () => {
    expect(ledgerJson(referenceReplayAccount('acct-3', activity, DEFAULT_CLASS_B_TERMS))).toEqual(
      ledgerJson(ledger),
    );
  });
});
