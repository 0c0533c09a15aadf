import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Wells Fargo Variable Trust, Appendix A to its Rule 12b-1 plan, as filed (EDGAR 0001193125-04-074276,
// dex99bm.txt, 2004): the heading over the rate column is stacked "Maximum" / "12b-1 Fee", and the
// heading over the fund column, "Variable Trust Funds", stands on the second line beside "12b-1 Fee".
const VARIABLE_TRUST_APPENDIX_A = `<PAGE>

                                                                      EX-99.B(m)

                                   APPENDIX A
                                   ----------

                ---------------------------------------------------
                                                           Maximum
                Variable Trust Funds                      12b-1 Fee
                ---------------------------------------------------
                Asset Allocation Fund                          0.25
                ---------------------------------------------------
                Equity Income Fund                             0.25
                ---------------------------------------------------
                Total Return Bond Fund                         0.25
                ---------------------------------------------------

Approved by the Board of Trustees: March 26, 1999, as amended February 4, 2003.

Most recent annual approval date: August 5, 2003.
`;

describe('the fund column heading printed between the rate column heading words', () => {
  it('"Variable Trust Funds" beside "12b-1 Fee", under "Maximum": a heading, not a fund of no rate', () => {
    const doc = parseExhibit(VARIABLE_TRUST_APPENDIX_A, 'dex99bm.txt');
    const entries = doc.schedules[0]!.entries;
    // three funds, each with the one fee the column gives (0.25% per annum, as printed)
    expect(entries.map((e) => [e.portfolio, e.aggregateFeePct])).toEqual([
      ['Asset Allocation Fund', '0.25'],
      ['Equity Income Fund', '0.25'],
      ['Total Return Bond Fund', '0.25'],
    ]);
    expect(entries.some((e) => /Variable Trust/.test(e.portfolio))).toBe(false);
  });

  it('a fund listed under a heading that names no rate, with no heading after it, is still a fund', () => {
    const list = `SCHEDULE A
Funds
Alpha Growth Fund
Beta Income Fund
Dated: May 1, 2010
`;
    const doc = parseExhibit(list, 'list.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'Alpha Growth Fund',
      'Beta Income Fund',
    ]);
  });
});
