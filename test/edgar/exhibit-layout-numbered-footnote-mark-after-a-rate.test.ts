import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A rate with a numbered footnote mark glued to it ("0.25%(1)"): the mark refers to a footnote,
// the rate is 0.25 — as with "0.25%*".
const TEXT = `<PAGE>
                                   SCHEDULE A
                       TO THE DISTRIBUTION PLAN OF ELMSTEAD TRUST
                                (CLASS A SHARES)

                                                       DISTRIBUTION
FUND                                                       FEE
----                                                   ------------
Elmstead Value Fund                                       0.25%(1)
Elmstead Money Market Fund                                0.10%(2)
Elmstead Bond Fund                                        0.25%

(1) Reduced to 0.20% until further notice.
(2) Waived.

Dated: April 1, 2002
`;

describe('a numbered footnote mark glued to a rate', () => {
  it('is no part of the rate', () => {
    expect(
      parseExhibit(TEXT, 'marks.txt').schedules.flatMap((s) =>
        s.entries.map((e) => `${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct}`),
      ),
    ).toEqual([
      'Elmstead Value Fund | A | 0.25',
      'Elmstead Money Market Fund | A | 0.10',
      'Elmstead Bond Fund | A | 0.25',
    ]);
  });
});
