import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import { attributeCdsc } from '../../src/class-b/earnedCdsc.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, exchange, ledgerJson, redeem, reinvest } from '../class-b/support/activity.js';

/**
 * SPEC §6: a chain of Free Exchange Transactions A → B (twice, at different price ratios) → C → A;
 * pieces of one purchase reaching one portfolio stay separate lots with their own cost; a later
 * redemption's CDSC belongs to whoever distributed the FIRST issuing portfolio on the DOI.
 *
 * P1 buys 300 A at 10.00 on 2004-01-15 (cost 3,000.00); R1 reinvests 10 A at 10.00 on 2004-02-27.
 * E1 2004-03-01: 110 A at 10.00 → 220 B at 5.00 (ratio 2): Free first (R1 10 → 20 B, cost 100.00),
 *    then 100 of P1 → 200 B, cost 3,000.00 × 100/300 = 1,000.00. A keeps P1 200 / 2,000.00.
 * E2 2004-06-01: 200 A at 12.00 → 300 B at 8.00 (ratio 1.5): P1's last 200 → 300 B, cost 2,000.00 —
 *    a second B lot of P1, not merged with the first (200 B / 1,000.00).
 * E3 2004-07-01: 100 B at 8.00 → 80 C at 10.00 (0.8): R1's 20 (→ 16, cost 100.00) then 80 of the
 *    earlier-arrived P1 lot (same DOI: the one that came first) → 64 C, cost 1,000.00 × 80/200 = 400.00.
 * E4 2004-08-02: 80 C at 10.00 → 70 A at 11.4286 (80 × 10 / 11.4286 = 69.9998… → 70.0000): R1 16 →
 *    14.0000 (exactly 16 × 70/80), P1 64 → 56.0000, costs 100.00 / 400.00 travel.
 * X1 2005-02-01 redeems 350 B at 6.00, DOI 2004-01-15 → one anniversary passed → year 2 → 4%:
 *    P1 lot of E1, 120 B left, cost 600.00: value 720.00, base 600.00 → 24.00;
 *    P1 lot of E2, 230 of 300 B: cost round_half_up(2,000.00 × 230/300 = 1,533.333…) = 1,533.33,
 *    value 1,380.00, base 1,380.00 → 55.20.
 *    CDSC 79.20; gross 2,100.00; net 2,020.80. The lot keeps 70 B and 2,000.00 − 1,533.33 = 466.67.
 * Cost conserved: 600.00 + 1,533.33 (redeemed) + 466.67 (B) + 400.00 (P1 in A) + 100.00 (R1) = 3,100.00
 * = 3,000.00 + 100.00 bought.
 */
const activity = [
  buy('P1', '2004-01-15', 'fund-a', '300', '10.00'),
  reinvest('R1', '2004-02-27', 'fund-a', '10', '10.00'),
  exchange('E1', '2004-03-01', ['fund-a', '110', '10.00'], ['fund-b', '220', '5.00']),
  exchange('E2', '2004-06-01', ['fund-a', '200', '12.00'], ['fund-b', '300', '8.00']),
  exchange('E3', '2004-07-01', ['fund-b', '100', '8.00'], ['fund-c', '80', '10.00']),
  exchange('E4', '2004-08-02', ['fund-c', '80', '10.00'], ['fund-a', '70', '11.4286']),
  buy('P2', '2004-09-01', 'fund-b', '100', '6.00'),
  redeem('X1', '2005-02-01', 'fund-b', '350', '6.00'),
];

