import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { titleCase } from '../../src/edgar/titleCase.js';

/**
 * SPEC §2.1 `title`: the title block's words in title case, class codes as the document names
 * them. Invesco's plan titles list the classes after one "CLASS": "CLASS A, AX, C, CX, INVESTOR
 * CLASS, R AND RX SHARES" — every code of the list keeps its capitals ("AX", not "Ax"), and
 * "CLASSES OF SHARES" is no class "OF".
 */
describe('class codes of a title class list', () => {
  it('keep their capitals after the first, after "CLASS," and after AND', () => {
    expect(titleCase('CLASS A, AX, C, CX, INVESTOR CLASS, R AND RX SHARES')).toBe(
      'Class A, AX, C, CX, Investor Class, R and RX Shares',
    );
    expect(titleCase('CLASS B AND BX SHARES')).toBe('Class B and BX Shares');
    expect(titleCase('CLASS A, A2, C, P, S SHARES and CLASSES OF SHARES OF HARBOR LIQUID TRUST')).toBe(
      'Class A, A2, C, P, S Shares and Classes of Shares of Harbor Liquid Trust',
    );
    // words after the list are words again
    expect(titleCase('CLASS A SHARES TO THE PLAN')).toBe('Class A Shares to the Plan');
  });

  it('in an invented Invesco amendment title', () => {
    const doc = parseExhibit(
      `AMENDMENT NO. 2
TO THE
SECOND AMENDED AND RESTATED DISTRIBUTION PLAN
CLASS A, AX, C, CX, INVESTOR CLASS, R AND RX SHARES
(REIMBURSEMENT)
The Second Amended and Restated Master Distribution Plan (the \u201cPlan\u201d), dated as of July 1, 2016, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, effective June 9, 2018, as follows:
WHEREAS, the parties desire to amend the Plan to add Invesco Ridge Fund;
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
\u201cSCHEDULE A
Reimbursement Plan
AIM Lantern Series Trust (Invesco Lantern Series Trust)
|Portfolio
|Share Class
|Maximum Distribution Amount
|Maximum Shareholder Services Amount
|Maximum Aggregate Amount
|
Invesco Ridge Fund
|Class A
|0.25
|%
|0.25
|%
|0.25
|%\u201d
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`,
      'r.htm.txt',
    );
    expect(doc.title).toBe(
      'Amendment No. 2 to the Second Amended and Restated Distribution Plan Class A, AX, C, CX, Investor Class, R and RX Shares (Reimbursement)',
    );
  });
});
