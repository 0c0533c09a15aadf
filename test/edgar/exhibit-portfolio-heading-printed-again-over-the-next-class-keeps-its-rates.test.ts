import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

// SPEC §2.1: rates are read as printed. An Appendix A prints its rate headings once, its name
// column's heading "PORTFOLIO" again over the next class's rows (AIM Special Opportunities Funds,
// 1998, real-exhibits-10 01): the heading printed again was read as the start of a plain list and
// the rows under it refused, "a rate with no column heading above it". Names are our own.
const table = `<TABLE>
<CAPTION>
                                           ASSET
                                           BASED     MAXIMUM
                                           SALES     SERVICE   AGGREGATE
PORTFOLIO                                  CHARGE      FEE        FEE
---------                                  ------    -------   ---------
<S>                                        <C>       <C>       <C>
(Class A Shares)
AIM Mid Cap Example Fund                    0.10%     0.25%      0.35%
AIM Small Cap Example Fund                  0.10%     0.25%      0.35%

PORTFOLIO
---------
(Class C Shares)
AIM Mid Cap Example Fund                    0.75%     0.25%      1.00%
AIM Small Cap Example Fund                  0.75%     0.25%      1.00%"
</TABLE>`;

describe('the name column’s heading printed again over the next class', () => {
  it('keeps the rate columns above it: the Class C rows are read with their rates', () => {
    const doc = parseExhibit(amendmentWith(table, { classes: '(CLASS A AND CLASS C SHARES)' }), 'again.txt');
    expect(
      doc.schedules[0]!.entries.map((e) => [
        e.portfolio,
        e.class,
        e.assetBasedSalesChargePct,
        e.serviceFeePct,
        e.aggregateFeePct,
      ]),
    ).toEqual([
      ['AIM Mid Cap Example Fund', 'A', '0.10', '0.25', '0.35'],
      ['AIM Small Cap Example Fund', 'A', '0.10', '0.25', '0.35'],
      ['AIM Mid Cap Example Fund', 'C', '0.75', '0.25', '1.00'],
      ['AIM Small Cap Example Fund', 'C', '0.75', '0.25', '1.00'],
    ]);
    expect(doc.completeness.complete).toBe(true);
  });

  it('a PORTFOLIOS heading over names without rates still starts a plain list', () => {
    const list = table.replace(
      /(\(Class C Shares\)\n)[\s\S]*?"\n/,
      '$1AIM Mid Cap Example Fund\nAIM Small Cap Example Fund"\n',
    );
    const doc = parseExhibit(amendmentWith(list, { classes: '(CLASS A AND CLASS C SHARES)' }), 'list.txt');
    expect(doc.schedules[0]!.entries.slice(2).map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['AIM Mid Cap Example Fund', 'C', null],
      ['AIM Small Cap Example Fund', 'C', null],
    ]);
  });
});
