import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A combined plan's schedule in the "Current Name | Former Name | Share Class | Distribution Fee"
// layout: the current name is the portfolio, a former name that differs is a rename (former →
// current), each class in the Share Class cell has its rate in the fee cell, stacked in order.
const CELLS = `SCHEDULE B
LAKESHORE FUNDS
COMBINED AMENDED AND RESTATED DISTRIBUTION PLAN
(Amended as of March 2, 2016)
Money Market Funds
|
Current Name
|
Former Name
|Share Class
|Distribution Fee
(annual rate expressed
as a percentage of the
average daily net assets
of each Class of Shares)
|
Lakeshore Treasury Money Market Fund
|Lakeshore Treasury Money Market Fund
|Harbor
Reserve
Service
|
|0.10
0.25
0.60
|%
%
%
|
Lakeshore Municipal Money Market Fund
|Lakeshore Tax Free Money Market Fund
|Harbor
Cash
Management
Class C
|
|0.10
0.50
0.75
|%
%
%
|
Lakeshore Prime Money Market Fund
|Lakeshore Prime Money Market Fund
|Reserve
|0.25
|%
B-1
|
Current Name
|
Former Name
|Share Class
|Distribution Fee
(annual rate expressed
as a percentage of the
average daily net assets
of each Class of Shares)
|Harbor
Service
|
|0.10
0.60
|%
%
|
Dated: March 2, 2016
`;

const TEXT = `<PAGE>

                                                             Exhibit 99(m)(3)(c)

                                   SCHEDULE B
                                 LAKESHORE FUNDS
                 COMBINED AMENDED AND RESTATED DISTRIBUTION PLAN
                        (AMENDED AS OF MARCH 2, 2016)

MONEY MARKET FUNDS

<TABLE>
<CAPTION>
                                                                          DISTRIBUTION FEE
                                                                     (ANNUAL RATE EXPRESSED AS A
                                                                   PERCENTAGE OF THE AVERAGE DAILY
                                                                     NET ASSETS OF EACH CLASS OF
CURRENT NAME                         FORMER NAME                   SHARE CLASS          SHARES)
---------------------------------------------------------------------------------------------------
<S>                                  <C>                           <C>             <C>
Lakeshore Treasury Money Market      Lakeshore Treasury Money      Harbor          0.10%
Fund                                 Market Fund
                                                                   Reserve         0.25%
Lakeshore Municipal Money Market     Lakeshore Tax Free Money      Harbor          0.10%
Fund                                 Market Fund
                                                                   Service         0.60%
</TABLE>

Dated: March 2, 2016
`;

const rowsOf = (text: string, file: string) =>
  parseExhibit(text, file).schedules.flatMap((s) =>
    s.entries.map((e) => `${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct}`),
  );

describe('"Current Name | Former Name | Share Class" tables', () => {
  it('cells: one entry per class, the section label is no fund, the row goes on over a page break', () => {
    expect(rowsOf(CELLS, 'current-former.htm.txt')).toEqual([
      'Lakeshore Treasury Money Market Fund | Harbor | 0.10',
      'Lakeshore Treasury Money Market Fund | Reserve | 0.25',
      'Lakeshore Treasury Money Market Fund | Service | 0.60',
      'Lakeshore Municipal Money Market Fund | Harbor | 0.10',
      'Lakeshore Municipal Money Market Fund | Cash Management | 0.50',
      'Lakeshore Municipal Money Market Fund | C | 0.75',
      'Lakeshore Prime Money Market Fund | Reserve | 0.25',
      'Lakeshore Prime Money Market Fund | Harbor | 0.10',
      'Lakeshore Prime Money Market Fund | Service | 0.60',
    ]);
    expect(parseExhibit(CELLS, 'current-former.htm.txt').renames).toEqual([
      { from: 'Lakeshore Tax Free Money Market Fund', to: 'Lakeshore Municipal Money Market Fund' },
    ]);
  });

  it('plain text: both name columns wrapped onto the next line are one name each', () => {
    expect(rowsOf(TEXT, 'current-former.txt')).toEqual([
      'Lakeshore Treasury Money Market Fund | Harbor | 0.10',
      'Lakeshore Treasury Money Market Fund | Reserve | 0.25',
      'Lakeshore Municipal Money Market Fund | Harbor | 0.10',
      'Lakeshore Municipal Money Market Fund | Service | 0.60',
    ]);
    // "MONEY MARKET FUNDS" over the table is a section, not the Registrant
    expect(
      new Set(parseExhibit(TEXT, 'current-former.txt').schedules[0]!.entries.map((e) => e.registrant)),
    ).toEqual(new Set(['LAKESHORE FUNDS']));
    expect(parseExhibit(TEXT, 'current-former.txt').renames).toEqual([
      { from: 'Lakeshore Tax Free Money Market Fund', to: 'Lakeshore Municipal Money Market Fund' },
    ]);
  });
});
