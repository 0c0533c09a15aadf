import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A page's rows, its footnote (the marker "1" a line of its own), then the column headings printed
// again and class rows with no fund above them, rendered one cell per line, in the style of a Legg
// Mason shareholder services plan's Appendix A (names and numbers invented).
const PAGE_ONE = `APPENDIX A
SHAREHOLDER SERVICES AND DISTRIBUTION PLAN
AMENDED AND RESTATED JUNE 8, 2018
|
Name of Fund
|
Name of Class
|
Aggregate
|Larkspur Core Fund
|Class A
|0.25
|Larkspur Value Fund
|Class A
|0.25
|1
|
Expressed as an annual rate of the average daily net assets of the Fund attributable to that Class
`;
const PAGE_TWO = `|
Name of Fund
|
Name of Class
|
Aggregate
|Class C
|1.00
|Larkspur Growth Fund
|Class A
|0.25
`;

describe('class rows after a footnote and the headings printed again', () => {
  it("are the last fund's where the headings are the table's own", () => {
    const doc = parseExhibit(PAGE_ONE + PAGE_TWO, 'after-footnote.txt');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Larkspur Core Fund', 'A', '0.25'],
      ['Larkspur Value Fund', 'A', '0.25'],
      ['Larkspur Value Fund', 'C', '1.00'],
      ['Larkspur Growth Fund', 'A', '0.25'],
    ]);
    expect(doc.completeness.gaps).toEqual([]);
  });

  it('are refused under headings of another table: whose rows they are cannot be read', () => {
    const other = PAGE_TWO.replace('Name of Class', 'Share Class').replace('Aggregate', 'Service Fee');
    expect(() => parseExhibit(PAGE_ONE + other, 'other-table.txt')).toThrow(
      /other-table\.txt:25: Appendix A: Class C stands with no fund after "Larkspur Value Fund"/,
    );
  });
});
