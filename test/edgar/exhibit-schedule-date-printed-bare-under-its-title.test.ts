import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// Eaton Vance files its schedules on their own, dated by a bare line under the title block
// ("SCHEDULE A / <TRUST> / CLASS A DISTRIBUTION PLAN / May 31, 2011"): that is the schedule's
// date. The adoption dates listed beside the funds are not.
const cells = (...lines: string[]) => `${lines.map((l) => (l === '' ? '|' : `|${l}`)).join('\n')}\n`;

describe('a stand-alone schedule dated by a bare date line under its title', () => {
  it('cells: the date under "CLASS A DISTRIBUTION PLAN" is the effective date', () => {
    const text = cells(
      'EXHIBIT (m)(2)(c)',
      'SCHEDULE A',
      'HARBORVIEW MUNICIPALS TRUST',
      'CLASS A DISTRIBUTION PLAN',
      'September 30, 2012',
      'Name of Fund',
      'Adoption Date',
      'Harborview Ohio Municipal Income Fund',
      'June 23, 1997',
      'Harborview Texas Municipal Income Fund',
      'March 3, 2004',
    );
    const doc = parseExhibit(text, 'bare-date-cells.htm.txt');
    expect(doc.effectiveDate).toBe('2012-09-30');
    expect(doc.warnings).toEqual([]);
    expect(rows(doc)).toEqual([
      'HARBORVIEW MUNICIPALS TRUST | Harborview Ohio Municipal Income Fund | A | null null | null | null',
      'HARBORVIEW MUNICIPALS TRUST | Harborview Texas Municipal Income Fund | A | null null | null | null',
    ]);
  });

  it('cells: an "AMENDED AND RESTATED CLASS C DISTRIBUTION PLAN" schedule is for Class C, dated under its title', () => {
    const text = cells(
      'EXHIBIT (m)(9)(b)',
      'SCHEDULE A',
      'HARBORVIEW MUTUAL FUNDS TRUST',
      'AMENDED AND RESTATED CLASS C DISTRIBUTION PLAN',
      'November 30, 2012',
      'Adoption',
      'Distribution',
      'Fund',
      'Date',
      'Fee',
      '',
      'Harborview Senior Loan Fund',
      'April 2, 2008',
      '0.60%',
      'Harborview Global Bond Fund',
      'July 9, 2010',
      '0.75%',
    );
    const doc = parseExhibit(text, 'amended-restated-class-c.htm.txt');
    expect(doc.effectiveDate).toBe('2012-11-30');
    expect(rows(doc)).toEqual([
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Senior Loan Fund | C | 0.60 null | null | null',
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Global Bond Fund | C | 0.75 null | null | null',
    ]);
  });

  it('cells: a dated list that stops after a fund, before its adoption date, is read only in part', () => {
    const text = cells(
      'SCHEDULE A',
      'HARBORVIEW MUNICIPALS TRUST',
      'CLASS A DISTRIBUTION PLAN',
      'September 30, 2012',
      'Name of Fund',
      'Adoption Date',
      'Harborview Ohio Municipal Income Fund',
      'June 23, 1997',
      'Harborview Texas Municipal Income Fund',
      '',
    );
    const doc = parseExhibit(text, 'bare-date-cut.htm.txt');
    expect(doc.completeness.gaps.map((g) => g.reason).join(' ')).toMatch(
      /ends inside Schedule A after 2 entries, at "Harborview Texas Municipal Income Fund" before its adoption date/,
    );
  });

  it('plain text: a centred bare date under the title is the date; a schedule with only adoption dates has none', () => {
    const dated = `Exhibit (m)(6)(b)

                                   SCHEDULE A

                         HARBORVIEW GROWTH TRUST
                            CLASS C DISTRIBUTION PLAN
                               February 14, 2013

NAME OF FUND ADOPTING THIS PLAN                                ADOPTION DATE
-------------------------------                                -------------
Harborview Mid-Cap Fund                                        January 5, 1999
Harborview Dividend Builder Fund                               April 12, 2001
`;
    expect(parseExhibit(dated, 'bare-date.txt').effectiveDate).toBe('2013-02-14');
    const undated = dated.replace('                               February 14, 2013\n', '');
    const doc = parseExhibit(undated, 'no-date.txt');
    expect(doc.effectiveDate).toBeNull();
    expect(doc.schedules[0]!.entries).toHaveLength(2);
  });
});
