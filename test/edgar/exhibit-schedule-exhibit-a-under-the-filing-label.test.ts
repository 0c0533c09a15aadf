import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A fee schedule filed on its own as "EXHIBIT A" to a plan, printed under the filing's own exhibit
// designation ("EXHIBIT (m)(3)"): the designation is the exhibit's label, "EXHIBIT A" is the
// schedule — as when "EXHIBIT A" is the document's first line.
const TEXT = `<PAGE>
                                                                  EXHIBIT (m)(3)

                                   EXHIBIT A
                          TO THE DISTRIBUTION PLAN OF
                            FAIRHAVEN INVESTMENT TRUST

                                                          Fee as a Percentage of
Name of Series                                           Average Daily Net Assets
--------------                                           ------------------------

Fairhaven Growth Fund - Class B                                    1.00%
Fairhaven Income Fund - Class B                                     .75%
Fairhaven Income Fund - Class C                                     .75%

Dated:  March 1, 1999
`;

describe('"EXHIBIT A" under the filing\'s exhibit designation', () => {
  it('is the fee schedule', () => {
    const doc = parseExhibit(TEXT, 'exhibit-a.txt');
    expect(doc.kind).toBe('schedule');
    expect(doc.exhibit).toBe('(m)(3)');
    expect(doc.effectiveDate).toBe('1999-03-01');
    expect(
      doc.schedules.map((s) => [
        s.name,
        s.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.aggregateFeePct}`),
      ]),
    ).toEqual([
      [
        'Exhibit A',
        [
          'FAIRHAVEN INVESTMENT TRUST | Fairhaven Growth Fund | B | 1.00',
          'FAIRHAVEN INVESTMENT TRUST | Fairhaven Income Fund | B | 0.75',
          'FAIRHAVEN INVESTMENT TRUST | Fairhaven Income Fund | C | 0.75',
        ],
      ],
    ]);
  });
});
