import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Schedule A whose one rate column's heading wraps its class over two lines, the "Name of Fund"
// cell printed between them ("… attributable to Class" / "Name of Fund" / "A Shares)"), rendered
// one cell per line, in the style of a USAA/Victory plan pursuant to Rule 12b-1 (names, rates
// and dates invented).
function schedule(tail: string): string {
  return `PLAN PURSUANT TO RULE 12B-1
SCHEDULE A
|
|
Annual Fee (as a % of the average daily
|
|
net assets of the Fund attributable to Class
|
Name of Fund
|
${tail}
|
Harborlight Short-Term Bond Fund
|
0.25%
|
Harborlight Precious Metals Fund
|
0.20%
Dated: June 30, 2022
1
`;
}

describe('the class wrapped in a rate column’s "attributable to Class" heading', () => {
  it('reads "A Shares)" on the heading’s last line as the class of every fund', () => {
    const doc = parseExhibit(schedule('A Shares)'), 'attributable-class.txt');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Harborlight Short-Term Bond Fund', 'A', '0.25'],
      ['Harborlight Precious Metals Fund', 'A', '0.20'],
    ]);
    expect(doc.completeness.gaps).toEqual([]);
    expect(doc.effectiveDate).toBe('2022-06-30');
  });

  it('names no class where the heading’s last line names none', () => {
    const doc = parseExhibit(schedule('Shares)'), 'attributable-no-class.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.class)).toEqual([null, null]);
  });
});
