import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

describe('aligned columns without any tags, underline rows of dashes and equals signs', () => {
  it('reads group headings, column headings and rows by position', () => {
    const body = `AIM SECTOR FUNDS
================

                                             Maximum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             =============   =======   =========
Portfolio - Class B Shares
AIM Energy Fund                                  0.75%        0.25%      1.00%
AIM Leisure Fund                                 0.75%        0.25%      1.00%

AIM STOCK FUNDS
---------------
                                             Maximum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
Portfolio - Class B Shares
AIM Dynamics Fund                                0.75%        0.25%      1.00%"`;
    const doc = parseExhibit(amendmentWith(body), 'aligned.txt');
    expect(rows(doc)).toEqual([
      'AIM SECTOR FUNDS | AIM Energy Fund | B | 0.75 maximum | 0.25 | 1.00',
      'AIM SECTOR FUNDS | AIM Leisure Fund | B | 0.75 maximum | 0.25 | 1.00',
      'AIM STOCK FUNDS | AIM Dynamics Fund | B | 0.75 maximum | 0.25 | 1.00',
    ]);
    expect(doc.schedules[0]!.replacesEntirely).toBe(true);
  });
});
