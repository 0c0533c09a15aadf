import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { CLASS_A_AND_C_ROWS } from './exhibitFixtures.js';

// An invented amendment in the shape of Invesco's compensation plan amendments (2019) as the pages
// corpus renders them: the class list under the plan's name is one line of some 130 characters,
// in capitals but for "and", naming a trust with a curly apostrophe.
const DOC = `AMENDMENT NO. 9
TO THE
THIRD AMENDED AND RESTATED DISTRIBUTION PLAN
CLASS A, A2, C, INVESTOR CLASS, P, R, S, SERIES II SHARES, CASH RESERVE SHARES and CLASSES OF SHARES OF AIM HARBOR\u2019S SERIES TRUST
(INVESCO HARBOR\u2019S SERIES TRUST) AND LANTERN INVESTMENTS TRUST (COMPENSATION)
The 3rd Amended and Restated Master Distribution Plan (the \u201cPlan\u201d), dated as of July 1, 2016, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, dated February 5, 2019, as follows:
WHEREAS, the parties desire to amend the Plan to add Invesco Ridge Fund;
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
\u201cSCHEDULE A
Compensation Plan
AIM Lantern Series Trust (Invesco Lantern Series Trust)
|Portfolio
|Share Class
|
Maximum
Fee*
|
Maximum
Fee
|
Maximum
Fee
|
Invesco Ridge Fund
${CLASS_A_AND_C_ROWS}`;

/**
 * SPEC §2.1 `title`: the title block's words, in the order the document prints them. A class list
 * line long as prose is, but in capitals save "and", is the title's, not the body's first sentence;
 * the instrument covers the classes it lists.
 */
describe('a long class-list line under the plan name', () => {
  it('is part of the title, and its classes are the instrument’s', () => {
    const doc = parseExhibit(DOC, 'l.htm.txt');
    expect(doc.title).toBe(
      'Amendment No. 9 to the Third Amended and Restated Distribution Plan Class A, A2, C, Investor Class, P, R, S, Series II Shares, Cash Reserve Shares and Classes of Shares of AIM Harbor\u2019s Series Trust (INVESCO Harbor\u2019s Series Trust) and Lantern Investments Trust (Compensation)',
    );
    expect(doc.instrument.classes).toEqual(['A', 'A2', 'C', 'Investor', 'P', 'R', 'S', 'Cash Reserve']);
    expect(doc.instrument.registrant).toBeNull();
    expect(doc.effectiveDate).toBe('2019-02-05');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Invesco Ridge Fund', 'A', '0.25'],
      ['Invesco Ridge Fund', 'C', '1.00'],
    ]);
  });
});
