import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A schedule whose "Current Name | Former Name | Share Class" headings are printed blank, only
// "Distribution Fee" over the rates, a section line above each table and "N/A" for a fund with no
// former name, rendered one cell per line, in the style of a JPMorgan Funds Schedule B (names and
// numbers invented).
const BLANK_HEADINGS = `SCHEDULE B
GRANITE PEAK FUNDS
COMBINED AMENDED AND RESTATED DISTRIBUTION PLAN
(Amended as of March 3, 2019)
Money Market Funds
|
|
|
|
Distribution Fee
|
Granite Peak Prime Money Market Fund
|
Old Harbor Prime Money Market Fund
|Morgan
|0.10%
|Reserve
|0.25%
Equity Funds
|
|
|
|
Distribution Fee
|
Granite Peak Balanced Fund
|
N/A
|Class A
|0.25%
|Class C
|0.75%
`;

describe('current and former name columns whose headings are blank', () => {
  const doc = parseExhibit(BLANK_HEADINGS, 'blank-headings.txt');

  it('reads the second name cell as the former name, then the class cells', () => {
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.assetBasedSalesChargePct])).toEqual([
      ['Granite Peak Prime Money Market Fund', 'Morgan', '0.10'],
      ['Granite Peak Prime Money Market Fund', 'Reserve', '0.25'],
      ['Granite Peak Balanced Fund', 'A', '0.25'],
      ['Granite Peak Balanced Fund', 'C', '0.75'],
    ]);
    expect(doc.renames).toEqual([
      { from: 'Old Harbor Prime Money Market Fund', to: 'Granite Peak Prime Money Market Fund' },
    ]);
    expect(doc.effectiveDate).toBe('2019-03-03');
    expect(doc.completeness.gaps).toEqual([]);
  });
});
