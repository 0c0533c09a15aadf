import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { createClassBTerms, createConversionPeriod } from '../../src/class-b/classBTerms.js';
import { LedgerRefusal } from '../../src/class-b/ledgerRefusal.js';
import { createRedemptionFeeRule } from '../../src/class-b/redemptionFeeRule.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, exchange, ledgerJson, redeem, redemptionJson, reinvest } from '../class-b/support/activity.js';

describe('conversion at the end of the anniversary month: Feb 29 DOIs, another period, Free Shares pro rata with their cost (SPEC §6)', () => {
  /**
   * `income` converts after 6 years, `growth` after the default 8.
   * Q1 50 income 2004-02-29: 6th anniversary 2010-02-28 (2010 is no leap year) → converts 2010-02-28
   *    with S1's 5 Free Shares: 5 × 50/50 = 5, cost 100.00.
   * P1 100 growth 2004-02-29: 8th anniversary 2012-02-29 (a leap year) → converts 2012-02-29.
   * P2 300 growth 2005-06-15 → converts 2013-06-30.
   * R1 40 growth reinvested 2006-12-29 at 12.50: cost 500.00. X1 redeems 7 growth 2011-01-10 at 15.00:
   *    Free first, no CDSC; R1 gives up 500.00 × 7/40 = 87.50 → 33 shares, 412.50.
   * 2012-02-29: Free 33 × 100/400 = 8.25, cost round_half_up(412.50 × 8.25/33 = 103.125) = 103.13.
   * 2013-06-30: the rest, 24.75 Free Shares and 412.50 − 103.13 = 309.37, go with P2 (300 of 300).
   * Cost of R1: 87.50 + 103.13 + 309.37 = 500.00.
   */
  const terms = createClassBTerms({
    conversionPeriods: [createConversionPeriod({ portfolioId: 'income', years: 6 })],
  });
  const activity = [
    buy('P1', '2004-02-29', 'growth', '100', '10.00'),
    buy('Q1', '2004-02-29', 'income', '50', '20.00'),
    buy('P2', '2005-06-15', 'growth', '300', '10.00'),
    reinvest('R1', '2006-12-29', 'growth', '40', '12.50'),
    reinvest('S1', '2007-12-31', 'income', '5', '20.00'),
    redeem('X1', '2011-01-10', 'growth', '7', '15.00'),
  ];

  it('converts on each portfolio’s own anniversary month end, Free Shares and cost pro rata', () => {
    const l = replayAccount('acct', activity, terms, { until: '2013-06-30' });
    expect(
      ledgerJson(l).conversions.map((c) => [
        c.date,
        c.portfolio,
        c.commission,
        c.free,
        c.pieces.map((p) => [p.lotId, p.shares, p.cost]),
      ]),
    ).toEqual([
      [
        '2010-02-28',
        'income',
        '50.0000',
        '5.0000',
        [
          ['S1', '5.0000', '100.00'],
          ['Q1', '50.0000', '1000.00'],
        ],
      ],
      [
        '2012-02-29',
        'growth',
        '100.0000',
        '8.2500',
        [
          ['R1', '8.2500', '103.13'],
          ['P1', '100.0000', '1000.00'],
        ],
      ],
      [
        '2013-06-30',
        'growth',
        '300.0000',
        '24.7500',
        [
          ['R1', '24.7500', '309.37'],
          ['P2', '300.0000', '3000.00'],
        ],
      ],
    ]);
    expect(redemptionJson(l.redemptions[0]!)).toMatchObject({ gross: '105.00', cdsc: '0.00', net: '105.00' });
    expect(l.lots).toEqual([]);
    expect(ledgerJson(referenceReplayAccount('acct', activity, terms, { until: '2013-06-30' }))).toEqual(
      ledgerJson(l),
    );
  });

  it('shares exchanged in keep the first issuing portfolio’s period; a redemption on the day comes before the conversion', () => {
    /**
     * Reading taken (SPEC §6 "the period is data, per portfolio"; DOMAIN §4.3: exchanged shares keep
     * "the original purchase date/CDSC schedule for later CDSC and conversion"): the period of the
     * portfolio that first issued the shares.
     * P1 100 `seven` (7 years) 2004-02-29 → 50 `eight` on 2006-05-01; 7th anniversary 2011-02-28.
     * P2 100 `eight` 2004-02-29 → 2012-02-29; P3 100 `eight` 2005-03-10 → 2013-03-31.
     * R1 30 `eight` 2005-12-30 (cost 300.00). X1 redeems 10 `eight` on 2011-02-28: R1 → 20 / 200.00.
     * 2011-02-28: P1's 50 of 250 Commission Shares → 20 × 50/250 = 4 Free, 200.00 × 4/20 = 40.00.
     * 2012-02-29: P2's 100 of 200 → 16 × 100/200 = 8 Free, 160.00 × 8/16 = 80.00.
     */
    const t = createClassBTerms({
      conversionPeriods: [createConversionPeriod({ portfolioId: 'seven', years: 7 })],
    });
    const l = replayAccount(
      'acct-2',
      [
        buy('P1', '2004-02-29', 'seven', '100', '10.00'),
        buy('P2', '2004-02-29', 'eight', '100', '10.00'),
        buy('P3', '2005-03-10', 'eight', '100', '10.00'),
        reinvest('R1', '2005-12-30', 'eight', '30', '10.00'),
        exchange('E1', '2006-05-01', ['seven', '100', '10.00'], ['eight', '50', '20.00']),
        redeem('X1', '2011-02-28', 'eight', '10', '20.00'),
      ],
      t,
      { until: '2012-03-31' },
    );
    expect(
      ledgerJson(l).conversions.map((c) => [
        c.date,
        c.commission,
        c.free,
        c.pieces.map((p) => [p.lotId, p.cost]),
      ]),
    ).toEqual([
      [
        '2011-02-28',
        '50.0000',
        '4.0000',
        [
          ['R1', '40.00'],
          ['P1', '1000.00'],
        ],
      ],
      [
        '2012-02-29',
        '100.0000',
        '8.0000',
        [
          ['R1', '80.00'],
          ['P2', '1000.00'],
        ],
      ],
    ]);
    expect(ledgerJson(l).lots.map((x) => [x.lotId, x.shares, x.cost])).toEqual([
      ['P3', '100.0000', '1000.00'],
      ['R1', '8.0000', '80.00'],
    ]);
  });
});

