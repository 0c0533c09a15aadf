import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An Investor Class plan amendment in the complex's plain-list style, with funds of our own; a
// stray line inside its list (a rendering's lone cell mark, a rule) is no fund.
const amendment = (stray: string) => `                                AMENDMENT NO. 2
                                     TO THE
                     FIRST RESTATED MASTER DISTRIBUTION PLAN
                           (INVESTOR CLASS SHARES)

     The First Restated Master Distribution Plan (the "Plan"), dated as of July 1, 2004, is hereby amended, effective March 3, 2011, as follows:

     Schedule A to the Plan is hereby deleted and replaced in its entirety with the following:

                                  "SCHEDULE A
                     FIRST RESTATED MASTER DISTRIBUTION PLAN
                           (INVESTOR CLASS SHARES)

AIM GLENWOOD FUNDS
Invesco Glenwood Growth Fund
Invesco Glenwood Income Fund
${stray}
AIM ORCHARD FUNDS
Invesco Orchard Value Fund"

     All other terms and provisions of the Plan not amended herein shall remain in full force and effect.
`;

describe('an entry whose portfolio has no letter is refused, whatever the layout read it', () => {
  it('reads the list without the stray line: three funds of two Registrants', () => {
    const doc = parseExhibit(amendment(''), 'investor-2.txt');
    expect(doc.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'AIM GLENWOOD FUNDS | Invesco Glenwood Growth Fund | Investor',
      'AIM GLENWOOD FUNDS | Invesco Glenwood Income Fund | Investor',
      'AIM ORCHARD FUNDS | Invesco Orchard Value Fund | Investor',
    ]);
  });

  it('refuses the list with an indented "|" among its funds, naming the schedule and the line', () => {
    expect(() => parseExhibit(amendment('    |'), 'investor-2.txt')).toThrow(
      /^investor-2\.txt:\d+: Schedule A: "\|" stands where a portfolio name should be/,
    );
  });

  it('refuses a rate alone on a line among the funds (a row of no fund)', () => {
    expect(() => parseExhibit(amendment('  0.25%  '), 'investor-2.txt')).toThrow(ExhibitParseError);
  });

  it('"|" at the start of a line is a rendering\'s empty cell, not a fund: the list reads as without it', () => {
    const doc = parseExhibit(amendment('|'), 'investor-2.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'Invesco Glenwood Growth Fund',
      'Invesco Glenwood Income Fund',
      'Invesco Orchard Value Fund',
    ]);
  });
});
