import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: "a schedule the body names that the document does not contain" is a document read
// in part. An amendment names its instrument with the instrument's schedules ("by and between each
// registered investment company set forth on Schedule A-1 and Schedule A-2 to the Agreement") and
// then replaces one of them; the other is the Agreement's, in force, and not printed (seed 004
// replaces Schedule A-1 alone). Read by hand: Amendment No. 4, effective and dated 2004-07-01,
// Schedule A-2 with 7 Class B portfolios under two INVESCO registrants, one rename.
const TEXT = `                                                                 EXHIBIT e(2)(b)

                                AMENDMENT NO. 4
                                     TO THE
                 AMENDED AND RESTATED MASTER DISTRIBUTION AGREEMENT
                                (CLASS B SHARES)

     The Amended and Restated Master Distribution Agreement (the "Agreement"),
made as of August 18, 2003, by and between each registered investment company
set forth on Schedule A-1 and Schedule A-2 to the Agreement and A I M
Distributors, Inc., is hereby amended, effective July 1, 2004, as follows:

     WHEREAS, INVESCO Energy Fund is now named AIM Energy Fund;

     Schedule A-2 to the Agreement is hereby deleted in its entirety and
replaced with the following:

                                 "SCHEDULE A-2
                                       TO
               AMENDED AND RESTATED MASTER DISTRIBUTION AGREEMENT
                                (CLASS B SHARES)

                         INVESCO SECTOR FUNDS, INC.
                         --------------------------

                         AIM Energy Fund
                         INVESCO Financial Services Fund
                         INVESCO Gold & Precious Metals Fund
                         INVESCO Health Sciences
                           Fund
                         INVESCO Leisure Fund

                         INVESCO STOCK FUNDS, INC.
                         -------------------------

                         INVESCO Dynamics Fund
                         INVESCO Small Company Growth Fund"

     All other terms and provisions of the Agreement not amended herein shall
remain in full force and effect.

Dated: July 1, 2004
`;

describe('an amendment replacing one schedule of two', () => {
  it('is complete though its instrument clause names the other schedule too', () => {
    const doc = parseExhibit(TEXT, 'amend4.txt');
    expect(doc).toMatchObject({
      kind: 'agreement-amendment',
      amendmentNumber: 4,
      effectiveDate: '2004-07-01',
      datedDate: '2004-07-01',
      instrument: { kind: 'agreement', classes: ['B'], datedAsOf: '2003-08-18' },
      renames: [{ from: 'INVESCO Energy Fund', to: 'AIM Energy Fund' }],
      completeness: { complete: true, gaps: [] },
    });
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Schedule A-2', true]]);
    expect(doc.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'INVESCO SECTOR FUNDS, INC. | AIM Energy Fund | B',
      'INVESCO SECTOR FUNDS, INC. | INVESCO Financial Services Fund | B',
      'INVESCO SECTOR FUNDS, INC. | INVESCO Gold & Precious Metals Fund | B',
      'INVESCO SECTOR FUNDS, INC. | INVESCO Health Sciences Fund | B',
      'INVESCO SECTOR FUNDS, INC. | INVESCO Leisure Fund | B',
      'INVESCO STOCK FUNDS, INC. | INVESCO Dynamics Fund | B',
      'INVESCO STOCK FUNDS, INC. | INVESCO Small Company Growth Fund | B',
    ]);
  });

  it('a schedule the amending clause replaces but the document does not print is still a gap', () => {
    const cut = TEXT.replace(
      'Schedule A-2 to the Agreement is hereby deleted',
      'Schedules A-1 and A-2 to the Agreement are hereby deleted',
    );
    const doc = parseExhibit(cut, 'amend4.txt');
    expect(doc.completeness.complete).toBe(false);
    expect(doc.completeness.gaps.map((g) => g.schedule)).toContain('Schedule A-1');
  });
});
