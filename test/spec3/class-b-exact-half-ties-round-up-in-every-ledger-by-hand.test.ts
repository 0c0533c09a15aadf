import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import type { AccountLedger } from '../../src/class-b/ledgerResults.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, ledgerJson, redeem, redemptionJson, reinvest } from '../class-b/support/activity.js';
import { monthsThrough, runMonthPass } from '../class-b/support/monthPassHarness.js';

/**
 * SPEC §3 and §6: rounding is half-up, and every quantity derived by proportion is rounded half-up
 * at its granularity — a lot's cost given up pro rata and the gross proceeds to the cent, a piece's
 * CDSC to the cent, the Free Shares converting pro rata to 0.0001 share. Each case below lands on
 * an exact half, where half-up, half-even and truncation give different answers; the three ledger
 * engines (the fast replay, the decimal reference and the close's month pass) must all go up.
 *
 * Account HALF, portfolio growth, default schedule (5% in year 1), conversion after 8 years:
 *   P1 2005-01-03 buy 2 @ 10.0050: cost 2 × 10.0050 = 20.01 (exact)
 *   X1 2005-03-01 redeem 1 @ 10.1000: P1 gives up 20.01 × 1/2 = 10.005 → 10.01 (tie; the lot keeps
 *      10.00); value 10.10; base min(10.01, 10.10) = 10.01; CDSC 5% × 10.01 = 0.5005 → 0.50;
 *      gross 10.10; net 10.10 − 0.50 = 9.60
 *   X2 2005-04-01 redeem 1 @ 10.0050: P1's last share, cost 10.00; value 10.005; base
 *      min(10.00, 10.005) = 10.00; CDSC 0.50; gross 1 × 10.0050 = 10.005 → 10.01 (tie); net 9.51
 *   P2 2005-05-02 buy 1.01 @ 10.00: cost 10.10
 *   X3 2005-06-01 redeem 1.01 @ 10.00: value 10.10 = cost; CDSC 5% × 10.10 = 0.505 → 0.51 (tie);
 *      gross 10.10; net 9.59
 * Account CONV, portfolio growth:
 *   P3 2000-01-03 buy 1 @ 10.00 (8th anniversary 2008-01-03: converts 2008-01-31)
 *   P4 2001-06-01 buy 1 @ 10.00 (converts 2009-06-30)
 *   R1 2002-12-31 reinvest 1.0001 @ 10.00: cost 10.001 → 10.00
 *   2008-01-31: Free Shares converting = 1.0001 × 1 / 2 = 0.50005 → 0.5001 (tie); their cost
 *      10.00 × 0.5001 / 1.0001 = 5.00049995… → 5.00; R1 keeps 0.5000 shares and 5.00
 */
const HALF = [
  buy('P1', '2005-01-03', 'growth', '2', '10.0050'),
  redeem('X1', '2005-03-01', 'growth', '1', '10.1000'),
  redeem('X2', '2005-04-01', 'growth', '1', '10.0050'),
  buy('P2', '2005-05-02', 'growth', '1.01', '10.00'),
  redeem('X3', '2005-06-01', 'growth', '1.01', '10.00'),
];
const CONV = [
  buy('P3', '2000-01-03', 'growth', '1', '10.00'),
  buy('P4', '2001-06-01', 'growth', '1', '10.00'),
  reinvest('R1', '2002-12-31', 'growth', '1.0001', '10.00'),
];
const UNTIL = '2008-02-29';

const redemptions = (l: AccountLedger) =>
  l.redemptions.map((r) => {
    const j = redemptionJson(r);
    return [j.txnId, j.gross, j.cdsc, j.net, j.pieces.map((p) => [p.lotId, p.cost, p.base, p.cdsc])];
  });

const EXPECTED_REDEMPTIONS = [
  ['X1', '10.10', '0.50', '9.60', [['P1', '10.01', '10.01', '0.50']]],
  ['X2', '10.01', '0.50', '9.51', [['P1', '10.00', '10.00', '0.50']]],
  ['X3', '10.10', '0.51', '9.59', [['P2', '10.10', '10.10', '0.51']]],
];

const conversionView = (l: AccountLedger) => {
  const j = ledgerJson(l);
  return {
    conversions: j.conversions.map((c) => ({
      date: c.date,
      commission: c.commission,
      free: c.free,
      pieces: c.pieces.map((p) => [p.lotId, p.shares, p.cost]),
    })),
    lots: j.lots.map((x) => [x.lotId, x.shares, x.cost]),
  };
};

const EXPECTED_CONVERSION = {
  conversions: [
    {
      date: '2008-01-31',
      commission: '1.0000',
      free: '0.5001',
      pieces: [
        ['R1', '0.5001', '5.00'],
        ['P3', '1.0000', '10.00'],
      ],
    },
  ],
  lots: [
    ['P4', '1.0000', '10.00'],
    ['R1', '0.5000', '5.00'],
  ],
};

describe('exact halves round up in every Class B ledger', () => {
  it('the fast replay: cost given up, gross proceeds and CDSC at a half cent go up', () => {
    expect(redemptions(replayAccount('HALF', HALF, DEFAULT_CLASS_B_TERMS))).toEqual(EXPECTED_REDEMPTIONS);
  });

  it('the decimal reference: the same cents', () => {
    expect(redemptions(referenceReplayAccount('HALF', HALF, DEFAULT_CLASS_B_TERMS))).toEqual(
      EXPECTED_REDEMPTIONS,
    );
  });

  it('Free Shares converting at half a ten-thousandth of a share go up, in both replays', () => {
    expect(conversionView(replayAccount('CONV', CONV, DEFAULT_CLASS_B_TERMS, { until: UNTIL }))).toEqual(
      EXPECTED_CONVERSION,
    );
    expect(
      conversionView(referenceReplayAccount('CONV', CONV, DEFAULT_CLASS_B_TERMS, { until: UNTIL })),
    ).toEqual(EXPECTED_CONVERSION);
  });

  it('the close’s month pass, month by month from empty ledgers: the same cents and shares', async () => {
    const run = await runMonthPass(
      [
        { account: 'HALF', omnibus: false, activity: HALF },
        { account: 'CONV', omnibus: false, activity: CONV },
      ],
      DEFAULT_CLASS_B_TERMS,
      ['growth'],
      monthsThrough('2000-01', '2008-02'),
      { chunkSize: 2 },
    );
    expect(redemptions(run.ledgers.get('HALF')!)).toEqual(EXPECTED_REDEMPTIONS);
    expect(conversionView(run.ledgers.get('CONV')!)).toEqual(EXPECTED_CONVERSION);
  });
});
