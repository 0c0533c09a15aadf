import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: an amendment names its instrument by the instrument's date ("The Plan, effective
// July 1, 2004, …" is the Plan's date). An amendment to seed 002's Sixth A&R Plan names it
// "amended and restated as of June 3, 2002": that is the instrument's datedAsOf, as seed 002
// itself reads it; the amendment takes effect on its clause's date. Read by hand: datedAsOf
// 2002-06-03, effective 2004-12-02, four Class A entries at minimum ABSC 0.00 / 0.10.
const TEXT = `                                AMENDMENT NO. 4
                                     TO THE
                          SIXTH AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN
                                       OF
                                AIM FUNDS GROUP
                              (CLASS A SHARES)

     The Sixth Amended and Restated Master Distribution Plan of AIM Funds Group
(the "Plan"), amended and restated as of June 3, 2002, is hereby amended,
effective as of December 2, 2004, as follows:

     Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A

<TABLE>
<CAPTION>
                                             MINIMUM
                                           ASSET BASED     MAXIMUM       MAXIMUM
                                              SALES        SERVICE      AGGREGATE
PORTFOLIO - CLASS A SHARES                   CHARGE          FEE           FEE
--------------------------                 -----------    ---------    -----------
<S>                                        <C>            <C>          <C>
AIM Balanced Fund                             0.00%          0.25%         0.25%
AIM Basic Balanced Fund                       0.10%          0.25%         0.35%
AIM European Small Company Fund               0.10%(1)       0.25%         0.35%
AIM Global Value Fund                         0.10%          0.25%         0.35%"
</TABLE>

(1) The minimum asset based sales charge applies from December 2, 2004.

Dated: December 2, 2004
`;

describe('an amendment naming its instrument “amended and restated as of” a date', () => {
  it('gives that date as the instrument’s datedAsOf, and its clause’s as effectiveDate', () => {
    const doc = parseExhibit(TEXT, 'amend4.txt');
    expect(doc).toMatchObject({
      kind: 'plan-amendment',
      amendmentNumber: 4,
      effectiveDate: '2004-12-02',
      datedDate: '2004-12-02',
      instrument: {
        title: 'Sixth Amended and Restated Master Distribution Plan',
        registrant: 'AIM Funds Group',
        classes: ['A'],
        datedAsOf: '2002-06-03',
      },
      warnings: [],
    });
    expect(
      doc.schedules[0]!.entries.map(
        (e) => `${e.portfolio} ${e.assetBasedSalesChargePct} ${e.assetBasedSalesChargeBound}`,
      ),
    ).toEqual([
      'AIM Balanced Fund 0.00 minimum',
      'AIM Basic Balanced Fund 0.10 minimum',
      'AIM European Small Company Fund 0.10 minimum',
      'AIM Global Value Fund 0.10 minimum',
    ]);
  });
});
