import { describe, expect, it } from 'vitest';
import { effectiveDates, madeAsOfDate, parseDate, restatedAsOfDates } from '../../src/edgar/dates.js';
import { proseText } from '../../src/edgar/proseText.js';
import { renamePairs, renameRules } from '../../src/edgar/renames.js';
import { replacedSchedules } from '../../src/edgar/replacedSchedules.js';
import { classCodesIn } from '../../src/edgar/shareClasses.js';
import { instrumentTerms } from '../../src/edgar/terms.js';

const prose = (text: string) =>
  proseText([{ no: 1, text, trimmed: text, indent: 0, opensTable: false, closesTable: false }], () => true);

describe('body clauses: dates, terms, renames, replaced schedules, classes', () => {
  it('reads the date forms the exhibits use', () => {
    expect(parseDate('October 15, 2003')).toBe('2003-10-15');
    expect(parseDate('this 18th day of August, 2003')).toBe('2003-08-18');
    expect(parseDate('Sept. 10, 1994')).toBe('1994-09-10');
    expect(parseDate('February 30, 2004')).toBeNull();
    expect(
      effectiveDates(prose('is hereby amended, effective March 31, 2006, as follows')).map((d) => d.iso),
    ).toEqual(['2006-03-31']);
    expect(effectiveDates(prose('effective as of June 1, 2000')).map((d) => d.iso)).toEqual(['2000-06-01']);
    expect(
      madeAsOfDate(prose('THIS AGREEMENT made as of this 18th day of August, 2003, by and between'))?.iso,
    ).toBe('2003-08-18');
    const restated = prose(
      'Amended and restated for all Portfolios as of June 30, 1997, as of August 4, 1997, and as amended August 30, 2000. Amended and restated for all Portfolios as of June 3, 2002.',
    );
    expect(restatedAsOfDates(restated).map((d) => d.iso)).toEqual(['1997-06-30', '1997-08-04', '2002-06-03']);
  });

  it('reads body terms only when the body states them (Agreement SEVENTH(B), TENTH)', () => {
    expect(
      instrumentTerms(
        prose(
          'an asset-based sales charge in an amount equal to 0.75% per annum of the average daily net asset value',
        ),
      ),
    ).toEqual({ distributionFeePct: '0.75', serviceFeePct: null });
    expect(
      instrumentTerms(
        prose('receive and use a service fee in the amount of .25% of the average daily net assets'),
      ),
    ).toEqual({
      distributionFeePct: null,
      serviceFeePct: '0.25',
    });
    expect(
      instrumentTerms(
        prose(
          'The maximum service fee paid to any service provider shall be twenty-five one-hundredths of one percent (0.25%)',
        ),
      ),
    ).toEqual({ distributionFeePct: null, serviceFeePct: null });
  });

  it('reads explicit rename pairs and rename rules (Amendment No. 6)', () => {
    const text =
      'to rename each INVESCO Fund by replacing "INVESCO" with "AIM" and further to change the name of INVESCO Core Equity Fund to AIM Core Stock Fund and INVESCO Global Science and Technology Fund to AIM Global Science and Technology Fund and INVESCO U.S. Growth Fund to AIM U.S. Growth Fund; NOW THEREFORE';
    expect(renameRules(text)).toEqual([{ replace: 'INVESCO', with: 'AIM' }]);
    expect(renamePairs(text)).toEqual([
      { from: 'INVESCO Core Equity Fund', to: 'AIM Core Stock Fund' },
      { from: 'INVESCO Global Science and Technology Fund', to: 'AIM Global Science and Technology Fund' },
      { from: 'INVESCO U.S. Growth Fund', to: 'AIM U.S. Growth Fund' },
    ]);
  });

  it('names the schedules "hereby deleted in its entirety"', () => {
    expect([
      ...replacedSchedules(
        'as follows: Schedule A-1 of the Agreement is hereby deleted in its entirety and replaced',
      ),
    ]).toEqual(['Schedule A-1']);
    expect([
      ...replacedSchedules('NOW THEREFORE, Schedules A-1 and A-2 are hereby deleted in their entirety'),
    ]).toEqual(['Schedule A-1', 'Schedule A-2']);
  });

  it('reads class codes as the documents name them', () => {
    expect(classCodesIn('(CLASS A SHARES, CLASS C SHARES AND CLASS R SHARES)')).toEqual(['A', 'C', 'R']);
    expect(classCodesIn('Investor Class Shares')).toEqual(['Investor']);
    expect(classCodesIn('INSTITUTIONAL CLASS')).toEqual(['Institutional']);
    expect(classCodesIn('CLASSES A, B AND C')).toEqual(['A', 'B', 'C']);
    // a list that goes on after a named class
    expect(classCodesIn('CLASS A, AX, C, CX, INVESTOR CLASS, R AND RX SHARES')).toEqual([
      'A',
      'AX',
      'C',
      'CX',
      'Investor',
      'R',
      'RX',
    ]);
    expect(classCodesIn('(INVESTOR CLASS) AND A I M DISTRIBUTORS, INC.')).toEqual(['Investor']);
  });
});
