import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A plan amendment of the 2010–2012 Invesco style: "PLAN OF DISTRIBUTION PURSUANT TO RULE 12B-1",
// its class list in mixed case wrapped over two lines (one class printed "Class AXShares"), a
// "(Reimbursement)" qualifier and the plan's own dates in parentheses under the title.
const PLAN_OF_DISTRIBUTION_AMENDMENT = `AMENDMENT NO. 3
TO
AMENDED AND RESTATED PLAN OF DISTRIBUTION PURSUANT TO RULE 12B-1
(Class A Shares, Class AXShares, Class B Shares, Class BX Shares, Class C Shares,
Class CX Shares and Class R Shares)
(Reimbursement)
(effective March 1, 2011, as amended March 1, 2011)
The Amended and Restated Plan of Distribution Pursuant to Rule 12B-1 (Class A Shares, Class AX Shares, Class B Shares, Class BX Shares, Class C Shares, Class CX Shares and Class R Shares) (Reimbursement) (the “Plan”), effective March 1, 2011, as subsequently amended, is hereby amended, effective June 4, 2012, as follows:
The Plan is hereby amended to provide that the distribution fee of the Class R Shares shall be an amount equal to 0.50% per annum of the average daily net assets of such Shares.
All other terms and provisions of the Plan not amended herein shall remain in full force and effect.
`;

describe('"Plan of Distribution Pursuant to Rule 12b-1" and a class list wrapped over two lines', () => {
  const doc = parseExhibit(PLAN_OF_DISTRIBUTION_AMENDMENT, 'm3f.txt');

  it('the plan\'s name is not split at "of" into a registrant', () => {
    expect(doc.instrument.title).toBe('Amended and Restated Plan of Distribution Pursuant to Rule 12b-1');
    expect(doc.instrument.registrant).toBeNull();
  });

  it('reads the classes the title lists, "Class AXShares" as Class AX', () => {
    expect(doc.instrument.classes).toEqual(['A', 'AX', 'B', 'BX', 'C', 'CX', 'R']);
    expect(doc.title).toBe(
      'Amendment No. 3 to Amended and Restated Plan of Distribution Pursuant to Rule 12b-1 (Class A Shares, Class AXShares, Class B Shares, Class BX Shares, Class C Shares, Class CX Shares and Class R Shares) (Reimbursement)',
    );
  });

  it("the dates in parentheses under the title stay the body's: the amendment takes effect on its amending clause's date", () => {
    expect(doc.effectiveDate).toBe('2012-06-04');
  });
});
