import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

describe('plain-text schedules: colon column headings, a Series II class, a Cash Reserve class heading', () => {
  it('reads a <TABLE> headed "PORTFOLIO:   FEE:" under "(SERIES II SHARES)"', () => {
    const body = `                               (SERIES II SHARES)

                               (DISTRIBUTION FEE)

<TABLE>
<CAPTION>
                                                       DISTRIBUTION
       PORTFOLIO:                                          FEE:
       ----------                                          ----
<S>                                                    <C>
Cedar V.I. Core Growth Fund                               0.25%
Cedar V.I. Global Income Fund                             0.25%"
</TABLE>`;
    const doc = parseExhibit(amendmentWith(body, { classes: '(SERIES II SHARES)' }), 'series-ii.txt');
    expect(
      doc.schedules[0]!.entries.map((e) => `${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct}`),
    ).toEqual([
      'Cedar V.I. Core Growth Fund | Series II | 0.25',
      'Cedar V.I. Global Income Fund | Series II | 0.25',
    ]);
  });

  it('"CEDAR CASH RESERVE SHARES" heads a class, not a Registrant', () => {
    const body = `                                 CLASS C SHARES

      Cedar Short Term Bond Fund

                            CEDAR CASH RESERVE SHARES

      Cedar Money Market Fund

                           INSTITUTIONAL CLASS SHARES

      Cedar Treasury Reserve Fund"`;
    const doc = parseExhibit(amendmentWith(body, { classes: '(CLASS C SHARES)' }), 'cash-reserve.txt');
    expect(rows(doc)).toEqual([
      '- | Cedar Short Term Bond Fund | C | null null | null | null',
      '- | Cedar Money Market Fund | Cash Reserve | null null | null | null',
      '- | Cedar Treasury Reserve Fund | Institutional | null null | null | null',
    ]);
  });
});
