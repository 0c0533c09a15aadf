import { describe, expect, it } from 'vitest';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, feeDays, transfer } from './support.js';

const U = 10_000n;
const range2003 = { doiFrom: '2003-01-01', doiTo: '2003-12-31' };

describe('a DOI-range Transfer is counted at each computation date and governs the days after it (SPEC §8)', () => {
  /**
   * March 2007, the Distributor exclusive (100%), Distribution Fees 100.00 a day (3,100.00).
   * Beta holds 40% of the 12b-1 Share for Commission Shares of DOI 2003. At the February month end
   * the Distributor held 100 shares, 60 of DOI 2003; those 60 were redeemed on March 22 and the
   * March month-end count finds none.
   * March is governed by the February count: 31 days × 100.00 × 40% × 60/100 = 744.00
   * (counting at the month's end and applying it to the whole month gave 0.00).
   * April is governed by the March count: 0.00.
   */
  it('range shares redeemed on the 22nd still count for the month they began outstanding', () => {
    const beta = transfer({ id: 'B', twelveB1PortionPct: '40', ...range2003, effectiveDate: '2007-01-16' });
    const counts = [
      {
        date: '2007-02-28',
        distributorShares: 100n * U,
        commissionSharesByDoi: [
          { doi: '2001-06-01', shares: 40n * U },
          { doi: '2003-03-01', shares: 60n * U },
        ],
      },
      {
        date: '2007-03-31',
        distributorShares: 40n * U,
        commissionSharesByDoi: [{ doi: '2001-06-01', shares: 40n * U }],
      },
    ];
    const march = monthlyCalculation(
      {
        ...baseInput(
          '2007-03',
          feeDays('2007-03', () => 10_000n),
        ),
        distributorCounts: counts,
      },
      [beta],
    );
    expect(march.assignees[0]!.twelveB1Portion).toBe('744.00');
    expect(march.distributor12b1Portion).toBe('2356.00');
    const april = monthlyCalculation(
      {
        ...baseInput(
          '2007-04',
          feeDays('2007-04', () => 10_000n),
        ),
        distributorCounts: counts,
      },
      [beta],
    );
    expect(april.assignees[0]!.twelveB1Portion).toBe('0.00');
  });

  /**
   * Gamma, 50% for DOI 2003, effective March 10. February count: 20 of the Distributor's 100 shares
   * are of DOI 2003 (20%). The Distributor's holders redeemed 50 shares of DOI 2001 on March 5, so
   * the count at Gamma's effective date finds 20 of 50 (40%).
   * March 10 (in force, governed by the February count): 100.00 × 50% × 20% = 10.00.
   * March 11–31 (21 days, governed by the March 10 count): 21 × 100.00 × 50% × 40% = 420.00.
   * Gamma 430.00; the Distributor 3,100.00 − 430.00 = 2,670.00.
   */
  it("a Transfer's effective date is a count date", () => {
    const gamma = transfer({ id: 'G', twelveB1PortionPct: '50', ...range2003, effectiveDate: '2007-03-10' });
    const mc = monthlyCalculation(
      {
        ...baseInput(
          '2007-03',
          feeDays('2007-03', () => 10_000n),
        ),
        distributorCounts: [
          {
            date: '2007-02-28',
            distributorShares: 100n * U,
            commissionSharesByDoi: [
              { doi: '2001-06-01', shares: 80n * U },
              { doi: '2003-03-01', shares: 20n * U },
            ],
          },
          {
            date: '2007-03-10',
            distributorShares: 50n * U,
            commissionSharesByDoi: [
              { doi: '2001-06-01', shares: 30n * U },
              { doi: '2003-03-01', shares: 20n * U },
            ],
          },
        ],
      },
      [gamma],
    );
    expect(mc.assignees[0]!.twelveB1Portion).toBe('430.00');
    expect(mc.distributor12b1Portion).toBe('2670.00');
  });

  it('refuses a DOI-range Transfer with no count to measure it by', () => {
    const gamma = transfer({ id: 'G', ...range2003, effectiveDate: '2007-03-10' });
    expect(() =>
      monthlyCalculation(
        baseInput(
          '2007-03',
          feeDays('2007-03', () => 10_000n),
        ),
        [gamma],
      ),
    ).toThrow(/no count of the Distributor's shares/);
  });
});