describe('waivers and a redemption fee retained by the portfolio (SPEC §6, FOURTH(D))', () => {
  /**
   * P1 1,000 fund-a at 10.00 on 2006-01-03 (year 1 until 2007-01-03: 5%).
   * Systematic withdrawals in 2006: allowance 12% × 1,000 × 10.00 = 1,200.00 (value at the first).
   *   W1 50 at 10.00 = 500.00 (waived 5% × 500.00 = 25.00); W2 50 at 12.00 = 600.00 (base min(500.00,
   *   600.00) → 25.00 waived; 1,100.00 used); W3 8 at 12.50 = 100.00 → exactly 1,200.00: waived 4.00.
   *   One cent more in 2006 is refused; 2007 starts a new allowance.
   * D1 death: 100 at 9.00, base min(1,000.00, 900.00) = 900.00 → 45.00 waived, net = gross 900.00.
   * E1 100 fund-a at 9.00 → 45 fund-b at 20.00 (cost 1,000.00). B1 buys 10 fund-b at 20.00 on 06-15.
   * fund-b has a 2% fee on shares held fewer than 30 days since their DOI.
   * F1 2006-07-05 redeems 50 fund-b at 21.00, oldest DOI first: P1's 45: cost 1,000.00, value 945.00
   *   → 5% × 945.00 = 47.25, no fee (DOI 183 days back); B1 5 of 10: cost 100.00, value 105.00 →
   *   5.00; 20 days since its DOI → fee 2% × 105.00 = 2.10.
   *   Gross 1,050.00, CDSC 52.25, fee 2.10 (retained by fund-b, not CDSC), net 995.65.
   */
  const terms = createClassBTerms({
    redemptionFees: [createRedemptionFeeRule({ portfolioId: 'fund-b', ratePct: '2', holdingDays: 30 })],
  });
  const activity = [
    buy('P1', '2006-01-03', 'fund-a', '1000', '10.00'),
    redeem('W1', '2006-02-01', 'fund-a', '50', '10.00', 'systematic_withdrawal'),
    redeem('W2', '2006-03-01', 'fund-a', '50', '12.00', 'systematic_withdrawal'),
    redeem('W3', '2006-04-03', 'fund-a', '8', '12.50', 'systematic_withdrawal'),
    redeem('D1', '2006-05-01', 'fund-a', '100', '9.00', 'death'),
    exchange('E1', '2006-06-01', ['fund-a', '100', '9.00'], ['fund-b', '45', '20.00']),
    buy('B1', '2006-06-15', 'fund-b', '10', '20.00'),
    redeem('F1', '2006-07-05', 'fund-b', '50', '21.00'),
  ];

  it('every waived amount recorded; the fee charged only on the young piece; net = gross − CDSC − fee', () => {
    const l = replayAccount('acct', activity, terms);
    expect(
      l.redemptions
        .map((r) => redemptionJson(r))
        .map((r) => [r.txnId, r.gross, r.cdsc, r.waived, r.redemptionFee, r.net]),
    ).toEqual([
      ['W1', '500.00', '0.00', '25.00', '0.00', '500.00'],
      ['W2', '600.00', '0.00', '25.00', '0.00', '600.00'],
      ['W3', '100.00', '0.00', '4.00', '0.00', '100.00'],
      ['D1', '900.00', '0.00', '45.00', '0.00', '900.00'],
      ['F1', '1050.00', '52.25', '0.00', '2.10', '995.65'],
    ]);
    expect(
      redemptionJson(l.redemptions[4]!).pieces.map((p) => [p.lotId, p.shares, p.cost, p.base, p.cdsc]),
    ).toEqual([
      ['P1', '45.0000', '1000.00', '945.00', '47.25'],
      ['B1', '5.0000', '100.00', '100.00', '5.00'],
    ]);
    expect(ledgerJson(referenceReplayAccount('acct', activity, terms))).toEqual(ledgerJson(l));
  });

  it('a systematic withdrawal one cent over 12% of the year is refused; the next year starts afresh', () => {
    const over = [
      ...activity.slice(0, 4),
      redeem('W4', '2006-04-10', 'fund-a', '0.0008', '12.50', 'systematic_withdrawal'),
    ];
    // 0.0008 × 12.50 = 0.01 → 1,200.01 > 1,200.00
    expect(() => replayAccount('acct', over, terms)).toThrow(LedgerRefusal);
    // 2007: 1,000 − 208 = 792 shares held before the first one, at 10.00 → allowance 950.40; 95.04
    // shares = 950.40 passes (year 2: 4% × min(950.40, 950.40) = 38.016 → 38.02 waived)
    const next = replayAccount(
      'acct',
      [
        ...activity.slice(0, 5),
        redeem('W5', '2007-02-01', 'fund-a', '95.04', '10.00', 'systematic_withdrawal'),
      ],
      terms,
    );
    expect(redemptionJson(next.redemptions.at(-1)!)).toMatchObject({
      gross: '950.40',
      cdsc: '0.00',
      waived: '38.02',
    });
  });
});
