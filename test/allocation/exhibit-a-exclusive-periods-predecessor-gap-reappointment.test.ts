import { describe, expect, it } from 'vitest';
import {
  exclusiveHolderOn,
  exhibitAComputationDates,
  termGaps,
} from '../../src/allocation/exclusivePeriods.js';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import { theDistributor } from '../../src/reports/distributorShareReport.js';

const term = (
  distributor: string,
  start: string,
  end: string | null,
  rightsAssignedTo: string | null = null,
) => createDistributorTerm({ portfolioId: 'fund-x', distributor, start, end, rightsAssignedTo });
const D = 'The Distributor';

// Exhibit A: 100% "until such time as the Distributor shall cease to serve as exclusive
// distributor", then "recomputed first on the date of any termination … and thereafter
// periodically (but not less than monthly)". Dates by hand from the terms.
describe("Exhibit A: the Distributor's exclusive periods and the computation dates", () => {
  it('a predecessor without an assignment is not a termination: computed first on the Distributor’s own term end', () => {
    const terms = [
      term('Zeta', '2004-01-01', '2010-01-31'),
      term(D, '2010-02-01', '2010-03-15'),
      term('Omega', '2010-03-16', null),
    ];
    expect(exhibitAComputationDates(terms, 'fund-x', D, '2010-05-31')).toEqual({
      exclusiveThrough: '2010-03-15',
      dates: ['2010-03-15', '2010-03-31', '2010-04-30', '2010-05-31'],
      terminations: ['2010-03-15'],
    });
    expect(exclusiveHolderOn(terms, 'fund-x', D, '2010-01-31')).toBe('Zeta'); // its own term: 100% Zeta
    expect(exclusiveHolderOn(terms, 'fund-x', D, '2010-02-01')).toBe(D);
    expect(exclusiveHolderOn(terms, 'fund-x', D, '2010-03-15')).toBe(D);
    expect(exclusiveHolderOn(terms, 'fund-x', D, '2010-03-16')).toBeNull(); // a computation governs
  });

  it("with Zeta's rights assigned to the Distributor its term is the Distributor's", () => {
    const terms = [
      term('Zeta', '2004-01-01', '2010-01-31', D),
      term(D, '2010-02-01', '2010-03-15'),
      term('Omega', '2010-03-16', null),
    ];
    expect(exhibitAComputationDates(terms, 'fund-x', D, '2010-03-31').dates).toEqual([
      '2010-03-15',
      '2010-03-31',
    ]);
    expect(exclusiveHolderOn(terms, 'fund-x', D, '2005-06-01')).toBe(D);
  });

  it('a gap after the term is not exclusivity: computed on the term end; the gap is named', () => {
    const terms = [term(D, '2003-08-18', '2010-05-31'), term('Omega', '2010-06-05', null)];
    expect(exhibitAComputationDates(terms, 'fund-x', D, '2010-06-30')).toEqual({
      exclusiveThrough: '2010-05-31',
      dates: ['2010-05-31', '2010-06-30'],
      terminations: ['2010-05-31'],
    });
    expect(exclusiveHolderOn(terms, 'fund-x', D, '2010-06-02')).toBeNull();
    expect(termGaps(terms, 'fund-x')).toEqual([{ from: '2010-06-01', to: '2010-06-04' }]);
  });

  it('re-appointed: computations stop when the Distributor is exclusive again, and start afresh at its next term end', () => {
    const terms = [
      term(D, '2001-01-01', '2005-03-10'),
      term('Omega', '2005-03-11', '2005-06-30'),
      term(D, '2005-07-01', '2005-08-20'),
      term('Omega', '2005-08-21', null),
    ];
    // 06-30 would govern no day (the Distributor is exclusive from 07-01): not computed
    expect(exhibitAComputationDates(terms, 'fund-x', D, '2005-09-30')).toEqual({
      exclusiveThrough: '2005-03-10',
      dates: [
        '2005-03-10',
        '2005-03-31',
        '2005-04-30',
        '2005-05-31',
        '2005-08-20',
        '2005-08-31',
        '2005-09-30',
      ],
      terminations: ['2005-03-10', '2005-08-20'],
    });
    expect(exclusiveHolderOn(terms, 'fund-x', D, '2005-07-01')).toBe(D);
    expect(exclusiveHolderOn(terms, 'fund-x', D, '2005-06-30')).toBeNull();
  });

  it('the Distributor: on the same first day, the term for every portfolio over a predecessor of one portfolio', () => {
    const zeta = term('Zeta', '2003-08-18', '2005-12-31');
    const all = createDistributorTerm({
      portfolioId: null,
      distributor: D,
      start: '2003-08-18',
      end: null,
      rightsAssignedTo: null,
    });
    expect(theDistributor([zeta, all])).toBe(D);
    expect(theDistributor([all, zeta])).toBe(D);
  });
});

describe('the Distributor is the party to the master agreement', () => {
  const all = (distributor: string, start: string, rightsAssignedTo: string | null = null) =>
    createDistributorTerm({ portfolioId: null, distributor, start, end: null, rightsAssignedTo });

  it('a fund that joined the complex with its own earlier distributor does not make that one the Distributor', () => {
    // Zeta distributed fund-x from 1998 until the fund joined the complex under D's agreement in 2003
    const zeta = term('Zeta', '1998-01-01', '2003-08-17');
    expect(theDistributor([zeta, all(D, '2003-08-18')])).toBe(D);
    expect(theDistributor([all(D, '2003-08-18'), zeta])).toBe(D);
  });

  it("the master agreement's earliest term decides, through an assignment of its rights (NINETEENTH)", () => {
    const invesco = all('INVESCO Distributors', '1999-01-01', D);
    const successor = all('Omega', '2010-01-01');
    expect(theDistributor([successor, all(D, '2003-08-18'), invesco])).toBe(D);
  });

  it('with no term for every portfolio, the earliest term of any portfolio', () => {
    expect(theDistributor([term(D, '2003-08-18', null), term('Zeta', '1998-01-01', '2003-08-17')])).toBe(
      'Zeta',
    );
  });
});
