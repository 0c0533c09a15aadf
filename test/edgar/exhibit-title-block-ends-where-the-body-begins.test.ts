import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Class B master distribution agreement amendment as its .htm renders (2010–2012): the title in
// capitals, then the body's first sentence, whose first line has no punctuation to show it is prose.
const RESTATED_AGREEMENT_AMENDMENT = `AMENDMENT NO. 7
TO
SECOND RESTATED
MASTER DISTRIBUTION AGREEMENT
(CLASS B AND CLASS BX SHARES)
The Second Restated Master Distribution Agreement (Class B Shares and Class BX Shares with
respect to Invesco Cedar Money Market Fund) (the “Agreement”) made as of the 18th day of August, 2003, as
subsequently amended, by and between each registered investment company set forth on Schedule A to the
Agreement and INVESCO DISTRIBUTORS, INC., a Delaware corporation (the “Distributor”), is hereby amended as follows:
NOW, THEREFORE, Schedule A to the Agreement is hereby deleted in its entirety and replaced
with Schedule A attached to this amendment.
All other terms and provisions of the Agreement not amended hereby shall remain in full force
and effect.
Dated: March 12, 2013
|
|By:
|/s/ Jane Q. Officer
`;

describe('the title block ends where the body begins', () => {
  const doc = parseExhibit(RESTATED_AGREEMENT_AMENDMENT, 'e2h.htm');

  it('"The Second Restated Master Distribution Agreement (Class B Shares … with" is body, not title', () => {
    expect(doc.title).toBe(
      'Amendment No. 7 to Second Restated Master Distribution Agreement (Class B and Class BX Shares)',
    );
  });

  it('the instrument keeps its "Second Restated", and class codes their capitals ("BX", not "Bx")', () => {
    expect(doc.instrument.title).toBe('Second Restated Master Distribution Agreement');
    expect(doc.instrument.classes).toEqual(['B', 'BX']);
  });
});
