import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A text fee schedule with a "Class" column of bare letters, the fund named on its first class's
// row only: "A" there is a class (as "B" and "C" are), not a column heading that ends the row.
const TEXT = `<PAGE>
                                   SCHEDULE A
                       TO THE DISTRIBUTION PLAN OF BIRCHFIELD FUNDS

Fund                                   Class            Fee
----                                   -----            ---
Birchfield Growth Fund                   A             0.25%
                                         B             1.00%
Birchfield Income Fund                   A             0.25%
                                         C             0.75%

Dated: as of March 1, 2005
`;

describe('a "Class" column of bare letters in a text schedule', () => {
  it('reads one entry per class row, "A" included', () => {
    const doc = parseExhibit(TEXT, 'class-column.txt');
    expect(doc.effectiveDate).toBe('2005-03-01');
    expect(
      doc.schedules.flatMap((s) =>
        s.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.aggregateFeePct}`),
      ),
    ).toEqual([
      'BIRCHFIELD FUNDS | Birchfield Growth Fund | A | 0.25',
      'BIRCHFIELD FUNDS | Birchfield Growth Fund | B | 1.00',
      'BIRCHFIELD FUNDS | Birchfield Income Fund | A | 0.25',
      'BIRCHFIELD FUNDS | Birchfield Income Fund | C | 0.75',
    ]);
  });
});