describe('an exchange chain A → B → C → A: separate lots, own costs, CDSC earned by the first issuing portfolio', () => {
  const ledger = replayAccount('acct', activity, DEFAULT_CLASS_B_TERMS);
  const json = ledgerJson(ledger);

  it('each exchange moves the worked pieces, free first, then the first-arrived lot of a DOI', () => {
    expect(
      json.exchanges.map((e) => [
        e.exchangeId,
        e.pieces.map((p) => [p.lotId, p.shares, p.cost, p.delivered]),
      ]),
    ).toEqual([
      [
        'E1',
        [
          ['R1', '10.0000', '100.00', '20.0000'],
          ['P1', '100.0000', '1000.00', '200.0000'],
        ],
      ],
      ['E2', [['P1', '200.0000', '2000.00', '300.0000']]],
      [
        'E3',
        [
          ['R1', '20.0000', '100.00', '16.0000'],
          ['P1', '80.0000', '400.00', '64.0000'],
        ],
      ],
      [
        'E4',
        [
          ['R1', '16.0000', '100.00', '14.0000'],
          ['P1', '64.0000', '400.00', '56.0000'],
        ],
      ],
    ]);
  });

  it('the redemption in B takes the two P1 lots separately, each with its own cost and base', () => {
    expect(json.redemptions).toEqual([
      expect.objectContaining({
        txnId: 'X1',
        gross: '2100.00',
        cdsc: '79.20',
        net: '2020.80',
        pieces: [
          expect.objectContaining({
            lotId: 'P1',
            issuingPortfolio: 'fund-a',
            shares: '120.0000',
            cost: '600.00',
            ratePct: '4.00',
            base: '600.00',
            cdsc: '24.00',
          }),
          expect.objectContaining({
            lotId: 'P1',
            issuingPortfolio: 'fund-a',
            shares: '230.0000',
            cost: '1533.33',
            ratePct: '4.00',
            base: '1380.00',
            cdsc: '55.20',
          }),
        ],
      }),
    ]);
    // P2 (DOI 2004-09-01, younger) is untouched: oldest DOI first
    expect(json.lots.map((l) => [l.portfolio, l.lotId, l.doi, l.shares, l.cost])).toEqual(
      expect.arrayContaining([
        ['fund-a', 'P1', '2004-01-15', '56.0000', '400.00'],
        ['fund-a', 'R1', '2004-02-27', '14.0000', '100.00'],
        ['fund-b', 'P1', '2004-01-15', '70.0000', '466.67'],
        ['fund-b', 'P2', '2004-09-01', '100.0000', '600.00'],
      ]),
    );
    expect(json.lots).toHaveLength(4);
    const cents = (s: string) => BigInt(s.replace('.', ''));
    const kept = json.lots.reduce((s, l) => s + cents(l.cost), 0n);
    const given = json.redemptions[0]!.pieces.reduce((s, p) => s + cents(p.cost), 0n);
    expect(kept + given).toBe(300_000n + 10_000n + 60_000n); // 3,000.00 + 10 × 10.00 + 100 × 6.00 (cents)
  });

  it('the CDSC is Earned by the distributor of fund-a on the DOI, not by fund-b’s own distributor', () => {
    // Summit: all portfolios to 2004-12-31; Bravo: fund-b alone through 2005-12-31 (its shares of
    // fund-b's own issuance); Other: all from 2005-01-01.
    const terms = [
      createDistributorTerm({
        portfolioId: null,
        distributor: 'Summit',
        start: '2003-01-01',
        end: '2004-12-31',
        rightsAssignedTo: null,
      }),
      createDistributorTerm({
        portfolioId: null,
        distributor: 'Other',
        start: '2005-01-01',
        end: null,
        rightsAssignedTo: null,
      }),
      createDistributorTerm({
        portfolioId: 'fund-b',
        distributor: 'Bravo',
        start: '2003-01-01',
        end: '2005-12-31',
        rightsAssignedTo: null,
      }),
    ];
    const earned = json.redemptions[0]!.pieces.map((p) => [
      p.cdsc,
      attributeCdsc(terms, p.issuingPortfolio, p.doi).earnedBy,
    ]);
    expect(earned).toEqual([
      ['24.00', 'Summit'],
      ['55.20', 'Summit'],
    ]);
    // P2, first issued by fund-b on 2004-09-01, would be Bravo's (an Other Distributor for fund-b)
    expect(attributeCdsc(terms, 'fund-b', '2004-09-01').earnedBy).toBe('Bravo');
  });

  it('delivered shares spread over three equal lots: largest remainder, the tie to the lot taken first', () => {
    // 3 lots of 1 share (DOIs 01-05, 01-06, 01-07) at 10.00 → 1 share at 30.00: quotas ⅓ each →
    // 0.3333 × 3 = 0.9999, the last unit to the first lot taken (the oldest DOI): 0.3334 / 0.3333 / 0.3333;
    // costs 10.00 each travel whole.
    const l = replayAccount(
      'acct-2',
      [
        buy('Q1', '2005-01-05', 'fund-a', '1', '10.00'),
        buy('Q2', '2005-01-06', 'fund-a', '1', '10.00'),
        buy('Q3', '2005-01-07', 'fund-a', '1', '10.00'),
        exchange('E9', '2005-02-01', ['fund-a', '3', '10.00'], ['fund-b', '1', '30.00']),
      ],
      DEFAULT_CLASS_B_TERMS,
    );
    expect(ledgerJson(l).exchanges[0]!.pieces.map((p) => [p.lotId, p.delivered, p.cost])).toEqual([
      ['Q1', '0.3334', '10.00'],
      ['Q2', '0.3333', '10.00'],
      ['Q3', '0.3333', '10.00'],
    ]);
  });

  it('the reference ledger agrees', () => {
    expect(ledgerJson(referenceReplayAccount('acct', activity, DEFAULT_CLASS_B_TERMS))).toEqual(json);
  });
});
