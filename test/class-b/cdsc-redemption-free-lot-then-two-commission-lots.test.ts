import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, ledgerJson, lotsJson, redeem, redemptionJson, reinvest } from './support/activity.js';

// SPEC §6 worked example: one redemption takes a free lot, then two Commission Share lots in
// different years of the 5-4-3-3-2-1 schedule; the second is consumed in part.
const activity = [
  buy('P1', '2004-01-15', 'growth', '100', '10.00'), // cost 1,000.00
  buy('P2', '2005-06-10', 'growth', '50', '12.00'), // cost 600.00
  reinvest('R1', '2005-12-20', 'growth', '5', '11.00'), // Free Shares, cost 55.00
  redeem('X1', '2006-03-01', 'growth', '130', '11.50'),
];

describe('a redemption spanning a free lot and two commission lots', () => {
  const ledger = replayAccount('acct-1', activity, DEFAULT_CLASS_B_TERMS);

  it('takes the free lot first, then the oldest Commission Shares, and charges each its year', () => {
    expect(redemptionJson(ledger.redemptions[0]!)).toEqual({
      txnId: 'X1',
      shares: '130.0000',
      price: '11.5000',
      gross: '1495.00', // 130 × 11.50
      // P1: year 3 (anniversaries 2005-01-15, 2006-01-15) → 3% of min(1,000.00, 1,150.00) = 30.00
      // P2: year 1 → 5% of min(300.00, 25 × 11.50 = 287.50) = 14.375 → 14.38
      cdsc: '44.38',
      waived: '0.00',
      redemptionFee: '0.00',
      net: '1450.62', // 1,495.00 − 44.38
      pieces: [
        {
          lotId: 'R1',
          kind: 'free',
          doi: '2005-12-20',
          issuingPortfolio: 'growth',
          shares: '5.0000',
          cost: '55.00',
          ratePct: '0.00',
          base: '55.00',
          cdsc: '0.00',
          waived: '0.00',
        },
        {
          lotId: 'P1',
          kind: 'commission',
          doi: '2004-01-15',
          issuingPortfolio: 'growth',
          shares: '100.0000',
          cost: '1000.00',
          ratePct: '3.00',
          base: '1000.00',
          cdsc: '30.00',
          waived: '0.00',
        },
        {
          lotId: 'P2',
          kind: 'commission',
          doi: '2005-06-10',
          issuingPortfolio: 'growth',
          shares: '25.0000',
          cost: '300.00', // 600.00 × 25 / 50
          ratePct: '5.00',
          base: '287.50',
          cdsc: '14.38',
          waived: '0.00',
        },
      ],
    });
  });

  it('leaves the rest of the second lot with the rest of its cost', () => {
    expect(lotsJson(ledger)).toEqual([
      {
        kind: 'commission',
        lotId: 'P2',
        sequence: 1,
        arrival: 1,
        portfolio: 'growth',
        issuingPortfolio: 'growth',
        doi: '2005-06-10',
        shares: '25.0000',
        cost: '300.00',
        attribution: null,
      },
    ]);
  });

  it('the reference ledger agrees', () => {
    expect(ledgerJson(referenceReplayAccount('acct-1', activity, DEFAULT_CLASS_B_TERMS))).toEqual(
      ledgerJson(ledger),
    );
  });
});
