import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import {
  classRenames,
  formerlyRenames,
  renamePairs,
  renameRules,
  renameTable,
} from '../../src/edgar/renames.js';
import { amendmentWith } from './exhibitFixtures.js';

/**
 * SPEC §2: renames come from amendments as explicit pairs and as rules, each effective on the
 * amendment's date. Later Invesco and other filings word them in ways the Amendment No. 6 reader
 * missed or misread; each case below is one of those wordings, with names of our own.
 */
describe('rename pairs however the clause words them', () => {
  it('the last new name keeps no trailing ", effective DATE"', () => {
    expect(
      renamePairs(
        'WHEREAS, the parties desire to amend the Plan to (i) remove AIM Delta Fund, effective March 2, 2019, and (ii) change the name of AIM Series Trust: Steady Saver Fund to AIM Select: Steady Saver Fund and AIM Series Trust: Bold Saver Fund to AIM Select: Bold Saver Fund, effective April 20, 2019;',
      ),
    ).toEqual([
      { from: 'AIM Series Trust: Steady Saver Fund', to: 'AIM Select: Steady Saver Fund' },
      { from: 'AIM Series Trust: Bold Saver Fund', to: 'AIM Select: Bold Saver Fund' },
    ]);
  });

  it('"A, B and C to X, Y and Z, respectively" pairs the lists in order, an "and" inside a name kept', () => {
    expect(
      renamePairs(
        'and 4) reflect the further name change of AIM Alpine Fund, AIM Alpine Equity and Income Fund and AIM Alpine Small Companies Fund to Invesco Alpine Fund, Invesco Equity and Income Fund and Invesco Small Companies Fund, respectively; and',
      ),
    ).toEqual([
      { from: 'AIM Alpine Fund', to: 'Invesco Alpine Fund' },
      { from: 'AIM Alpine Equity and Income Fund', to: 'Invesco Equity and Income Fund' },
      { from: 'AIM Alpine Small Companies Fund', to: 'Invesco Small Companies Fund' },
    ]);
  });

  it('"change the name of X to Y and to add Z, effective …": the pair ends where the next change begins', () => {
    expect(
      renamePairs(
        'remove AIM Kestrel Fund, effective March 1, 2022, change the name of AIM Horizon Today Fund to AIM Horizon Destination Fund and to add AIM Horizon 2040 Fund, effective May 2, 2022, series portfolios of AIM Growth Series, change the name of AIM Old Cove Fund to AIM Cove Fund.',
      ),
    ).toEqual([
      { from: 'AIM Horizon Today Fund', to: 'AIM Horizon Destination Fund' },
      { from: 'AIM Old Cove Fund', to: 'AIM Cove Fund' },
    ]);
  });

  it('"change the names of the following funds: A to B, …": the old name starts at the first name', () => {
    expect(
      renamePairs(
        'WHEREAS, the Plan is hereby amended to (i) change the names of the following funds: AIM Meridian Growth Fund to AIM Growth Fund, AIM Meridian Value Fund to AIM Value Fund and AIM Meridian Bond Fund to AIM Bond Fund; and (ii) add',
      ),
    ).toEqual([
      { from: 'AIM Meridian Growth Fund', to: 'AIM Growth Fund' },
      { from: 'AIM Meridian Value Fund', to: 'AIM Value Fund' },
      { from: 'AIM Meridian Bond Fund', to: 'AIM Bond Fund' },
    ]);
  });

  it('a rename table row whose new name ends in ":" (or "; and") is read', () => {
    expect(
      renameTable([
        'FUND NAME',
        'NEW FUND NAME',
        'AIM Old Harbor Municipal Fund',
        'AIM Harbor Municipal Fund:',
      ]),
    ).toEqual([{ from: 'AIM Old Harbor Municipal Fund', to: 'AIM Harbor Municipal Fund' }]);
    expect(
      renameTable([
        'FUND NAME',
        'NEW FUND NAME',
        'AIM Old Harbor Municipal Fund',
        'AIM Harbor Municipal Fund; and',
        'AIM Old Ridge Fund',
        'AIM Ridge Fund.',
      ]),
    ).toEqual([
      { from: 'AIM Old Harbor Municipal Fund', to: 'AIM Harbor Municipal Fund' },
      { from: 'AIM Old Ridge Fund', to: 'AIM Ridge Fund' },
    ]);
  });
});

