import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { createClassBTerms } from '../../src/class-b/classBTerms.js';
import { createRedemptionFeeRule } from '../../src/class-b/redemptionFeeRule.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, exchange, ledgerJson, redeem, redemptionJson, reinvest } from './support/activity.js';

// Agreement FOURTH(D): net = gross − first the CDSC − second the redemption fee, which the
// Portfolio retains; the fee is the redeeming portfolio's rule.
describe('a redemption fee', () => {
  const terms = createClassBTerms({
    redemptionFees: [createRedemptionFeeRule({ portfolioId: 'fund-b', ratePct: '2', holdingDays: 30 })],
  });
  const activity = [
    buy('P1', '2005-01-03', 'fund-a', '100', '10.00'),
    exchange('E1', '2005-01-20', ['fund-a', '100', '10.00'], ['fund-b', '50', '20.00']),
    reinvest('R1', '2005-02-25', 'fund-b', '1', '20.00'),
    // 51 shares at 20.50: R1 (held 5 days) bears the fee, P1 (DOI 2005-01-03, 55 days) does not
    redeem('X1', '2005-03-02', 'fund-b', '51', '20.50'),
  ];

  it('charges 2% on the value of the shares held under 30 days, after the CDSC', () => {
    // gross 51 × 20.50 = 1,045.50; CDSC 5% × min(1,000.00, 1,025.00) = 50.00; fee 2% × 20.50 = 0.41
    expect(redemptionJson(replayAccount('acct-9', activity, terms).redemptions[0]!)).toMatchObject({
      gross: '1045.50',
      cdsc: '50.00',
      redemptionFee: '0.41',
      net: '995.09',
    });
    expect(ledgerJson(referenceReplayAccount('acct-9', activity, terms))).toEqual(
      ledgerJson(replayAccount('acct-9', activity, terms)),
    );
  });
});
