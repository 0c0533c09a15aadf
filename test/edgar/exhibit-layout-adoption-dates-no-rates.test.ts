import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// Schedules that list each fund with the date it adopted the plan and no rate (the rate is in
// the plan's body): the date cells, "N/A" and the column headings are no portfolios.
const cells = (...lines: string[]) => `${lines.map((l) => (l === '' ? '|' : `|${l}`)).join('\n')}\n`;

describe('a schedule of funds with adoption dates and no rates', () => {
  it('reads one entry per fund from cells with dates, "N/A", a date wrapped across lines and a footnote marker', () => {
    const text = cells(
      'Exhibit (m)(3)(c)',
      'SCHEDULE A',
      'HARBORVIEW MUTUAL FUNDS TRUST',
      'CLASS A DISTRIBUTION PLAN',
      '',
      'Date of Original Plans',
      'Name of Fund Adopting this Plan',
      '(Inception Date)',
      'Adoption Date',
      '',
      'Harborview Government Income Fund*',
      'March 3, 1992/February 9, 1996',
      'May 12, 1998',
      '(February 14, 1996)/July 1, 1996',
      '(September 2, 1996)',
      'Harborview Tax-Managed Value Fund',
      'N/A',
      'April 6, 2001',
      'Harborview Short Duration Fund',
      'N/A',
      'October 15, 2004',
    );
    const doc = parseExhibit(text, 'adoption-dates.htm.txt');
    expect(rows(doc)).toEqual([
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Government Income Fund | A | null null | null | null',
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Tax-Managed Value Fund | A | null null | null | null',
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Short Duration Fund | A | null null | null | null',
    ]);
  });

  it('takes the rate column beside the adoption date, and the schedule date under its title is no portfolio', () => {
    const text = cells(
      'EXHIBIT (m)(5)(b)',
      'SCHEDULE A',
      'HARBORVIEW MUNICIPALS TRUST',
      'CLASS C DISTRIBUTION PLAN',
      'March 14, 2012',
      'Adoption',
      'Distribution',
      'Fund',
      'Date',
      'Fee',
      '',
      'Harborview Ohio Municipal Fund',
      'June 8, 2009',
      '0.75%',
      'Harborview Texas Municipal Fund',
      'N/A',
      '0.60%',
    );
    const doc = parseExhibit(text, 'adoption-dates-fee.htm.txt');
    expect(rows(doc)).toEqual([
      'HARBORVIEW MUNICIPALS TRUST | Harborview Ohio Municipal Fund | C | 0.75 null | null | null',
      'HARBORVIEW MUNICIPALS TRUST | Harborview Texas Municipal Fund | C | 0.60 null | null | null',
    ]);
  });

  it('reads the same list in plain text, the date aligned beside each fund', () => {
    const text = `EXHIBIT (m)(2)(d)

                                   SCHEDULE A

                       HARBORVIEW SPECIAL INVESTMENT TRUST
                              CLASS A SERVICE PLAN


NAME OF FUND ADOPTING THIS PLAN                                ADOPTION DATE
-------------------------------                                -------------
Harborview Balanced Income Fund                                January 4, 1999
Harborview Mid-Cap Core Fund                                   August 21, 2003
`;
    const doc = parseExhibit(text, 'adoption-dates.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'Harborview Balanced Income Fund',
      'Harborview Mid-Cap Core Fund',
    ]);
  });
});
