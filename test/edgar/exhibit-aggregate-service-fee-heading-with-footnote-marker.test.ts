import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A rate column headed "Aggregate Service Fee" with a footnote marker glued to "Fee", its cell
// wrapped over two lines, rendered one cell per line, in the style of a Legg Mason shareholder
// services plan's Appendix A (names and numbers invented).
function appendix(heading: string): string {
  return `APPENDIX A
SHAREHOLDER SERVICES AND DISTRIBUTION PLAN
AMENDED AND RESTATED APRIL 2, 2014
|
Name of Fund
|Name of Class
|${heading}
|
Sandpiper Global Equity Fund
|Class A
|0.25
|Class C
|1.00
|Class I
|None
|
Sandpiper Index Fund
|Class A
|0.20
`;
}

describe('"Aggregate Service Fee1": one column, the whole fee', () => {
  for (const heading of ['Aggregate Service\nFee1 (%)', 'Aggregate\nService Fee1']) {
    it(`reads the rates under ${JSON.stringify(heading)} as aggregate fees`, () => {
      const doc = parseExhibit(appendix(heading), 'aggregate-service.txt');
      expect(
        doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.serviceFeePct, e.aggregateFeePct]),
      ).toEqual([
        ['Sandpiper Global Equity Fund', 'A', null, '0.25'],
        ['Sandpiper Global Equity Fund', 'C', null, '1.00'],
        ['Sandpiper Global Equity Fund', 'I', null, '0.00'],
        ['Sandpiper Index Fund', 'A', null, '0.20'],
      ]);
      expect(doc.completeness.gaps).toEqual([]);
      expect(doc.effectiveDate).toBe('2014-04-02');
    });
  }
});
