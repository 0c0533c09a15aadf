import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, exchange, ledgerJson, redeem, reinvest } from './support/activity.js';
import { monthsThrough, runMonthPass } from './support/monthPassHarness.js';

// SPEC §6: a lot converts at the end of the month of its 8th anniversary wherever it then is; the
// Free Shares converting with it are those of the portfolio it converts in, pro rata
// (free × converting commission / all commission shares in that account and portfolio), taken
// oldest first. Here the converting lot P is exchanged from g to h on its conversion day.
const activity = [
  buy('P', '2000-03-10', 'g', '10', '10'), // cost 100.00; converts 2008-03-31
  reinvest('F', '2001-01-01', 'g', '4', '10'), // Free Shares, cost 40.00
  buy('Q', '2001-02-01', 'g', '10', '10'), // converts 2009-02-28
  reinvest('G', '2001-03-01', 'h', '3', '10'), // Free Shares, cost 30.00
  buy('H', '2002-02-01', 'h', '5', '10'), // converts 2010-02-28
  // 9 shares out of g at 10 → 18 shares of h at 5: F (4) first, then 5 of P; each piece doubles
  exchange('E1', '2008-03-31', ['g', '9', '10'], ['h', '18', '5']),
  // the oldest Free Shares in h: 1 of F's 8 (cost 40.00 × 1 / 8 = 5.00)
  redeem('X', '2008-03-31', 'h', '1', '5'),
];

const expected = {
  conversions: [
    // g: the rest of P (5 shares, cost 100.00 − 50.00); no Free Shares left in g
    { date: '2008-03-31', portfolio: 'g', commission: '5.0000', free: '0.0000' },
    // h: P's piece (10 shares) of 15 Commission Shares (10 + H's 5); Free Shares 7 (F) + 3 (G) = 10
    // → 10 × 10 / 15 = 6.66667 → 6.6667, all from F (the oldest): cost 35.00 × 6.6667 / 7 = 33.33335 → 33.33
    { date: '2008-03-31', portfolio: 'h', commission: '10.0000', free: '6.6667' },
  ],
  lots: [
    { lotId: 'Q', portfolio: 'g', shares: '10.0000', cost: '100.00' },
    { lotId: 'F', portfolio: 'h', shares: '0.3333', cost: '1.67' }, // 35.00 − 33.33
    { lotId: 'G', portfolio: 'h', shares: '3.0000', cost: '30.00' },
    { lotId: 'H', portfolio: 'h', shares: '5.0000', cost: '50.00' },
  ],
};

function summary(l: ReturnType<typeof ledgerJson>) {
  return {
    conversions: l.conversions.map((c) => ({
      date: c.date,
      portfolio: c.portfolio,
      commission: c.commission,
      free: c.free,
    })),
    lots: l.lots.map((x) => ({ lotId: x.lotId, portfolio: x.portfolio, shares: x.shares, cost: x.cost })),
  };
}

describe('a lot exchanged on its conversion day converts in the new portfolio', () => {
  it('with that portfolio’s Free Shares pro rata, oldest first (fast ledger)', () => {
    const l = ledgerJson(replayAccount('a', activity, DEFAULT_CLASS_B_TERMS, { until: '2008-03-31' }));
    expect(summary(l)).toEqual(expected);
    const h = l.conversions.find((c) => c.portfolio === 'h')!;
    expect(h.pieces.map((p) => [p.lotId, p.shares, p.cost])).toEqual([
      ['F', '6.6667', '33.33'],
      ['P', '10.0000', '50.00'],
    ]);
  });

  it('the decimal reference and the month pass agree', async () => {
    const ref = ledgerJson(
      referenceReplayAccount('a', activity, DEFAULT_CLASS_B_TERMS, { until: '2008-03-31' }),
    );
    expect(summary(ref)).toEqual(expected);
    const { ledgers } = await runMonthPass(
      [{ account: 'a', omnibus: false, activity }],
      DEFAULT_CLASS_B_TERMS,
      ['g', 'h'],
      monthsThrough('2000-03', '2008-03'),
      { chunkSize: 4 },
    );
    expect(ledgerJson(ledgers.get('a')!)).toEqual(ref);
  });
});
