import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

describe('aligned text: a distribution table and a service table, headings over three lines, a long name two spaces from its rate', () => {
  it('one entry per fund with both rates', () => {
    const doc = parseExhibit(
      `                         HOLLOWAY CREST FUNDS
                               CLASS C
                     PLAN PURSUANT TO RULE 12b-1

                              SCHEDULE A

                                                    Distribution Fee (as a
                                                    Percentage of Average
Series                                              Daily Net Assets of Class C)
--------------------------------------------------------------------------------

Holloway Crest Quarry Point Fund                    0.75%
Holloway Crest Long Horizon Opportunistic Yield Fund  0.70%



                                                    Service Fee (as a Percentage
                                                    of Average Daily Net Assets
Series                                              of Class C)
--------------------------------------------------------------------------------

Holloway Crest Quarry Point Fund                    0.25%
Holloway Crest Long Horizon Opportunistic Yield Fund  0.20%


Dated: February 17, 2015
`,
      'aligned-split.txt',
    );
    expect(rows(doc)).toEqual([
      'HOLLOWAY CREST FUNDS | Holloway Crest Quarry Point Fund | C | 0.75 null | 0.25 | null',
      'HOLLOWAY CREST FUNDS | Holloway Crest Long Horizon Opportunistic Yield Fund | C | 0.70 null | 0.20 | null',
    ]);
    expect(doc.effectiveDate).toBe('2015-02-17');
  });
});