describe('rename rules and class renames', () => {
  it('"the name change of the applicable Portfolios from AIM to Invesco" is a rule, not a pair', () => {
    const text =
      '2) reflect the name change of the applicable Portfolios from AIM to Invesco; and 3) reflect the name change of each of the Funds;';
    expect(renameRules(text)).toEqual([{ replace: 'AIM', with: 'Invesco' }]);
    expect(renamePairs(text)).toEqual([]);
  });

  it('"All references to "Class B5 Shares" … are hereby deleted and replaced with "Class BX Shares"", and "the renaming of the Class B5 Shares … to "Class BX Shares""', () => {
    expect(
      classRenames(
        'All references to \u201cClass B5 Shares\u201d in the Agreement are hereby deleted and replaced with \u201dClass BX Shares\u201d; and',
      ),
    ).toEqual([{ from: 'B5', to: 'BX' }]);
    expect(
      classRenames(
        'to (i) reflect the renaming of the Class B5 Shares of each Portfolio to \u201cClass BX Shares\u201d;',
      ),
    ).toEqual([{ from: 'B5', to: 'BX' }]);
  });
});

describe('"(formerly X)" after a portfolio name is a rename X → the name', () => {
  it('on the same line, on its own line below the name and its date cell, and wrapped onto the next line', () => {
    expect(
      formerlyRenames([
        'Core Income Fund (formerly, Grade A Income Fund)',
        '|Westbrook Capital Growth Fund',
        '|October 17, 1997',
        '|(formerly Westbrook Mid-Cap Core Fund)',
        'Short-Term Tax-Free Fund (formerly, Lakeland Tax-Free',
        'Fund)',
      ]),
    ).toEqual([
      { from: 'Grade A Income Fund', to: 'Core Income Fund' },
      { from: 'Westbrook Mid-Cap Core Fund', to: 'Westbrook Capital Growth Fund' },
      { from: 'Lakeland Tax-Free Fund', to: 'Short-Term Tax-Free Fund' },
    ]);
  });

  it("in an amendment's schedule: the renames are in the document's renames", () => {
    const doc = parseExhibit(
      amendmentWith(
        '      AIM Lakeshore Growth Fund\n      (formerly AIM Lakeshore Value Fund)\n      AIM Summit Fund"',
      ),
      'f.txt',
    );
    expect(doc.renames).toEqual([{ from: 'AIM Lakeshore Value Fund', to: 'AIM Lakeshore Growth Fund' }]);
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'AIM Lakeshore Growth Fund',
      'AIM Summit Fund',
    ]);
  });
});

describe('a rename that states its own effective date', () => {
  const amendment = (whereas: string) =>
    amendmentWith('      AIM Select: Steady Saver Fund\n      AIM Summit Fund"').replace(
      /NOW THEREFORE,/,
      `WHEREAS, the parties desire to amend the Plan to ${whereas}\n\n      NOW THEREFORE,`,
    );

  it("different from the amendment's: kept, recorded on the amendment's date, and warned of", () => {
    const doc = parseExhibit(
      amendment(
        'change the name of AIM Series Trust: Steady Saver Fund to AIM Select:\nSteady Saver Fund, effective August 15, 2005;',
      ),
      'w.txt',
    );
    expect(doc.effectiveDate).toBe('2005-07-01');
    expect(doc.renames).toEqual([
      { from: 'AIM Series Trust: Steady Saver Fund', to: 'AIM Select: Steady Saver Fund' },
    ]);
    expect(doc.warnings).toEqual([
      expect.stringMatching(
        /rename of AIM Series Trust: Steady Saver Fund \(line \d+\) is stated effective 2005-08-15, the amendment 2005-07-01/,
      ),
    ]);
  });

  it("the same as the amendment's: no warning", () => {
    const doc = parseExhibit(
      amendment(
        'change the name of AIM Series Trust: Steady Saver Fund to AIM Select:\nSteady Saver Fund, effective July 1, 2005;',
      ),
      'x.txt',
    );
    expect(doc.renames).toHaveLength(1);
    expect(doc.warnings).toEqual([]);
  });

  it('above a rename table ("…, effective DATE:" over FUND NAME | NEW FUND NAME)', () => {
    const doc = parseExhibit(
      amendment(
        "change the following Funds' names, effective September 30, 2005:\nFUND NAME\nNEW FUND NAME\nAIM Old Harbor Municipal Fund\nAIM Harbor Municipal Fund:",
      ),
      't.txt',
    );
    expect(doc.renames).toEqual([{ from: 'AIM Old Harbor Municipal Fund', to: 'AIM Harbor Municipal Fund' }]);
    expect(doc.warnings).toEqual([
      expect.stringMatching(/is stated effective 2005-09-30, the amendment 2005-07-01/),
    ]);
  });
});

