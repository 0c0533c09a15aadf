import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

// A portfolio's own cell or line may carry its old name ("Core Bond Fund (formerly, Short
// Duration Fund)") or the classes it is listed for ("… Fund (Advisers Class shares)"): neither
// is part of the portfolio's name.
const cells = (...lines: string[]) => `${lines.map((l) => (l === '' ? '|' : `|${l}`)).join('\n')}\n`;

describe('"(formerly, X)" and "(… Class shares)" inside a portfolio cell or line', () => {
  it('reads a two-fee cell table whose names carry "(formerly, X)": the name, its rename, one entry per fund', () => {
    const text = `SCHEDULE A
TO THE DISTRIBUTION AND SERVICE PLAN
CLASS A SHARES
Pursuant to Section 2, the Trust shall pay the Distributor compensation calculated daily and paid monthly at an annual rate as set forth below.
|
Portfolio
|Maximum
Distribution Fee
|Maximum
Shareholder
Services Fee
|
Lakeshore Balanced Allocation Strategy (formerly, Lakeshore Vision Balanced Fund)
|0.30
|%
|0.25
|%
|
Lakeshore Core Bond Fund(formerly known as Lakeshore Short Duration Fund)
|0.30
|%
|0.25
|%
|
Lakeshore Small Cap Fund
|0.30
|%
|0.25
|%
|
Dated: June 1, 2015
`;
    const doc = parseExhibit(text, 'formerly-cells.htm.txt');
    expect(rows(doc)).toEqual([
      '- | Lakeshore Balanced Allocation Strategy | A | 0.30 maximum | 0.25 | null',
      '- | Lakeshore Core Bond Fund | A | 0.30 maximum | 0.25 | null',
      '- | Lakeshore Small Cap Fund | A | 0.30 maximum | 0.25 | null',
    ]);
    expect(doc.renames.map((r) => `${r.from} → ${r.to}`)).toEqual([
      'Lakeshore Vision Balanced Fund → Lakeshore Balanced Allocation Strategy',
      'Lakeshore Short Duration Fund → Lakeshore Core Bond Fund',
    ]);
  });

  it('a fund listed "(Advisers Class and Class A shares)" has an entry for each class, under its own name', () => {
    const text = cells(
      'EXHIBIT (m)(4)(b)',
      'SCHEDULE A',
      'HARBORVIEW MUTUAL FUNDS TRUST',
      'CLASS A DISTRIBUTION PLAN',
      'Effective: April 30, 2012',
      'Name of Fund',
      'Adoption Date',
      'Harborview Floating-Rate Fund (Advisers Class and Class A shares)',
      'May 4, 2006',
      'Harborview Senior Loan Fund (Advisers Class shares)',
      'July 9, 2001',
      '(formerly Harborview Bank Loan Fund)',
      'Harborview Municipal Income Fund',
      'June 2, 1998',
    );
    const doc = parseExhibit(text, 'listed-classes.htm.txt');
    expect(rows(doc)).toEqual([
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Floating-Rate Fund | Advisers | null null | null | null',
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Floating-Rate Fund | A | null null | null | null',
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Senior Loan Fund | Advisers | null null | null | null',
      'HARBORVIEW MUTUAL FUNDS TRUST | Harborview Municipal Income Fund | A | null null | null | null',
    ]);
    expect(doc.renames.map((r) => `${r.from} → ${r.to}`)).toEqual([
      'Harborview Bank Loan Fund → Harborview Senior Loan Fund',
    ]);
  });

  it('a plain-text row "Name (formerly X)   0.25%" is the name, and X its old name', () => {
    const body = `                               (CLASS A SHARES)

<TABLE>
<CAPTION>
                                                       DISTRIBUTION
       PORTFOLIO                                           FEE
<S>                                                    <C>
Cedar Growth Fund (formerly, Cedar Aggressive Fund)       0.25%
Cedar Income Fund                                         0.25%"
</TABLE>`;
    const doc = parseExhibit(amendmentWith(body, { classes: '(CLASS A SHARES)' }), 'formerly-text.txt');
    expect(
      doc.schedules[0]!.entries.map((e) => `${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct}`),
    ).toEqual(['Cedar Growth Fund | A | 0.25', 'Cedar Income Fund | A | 0.25']);
    expect(doc.renames.map((r) => `${r.from} → ${r.to}`)).toEqual([
      'Cedar Aggressive Fund → Cedar Growth Fund',
    ]);
  });
});
