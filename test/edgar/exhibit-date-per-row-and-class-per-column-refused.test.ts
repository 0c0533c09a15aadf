import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2 (a Schedule entry is registrant, portfolio, class and rates; the schedule's version has
 * one effective date) and §2.1 (a document read only in part is refused, naming file and line).
 *
 * - Calvert's Amended Schedule A to its Class A Master Distribution Plan (2019, sec.gov
 *   …/884110/000094039419001297/exhibitm1b_ex-99zm1b.htm) prints "Distribution Service Fee |
 *   Effective Date", each fund with its own date ("12/31/16", "1/27/17", "10/1/19"); American
 *   Funds' Exhibit A to the Plan of Distribution of Class 2 Shares (…/729528/000081196815000052/exhm.htm)
 *   prints "Fund | Effective Date | Termination Date". An entry holds no date of its own: they were
 *   refused for a wrong reason ('"Effective" has no rates', "no schedule found"); now refused at
 *   the heading, naming the column.
 * - Calvert's "Classes | A | C | I | R6" and American Funds' "A | B | C | F-1 | 529-A …" with marks
 *   are a column per class; an "X" matrix was MISREAD: its class headings "C" and "R" became
 *   portfolios. Now refused at the heading, naming the columns.
 * Invented documents of those shapes (Birchwood Trust); line numbers counted by hand.
 */
const refusal = (text: string, file: string): ExhibitParseError => {
  try {
    parseExhibit(text, file);
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error(`${file} was read`);
};

const CALVERT_LIKE = `EXHIBIT (m)(1)(b)
AMENDED SCHEDULE A to MASTER DISTRIBUTION PLAN FOR CLASS A SHARES
Dated: October 1, 2019
|
Distribution
Service Fee
|
Effective
Date
|Birchwood Value Fund
|0.25%
|12/31/16
|Birchwood Bond Fund
|0.25%
|10/1/19
`;

const AMERICAN_FUNDS_LIKE = `Updated as of May 1, 2016
EXHIBIT A
to the
Amended and Restated Plan of Distribution of Class 2 Shares
|
Fund
|Effective
Date
|Termination
Date
|Birchwood Value Fund
|February 1, 2016
|January 31, 2017
|Birchwood Bond Fund
|February 1, 2016
|January 31, 2017
`;

describe('a column giving each row its own date', () => {
  it('Calvert\'s "Effective Date" column: refused at its heading, naming it', () => {
    const e = refusal(CALVERT_LIKE, 'calvert.htm');
    expect(e.line).toBe(8);
    expect(e.reason).toMatch(/^Schedule A: the "Effective Date" column gives each row a date of its own/);
  });

  it('American Funds\' "Effective Date | Termination Date" under "EXHIBIT A / to the / … Plan of Distribution": both named', () => {
    const e = refusal(AMERICAN_FUNDS_LIKE, 'american.htm');
    expect(e.line).toBe(7);
    expect(e.reason).toMatch(
      /^Exhibit A: the "Effective Date" and "Termination Date" columns give each row a date/,
    );
  });

  it('"Effective" over "Date" where the rendering lost the cell marks (Calvert Class C, 2017): the same', () => {
    const e = refusal(
      `SCHEDULE A to MASTER DISTRIBUTION PLAN FOR CLASS C SHARES
March 7, 2017
Distribution Fee/Service Fee
Effective
Date
Birchwood Series Trust
Birchwood Value Fund
0.75/0.25%
2/15/17
Birchwood Bond Fund
0.75/0.25%
1/27/17
`,
      'calvert-c.txt',
    );
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/the "Effective Date" column gives each row a date of its own/);
  });

  it('a text table\'s "EFFECTIVE" over "DATE" heading: the same', () => {
    const e = refusal(
      `                                   SCHEDULE A
                           TO THE DISTRIBUTION PLAN
                              OF BIRCHWOOD TRUST
                              (CLASS A SHARES)

<TABLE>
<CAPTION>
                                          DISTRIBUTION       EFFECTIVE
PORTFOLIO                                     FEE               DATE
---------                                 ------------      ---------
<S>                                           <C>               <C>
Birchwood Value Fund                         0.25%            12/31/16
Birchwood Bond Fund                          0.25%             1/27/17
</TABLE>

Dated: May 1, 2012
`,
      'text.txt',
    );
    expect(e.line).toBe(8);
    expect(e.reason).toMatch(/the "EFFECTIVE DATE" column gives each row a date of its own/);
  });

  it('one "Effective Date | May 1, 2012" pair is no date column: the schedule reads', () => {
    const doc = parseExhibit(
      `SCHEDULE A
TO THE DISTRIBUTION PLAN
OF BIRCHWOOD TRUST
(CLASS A SHARES)
|Effective Date
|May 1, 2012
|Fund
|Distribution Fee
|Birchwood Value Fund
|0.25%
`,
      'one-date.htm',
    );
    expect(doc.schedules[0]!.entries.map((e) => `${e.portfolio} ${e.assetBasedSalesChargePct}`)).toEqual([
      'Birchwood Value Fund 0.25',
    ]);
  });
});

describe('a column per class', () => {
  it('an "X" matrix (no rates) is refused at its class headings — its "C" and "R" are no portfolios', () => {
    const e = refusal(
      `SCHEDULE A
TO THE DISTRIBUTION PLAN
OF BIRCHWOOD TRUST
|Fund
|A
|C
|R
|Birchwood Value Fund
|X
|X
|X
Dated: May 1, 2012
`,
      'matrix.htm',
    );
    expect(e.line).toBe(5);
    expect(e.reason).toMatch(/a table with a column per class \("A \| C \| R"\)/);
  });

  it('the same matrix filed as an HTML table is refused at the same heading row', () => {
    const e = refusal(
      `<html><body>
<p>SCHEDULE A</p><p>TO THE DISTRIBUTION PLAN</p><p>OF BIRCHWOOD TRUST</p>
<table>
<tr><td>Fund</td><td>A</td><td>C</td><td>R</td></tr>
<tr><td>Birchwood Value Fund</td><td>X</td><td>X</td><td>X</td></tr>
<tr><td>Birchwood Bond Fund</td><td>X</td><td></td><td>X</td></tr>
</table>
<p>Dated: May 1, 2012</p>
</body></html>
`,
      'matrix.htm',
    );
    expect(e.reason).toMatch(/a table with a column per class \("A \| C \| R"\)/);
  });

  it('Calvert\'s "Classes | A | C | R6" with a rate per class: refused at "Classes"', () => {
    const e = refusal(
      `EXHIBIT (n)(1)(b)
Schedule A
Schedule of Share Classes and Annual 12b-1 Distribution and Service Fees for Retail Funds
Dated: March 7, 2019
|Classes
|A
|C
|R6
|Birchwood Trust (BT)
|Distribution
and Service
Fee
|Distribution
Fee/Service
Fee
|Distribution Fee
|Birchwood Value Fund
|0.25%
|0.75/0.25%
|None
`,
      'classes.htm',
    );
    expect(e.line).toBe(5);
    expect(e.reason).toMatch(/a table with a column per class \("Classes \| A \| C \| R6"\)/);
  });
});
