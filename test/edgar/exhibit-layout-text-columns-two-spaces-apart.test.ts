import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A "Current Name | Former Name" text table whose names fill their columns: a current name ends
// two spaces before its former name begins. The <S> line's <C> tags say where each column starts,
// so the two names are two cells, not one long name (and no rename is read from a wrapped tail).
const TEXT = `<Page>

                                                               Exhibit 99(m)(4)

                                   SCHEDULE B
                                 BAYVIEW FUNDS
                 COMBINED AMENDED AND RESTATED DISTRIBUTION PLAN
                        (AMENDED AS OF APRIL 9, 2007)

MONEY MARKET FUNDS

<Table>
<Caption>
                                                                                            DISTRIBUTION
CURRENT NAME                         FORMER NAME                              SHARE CLASS   FEE
--------------------------------------------------------------------------------------------------
<S>                                  <C>                                      <C>           <C>
Bayview Government Money Market      Bayview Government Money                 Harbor        0.10%
Fund                                 Market Fund
                                                                              Reserve       0.25%
Bayview Connecticut Municipal Money  Bayview Connecticut Tax Free Money       Harbor        0.10%
Market Fund                          Market Fund
                                                                              Service       0.60%
</Table>

Dated: April 9, 2007
`;

describe('text table cells two spaces apart', () => {
  it('splits a row where a <C> tag puts a column, even two spaces after the cell before it', () => {
    const p = parseExhibit(TEXT, 'two-spaces.txt');
    expect(
      p.schedules.flatMap((s) =>
        s.entries.map((e) => `${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct}`),
      ),
    ).toEqual([
      'Bayview Government Money Market Fund | Harbor | 0.10',
      'Bayview Government Money Market Fund | Reserve | 0.25',
      'Bayview Connecticut Municipal Money Market Fund | Harbor | 0.10',
      'Bayview Connecticut Municipal Money Market Fund | Service | 0.60',
    ]);
    expect(p.renames).toEqual([
      {
        from: 'Bayview Connecticut Tax Free Money Market Fund',
        to: 'Bayview Connecticut Municipal Money Market Fund',
      },
    ]);
  });
});
