import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: refused for the true reason, at its line. Allianz Funds' "Exhibit A / Form of /
// Schedule to Administration Agreement / as of , 2006" (real-exhibits-14 13) lists administration
// fees, no Rule 12b-1 fee; it was refused as if its blank date "as of , 2006" stood where a fund's
// name should be. Names are our own.
const schedule = `Exhibit A
Form of
Schedule to Administration Agreement
as of , 2006
|Fund
|Fee Rate
|
Example Growth Fund
|0.10%
`;

describe('a schedule filed on its own as the schedule to another agreement', () => {
  it('is refused at the line naming that agreement, not for its blank date', () => {
    let got: unknown;
    try {
      got = parseExhibit(schedule, 'admin.txt');
    } catch (e) {
      got = e;
    }
    expect(got).toBeInstanceOf(ExhibitParseError);
    expect(got).toMatchObject({ file: 'admin.txt', line: 3 });
    expect((got as ExhibitParseError).reason).toMatch(
      /^not a distribution plan's schedule: "Schedule to Administration Agreement" names another agreement/,
    );
  });
});
