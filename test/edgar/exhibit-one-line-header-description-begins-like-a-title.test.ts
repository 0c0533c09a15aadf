import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A text exhibit kept on one line whose document header's description itself begins with words a
// title begins with ("FORM OF AMEND.NO.3 TO 2ND MASTER DISTRIBUTION AGMT"): the document's title
// begins at its own exhibit label ("EXHIBIT e(5)"), so the label is read and the description goes.
const flat = (text: string) => `${text.replace(/\s+/g, ' ').trim()}\n`;

const amendment = flat(`EX-99.E5 7 q7731ex99-e5.txt FORM OF AMEND.NO.3 TO 2ND MASTER DISTRIBUTION AGMT
EXHIBIT e(5)
AMENDMENT NO. 3 TO THE SECOND AMENDED AND RESTATED MASTER DISTRIBUTION AGREEMENT
(CLASS A SHARES AND CLASS C SHARES)
The Second Amended and Restated Master Distribution Agreement (the "Agreement"), dated March 3,
2001, by and between Cedar Hollow Funds, Inc., a Maryland corporation, and Cedar Distributors,
Inc., a Delaware corporation, is hereby amended as follows:
Appendix A to the Agreement is hereby deleted in its entirety and replaced with the following:
"APPENDIX A TO SECOND AMENDED AND RESTATED MASTER DISTRIBUTION AGREEMENT OF CEDAR HOLLOW FUNDS, INC.
CLASS A SHARES -------------- Cedar Pacific Growth Fund Cedar World Income Fund
CLASS C SHARES -------------- Cedar Pacific Growth Fund"
All other terms and provisions of the Agreement not amended herein shall remain in full force and effect.
Dated: May 20, 2002 CEDAR HOLLOW FUNDS, INC. Attest: By: ---------------- Assistant Secretary`);

describe('a one-line exhibit whose header description begins like a title', () => {
  it('reads the exhibit label and the title after the description', () => {
    const doc = parseExhibit(amendment, 'one-line-form-of.txt');
    expect(doc.exhibit).toBe('e(5)');
    expect(doc.title).toBe(
      'Amendment No. 3 to the Second Amended and Restated Master Distribution Agreement (Class A Shares and Class C Shares)',
    );
    expect(doc.effectiveDate).toBe('2002-05-20');
    expect(
      doc.schedules.flatMap((s) => s.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)),
    ).toEqual([
      'Cedar Hollow Funds, Inc. | Cedar Pacific Growth Fund | A',
      'Cedar Hollow Funds, Inc. | Cedar World Income Fund | A',
      'Cedar Hollow Funds, Inc. | Cedar Pacific Growth Fund | C',
    ]);
  });
});
