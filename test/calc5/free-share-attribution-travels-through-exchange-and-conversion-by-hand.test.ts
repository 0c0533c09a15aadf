import { describe, expect, it } from 'vitest';
import { computeDistributorShare } from '../../src/allocation/distributorShare.js';
import { createReinvestment } from '../../src/class-b/classBActivity.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import { parsePriceUnits } from '../../src/class-b/pricePerShare.js';
import { formatShareUnits, parseShareUnits } from '../../src/class-b/shareUnits.js';
import { buy, exchange, redeem, reinvest } from '../class-b/support/activity.js';

/**
 * Exhibit A 2(b), SPEC §7: a Free Share's attribution is fixed when it is issued and travels with it
 * through exchanges and conversions; a later purchase through another distributor does not move it.
 *
 * Summit is exclusive distributor of every portfolio to 2005-12-31, Other from 2006-01-01.
 * fund-a: P1 600 Commission 2005-06-01 (Summit); P2 200 Commission 2006-02-01 (Other).
 *   R1 30 Free 2006-03-01, nothing stated → pro rata 600 : 200 → 22.5 Summit / 7.5 Other;
 *   R2 10 Free 2006-04-03 stated for Summit; R3 9 Free 2006-05-01 derived from DOI 2006-02-01 → Other.
 *   P3 1,000 Commission 2006-06-01 (Other): R1's split stays 600 : 200, not 600 : 1,200.
 * E1 2006-07-03: 35 fund-a at 10.00 → 17.5 fund-b at 20.00, Free Shares first, oldest first:
 *   R1 30 → 15 fund-b, R2 5 of 10 → 2.5 fund-b.
 * At 2006-07-31:
 *   fund-a: Summit 600 (a) + 5 (R2) = 605; Other 1,200 (a) + 9 (R3) = 1,209; all 1,814.
 *   fund-b: R1's 15 by 600 : 200 → 11.25 / 3.75; R2's 2.5 → Summit: Summit 13.75, Other 3.75.
 * Conversion of P1 at 2013-06-30 (8th anniversary month): Free Shares 14 × 600/1,800 = 4.6667
 *   (4.666…), oldest first: all from R2 (5 → 0.3333 left).
 *   fund-a after it: Summit 0.3333 (R2); Other 1,200 + 9 = 1,209.
 *   fund-b keeps 13.75 / 3.75: no Commission Shares there to convert with.
 */
const terms = [
  createDistributorTerm({
    portfolioId: null,
    distributor: 'Summit',
    start: '2003-01-01',
    end: '2005-12-31',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: 'Other',
    start: '2006-01-01',
    end: null,
    rightsAssignedTo: null,
  }),
];
const stated = (
  txnId: string,
  date: string,
  shares: string,
  s: { attributedDistributor?: string; derivedFromDoi?: string },
) =>
  createReinvestment({
    txnId,
    date,
    portfolioId: 'fund-a',
    shareUnits: parseShareUnits(shares),
    priceUnits: parsePriceUnits('10.00'),
    ...s,
  });
const activity = [
  buy('P1', '2005-06-01', 'fund-a', '600', '10.00'),
  buy('P2', '2006-02-01', 'fund-a', '200', '10.00'),
  reinvest('R1', '2006-03-01', 'fund-a', '30', '10.00'),
  stated('R2', '2006-04-03', '10', { attributedDistributor: 'Summit' }),
  stated('R3', '2006-05-01', '9', { derivedFromDoi: '2006-02-01' }),
  buy('P3', '2006-06-01', 'fund-a', '1000', '10.00'),
  exchange('E1', '2006-07-03', ['fund-a', '35', '10.00'], ['fund-b', '17.5', '20.00']),
];

function byParty(until: string, portfolioId: string) {
  const l = replayAccount('N1', activity, DEFAULT_CLASS_B_TERMS, { until });
  const c = computeDistributorShare({
    portfolioId,
    date: until,
    distributor: 'Summit',
    terms,
    accounts: [{ account: 'N1', omnibus: false, lots: l.lots.filter((x) => x.portfolioId === portfolioId) }],
  });
  return c.parties.map((p) => [
    p.distributor,
    formatShareUnits(p.commissionShares),
    formatShareUnits(p.freeShares),
  ]);
}

