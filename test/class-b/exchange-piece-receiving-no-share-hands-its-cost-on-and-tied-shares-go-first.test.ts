import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, exchange, ledgerJson, reinvest } from './support/activity.js';

// SPEC §6: the shares a Free Exchange Transaction delivers are spread over the lots it moves by
// largest remainder at 0.0001 share, a tie to the piece listed first (SPEC §3: the redemption
// order — Free Shares first, then Commission Shares oldest DOI first); cost is conserved to the
// cent. A piece that receives no share hands its cost to the piece of its kind receiving the most,
// else (no piece of its kind receives any) to the piece receiving the most
// (src/class-b/classBLedger.ts heirOf). Both ledgers must say so.
const ledgers = (activity: Parameters<typeof replayAccount>[1]) => [
  ledgerJson(replayAccount('acct', activity, DEFAULT_CLASS_B_TERMS)),
  ledgerJson(referenceReplayAccount('acct', activity, DEFAULT_CLASS_B_TERMS)),
];

describe('a Free Exchange Transaction spreading too few shares over its pieces', () => {
  it('three tied pieces: the odd 0.0001 share goes to the oldest DOI, each lot keeps its cost', () => {
    // 3 × 10.0000 / 30.0000 = 1.0000 share delivered over three 1.0000-share lots:
    // 10,000 units × 1/3 = 3,333.33… each → 3,333 each (9,999), the last unit to the first piece.
    const activity = [
      buy('X1', '2005-01-03', 'fund-a', '1.0000', '10.0000'), // cost 10.00
      buy('X2', '2005-01-04', 'fund-a', '1.0000', '11.0000'), // cost 11.00
      buy('X3', '2005-01-05', 'fund-a', '1.0000', '12.0000'), // cost 12.00
      exchange('XX', '2005-07-01', ['fund-a', '3.0000', '10.0000'], ['fund-b', '1.0000', '30.0000']),
    ];
    for (const l of ledgers(activity)) {
      expect(l.lots.map((x) => [x.lotId, x.portfolio, x.shares, x.cost])).toEqual([
        ['X1', 'fund-b', '0.3334', '10.00'],
        ['X2', 'fund-b', '0.3333', '11.00'],
        ['X3', 'fund-b', '0.3333', '12.00'],
      ]);
    }
  });

  it('a Free Share piece receiving none, with no other free piece: its cent goes to the commission piece', () => {
    // Z1: 1.0000 × 10.0000 = 10.00; Z2 (free): 0.0004 × 30.0000 = 0.012 → 0.01.
    // Out 1.0004 at 10.0000, in at 100.0000: 10.004 / 100 = 0.10004 → 0.1000 (1,000 units).
    // Free first: Z2 4 units, Z1 10,000 units → exact 0.3998 and 999.6002 → 0 and 999, the
    // last unit to the larger remainder (Z1) → Z2 0, Z1 1,000. Z2's 0.01 goes to Z1: 10.01.
    const activity = [
      buy('Z1', '2005-01-03', 'fund-a', '1.0000', '10.0000'),
      reinvest('Z2', '2005-02-01', 'fund-a', '0.0004', '30.0000'),
      exchange('ZX', '2005-03-01', ['fund-a', '1.0004', '10.0000'], ['fund-b', '0.1000', '100.0000']),
    ];
    for (const l of ledgers(activity)) {
      expect(l.exchanges[0]!.pieces).toEqual([
        { lotId: 'Z2', kind: 'free', shares: '0.0004', cost: '0.01', delivered: '0.0000' },
        { lotId: 'Z1', kind: 'commission', shares: '1.0000', cost: '10.00', delivered: '0.1000' },
      ]);
      expect(l.lots.map((x) => [x.lotId, x.kind, x.portfolio, x.shares, x.cost])).toEqual([
        ['Z1', 'commission', 'fund-b', '0.1000', '10.01'],
      ]);
    }
  });
});
