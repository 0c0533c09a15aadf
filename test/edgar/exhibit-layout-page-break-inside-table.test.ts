import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

describe('<PAGE> breaks and page numbers between a heading and its rows, tables continuing across pages', () => {
  it('reads the rows after the break under the headings before it', () => {
    const body = `AIM INVESTMENT SECURITIES FUNDS
-------------------------------
                                                   MAXIMUM
                                                    ASSET
                                                    BASED        MAXIMUM      MAXIMUM
                                                    SALES        SERVICE     AGGREGATE
PORTFOLIO - CLASS B SHARES                         CHARGE          FEE          FEE

                                       2
<PAGE>

AIM High Yield Fund                                 0.75%         0.25%        1.00%
AIM Income Fund                                     0.75%         0.25%        1.00%

                                      - 3 -
<PAGE>
AIM Money Market Fund                               0.75%         0.25%        1.00%

AIM TAX-EXEMPT FUNDS
--------------------
AIM High Income Municipal Fund                      0.75%         0.25%        1.00%"`;
    const doc = parseExhibit(amendmentWith(body), 'pages.txt');
    expect(rows(doc)).toEqual([
      'AIM INVESTMENT SECURITIES FUNDS | AIM High Yield Fund | B | 0.75 maximum | 0.25 | 1.00',
      'AIM INVESTMENT SECURITIES FUNDS | AIM Income Fund | B | 0.75 maximum | 0.25 | 1.00',
      'AIM INVESTMENT SECURITIES FUNDS | AIM Money Market Fund | B | 0.75 maximum | 0.25 | 1.00',
      'AIM TAX-EXEMPT FUNDS | AIM High Income Municipal Fund | B | 0.75 maximum | 0.25 | 1.00',
    ]);
  });

  it('a "SCHEDULE A (continued)" heading on the next page continues the same schedule', () => {
    const body = `PORTFOLIO - CLASS B SHARES            DISTRIBUTION FEE
AIM Charter Fund                           0.75%
<PAGE>
                            SCHEDULE A (continued)
                                       TO
                            MASTER DISTRIBUTION PLAN

AIM Constellation Fund                     0.75%"`;
    const doc = parseExhibit(amendmentWith(body), 'continued.txt');
    expect(doc.schedules).toHaveLength(1);
    expect(rows(doc)).toEqual([
      '- | AIM Charter Fund | B | 0.75 null | null | null',
      '- | AIM Constellation Fund | B | 0.75 null | null | null',
    ]);
  });
});