describe('more wordings of the same renames', () => {
  it('"X Fund is now named Y Fund" (a registrant\'s "Funds" and a class\'s "Shares" are no portfolio renames)', () => {
    expect(
      renamePairs(
        'WHEREAS, AIM Lakeside Securities Fund is now named AIM Lakeside Securities Funds (Invesco Lakeside Securities Funds), AIM Prime Cash Fund is now named Invesco Prime Cash Fund and AIM Prime Cash Shares is now named Invesco Prime Cash Shares.',
      ),
    ).toEqual([{ from: 'AIM Prime Cash Fund', to: 'Invesco Prime Cash Fund' }]);
  });

  it('"change the names of the Funds from AIM to Invesco" and "renaming the Portfolios from "AIM" to "Invesco"" are rules', () => {
    expect(renameRules('to change the names of the Funds from AIM to Invesco;')).toEqual([
      { replace: 'AIM', with: 'Invesco' },
    ]);
    expect(
      renameRules('by renaming the applicable Portfolios from \u201cAIM\u201d to \u201cInvesco\u201d.'),
    ).toEqual([{ replace: 'AIM', with: 'Invesco' }]);
  });

  it('"(formerly known as X)" and "(formerly X, prior to DATE)"', () => {
    expect(
      formerlyRenames([
        'Westbrook Value Fund (formerly known as Westbrook Equity Fund)   0.25%',
        'Westbrook Bond Fund (formerly Westbrook Income Fund, prior to May 1, 2009)',
      ]),
    ).toEqual([
      { from: 'Westbrook Equity Fund', to: 'Westbrook Value Fund' },
      { from: 'Westbrook Income Fund', to: 'Westbrook Bond Fund' },
    ]);
  });
});

describe('an amendment that only renames', () => {
  it('has no schedule and no rate, and is complete: its renames are what it changes', () => {
    const text = `<PAGE>
                                AMENDMENT NO. 4
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                                (CLASS B SHARES)

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective
October 3, 2005, as follows:

      WHEREAS, the parties desire to amend the Plan to change the name of AIM
Lakeshore Value Fund to AIM Lakeshore Growth Fund;

      All other terms and provisions of the Plan not amended herein shall
remain in full force and effect.

Dated:  October 3, 2005
`;
    const doc = parseExhibit(text, 'r.txt');
    expect(doc.schedules).toEqual([]);
    expect(doc.renames).toEqual([{ from: 'AIM Lakeshore Value Fund', to: 'AIM Lakeshore Growth Fund' }]);
    expect(doc.completeness).toEqual({ complete: true, gaps: [] });
    const withoutRename = parseExhibit(
      text.replace(/WHEREAS[\s\S]*?Growth Fund;/, 'WHEREAS, the parties desire to amend the Plan;'),
      's.txt',
    );
    expect(withoutRename.completeness.gaps.map((g) => g.reason)).toEqual([
      expect.stringMatching(/no schedule and no rate or rename/),
    ]);
  });

  it('cut in its WHEREAS (no closing clause, no Dated: line), renames are not all it changes: refused', () => {
    const cut = `<PAGE>
                                AMENDMENT NO. 4
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

      This Amendment, dated as of October 3, 2005, amends the Amended and Restated
Master Distribution Plan (the "Plan"), dated August 18, 2003.

      WHEREAS, the parties desire to amend the Plan to change the name of AIM
Lakeshore Value Fund to AIM Lakeshore Growth Fund, remove AIM Delta Fund and add AIM Ga
`;
    const doc = parseExhibit(cut, 'c.txt');
    expect(doc.renames).toEqual([{ from: 'AIM Lakeshore Value Fund', to: 'AIM Lakeshore Growth Fund' }]);
    expect(doc.completeness.complete).toBe(false);
  });
});

describe('“the change of name of X to Y” (AIM WHEREAS clauses)', () => {
  it('is a rename pair, as “change the name of” is', () => {
    // "WHEREAS, the parties desire to amend the Plan to reflect the change of name of INVESCO
    // Dynamics Fund to AIM Dynamics Fund;" → INVESCO Dynamics Fund → AIM Dynamics Fund
    expect(
      renamePairs('to reflect the change of name of INVESCO Dynamics Fund to AIM Dynamics Fund;'),
    ).toEqual([{ from: 'INVESCO Dynamics Fund', to: 'AIM Dynamics Fund' }]);
    expect(
      renamePairs(
        'to reflect the changes in the names of AIM Small Cap Fund and AIM Value II Fund to Invesco Small Cap Fund and Invesco Value II Fund, respectively.',
      ),
    ).toEqual([
      { from: 'AIM Small Cap Fund', to: 'Invesco Small Cap Fund' },
      { from: 'AIM Value II Fund', to: 'Invesco Value II Fund' },
    ]);
  });
});
