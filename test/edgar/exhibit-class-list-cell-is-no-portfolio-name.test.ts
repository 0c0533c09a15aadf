import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// The Lord Abbett Family of Funds, Schedule A to the Amended and Restated Joint Rule 12b-1
// Distribution Plan and Agreement "As of September 23, 2020", as its .htm renders one cell per line
// (EDGAR 0000930413-20-002638, c100515_ex99mii.htm; the first rows, and a closing footnote line).
// Each fund's cell is followed by the cell of the classes it offers; a Registrant with series has
// no classes cell of its own.
const LORD_ABBETT_SCHEDULE_A = `EX-99.(m)(ii)
SCHEDULE A
The Lord Abbett Family of Funds
Amended and Restated Joint Rule 12b-1 Distribution Plan and Agreement
As of September 23, 20201
|FUNDS
|CLASSES
|Lord Abbett Affiliated Fund, Inc.
|A, C, F, P, R2, R3, R4, T
|Lord Abbett Bond-Debenture Fund, Inc.
|A, C, F, P, R2, R3, R4, T
|Lord Abbett Global Fund, Inc.
|Lord Abbett Emerging Markets Bond Fund
|A, C, F, P, R2, R3, R4, T
|Lord Abbett Ultra Short Bond Fund
|A, A1, F, T
1 As amended effective September 23, 2020.
`;

describe('a cell listing share classes is no portfolio', () => {
  it('"A, C, F, P, R2, R3, R4, T" under CLASSES: refused at its line, never recorded as a fund', () => {
    let err: unknown;
    try {
      parseExhibit(LORD_ABBETT_SCHEDULE_A, 'c100515_ex99mii.htm');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExhibitParseError);
    const e = err as ExhibitParseError;
    expect(e.line).toBe(9);
    expect(e.message).toMatch(
      /"A, C, F, P, R2, R3, R4, T", a list of share classes, stands where a portfolio name/,
    );
  });

  it('a fund whose name holds capitals and commas is still a name', () => {
    const doc = parseExhibit(
      `SCHEDULE A
|Fund
|Fee
|AB Bond Fund
|0.25%
|T. Rowe Price U.S. Equity Fund
|0.25%
Dated: May 1, 2010
`,
      'names.htm',
    );
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'AB Bond Fund',
      'T. Rowe Price U.S. Equity Fund',
    ]);
  });
});
