import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A footnote's text under a page's rows (its marker "1" a line of its own), then the page's
// number and the column headings printed again with more rows below, rendered one cell per line,
// in the style of a Wells Fargo Funds Trust distribution plan's Appendix A (names and dates invented).
const FIRST_PAGE = `APPENDIX A
DISTRIBUTION PLAN
WILLOW CREEK FUNDS TRUST
As of May 1, 2008
|
Funds Trust
Funds and Share Classes
|
Maximum
Rule 12b-1 Fee
|
Balanced Allocation Fund
|
Class C
|0.75
|
Target Horizon 2030 Fund1
|
Class C
|0.75
|1
|On February 2, 2008 the Board of Trustees approved a change to the name of the Horizon Funds, effective upon shareholder approval.
`;
const NEXT_PAGE = `A-1
|
Funds Trust
Funds and Share Classes
|
Maximum
Rule 12b-1 Fee
|
Core Income Fund
|
Class C
|0.75
`;

describe('a footnote inside a table that goes on over a page break', () => {
  it('is refused, never read as the end of the schedule', () => {
    expect(() => parseExhibit(FIRST_PAGE + NEXT_PAGE, 'footnote-inside.txt')).toThrow(
      /footnote-inside.txt:25: Appendix A: the table goes on below the text at line 22/,
    );
  });

  it('ends the schedule where no table follows it', () => {
    const doc = parseExhibit(FIRST_PAGE, 'footnote-last.txt');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Balanced Allocation Fund', 'C', '0.75'],
      ['Target Horizon 2030 Fund', 'C', '0.75'],
    ]);
  });
});
