import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { CLASS_A_AND_C_ROWS } from './exhibitFixtures.js';

// An invented amendment in the shape of Invesco's compensation plan amendments as the pages corpus
// renders them: the title's class list ends "and CLASSES OF SHARES OF <one trust>".
const DOC = `AMENDMENT NO. 3
TO THE
FOURTH AMENDED AND RESTATED DISTRIBUTION PLAN
CLASS A, C, INVESTOR CLASS, R, CASH RESERVE
SHARES and CLASSES OF SHARES OF HARBOR LIQUID ASSETS TRUST
(COMPENSATION)
The 4th Amended and Restated Master Distribution Plan (the \u201cPlan\u201d), dated as of July 1, 2017, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, effective March 3, 2018 as follows:
WHEREAS, the parties desire to amend the Plan to change the name of Invesco Meadow Fund to Invesco Meadow Growth Fund;
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
\u201cSCHEDULE A
Compensation Plan
AIM Lantern Series Trust (Invesco Lantern Series Trust)
|Portfolio
|Share
Class
|
Maximum
Fee*
|Maximum
Shareholder
Services Fee
|Maximum
Aggregate Fee
|
Invesco Meadow Growth Fund
${CLASS_A_AND_C_ROWS}`;

/**
 * SPEC §2.1: the registrant is the one the title names. "… SHARES and CLASSES OF SHARES OF
 * HARBOR LIQUID ASSETS TRUST" names the classes of one trust among the many the plan covers
 * (its schedule has a heading per trust): it is not the plan's Registrant.
 */
describe('"… and CLASSES OF SHARES OF <trust>" in a plan title', () => {
  it('leaves the instrument without a registrant; entries keep their group heading', () => {
    const doc = parseExhibit(DOC, 'c.htm.txt');
    expect(doc.instrument.registrant).toBeNull();
    expect(doc.instrument.title).toBe('Fourth Amended and Restated Distribution Plan');
    expect(
      doc.schedules[0]!.entries.map((e) => [e.registrant, e.portfolio, e.class, e.aggregateFeePct]),
    ).toEqual([
      ['AIM Lantern Series Trust (Invesco Lantern Series Trust)', 'Invesco Meadow Growth Fund', 'A', '0.25'],
      ['AIM Lantern Series Trust (Invesco Lantern Series Trust)', 'Invesco Meadow Growth Fund', 'C', '1.00'],
    ]);
  });

  it('a plan "OF" a trust still names its Registrant', () => {
    const doc = parseExhibit(
      DOC.replace(
        'FOURTH AMENDED AND RESTATED DISTRIBUTION PLAN',
        'MASTER DISTRIBUTION PLAN OF HARBOR MONEY FUNDS',
      ).replace(
        'CLASS A, C, INVESTOR CLASS, R, CASH RESERVE\nSHARES and CLASSES OF SHARES OF HARBOR LIQUID ASSETS TRUST\n',
        '(CLASS A SHARES AND CLASS C SHARES)\n',
      ),
      'd.htm.txt',
    );
    expect(doc.instrument.registrant).toBe('HARBOR MONEY FUNDS');
  });
});
