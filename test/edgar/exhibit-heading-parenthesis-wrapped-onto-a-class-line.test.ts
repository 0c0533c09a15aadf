import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A rate heading whose parenthesis wraps so that its last line begins "Class of", rendered one
// cell per line, in the style of a JPMorgan Funds Schedule B (names and numbers invented).
const WRAPPED_HEADING = `SCHEDULE B
GRANITE PEAK FUNDS
COMBINED AMENDED AND RESTATED DISTRIBUTION PLAN
(Amended as of April 9, 2022)
|
Current Name
|
Former Name
|
Share Class
|Distribution Fee
(annual rate expressed
as a percentage of the
average daily net
assets of each
Class of Shares)
|
Granite Peak Prime Money Market Fund
|
Old Harbor Prime Money Market Fund
|Morgan
|0.10%
|Reserve
|0.25%
`;

describe('a rate heading whose parenthesis wraps onto a line beginning "Class of"', () => {
  it('is one heading: the line is no fund', () => {
    const doc = parseExhibit(WRAPPED_HEADING, 'wrapped-heading.txt');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.assetBasedSalesChargePct])).toEqual([
      ['Granite Peak Prime Money Market Fund', 'Morgan', '0.10'],
      ['Granite Peak Prime Money Market Fund', 'Reserve', '0.25'],
    ]);
    expect(doc.renames).toEqual([
      { from: 'Old Harbor Prime Money Market Fund', to: 'Granite Peak Prime Money Market Fund' },
    ]);
    expect(doc.completeness.gaps).toEqual([]);
  });
});
