import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An AIM Class B master distribution agreement in EDGAR text: its terms in the body (SEVENTH(B)
// "an asset based sales charge in an amount equal to 0.75% per annum", printed without the
// hyphen; TENTH "a service fee in the amount of .25%"), and Appendix A a plain list in which one
// portfolio carries its former name, wrapped onto an indented line. Read by hand: made as of
// 2004-03-01; terms 0.75 / 0.25; five Class B entries in two registrants; one rename. Once, the
// list stopped at the "(formerly known as" line (read as prose) and three portfolios were lost.
const TEXT = `<PAGE>
                                                              EXHIBIT e(2)

                          MASTER DISTRIBUTION AGREEMENT
                                (CLASS B SHARES)

     THIS AGREEMENT made as of the 1st day of March, 2004, by and between
each registered investment company described on Appendix A to this agreement
(each individually referred to as the "FUND"), and A I M DISTRIBUTORS, INC., a
Delaware corporation (the "DISTRIBUTOR").

     FIRST: The Fund hereby appoints the Distributor as its exclusive agent for
the sale of the Shares.

     SEVENTH:

     (B) The Fund shall pay to the Distributor an asset based sales charge in
an amount equal to 0.75% per annum of the average daily net assets of the
Shares of each Portfolio.

     TENTH: The Fund shall pay the Distributor a service fee in the amount of
 .25% per annum of the average daily net assets of the Shares.

     IN WITNESS WHEREOF, the parties have executed this Agreement as of the
date first above written.

<PAGE>
                                  APPENDIX A
                                      TO
                          MASTER DISTRIBUTION AGREEMENT
                                (CLASS B SHARES)

AIM FUNDS GROUP
---------------
AIM Basic Balanced Fund
AIM European Small Company Fund (formerly known as AIM European
  Development Fund)
AIM Global Value Fund

AIM INVESTMENT SECURITIES FUNDS
-------------------------------
AIM High Yield Fund
AIM Income Fund

                                      A-1
`;

const ENTRIES = [
  'AIM FUNDS GROUP | AIM Basic Balanced Fund | B',
  'AIM FUNDS GROUP | AIM European Small Company Fund | B',
  'AIM FUNDS GROUP | AIM Global Value Fund | B',
  'AIM INVESTMENT SECURITIES FUNDS | AIM High Yield Fund | B',
  'AIM INVESTMENT SECURITIES FUNDS | AIM Income Fund | B',
];
const read = (text: string) => {
  const doc = parseExhibit(text, 'mda.txt');
  return {
    doc,
    rows: doc.schedules.flatMap((s) => s.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)),
  };
};

describe('a plain list name with its former name, and body terms without a hyphen', () => {
  it('reads every portfolio, the rename, and both terms', () => {
    const { doc, rows } = read(TEXT);
    expect(doc).toMatchObject({
      kind: 'agreement',
      effectiveDate: '2004-03-01',
      terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
      renames: [{ from: 'AIM European Development Fund', to: 'AIM European Small Company Fund' }],
      completeness: { complete: true, gaps: [] },
    });
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Appendix A', false]]);
    expect(rows).toEqual(ENTRIES);
  });

  it('the former name on the same line reads the same', () => {
    const oneLine = TEXT.replace('AIM European\n  Development Fund)', 'AIM European Development Fund)');
    const { doc, rows } = read(oneLine);
    expect(rows).toEqual(ENTRIES);
    expect(doc.renames).toEqual([
      { from: 'AIM European Development Fund', to: 'AIM European Small Company Fund' },
    ]);
  });
});
