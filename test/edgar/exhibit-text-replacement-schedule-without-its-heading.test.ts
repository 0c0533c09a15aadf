import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A plain-text amendment whose replacement schedule is printed under its instrument's title with
// no "SCHEDULE A" line of its own ('replaced with the following:' / '"MASTER DISTRIBUTION PLAN'):
// it is the Schedule A the body names, read as in an HTML filing of the same shape.
const table = (registrant: string, row: string) => `<TABLE>
<CAPTION>
                                              MINIMUM
                                               ASSET
                                               BASED    MAXIMUM    MAXIMUM
                                               SALES    SERVICE   AGGREGATE
${registrant.padEnd(47)}CHARGE     FEE        FEE
${'-'.repeat(registrant.length).padEnd(46)}-------   -------   ---------
<S>                                           <C>       <C>       <C>
PORTFOLIO - INVESTOR CLASS SHARES
---------------------------------
${row}
</TABLE>`;

const AMENDMENT = `<PAGE>

                                 AMENDMENT NO. 3
                              TO THE FIRST RESTATED
                            MASTER DISTRIBUTION PLAN

                             (INVESTOR CLASS SHARES)

     The First Restated Master Distribution Plan (the "Plan"), effective as of
July 1, 2004, and as subsequently amended, pursuant to Rule 12b-1, is hereby
amended, effective June 2, 2008, as follows:

     WHEREAS, the parties desire to amend the Plan to reflect the addition of
Investor Class Shares of Osprey Balanced Fund;

     NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and
replaced with the following:

                            "MASTER DISTRIBUTION PLAN
                             (INVESTOR CLASS SHARES)

                         (DISTRIBUTION AND SERVICE FEES)

     The Fund shall pay the Distributor as full compensation for all services
rendered and all facilities furnished under the Distribution Plan for the
Investor Class Shares of each Portfolio designated below, a Distribution Fee and
a Service Fee determined by applying the annual rate set forth below.

${table('OSPREY COUNSELOR TRUST', 'Osprey Balanced Fund                           0.00%     0.25%     0.25%')}

${table('OSPREY EQUITY FUNDS', 'Osprey Dividend Fund                           0.00%     0.25%     0.25%"')}

     All other terms and provisions of the Plan not amended hereby shall remain
in full force and effect.

Dated: June 2, 2008
`;

describe('a text replacement schedule printed without its "SCHEDULE A" line', () => {
  it('is the Schedule A the body replaces, read in full', () => {
    const doc = parseExhibit(AMENDMENT, 'untitled.txt');
    expect(doc.effectiveDate).toBe('2008-06-02');
    expect(doc.completeness).toEqual({ complete: true, gaps: [] });
    expect(
      doc.schedules.map((s) => [
        s.name,
        s.replacesEntirely,
        s.entries.map(
          (e) =>
            `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct} ${e.assetBasedSalesChargeBound} | ${e.serviceFeePct} | ${e.aggregateFeePct}`,
        ),
      ]),
    ).toEqual([
      [
        'Schedule A',
        true,
        [
          'OSPREY COUNSELOR TRUST | Osprey Balanced Fund | Investor | 0.00 minimum | 0.25 | 0.25',
          'OSPREY EQUITY FUNDS | Osprey Dividend Fund | Investor | 0.00 minimum | 0.25 | 0.25',
        ],
      ],
    ]);
  });
});
