import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { LedgerRefusal } from '../../src/class-b/ledgerRefusal.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, redeem, redemptionJson } from './support/activity.js';

// Agreement FOURTH(A): the CDSC schedule "may reflect … waivers"; SPEC §6: a waiver makes the
// CDSC zero and records what was waived.
describe('a CDSC waiver', () => {
  it('a redemption on death pays no CDSC and records the 50.00 waived', () => {
    const ledger = replayAccount(
      'acct-5',
      [
        buy('P1', '2005-01-03', 'growth', '100', '10.00'),
        redeem('X1', '2005-09-01', 'growth', '100', '11.00', 'death'),
      ],
      DEFAULT_CLASS_B_TERMS,
    );
    // year 1: 5% × min(1,000.00, 1,100.00) = 50.00, waived
    expect(redemptionJson(ledger.redemptions[0]!)).toMatchObject({
      gross: '1100.00',
      cdsc: '0.00',
      waived: '50.00',
      net: '1100.00',
      pieces: [expect.objectContaining({ ratePct: '5.00', base: '1000.00', cdsc: '0.00', waived: '50.00' })],
    });
  });

  it('systematic withdrawals are waived up to 12% a year of the account value at the first one', () => {
    const start = [buy('P1', '2005-01-03', 'growth', '1000', '10.00')];
    const withinLimit = [
      ...start,
      redeem('S1', '2005-03-01', 'growth', '60', '10.00', 'systematic_withdrawal'),
      // 1,200.00 = 12% of 1,000 × 10.00
      redeem('S2', '2005-09-01', 'growth', '60', '10.00', 'systematic_withdrawal'),
      // 12% of 880 × 10.00 = 1,056.00; 1,000.00 used
      redeem('S3', '2006-03-01', 'growth', '100', '10.00', 'systematic_withdrawal'),
    ];
    const ok = replayAccount('acct-6', withinLimit, DEFAULT_CLASS_B_TERMS);
    expect(ok.redemptions.map((r) => redemptionJson(r).waived)).toEqual(['30.00', '30.00', '40.00']);

    const over = [
      ...withinLimit,
      // 5.6005 × 10.00 = 56.005 → 56.01: 1,056.01 (5.6001 shares would be 56.00, within the value)
      redeem('S4', '2006-06-01', 'growth', '5.6005', '10.00', 'systematic_withdrawal'),
    ];
    for (const replay of [replayAccount, referenceReplayAccount]) {
      const refusal = (() => {
        try {
          replay('acct-6', over, DEFAULT_CLASS_B_TERMS);
        } catch (e) {
          return e;
        }
      })();
      expect(refusal).toBeInstanceOf(LedgerRefusal);
      expect(refusal).toMatchObject({ txnId: 'S4', field: 'waiver' });
    }
  });
});
