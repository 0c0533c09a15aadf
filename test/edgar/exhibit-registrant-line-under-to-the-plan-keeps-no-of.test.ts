import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// "SCHEDULE A / TO THE DISTRIBUTION PLAN / OF BIRCHWOOD TRUST": the "OF" ends the title's phrase;
// the Registrant is "BIRCHWOOD TRUST", never "OF BIRCHWOOD TRUST". Invented fixture in the
// rendered-HTML style.
const TEXT = `SCHEDULE A
TO THE DISTRIBUTION PLAN
OF BIRCHWOOD TRUST
(CLASS C SHARES)
|Fund
|Distribution Fee
|Birchwood Value Fund
|0.75%
|Birchwood Bond Fund
|0.50%
Dated: May 1, 2012
`;

describe('a Registrant printed on the line "OF <TRUST>" under "TO THE … PLAN"', () => {
  it('is the trust, without the "OF"', () => {
    const doc = parseExhibit(TEXT, 'birchwood-of.htm');
    expect(doc.instrument.registrant).toBe('BIRCHWOOD TRUST');
    expect(doc.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'BIRCHWOOD TRUST | Birchwood Value Fund | C',
      'BIRCHWOOD TRUST | Birchwood Bond Fund | C',
    ]);
  });
});
