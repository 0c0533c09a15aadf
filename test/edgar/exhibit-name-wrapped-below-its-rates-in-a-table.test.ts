import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An AIM Class B plan amendment in EDGAR text (<TABLE>/<S>/<C>): a long name with a former name
// wraps below its rates, indented past the names ("AIM Mid-Cap Stock Fund (formerly INVESCO
// 0.75% 0.25% 1.00%" / "   Mid-Cap Growth Fund)"), a page number and <PAGE> inside the first
// table, "SCHEDULE A (CONTINUED)" over the second. Expected, read by hand: Amendment No. 3,
// effective and dated 2003-11-04, plan dated 2000-06-01; 7 AIM EQUITY FUNDS and 3 AIM STOCK
// FUNDS Class B entries at maximum 0.75 / 0.25 / 1.00; renames INVESCO Dynamics Fund → AIM
// Dynamics Fund (WHEREAS "change of name of … to …") and INVESCO Mid-Cap Growth Fund → AIM
// Mid-Cap Stock Fund (the row's "formerly").
const TEXT = `<PAGE>
                                                               Exhibit m(2)(c)

                                AMENDMENT NO. 3
                                     TO THE
                            MASTER DISTRIBUTION PLAN
                                (CLASS B SHARES)

      The Master Distribution Plan (the "Plan"), dated as of June 1, 2000,
pursuant to Rule 12b-1, is hereby amended, effective as of November 4, 2003,
as follows:

      WHEREAS, the parties desire to amend the Plan to reflect the change of
name of INVESCO Dynamics Fund to AIM Dynamics Fund;

      NOW, THEREFORE, Schedule A to the Plan is hereby deleted in its entirety
and replaced with the following:

                                  "SCHEDULE A
                                       TO
                            MASTER DISTRIBUTION PLAN
                                (CLASS B SHARES)

<TABLE>
<CAPTION>
                                                       MAXIMUM
                                                        ASSET
                                                        BASED        MAXIMUM      MAXIMUM
AIM EQUITY FUNDS                                        SALES        SERVICE     AGGREGATE
----------------                                       CHARGE          FEE          FEE
PORTFOLIO                                              -------       -------     ---------
<S>                                                    <C>           <C>         <C>
AIM Aggressive Growth Fund                              0.75%         0.25%        1.00%
AIM Blue Chip Fund                                      0.75%         0.25%        1.00%
AIM Emerging Growth Fund                                0.75%         0.25%        1.00%
AIM Large Cap Basic Value Fund                          0.75%         0.25%        1.00%
AIM Large Cap Growth Fund                               0.75%         0.25%        1.00%
                                                                              
                                       1
<PAGE>
AIM Mid Cap Growth Fund                                 0.75%         0.25%        1.00%
AIM Weingarten Fund                                     0.75%         0.25%        1.00%
</TABLE>

                             SCHEDULE A (CONTINUED)

<TABLE>
<CAPTION>
                                                       MAXIMUM
                                                        ASSET
                                                        BASED        MAXIMUM      MAXIMUM
AIM STOCK FUNDS                                         SALES        SERVICE     AGGREGATE
---------------                                        CHARGE          FEE          FEE
PORTFOLIO                                              -------       -------     ---------
<S>                                                    <C>           <C>         <C>
AIM Dynamics Fund                                       0.75%         0.25%        1.00%
AIM Mid-Cap Stock Fund (formerly INVESCO                0.75%         0.25%        1.00%
   Mid-Cap Growth Fund)
AIM S&P 500 Index Fund                                  0.75%         0.25%        1.00%"
</TABLE>

      All other terms and provisions of the Plan not amended herein shall
remain in full force and effect.

Dated: November 4, 2003

                                       2
`;

const EQUITY = [
  'AIM Aggressive Growth Fund',
  'AIM Blue Chip Fund',
  'AIM Emerging Growth Fund',
  'AIM Large Cap Basic Value Fund',
  'AIM Large Cap Growth Fund',
  'AIM Mid Cap Growth Fund',
  'AIM Weingarten Fund',
];
const STOCK = ['AIM Dynamics Fund', 'AIM Mid-Cap Stock Fund', 'AIM S&P 500 Index Fund'];
const entry = (registrant: string) => (portfolio: string) => ({
  registrant,
  portfolio,
  class: 'B',
  assetBasedSalesChargePct: '0.75',
  assetBasedSalesChargeBound: 'maximum',
  serviceFeePct: '0.25',
  aggregateFeePct: '1.00',
});

describe('a name wrapped below its rates inside an EDGAR <TABLE>', () => {
  it('is one entry with its whole name; its "formerly" is a rename without the rates', () => {
    const doc = parseExhibit(TEXT, 'aim-classb-amend3.txt');
    expect(doc).toMatchObject({
      kind: 'plan-amendment',
      exhibit: 'm(2)(c)',
      amendmentNumber: 3,
      effectiveDate: '2003-11-04',
      datedDate: '2003-11-04',
      instrument: { kind: 'plan', classes: ['B'], datedAsOf: '2000-06-01' },
      warnings: [],
    });
    expect(doc.schedules).toEqual([
      {
        name: 'Schedule A',
        replacesEntirely: true,
        entries: [...EQUITY.map(entry('AIM EQUITY FUNDS')), ...STOCK.map(entry('AIM STOCK FUNDS'))],
      },
    ]);
    expect(doc.renames).toEqual([
      { from: 'INVESCO Dynamics Fund', to: 'AIM Dynamics Fund' },
      { from: 'INVESCO Mid-Cap Growth Fund', to: 'AIM Mid-Cap Stock Fund' },
    ]);
  });

  it('a tail closing the quoted schedule ends it', () => {
    const text = TEXT.replace('1.00%"', '1.00%')
      .replace(
        'AIM S&P 500 Index Fund                                  0.75%         0.25%        1.00%',
        'AIM S&P 500 Index Fund                                  0.75%         0.25%        1.00%\n   Class B"',
      )
      .replace('   Class B"', '   Portfolio"');
    const doc = parseExhibit(text, 'tail-quote.txt');
    expect(doc.schedules[0]!.entries.at(-1)!.portfolio).toBe('AIM S&P 500 Index Fund Portfolio');
    expect(doc.schedules[0]!.entries).toHaveLength(10);
  });

  it('a line as far left as the names, or after a blank line, is still refused with its line', () => {
    expect(() =>
      parseExhibit(TEXT.replace('   Mid-Cap Growth Fund)', 'Mid-Cap Growth Fund)'), 'x.txt'),
    ).toThrow(/x\.txt:58: .*no rates where 3 are expected.*Mid-Cap Growth Fund\)/);
    expect(() =>
      parseExhibit(TEXT.replace('   Mid-Cap Growth Fund)', '\n   Mid-Cap Growth Fund)'), 'x.txt'),
    ).toThrow(/x\.txt:59: .*no rates where 3 are expected/);
  });
});
