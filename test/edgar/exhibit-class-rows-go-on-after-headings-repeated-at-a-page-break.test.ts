import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A fund's class rows split by a page break that prints the column headings again, rendered one
// cell per line, in the style of a Legg Mason shareholder services plan's Appendix A: the rows
// below the repeated headings are the last fund's, never the next fund's (names and numbers invented).
const SPLIT_APPENDIX = `APPENDIX A
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
|Class C
|1.00
|Larkspur Value Fund
|Class A
|0.25
|
Name of Fund
|
Name of Class
|
Aggregate
|Class C
|1.00
|Class R
|0.50
|Larkspur Growth Fund
|Class A
|0.25
|Class I
|None
`;

describe("headings printed again over a page break inside a fund's class rows", () => {
  const doc = parseExhibit(SPLIT_APPENDIX, 'split.txt');

  it('gives the rows below them to the fund above them', () => {
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Larkspur Core Fund', 'A', '0.25'],
      ['Larkspur Core Fund', 'C', '1.00'],
      ['Larkspur Value Fund', 'A', '0.25'],
      ['Larkspur Value Fund', 'C', '1.00'],
      ['Larkspur Value Fund', 'R', '0.50'],
      ['Larkspur Growth Fund', 'A', '0.25'],
      ['Larkspur Growth Fund', 'I', '0.00'],
    ]);
    expect(doc.completeness.gaps).toEqual([]);
  });
});
