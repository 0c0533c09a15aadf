import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, exchange, ledgerJson, lotsJson, redeem, redemptionJson } from './support/activity.js';

// SPEC §6: "pieces of one purchase that reach the same portfolio by different exchanges (at
// different price ratios) stay separate lots, each with its own cost; lots are never merged."
//
// One purchase of 200 fund-a shares at 10.00 (cost 2,000.00) reaches fund-b in two exchanges:
//   E1: 100 fund-a at 10.00 = 1,000.00 → 50 fund-b at 20.00; cost given up 2,000 × 100/200 = 1,000.00
//   E2: 100 fund-a at 12.00 = 1,200.00 → 60 fund-b at 20.00; cost given up: the rest, 1,000.00
// fund-b then holds 50 shares costing 1,000.00 (20.00 a share) and 60 costing 1,000.00 (16.67).
// The same purchase made as two tickets in fund-b on the same day: 50 at 20.00 (1,000.00) and
// 60 at 16.6667 (60 × 16.6667 = 1,000.002 → 1,000.00).
const byExchanges = [
  buy('P1', '2004-03-01', 'fund-a', '200', '10.00'),
  exchange('E1', '2004-06-01', ['fund-a', '100', '10.00'], ['fund-b', '50', '20.00']),
  exchange('E2', '2004-09-01', ['fund-a', '100', '12.00'], ['fund-b', '60', '20.00']),
];
const byTickets = [
  buy('T1', '2004-03-01', 'fund-b', '50', '20.00'),
  buy('T2', '2004-03-01', 'fund-b', '60', '16.6667'),
];

// DOI 2004-03-01; on 2005-05-03 the first anniversary has passed: year 2 of the schedule, 4%.
// All 110 at 18.00: gross 1,980.00.
//   first lot: 50 × 18 = 900.00 < cost 1,000.00 → base 900.00 → 36.00
//   second lot: 60 × 18 = 1,080.00 > cost 1,000.00 → base 1,000.00 → 40.00      CDSC 76.00
// (Merged into one lot of 110 costing 2,000.00 the base would be min(2,000.00, 1,980.00) and the
// CDSC 79.20 — what the ledger charged before.)
// 80 of them at 18.00: the first lot whole (36.00); 30 of the second, cost 1,000 × 30/60 =
//   500.00 < 540.00 → base 500.00 → 20.00                                           CDSC 56.00
const whole = redeem('R1', '2005-05-03', 'fund-b', '110', '18.00');
const part = redeem('R1', '2005-05-03', 'fund-b', '80', '18.00');

describe('a purchase reaching a portfolio by two exchanges keeps two lots (SPEC §6)', () => {
  it('fund-b holds two lots of P1, each with its own cost, in the order they arrived', () => {
    const lots = lotsJson(replayAccount('acct-9', byExchanges, DEFAULT_CLASS_B_TERMS));
    expect(lots.map((l) => [l.lotId, l.portfolio, l.shares, l.cost])).toEqual([
      ['P1', 'fund-b', '50.0000', '1000.00'],
      ['P1', 'fund-b', '60.0000', '1000.00'],
    ]);
    expect(lots[0]!.arrival).toBeLessThan(lots[1]!.arrival);
  });

  for (const [what, redemption, cdsc, pieceCdsc] of [
    ['redeeming all 110 shares', whole, '76.00', ['36.00', '40.00']],
    ['redeeming 80 of the 110 shares', part, '56.00', ['36.00', '20.00']],
  ] as const) {
    it(`${what}: the same CDSC as the same purchase made as two tickets`, () => {
      for (const replay of [replayAccount, referenceReplayAccount]) {
        const exchanged = redemptionJson(
          replay('acct-9', [...byExchanges, redemption], DEFAULT_CLASS_B_TERMS).redemptions[0]!,
        );
        const tickets = redemptionJson(
          replay('acct-10', [...byTickets, redemption], DEFAULT_CLASS_B_TERMS).redemptions[0]!,
        );
        expect(exchanged.cdsc).toBe(cdsc);
        expect(tickets.cdsc).toBe(cdsc);
        expect(exchanged.gross).toBe(tickets.gross);
        expect(exchanged.pieces.map((p) => [p.ratePct, p.base, p.cdsc])).toEqual(
          tickets.pieces.map((p) => [p.ratePct, p.base, p.cdsc]),
        );
        expect(exchanged.pieces.map((p) => p.cdsc)).toEqual(pieceCdsc);
      }
    });
  }

  it('the reference ledger agrees lot by lot', () => {
    const activity = [...byExchanges, part];
    expect(ledgerJson(referenceReplayAccount('acct-9', activity, DEFAULT_CLASS_B_TERMS))).toEqual(
      ledgerJson(replayAccount('acct-9', activity, DEFAULT_CLASS_B_TERMS)),
    );
  });
});
