import { describe, expect, it } from 'vitest';
import { distributorSharePcts, monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, transfer } from '../transfers/support.js';

/**
 * Agreement FIFTEENTH(B): after Complete Termination of the Plan no Distribution Fee accrues, but
 * "A termination of the applicable Plan … shall not affect the obligations of the Fund pursuant to
 * Sections FOURTH(D), EIGHTH(A), EIGHTH(C), EIGHTH(D) and EIGHTH(E) (with respect to payments of
 * Distributor's Earned CDSC or Assignee's CDSC Portion)". A month with no fee days and CDSC pieces:
 * 25.01 + 14.99 = 40.00 of Earned CDSC; Transfer G takes 40% of the 12b-1 Share and 40% of the
 * Earned CDSC: 16.00 (exact); the Distributor keeps 24.00. Transfer H, 33% of the CDSC for DOIs of
 * 2004 only: 33% × 25.01 (DOI 2004-03-01) = 8.2533, the rest 40.00 − 16.00 − 8.2533 = 15.7467 for
 * the Distributor: cents 825 r .33 and 1,574 r .67 → the cent to the Distributor: 8.25 / 15.75.
 */
describe('Monthly Calculation of a month without Distribution Fees (the Plan ended)', () => {
  it('splits the Earned CDSC among the Assignees and the Distributor, with no 12b-1 Portion', () => {
    const mc = monthlyCalculation(
      {
        ...baseInput('2005-05', []),
        earnedCdsc: [
          { date: '2005-05-16', doi: '2004-03-01', cents: 2501n },
          { date: '2005-05-20', doi: '2005-01-10', cents: 1499n },
        ],
      },
      [
        transfer({ id: 'G', twelveB1PortionPct: '40', cdscPortionPct: '40', effectiveDate: '2005-03-01' }),
        transfer({
          id: 'H',
          twelveB1PortionPct: null,
          cdscPortionPct: '33',
          doiFrom: '2004-01-01',
          doiTo: '2004-12-31',
          effectiveDate: '2005-03-01',
        }),
      ],
    );
    expect([mc.distributionFee, mc.distributor12b1Share, mc.earnedCdsc]).toEqual(['0.00', '0.00', '40.00']);
    expect(mc.assignees.map((a) => [a.transferId, a.twelveB1Portion, a.cdscPortion])).toEqual([
      ['G', '0.00', '16.00'],
      ['H', '0.00', '8.25'],
    ]);
    expect([mc.distributor12b1Portion, mc.distributorEarnedCdscPortion]).toEqual(['0.00', '15.75']);
    expect(mc.payees.map((p) => [p.payee, p.total])).toEqual([
      [DISTRIBUTOR, '15.75'],
      ['Assignee G', '16.00'],
      ['Assignee H', '8.25'],
    ]);
    // no computation governed a day: 0% of 0.00, not an empty percentage
    expect(mc.computations).toEqual([]);
    expect(distributorSharePcts(mc)).toBe('0.0000');
  });
});
