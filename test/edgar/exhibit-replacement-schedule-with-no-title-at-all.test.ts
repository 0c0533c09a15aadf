import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// AIM and Van Kampen amendments that print the new schedule straight after "… is hereby deleted in
// its entirety and replaced with the following:", with no "SCHEDULE A" line and no instrument title
// either: the quote opens on the first Registrant's heading, the table's headings under it. It is
// the Schedule A the body names — read, not refused as missing; cut, it is still said to be cut.
// Invented fixtures in the rendered-HTML and the plain-text style.
const cells = `AMENDMENT NO. 4
TO THE FIRST RESTATED
MASTER DISTRIBUTION PLAN
(CLASS C SHARES)
The First Restated Master Distribution Plan (the “Plan”), dated as of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective October 8, 2009, as follows:
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
“BRAMBLE EQUITY FUNDS
|MAXIMUM ASSET
BASED SALES
CHARGE
|MAXIMUM
SERVICE
FEE
|MAXIMUM
AGGREGATE
FEE
|
PORTFOLIO - CLASS C SHARES
|
Bramble Value Fund
|0.75
|%
|0.25
|%
|1.00
|%
|
Bramble Growth Fund
|0.75
|%
|0.25
|%
|0.90
|%”
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`;

const text = `                                 AMENDMENT NO. 4
                              TO THE FIRST RESTATED
                            MASTER DISTRIBUTION PLAN
                                (CLASS C SHARES)

     The First Restated Master Distribution Plan (the "Plan"), dated as of
August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective October
8, 2009, as follows:

     Schedule A to the Plan is hereby deleted in its entirety and replaced with
the following:

"BRAMBLE EQUITY FUNDS

<TABLE>
<CAPTION>
                                               MAXIMUM
                                                ASSET
                                                BASED    MAXIMUM    MAXIMUM
                                                SALES    SERVICE   AGGREGATE
PORTFOLIO - CLASS C SHARES                      CHARGE     FEE        FEE
--------------------------                      ------   -------   ---------
<S>                                             <C>      <C>       <C>
Bramble Value Fund                              0.75%     0.25%      1.00%
Bramble Growth Fund                             0.75%     0.25%      0.90%"
</TABLE>

     All other terms and provisions of the Plan not amended hereby shall remain
in full force and effect.
`;

const rows = (t: string, file: string) =>
  parseExhibit(t, file).schedules.map((s) => ({
    name: s.name,
    replacesEntirely: s.replacesEntirely,
    entries: s.entries.map(
      (e) =>
        `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct} ${e.assetBasedSalesChargeBound} | ${e.serviceFeePct} | ${e.aggregateFeePct}`,
    ),
  }));

const expected = [
  {
    name: 'Schedule A',
    replacesEntirely: true,
    entries: [
      'BRAMBLE EQUITY FUNDS | Bramble Value Fund | C | 0.75 maximum | 0.25 | 1.00',
      'BRAMBLE EQUITY FUNDS | Bramble Growth Fund | C | 0.75 maximum | 0.25 | 0.90',
    ],
  },
];

describe('a replacement schedule printed with no title at all', () => {
  it('is the Schedule A the body names (cells)', () => {
    expect(rows(cells, 'bramble-4.htm')).toEqual(expected);
    expect(parseExhibit(cells, 'bramble-4.htm').completeness.complete).toBe(true);
  });

  it('is the Schedule A the body names (plain text)', () => {
    expect(rows(text, 'bramble-4.txt')).toEqual(expected);
  });

  it('cut inside its table, is said to be cut', () => {
    const cut = `${cells.slice(0, cells.indexOf('|0.25\n|%\n|0.90'))}`;
    const doc = parseExhibit(cut, 'bramble-4-cut.htm');
    expect(doc.completeness.complete).toBe(false);
    expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
      expect.stringMatching(/ends inside Schedule A/),
    );
  });

  it('…or with its own column headings first, "replaced in its entirety with the following:"', () => {
    const doc = parseExhibit(
      `AMENDMENT NO. 2
TO THE
PLAN OF DISTRIBUTION PURSUANT TO RULE 12B-1
(REIMBURSEMENT)
The Plan of Distribution (the “Plan”), dated as of February 12, 2010, pursuant to Rule 12b-1, is hereby amended, effective May 1, 2010, as follows:
|1.
|Schedule A to the Plan is hereby deleted and replaced in its entirety with the following:
|Funds
|Shares
|
Bramble Harbor Fund
|Class A Shares
Class C Shares
|
Bramble Ridge Fund
|Class A Shares
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`,
      'bramble-plan-2.htm',
    );
    expect(doc.completeness.complete).toBe(true);
    expect(
      doc.schedules.map((s) => [
        s.name,
        s.replacesEntirely,
        s.entries.map((e) => `${e.portfolio} | ${e.class}`),
      ]),
    ).toEqual([
      ['Schedule A', true, ['Bramble Harbor Fund | A', 'Bramble Harbor Fund | C', 'Bramble Ridge Fund | A']],
    ]);
  });
});
