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

  it("the fund column heading as the table's first line, the rate heading below it: a heading too", () => {
    // Advisors Series Trust, Schedule A to the Amended and Restated Shareholder Servicing Plan, as
    // filed in HTML and rendered to text (EDGAR 0000894189-15-003071, amendscheda.htm, 2015)
    const servicing = `Schedule A
to the Amended and Restated Shareholder Servicing Plan

(as amended on June 18, 2015 with respect to the Orinda Income Opportunities Fund;
effective as of June 28, 2015)


Series or Fund and Class of Advisors Series Trust
Shareholder Servicing Plan Fee as a %
 of Average Daily Net Assets
Vivaldi Orinda Hedged Equity Fund

Class A
0.13%
Class I
0.07%
Orinda Income Opportunities Fund

Class A
0.15%
Class D
0.10%


ADVISORS SERIES TRUST
on behalf of the Funds listed on Schedule A
`;
    const doc = parseExhibit(servicing, 'amendscheda.htm');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Vivaldi Orinda Hedged Equity Fund', 'A', '0.13'],
      ['Vivaldi Orinda Hedged Equity Fund', 'I', '0.07'],
      ['Orinda Income Opportunities Fund', 'A', '0.15'],
      ['Orinda Income Opportunities Fund', 'D', '0.10'],
    ]);
  });

  it('"Fee Schedule" over an underwriter\'s fee terms is no fund: the terms are refused, naming a line', () => {
    // Northern Lights Fund Trust, Underwriting Agreement Schedules A and B-6 (EDGAR
    // 0000910472-06-000149, 2006): Schedule B-6 is the underwriter's own fee, no Rule 12b-1 rate
    const underwriting = `UNDERWRITING AGREEMENT
Schedule A
Abacus Value Fund
The Gaming and Casino Fund
This schedule was amended on March 6, 2006 to add The Gaming and Casino Fund.
UNDERWRITING AGREEMENT
Schedule B-6
The Gaming and Casino Fund
Fee Schedule
Service Fee
For services performed hereunder, the Trust shall pay an annual fee of $5,000 per Fund, per share class PLUS 0.01% per annum of each Fund's average daily net assets, payable monthly in arrears.
Out-of-Pocket Expenses
IN WITNESS WHEREOF, the parties hereto have executed this Schedule to the Underwriting Agreement dated March 6, 2006.
`;
    let read: unknown;
    try {
      read = parseExhibit(underwriting, 'exe5underwritingagt3606gamin.htm');
    } catch (e) {
      read = e;
    }
    if (read instanceof Error) expect(read.message).toMatch(/:\d+: /);
    else {
      const doc = read as ReturnType<typeof parseExhibit>;
      expect(doc.schedules.flatMap((s) => s.entries.map((e) => e.portfolio))).not.toContain('Fee Schedule');
    }
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
