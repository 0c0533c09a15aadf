import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A page's rows, its footnote (the marker "1" a line of its own), then the column headings printed
// again and class rows with no fund above them, rendered one cell per line, in the style of a Legg
// Mason shareholder services plan's Appendix A (names and numbers invented).
const AFTER_FOOTNOTE = `APPENDIX A
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
|
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

describe('class rows with no fund after a footnote and the headings printed again', () => {
  it('are refused: whose rows they are cannot be read (never given to the next fund, never dropped)', () => {
    expect(() => parseExhibit(AFTER_FOOTNOTE, 'after-footnote.txt')).toThrow(
      /after-footnote\.txt:25: Appendix A: Class C stands with no fund after "Larkspur Value Fund"/,
    );
  });
});