describe('2(b) attribution fixed at issue, carried through an exchange and a conversion', () => {
  it('fund-a and fund-b at 2006-07-31', () => {
    expect(byParty('2006-07-31', 'fund-a')).toEqual([
      ['Summit', '600.0000', '5.0000'],
      ['Other', '1200.0000', '9.0000'],
    ]);
    expect(byParty('2006-07-31', 'fund-b')).toEqual([
      ['Summit', '0.0000', '13.7500'],
      ['Other', '0.0000', '3.7500'],
    ]);
  });

  it('after P1 converts on 2013-06-30 with 4.6667 Free Shares of R2', () => {
    expect(byParty('2013-06-30', 'fund-a')).toEqual([
      ['Summit', '0.0000', '0.3333'],
      ['Other', '1200.0000', '9.0000'],
    ]);
    expect(byParty('2013-06-30', 'fund-b')).toEqual([
      ['Summit', '0.0000', '13.7500'],
      ['Other', '0.0000', '3.7500'],
    ]);
  });
});

describe('a stated DOI whose shares the account no longer holds is traced to their first issuance', () => {
  /**
   * Shares of DOI 2023-03-01 were first issued by fund-a (Harbor, fund-a's own distributor then) and
   * reached fund-b by a Free Exchange (100 fund-a at 10.00 → 50 fund-b at 20.00). P2 buys 50 more
   * fund-b on 2023-08-01 (DOI 2023-08-01). X1 redeems 50 fund-b on 2024-06-03: no Free Shares, no
   * Commission Share past its CDSC period, so the oldest DOI first — all 50 of DOI 2023-03-01.
   * R1 (2024-06-04) reinvests 2 fund-b "derived from DOI 2023-03-01": fund-b holds none of that DOI
   * any more; the shares of it last held there were those 50, first issued by fund-a.
   * SPEC §6 (traced back to that first issuance), §7 2(b) (the attribution follows the shares they
   * derive from): the 2 Free Shares go to fund-a's distributor on 2023-03-01, Harbor: Harbor 2,
   * Summit 0 (Summit keeps P2's 50 Commission Shares by 2(a)). Before the fix: Summit 2 (fund-b's
   * own issuance of 2023-03-01 was assumed).
   */
  const withHarbor = [
    createDistributorTerm({
      portfolioId: null,
      distributor: 'Summit',
      start: '2003-01-01',
      end: null,
      rightsAssignedTo: null,
    }),
    createDistributorTerm({
      portfolioId: 'fund-a',
      distributor: 'Harbor',
      start: '2023-01-03',
      end: '2023-05-31',
      rightsAssignedTo: null,
    }),
  ];
  it('the Free Shares go to the distributor of the first issuance of that DOI (Harbor)', () => {
    const l = replayAccount(
      'N9',
      [
        buy('P1', '2023-03-01', 'fund-a', '100', '10.00'),
        exchange('E1', '2023-06-01', ['fund-a', '100', '10.00'], ['fund-b', '50', '20.00']),
        buy('P2', '2023-08-01', 'fund-b', '50', '20.00'),
        redeem('X1', '2024-06-03', 'fund-b', '50', '20.00'),
        createReinvestment({
          txnId: 'R1',
          date: '2024-06-04',
          portfolioId: 'fund-b',
          shareUnits: parseShareUnits('2'),
          priceUnits: parsePriceUnits('20.00'),
          derivedFromDoi: '2023-03-01',
        }),
      ],
      DEFAULT_CLASS_B_TERMS,
    );
    const c = computeDistributorShare({
      portfolioId: 'fund-b',
      date: '2024-06-04',
      distributor: 'Summit',
      terms: withHarbor,
      accounts: [{ account: 'N9', omnibus: false, lots: l.lots.filter((x) => x.portfolioId === 'fund-b') }],
    });
    expect(c.parties.map((p) => [p.distributor, formatShareUnits(p.freeShares)])).toEqual([
      ['Summit', '0.0000'],
      ['Harbor', '2.0000'],
    ]);
  });
});
