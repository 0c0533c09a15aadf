import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { formerlyRenames } from '../../src/edgar/renames.js';

// SPEC §2.1: a document the reader cannot read gives an error naming the file and line. A Van
// Kampen-era plan amendment rendered from its item "|1." on (real-exhibits-10 13) was read as a
// "plan" titled "1.", of an instrument titled "Plan", with 55 entries; its title is not in the
// text at all. Names are our own.
const cut = `|1.
|All references to Example Distributors, Inc. in the Plan are hereby deleted and replaced with Example Funds Distributors, Inc.
|2.
|Schedule A to the Plan is hereby deleted and replaced in its entirety with the following:
|Funds
|Shares
|
Example American Franchise Fund
|Class A Shares
Class B Shares
Class C Shares
|
Example Core Equity Fund
|Class A Shares
Class C Shares
`;

describe('a document begun by an item number of its body', () => {
  it('is refused at its first line as having no title', () => {
    let got: unknown;
    try {
      got = parseExhibit(cut, 'items.txt');
    } catch (e) {
      got = e;
    }
    expect(got).toBeInstanceOf(ExhibitParseError);
    expect(got).toMatchObject({ file: 'items.txt', line: 1 });
    expect((got as ExhibitParseError).reason).toMatch(/no title.*"1\."/);
  });

  // Hennessy Funds Trust's Rule 18f-3 plan rendered from its section "I." / "Introduction." on
  // (real-exhibits-13 18): the section's heading beside its number is no title either — it was
  // refused only as "no schedule found"
  it('or by a section number over its heading, is refused at the number as having no title', () => {
    const sections = `|
I.
|
Introduction.
|
II.
|
Allocation of Expenses.
|
III.
|
Class Arrangements.
|
A.
|
Example Growth Fund – Investor Class
|
6.
|
Rule 12b-1 Distribution Expenses and Service Fees: Up to 0.25%.
`;
    let got: unknown;
    try {
      got = parseExhibit(sections, 'sections.htm');
    } catch (e) {
      got = e;
    }
    expect(got).toBeInstanceOf(ExhibitParseError);
    expect(got).toMatchObject({ file: 'sections.htm', line: 2 });
    expect((got as ExhibitParseError).reason).toMatch(
      /^no title: the document begins with item "I\." of its body/,
    );
  });
});

// SPEC §2.1 renames are of portfolios. AIM Advisor Funds' Amendment No. 2 (1999, real-exhibits-10
// 12) names its party "AIM Advisor Funds, Inc., a Maryland corporation (formerly, INVESCO Advisor
// Funds, Inc., hereinafter called the "Company")": it was read as the portfolio rename
// 'INVESCO Advisor Funds, Inc., hereinafter called the "Company"' → "Maryland corporation".
describe('a company’s former name in a recital', () => {
  it('is no portfolio rename', () => {
    expect(
      formerlyRenames([
        'between AIM Advisor Funds, Inc., a',
        'Maryland corporation (formerly, INVESCO Advisor Funds, Inc., hereinafter called',
        'the "Company") and A I M Distributors, Inc., a Delaware corporation',
      ]),
    ).toEqual([]);
  });
  it('a fund’s does rename it', () => {
    expect(formerlyRenames(['Core Bond Fund (formerly, Investment Grade Bond Fund)'])).toEqual([
      { from: 'Investment Grade Bond Fund', to: 'Core Bond Fund' },
    ]);
  });
});
