import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: an amendment's effectiveDate is the date of its amending clause; "A blank or
// placeholder date ("____, 2003", "March   , 2006", "[ ]") makes effectiveDate null with a
// warning". A form whose amending clause is blank but whose "Dated:" line is filled in must not
// take the signature's date as the day it takes effect. Filled in, this document reads
// 2006-11-01 (by hand: "effective as of the 1st day of November, 2006").
const TEXT = `                                                              Exhibit m(5)(d)

                                AMENDMENT NO. 3
                                     TO THE
                      FIRST RESTATED MASTER DISTRIBUTION PLAN
                            (INVESTOR CLASS SHARES)

     The First Restated Master Distribution Plan (the "Plan"), effective July 1,
2004, pursuant to Rule 12b-1, is hereby amended, effective as of the 1st day of
November, 2006, as follows:

     WHEREAS, the parties desire to amend the Plan to (i) change the name of
AIM Total Return Fund to AIM Real Return Fund, and (ii) remove AIM Opportunities
Fund, which merged into AIM Large Cap Growth Fund;

     NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety
and replaced with the following:

                                  "SCHEDULE A
                      FIRST RESTATED MASTER DISTRIBUTION PLAN
                            (INVESTOR CLASS SHARES)

<TABLE>
<CAPTION>
                                                  MAXIMUM
                                                ASSET BASED     MAXIMUM      MAXIMUM
AIM EQUITY FUNDS                                SALES CHARGE  SERVICE FEE  AGGREGATE FEE
----------------                                ------------  -----------  -------------
<S>                                             <C>           <C>          <C>
AIM Large Cap Growth Fund                          0.00%         0.25%        0.25%
AIM Real Return Fund                               0.00%         0.25%        0.25%

AIM SECTOR FUNDS
----------------
AIM Energy Fund                                    0.00%         0.25%        0.25%
AIM Technology Fund                                0.00%         0.25%        0.25%"
</TABLE>

     All other terms and provisions of the Plan not amended herein shall
remain in full force and effect.

Dated: November 1, 2006
`;

const CLAUSE = 'is hereby amended, effective as of the 1st day of\nNovember, 2006, as follows:';

describe('an amending clause whose date is blank, under a filled-in "Dated:" line', () => {
  it('filled in, the clause’s date is the effective date', () => {
    const doc = parseExhibit(TEXT, 'amend3.txt');
    expect(doc).toMatchObject({ effectiveDate: '2006-11-01', datedDate: '2006-11-01', warnings: [] });
    expect(doc.instrument.datedAsOf).toBe('2004-07-01');
  });

  it.each([
    ['is hereby amended, effective as of March   , 2007,\nas follows:', 'effective as of March , 2007', 9],
    [
      'is hereby amended, effective as of ____________, 2007,\nas follows:',
      'effective as of ____________, 2007',
      9,
    ],
    ['is hereby amended, [          ], 2007, as\nfollows:', 'hereby amended, [ ], 2007', 9],
  ])('“%s” leaves effectiveDate null with a warning and a gap at its line', (clause, printed, line) => {
    const doc = parseExhibit(TEXT.replace(CLAUSE, clause), 'form.txt');
    expect(doc.effectiveDate).toBeNull();
    expect(doc.datedDate).toBe('2006-11-01');
    expect(doc.warnings).toEqual([
      `the date is left blank ("${printed}"): the document is a draft or a form; import needs --effective-date`,
    ]);
    expect(doc.completeness.gaps).toEqual([
      {
        fact: 'effective-date',
        line,
        reason: `the date is left blank ("${printed}"): the document is a draft or a form`,
        schedule: null,
      },
    ]);
  });
});
