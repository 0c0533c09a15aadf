import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, ledgerJson, lotsJson, redeem, redemptionJson } from './support/activity.js';

// SPEC §6: CDSC = round_half_up(rate × min(cost given up, shares × redemption price), 2) — no
// CDSC on appreciation, and on depreciation the (lower) value is the base.
const activity = [
  buy('P1', '2003-05-01', 'value', '200', '25.00'), // cost 5,000.00
  redeem('X1', '2004-02-10', 'value', '80', '30.00'), // after appreciation, year 1
  redeem('X2', '2004-07-15', 'value', '40', '21.3333'), // after depreciation, year 2
  buy('P2', '2004-08-02', 'value', '7', '1.4286'), // cost 10.0002 → 10.00
  redeem('X3', '2004-08-03', 'value', '82', '2.00'), // takes 80 of P1, then 2 of P2's 7 shares
];

describe('the CDSC base after appreciation and after depreciation', () => {
  const ledger = replayAccount('acct-2', activity, DEFAULT_CLASS_B_TERMS);
  const [x1, x2, x3] = ledger.redemptions.map(redemptionJson);

  it('after appreciation the base is the cost given up', () => {
    // cost given up 5,000.00 × 80 / 200 = 2,000.00 < value 2,400.00; 5% → 100.00
    expect(x1).toMatchObject({ gross: '2400.00', cdsc: '100.00', net: '2300.00' });
    expect(x1!.pieces).toEqual([
      expect.objectContaining({
        shares: '80.0000',
        cost: '2000.00',
        ratePct: '5.00',
        base: '2000.00',
        cdsc: '100.00',
      }),
    ]);
  });

  it('after depreciation the base is the value, exact to the 1/100,000,000 dollar', () => {
    // past the first anniversary (2004-05-01): 4%. Cost given up 3,000.00 × 40 / 120 = 1,000.00;
    // value 40 × 21.3333 = 853.332; 4% × 853.332 = 34.13328 → 34.13; gross 853.33
    expect(x2).toMatchObject({ gross: '853.33', cdsc: '34.13', net: '819.20' });
    expect(x2!.pieces).toEqual([
      expect.objectContaining({
        shares: '40.0000',
        cost: '1000.00',
        ratePct: '4.00',
        base: '853.332',
        cdsc: '34.13',
      }),
    ]);
  });

  it('a lot consumed in part gives up its cost pro rata, rounded half up to the cent', () => {
    // P1: 80 shares, cost 2,000.00, value 160.00 → 4% × 160.00 = 6.40
    // P2: 2 of 7 shares: 10.00 × 2 / 7 = 2.857… → 2.86; value 4.00 → base 2.86; 5% → 0.143 → 0.14
    expect(x3!.pieces).toEqual([
      expect.objectContaining({
        lotId: 'P1',
        shares: '80.0000',
        cost: '2000.00',
        base: '160.00',
        cdsc: '6.40',
      }),
      expect.objectContaining({ lotId: 'P2', shares: '2.0000', cost: '2.86', base: '2.86', cdsc: '0.14' }),
    ]);
    expect(x3).toMatchObject({ gross: '164.00', cdsc: '6.54', net: '157.46' });
    expect(lotsJson(ledger)).toEqual([
      expect.objectContaining({ lotId: 'P2', shares: '5.0000', cost: '7.14' }),
    ]);
  });

  it('the reference ledger agrees', () => {
    expect(ledgerJson(referenceReplayAccount('acct-2', activity, DEFAULT_CLASS_B_TERMS))).toEqual(
      ledgerJson(ledger),
    );
  });
});
