import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An agreement amendment whose Appendix A lists a class named without the word CLASS, as the
// Third Amended and Restated Master Distribution Agreement's did (2001–2003).
const CASH_RESERVE_APPENDIX = `<PAGE>
                                                                 EXHIBIT e(3)(c)

                                 AMENDMENT NO. 2
                                     TO THE
                           THIRD AMENDED AND RESTATED
                          MASTER DISTRIBUTION AGREEMENT
             (APPLICABLE TO CLASS A SHARES, CLASS C SHARES, AIM CASH
                  RESERVE SHARES AND INSTITUTIONAL CLASS SHARES)

        The Third Amended and Restated Master Distribution Agreement (the
"Agreement"), dated July 1, 2001, by and between AIM Quarry Income Funds, a
Delaware business trust, and A I M Distributors, Inc., a Delaware corporation,
is hereby amended as follows:

        Appendix A to the Agreement is hereby deleted in its entirety and
replaced with the following:

                                   "APPENDIX A
                                       TO
                           THIRD AMENDED AND RESTATED
                          MASTER DISTRIBUTION AGREEMENT
                                       OF
                           AIM QUARRY INCOME FUNDS

CLASS C SHARES

AIM Bluff Bond Fund
AIM Quarry Money Market Fund

AIM CASH RESERVE SHARES

AIM Quarry Money Market Fund

INSTITUTIONAL CLASS SHARES

AIM Bluff Bond Fund"

        All other terms and provisions of the Agreement not amended herein shall
remain in full force and effect.

Dated:  May 1, 2003
`;

describe('"AIM CASH RESERVE SHARES": a class named without the word CLASS', () => {
  const doc = parseExhibit(CASH_RESERVE_APPENDIX, 'e3c.txt');

  it('is a class heading in the schedule, not a Registrant', () => {
    expect(doc.schedules[0]!.entries.map((e) => [e.registrant, e.portfolio, e.class])).toEqual([
      ['AIM Quarry Income Funds', 'AIM Bluff Bond Fund', 'C'],
      ['AIM Quarry Income Funds', 'AIM Quarry Money Market Fund', 'C'],
      ['AIM Quarry Income Funds', 'AIM Quarry Money Market Fund', 'Cash Reserve'],
      ['AIM Quarry Income Funds', 'AIM Bluff Bond Fund', 'Institutional'],
    ]);
  });

  it("is one of the classes the title lists, in the title's order", () => {
    expect(doc.instrument.classes).toEqual(['A', 'C', 'Cash Reserve', 'Institutional']);
  });
});
