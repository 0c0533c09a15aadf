import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1 kind and dates. Eaton Vance's exhibit 99.m.2 (sec.gov …/784880/000094937705000387/
 * eng71200ex-m2.txt) is titled "Amendment to Class B Shares" over "RULE 12b-1 DISTRIBUTION PLAN"
 * and dated in a parenthesis under the title, "(effective December 10, 1999)". It was read as no
 * exhibit at all ("no schedule found"): the title in title case and the "12b-1" in lower case
 * stopped the title. It is an amendment of the Class B plan, effective 1999-12-10. Its body (a
 * provision, no schedule) is nothing plan12b can record, and the filing as retrieved is cut mid
 * sentence: both are said, and import is refused.
 */
const HEAD = `EXHIBIT 99.m.2

                           AMENDMENT TO CLASS B SHARES

<PAGE>

                           Amendment to Class B Shares
                          RULE 12b-1 DISTRIBUTION PLAN
                          ----------------------------
                          (effective December 10, 1999)

         To add the following provision; (I) the Distributor will be deemed to
have fully earned its Allocable Portion of the distribution fee payable in
respect of Class B Shares of such series upon the sale of each "Initial Issue
Commission Share" (as hereinafter defined) taken into account in determining
`;

describe('"Amendment to Class B Shares / RULE 12b-1 DISTRIBUTION PLAN / (effective …)"', () => {
  it('is an amendment of the Class B plan, effective on the date under its title', () => {
    const d = parseExhibit(
      `${HEAD}such Distributor's Allocable Portion of such distribution fee.\n\n         All other terms of the Plan remain in full force and effect.\n`,
      'ev.txt',
    );
    expect([d.kind, d.title, d.instrument.classes, d.effectiveDate, d.exhibit]).toEqual([
      'plan-amendment',
      'Amendment to Class B Shares Rule 12b-1 Distribution Plan',
      ['B'],
      '1999-12-10',
      '99.m.2',
    ]);
    // a provision, no schedule or rate: nothing plan12b can record, said as a gap
    expect(d.completeness.complete).toBe(false);
  });

  it('the filing cut mid-sentence is read only in part', () => {
    const d = parseExhibit(
      `${HEAD}such Distributor's Allocable Portion of such distribution fee; (II) except as\nprovided in (III) below, the Trust's obli`,
      'ev-cut.txt',
    );
    expect(d.completeness.complete).toBe(false);
    expect(d.completeness.gaps.some((g) => /ends in the middle of a sentence/.test(g.reason))).toBe(true);
  });
});
