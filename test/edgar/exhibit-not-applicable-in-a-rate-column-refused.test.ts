import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// "N/A" in a rate column (Delaware's and Eaton Vance's schedules print it for a class that pays no
// such fee): the schedule states no rate there. It is never read as 0.00 nor taken from a column
// beside it: the document is refused at that cell, saying so. Invented fixture in the rendered-HTML
// style of those schedules.
const schedule = (serviceFee: string) => `SCHEDULE A
TO THE DISTRIBUTION PLAN
OF BIRCHWOOD TRUST
|Fund
|Class
|Maximum Distribution Fee
|Maximum Service Fee
|Birchwood Value Fund
|Class A
|0.25%
|${serviceFee}
|Birchwood Bond Fund
|Class A
|0.25%
|0.25%
Dated: May 1, 2012
`;

describe('"N/A" where a rate is due', () => {
  it('is refused at its line, naming the fund, never guessed', () => {
    let error: unknown;
    try {
      parseExhibit(schedule('N/A'), 'birchwood.htm');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExhibitParseError);
    expect(error).toMatchObject({ file: 'birchwood.htm', line: 11 });
    expect((error as ExhibitParseError).reason).toMatch(
      /"N\/A" stands where a rate of "Birchwood Value Fund" is due/,
    );
  });

  it('the same schedule with a rate there reads', () => {
    const doc = parseExhibit(schedule('0.25%'), 'birchwood-whole.htm');
    expect(
      doc.schedules[0]!.entries.map((e) => `${e.portfolio} ${e.assetBasedSalesChargePct} ${e.serviceFeePct}`),
    ).toEqual(['Birchwood Value Fund 0.25 0.25', 'Birchwood Bond Fund 0.25 0.25']);
  });
});
