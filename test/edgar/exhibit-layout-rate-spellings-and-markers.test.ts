import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

describe('rates written ".25%", "0.25 %", "0.25", "1.00%"; footnote markers; closing quote; underlines', () => {
  it('normalizes every spelling and drops the markers', () => {
    const body = `                                             Minimum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
Portfolio - Class K Shares
AIM Core Stock Fund*                             .2%          .25%       .45%
AIM Total Return Fund (1)                        0.20 %       0.25 %     0.45 %
AIM Energy Fund                                  0.20         0.25       0.45
AIM Leisure Fund                                 0.20%*       0.25%(1)   1.00%
AIM Dynamics Fund                                0.20%        0.25%      0.45%"

----------
*    The Distribution Fee is payable apart from the sales charge.
(1)  Effective upon the Fund's next prospectus.`;
    const doc = parseExhibit(amendmentWith(body, { classes: '(Class K Shares)' }), 'spellings.txt');
    expect(rows(doc)).toEqual([
      '- | AIM Core Stock Fund | K | 0.20 minimum | 0.25 | 0.45',
      '- | AIM Total Return Fund | K | 0.20 minimum | 0.25 | 0.45',
      '- | AIM Energy Fund | K | 0.20 minimum | 0.25 | 0.45',
      '- | AIM Leisure Fund | K | 0.20 minimum | 0.25 | 1.00',
      '- | AIM Dynamics Fund | K | 0.20 minimum | 0.25 | 0.45',
    ]);
  });

  it('keeps footnotes under the schedule, without marker or closing quote', () => {
    const body = `PORTFOLIO - CLASS B SHARES                  DISTRIBUTION FEE*
AIM Charter Fund                                 0.75%
----------
*    The Distribution Fee is payable apart from the sales charge, if any,
     as stated in the current prospectus."`;
    const doc = parseExhibit(amendmentWith(body), 'footnote.txt');
    expect(doc.footnotes).toEqual([
      'The Distribution Fee is payable apart from the sales charge, if any, as stated in the current prospectus.',
    ]);
    expect(doc.schedules[0]!.entries).toHaveLength(1);
  });
});
