import { describe, expect, it } from 'vitest';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays } from './support.js';

const ALPHA = 'Alpha Distributors';
const BETA = 'Beta Distributors';

/**
 * SPEC §7: each day's Distribution Fee is split by the shares in force that day; SPEC §3: largest
 * remainder at the cent, a tie to the party listed first (the Distributor, then the Other
 * Distributors in the order they are listed — by name, docs/FORMATS.md). Worked by hand.
 */
describe('the daily split gives a tied remainder cent to the party listed first (SPEC §3, §7)', () => {
  it('a tie between two Other Distributors goes to the one listed first', () => {
    // February 2006, 28 days of 1,000.02 (100,002 cents). Computation of 2006-01-31: shares
    // Distributor 2, Alpha 1, Beta 1 (listed in that order, as Exhibit A lists them: the
    // Distributor, then by name). Each day: quotas 50,001 / 25,000.5 /
    // 25,000.5 cents; floors 50,001 + 25,000 + 25,000 = 100,001; the one cent left is a tie between
    // the two Others (0.5 each) → Alpha, listed first. Month: Distributor 50,001 × 28 =
    // 14,000.28; Alpha 25,001 × 28 = 7,000.28; Beta 25,000 × 28 = 7,000.00; total 28,000.56.
    // The percentages shown reproduce those dollars (SPEC §7): of 2,800,056 cents, 1,400,028 is
    // 50% exactly; 700,028 is 25.000499…% and 700,000 24.999500…%: to 0.0001% the floors
    // 500,000 + 250,004 + 249,995 leave one unit, to Alpha's larger remainder (.9998 against
    // .0002) → 50.0000 / 25.0005 / 24.9995; and 28,000.56 × 25.0005% = 7,000.28 (7,000.2800028),
    // × 24.9995% = 7,000.00 (6,999.9999972), half-up.
    const mc = monthlyCalculation(
      {
        ...baseInput(
          '2006-02',
          feeDays('2006-02', () => 100_002n),
        ),
        shareComputations: [
          {
            date: '2006-01-31',
            parties: [
              { distributor: DISTRIBUTOR, shares: 20_000n },
              { distributor: ALPHA, shares: 10_000n },
              { distributor: BETA, shares: 10_000n },
            ],
          },
        ],
      },
      [],
    );
    expect(mc.distributionFee).toBe('28000.56');
    expect(mc.computations).toHaveLength(1);
    expect(mc.computations[0]!.parties).toEqual([
      { distributor: DISTRIBUTOR, sharePct: '50.0000', twelveB1Share: '14000.28' },
      { distributor: ALPHA, sharePct: '25.0005', twelveB1Share: '7000.28' },
      { distributor: BETA, sharePct: '24.9995', twelveB1Share: '7000.00' },
    ]);
    expect(mc.distributor12b1Share).toBe('14000.28');
    expect(mc.otherDistributors).toEqual([
      { distributor: ALPHA, twelveB1Share: '7000.28' },
      { distributor: BETA, twelveB1Share: '7000.00' },
    ]);
  });

  it('a three-way tie: the Distributor first, then the first Other Distributor', () => {
    // March 2006, 31 days of 1.01 (101 cents). Computation of 2006-02-28: shares 1 : 1 : 1. Each
    // day: quotas 33.67 cents each; floors 33 × 3 = 99; the two cents left are tied (⅔ each) → the
    // Distributor and Alpha. Month: Distributor 34 × 31 = 10.54; Alpha 10.54; Beta 33 × 31 = 10.23
    // (31.31). The percentages shown reproduce those dollars (SPEC §7): 1,054 / 3,131 =
    // 33.66336…% twice and 1,023 / 3,131 = 32.67326…%; to 0.0001% the floors 336,633 × 2 +
    // 326,732 leave two units: Beta's remainder (.6732) first, then the tie (.6633 each) to the
    // Distributor → 33.6634 / 33.6633 / 32.6733; 31.31 × 33.6634% = 10.54 (10.5400…).
    const mc = monthlyCalculation(
      {
        ...baseInput(
          '2006-03',
          feeDays('2006-03', () => 101n),
        ),
        shareComputations: [
          {
            date: '2006-02-28',
            parties: [
              { distributor: DISTRIBUTOR, shares: 10_000n },
              { distributor: ALPHA, shares: 10_000n },
              { distributor: BETA, shares: 10_000n },
            ],
          },
        ],
      },
      [],
    );
    expect(mc.computations[0]!.parties).toEqual([
      { distributor: DISTRIBUTOR, sharePct: '33.6634', twelveB1Share: '10.54' },
      { distributor: ALPHA, sharePct: '33.6633', twelveB1Share: '10.54' },
      { distributor: BETA, sharePct: '32.6733', twelveB1Share: '10.23' },
    ]);
    expect(mc.distributor12b1Share).toBe('10.54');
  });
});
