import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// A Class B plan's schedule with a "SALES / COMMISSION" column beside its adoption dates: the
// commission is a percentage of sales, no annual rate on net assets, so it is set aside with a
// warning and the entries carry no rate (the Plan's body states it).
const SCHEDULE = `Exhibit (m)(5)(b)

                                   SCHEDULE A

                      HARBORVIEW SPECIAL INVESTMENT TRUST
                            CLASS B DISTRIBUTION PLAN
                            Effective: April 1, 2003

<TABLE>
                                                         SALES               DATE OF ORIGINAL PLANS
NAME OF FUND ADOPTING THIS PLAN                        COMMISSION               (INCEPTION DATE)            ADOPTION DATE
-------------------------------                        ----------               ----------------            -------------
<S>                                                        <C>            <C>                               <C>
Harborview Frontier Markets Fund                           5%             May 2, 1995                       June 23, 1997
Harborview Balanced Fund*                                  5%             October 3, 1994/                  June 23, 1997
                                                                          July 1, 1996
Harborview Utilities Fund                                  4%             April 14, 1994                    June 23, 1997
</TABLE>
`;

describe('a "SALES / COMMISSION" column', () => {
  it('is read as a heading and set aside: one entry per fund, no rate, a warning', () => {
    const doc = parseExhibit(SCHEDULE, 'sales-commission.txt');
    expect(rows(doc)).toEqual([
      'HARBORVIEW SPECIAL INVESTMENT TRUST | Harborview Frontier Markets Fund | B | null null | null | null',
      'HARBORVIEW SPECIAL INVESTMENT TRUST | Harborview Balanced Fund | B | null null | null | null',
      'HARBORVIEW SPECIAL INVESTMENT TRUST | Harborview Utilities Fund | B | null null | null | null',
    ]);
    expect(doc.warnings.some((w) => /sales commission.*no annual rate/.test(w))).toBe(true);
  });
});
