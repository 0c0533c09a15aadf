import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { formerlyRenames } from '../../src/edgar/renames.js';

// A footnote that gives a fund's names back through time, its number glued to the first word:
// "1Harrowgate Global Income Fund (formerly, Harrowgate Global Equity Fund, formerly, Harrowgate
// World Value Fund) …". Each old name is the portfolio now named Global Income, renamed to it on the
// document's date — never one name made of all of them, and never a same-day chain that would
// leave the portfolio at a middle name. Invented fixture in Voya's style.
const TEXT = `AMENDED SCHEDULE A
with respect to the
SECOND AMENDED AND RESTATED SERVICE AND DISTRIBUTION PLAN
for
HARROWGATE MUTUAL FUNDS
CLASS A SHARES
|
Fund
|
Maximum Combined Service and
Distribution Fees
|
Harrowgate Core Bond Fund
|0.25%
|
Harrowgate Global Income Fund1
|0.25%
Date last updated: August 4, 2017
1Harrowgate Global Income Fund (formerly, Harrowgate Global Equity Fund, formerly, Harrowgate World Value Fund) Service Fee change effective May 1, 2009.
`;

describe('a chain of former names in a footnote', () => {
  it('is one rename an old name, to the name now, the footnote number no part of any name', () => {
    const doc = parseExhibit(TEXT, 'harrowgate-chain.htm');
    expect(doc.renames).toEqual([
      { from: 'Harrowgate Global Equity Fund', to: 'Harrowgate Global Income Fund' },
      { from: 'Harrowgate World Value Fund', to: 'Harrowgate Global Income Fund' },
    ]);
    expect(
      doc.schedules.flatMap((s) => s.entries.map((e) => `${e.portfolio} | ${e.aggregateFeePct}`)),
    ).toEqual(['Harrowgate Core Bond Fund | 0.25', 'Harrowgate Global Income Fund | 0.25']);
  });

  it('reads a chain in any "(formerly …)" the same way', () => {
    expect(
      formerlyRenames([
        'Alder Income Fund (formerly, Alder Yield Fund, formerly, Alder Bond Fund, formerly, Birch Bond Fund)',
      ]),
    ).toEqual([
      { from: 'Alder Yield Fund', to: 'Alder Income Fund' },
      { from: 'Alder Bond Fund', to: 'Alder Income Fund' },
      { from: 'Birch Bond Fund', to: 'Alder Income Fund' },
    ]);
  });
});
