import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Eaton Vance's multiple class plan prints a Schedule A subtitled "Schedule of Share Classes and
// Annual 12b-1 Distribution and Service Fees for Retail Funds", then a grid: one column per class
// ("A | C | I | Advisers"), "None" and "N/A" among the rates. The subtitle is no fund: read as one
// (with the grid after the "Dated:" line left unread), only a --class stood between the user and a
// registry entry named "Schedule of Share Classes …". The grid is no layout plan12b reads: refused,
// at its first rate. Invented fixture in that style.
const TEXT = `EXHIBIT (n)(2)(c)
Schedule A
Schedule of Share Classes and Annual 12b-1 Distribution and Service Fees for Retail Funds
(as a % of average daily net assets)
Dated: June 2, 2021
A
C
I
Advisers
Fairhaven Growth Trust
Fairhaven Focused Value Fund
0.25
1.00
None
N/A
Fairhaven Small-Cap Fund
0.25
N/A
None
0.25
`;

function errorOf(text: string): ExhibitParseError {
  try {
    parseExhibit(text, 'fairhaven-schedule-a.htm');
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error('expected an ExhibitParseError');
}

describe('"Schedule of Share Classes and … Fees" under a schedule heading', () => {
  it('is no fund: the class grid below it is refused where its rates begin', () => {
    const e = errorOf(TEXT);
    expect(e.file).toBe('fairhaven-schedule-a.htm');
    expect(e.line).toBe(12);
    expect(e.reason).toMatch(/rate/);
  });
});
