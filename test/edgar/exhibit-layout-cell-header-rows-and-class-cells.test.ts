import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

const amendment = (title: string, schedule: string) => `AMENDMENT NO. 3
TO
${title}
The plan named above (the “Plan”), dated as of July 1, 2009, pursuant to Rule 12b-1, is hereby amended, effective June 1, 2011, as follows:
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
${schedule}
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`;

describe('cell tables whose header rows hold a Registrant, its other name and the class', () => {
  it('a Registrant and its "(…)" other name split across the header rows, and a wrapped preamble', () => {
    const doc = parseExhibit(
      amendment(
        'SECOND AMENDED AND RESTATED MASTER DISTRIBUTION PLAN\n(CLASS P SHARES)',
        `“SCHEDULE A
TO
SECOND AMENDED AND RESTATED
MASTER DISTRIBUTION PLAN
(CLASS P SHARES)
(DISTRIBUTION AND SERVICE FEES)
The Fund shall pay the Distributor a Distribution Fee and a Service Fee at the annual rate set
forth below as to the Class P Shares of each Portfolio to the average daily net assets
of the Portfolio.
|Minimum
|Asset
|GLENHAVEN EQUITY FUNDS
|Based
|Maximum
|Maximum
|(HARBOR EQUITY FUNDS)
|Sales
|Service
|Aggregate
|Portfolio Class P Shares
|Charge
|Fee
|Fee
|
Glenhaven Summit Fund
|0.00
|%
|0.10
|%
|0.10
|%”`,
      ),
      'alias-rows.htm.txt',
    );
    expect(rows(doc)).toEqual([
      'GLENHAVEN EQUITY FUNDS | Glenhaven Summit Fund | P | 0.00 minimum | 0.10 | 0.10',
    ]);
    expect(doc.completeness.complete).toBe(true);
  });

  it('"Portfolio – … Cash Reserve Shares" in the header rows names the Cash Reserve class', () => {
    const doc = parseExhibit(
      amendment(
        'AMENDED AND RESTATED MASTER DISTRIBUTION PLAN\n(CASH RESERVE SHARES)',
        `“SCHEDULE A
|Minimum
|Asset
|GLENHAVEN MONEY FUNDS
|Based
|Maximum
|Maximum
|(HARBOR MONEY FUNDS)
|Sales
|Service
|Aggregate
|Portfolio – Glenhaven Cash Reserve Shares
|Charge
|Fee
|Fee
Glenhaven Liquid Assets Fund
|0.00
|%
|0.15
|%
|0.15
|%”`,
      ),
      'cash-reserve.htm.txt',
    );
    expect(rows(doc)).toEqual([
      'GLENHAVEN MONEY FUNDS | Glenhaven Liquid Assets Fund | Cash Reserve | 0.00 minimum | 0.15 | 0.15',
    ]);
  });

  it('a fund name ending in "–" with its classes in cells of their own, noted "(reim)"', () => {
    const doc = parseExhibit(
      amendment(
        'SECOND AMENDED AND RESTATED DISTRIBUTION PLAN\nCLASS B and BX SHARES',
        `Schedule A
Funds with Class B or Class BX Shares
|12b-1PLAN
|
GLENHAVEN COUNSELOR SERIES TRUST
|MAXIMUM
DISTRIBUTION
FEE*
|MAXIMUM
SHAREHOLDER
SERVICES FEE
|MAXIMUM
AGGREGATE
FEE
|
Glenhaven Growth Leaders Fund –
|
Class B (reim)
|0.75
|%
|0.25
|%
|1.00
|%
|
Glenhaven Tax-Free Income Fund –
|
Class B (comp)
|0.50
|%
|0.25
|%
|0.75
|%`,
      ),
      'dash-classes.htm.txt',
    );
    expect(rows(doc)).toEqual([
      'GLENHAVEN COUNSELOR SERIES TRUST | Glenhaven Growth Leaders Fund | B | 0.75 maximum | 0.25 | 1.00',
      'GLENHAVEN COUNSELOR SERIES TRUST | Glenhaven Tax-Free Income Fund | B | 0.50 maximum | 0.25 | 0.75',
    ]);
  });

  it('a plain list of "Fund –" names with class cells: one entry per class; a cut class cell is no entry', () => {
    const list = `“SCHEDULE A
TO
MASTER DISTRIBUTION AGREEMENT
|
GLENHAVEN STOCK & BOND FUNDS
|
Glenhaven Core Equity Fund –
|Class A
|Class C
|Investor Class
|
Glenhaven Total Return Fund –
|Class A
|
Class C
|
Glenhaven Dividend Trends Fund –
|Cl`;
    const doc = parseExhibit(
      amendment('MASTER DISTRIBUTION AGREEMENT\n(All Classes of Shares Except Class B Shares)', list).replace(
        /\nAll other terms[\s\S]*$/,
        '\n',
      ),
      'dash-list.htm.txt',
    );
    expect(rows(doc)).toEqual([
      'GLENHAVEN STOCK & BOND FUNDS | Glenhaven Core Equity Fund | A | null null | null | null',
      'GLENHAVEN STOCK & BOND FUNDS | Glenhaven Core Equity Fund | C | null null | null | null',
      'GLENHAVEN STOCK & BOND FUNDS | Glenhaven Core Equity Fund | Investor | null null | null | null',
      'GLENHAVEN STOCK & BOND FUNDS | Glenhaven Total Return Fund | A | null null | null | null',
      'GLENHAVEN STOCK & BOND FUNDS | Glenhaven Total Return Fund | C | null null | null | null',
    ]);
    expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
      expect.stringMatching(/after 5 entries.*"Cl"/),
    );
  });

  it('a lead-in sentence whose last words ("as follows:") stand alone on a line', () => {
    const text = `SCHEDULE A

         The maximum annualized fee rate of the average daily net assets of each Fund
pursuant to Paragraph 1 of the Glenhaven Series Trust Class B Distribution Plan shall be
as follows:

         BLUE RIDGE STOCK FUND.......................................1.00%
         HIGH PLAINS BOND FUND.......................................0.75%

Dated:  June 1, 2004
`;
    const doc = parseExhibit(text, 'as-follows.txt');
    expect(doc.schedules[0]!.entries.map((e) => `${e.portfolio} ${e.aggregateFeePct}`)).toEqual([
      'BLUE RIDGE STOCK FUND 1.00',
      'HIGH PLAINS BOND FUND 0.75',
    ]);
  });
});
