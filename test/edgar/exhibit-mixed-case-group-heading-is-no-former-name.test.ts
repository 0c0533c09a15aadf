import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1 (read right, or refuse naming file and line). Calvert's Schedule A to its Class C
 * Master Distribution Plan (2017, sec.gov …/319676/000094039417001015/exhibitm2b_ex99zm2b.htm), as
 * the corpus renders it without cell marks: one heading "Distribution Fee/Service Fee", then
 * "Calvert Management Series" (a Registrant, in mixed case), its fund, the fund's rate. One
 * "Distribution Fee…" heading cell was taken for JPMorgan's blank "Current Name | Former Name |
 * Share Class" columns, so the fund became the group heading's FORMER NAME (a rename) and the group
 * heading took the fund's rate — a misread. JPMorgan's rows have class cells after the former
 * name; a rate straight after it is refused at its line. Invented document of that shape.
 */
const CALVERT_LIKE = `SCHEDULE A to MASTER DISTRIBUTION PLAN FOR CLASS C SHARES
Dated: March 7, 2017
Distribution Fee
Birchwood Series Trust
Birchwood Value Fund
0.25%
Birchwood Bond Fund
0.25%
`;

describe('a mixed-case group heading over its fund, under one "Distribution Fee" heading', () => {
  // a trust's name ("… Trust") over a fund's is the Registrant's heading (as in a table with rate
  // columns): read so — it was refused here, and is never read as the fund's former name
  it("a trust's heading is read as the Registrant over its funds, never as a fund's former name", () => {
    const doc = parseExhibit(CALVERT_LIKE, 'calvert-c.txt');
    expect(
      doc.schedules.flatMap((s) =>
        s.entries.map((e) => [
          e.registrant,
          e.portfolio,
          e.class,
          e.assetBasedSalesChargePct,
          e.serviceFeePct,
          e.aggregateFeePct,
        ]),
      ),
    ).toEqual([
      ['Birchwood Series Trust', 'Birchwood Value Fund', 'C', '0.25', null, null],
      ['Birchwood Series Trust', 'Birchwood Bond Fund', 'C', '0.25', null, null],
    ]);
    expect(doc.renames).toEqual([]);
  });

  it("a heading that may be a fund's name or a group's (\"Calvert Management Series\") is refused at the fund's rate, never read as the fund's former name", () => {
    let error: unknown;
    try {
      parseExhibit(
        CALVERT_LIKE.replace('Birchwood Series Trust', 'Birchwood Management Series'),
        'calvert-c.txt',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExhibitParseError);
    expect(error).toMatchObject({ file: 'calvert-c.txt', line: 6 });
    expect((error as ExhibitParseError).reason).toMatch(
      /"Birchwood Management Series" has no rate and "Birchwood Value Fund" follows it with this rate and no class cell/,
    );
  });

  it('the same rows with a class cell after the second name stay a former name (JPMorgan)', () => {
    const doc = parseExhibit(
      CALVERT_LIKE.replace('Birchwood Series Trust', 'Birchwood Growth Fund').replace(
        'Birchwood Value Fund\n0.25%',
        'Birchwood Value Fund\nClass C\n0.25%',
      ),
      'jpmorgan-like.txt',
    );
    expect(doc.renames).toEqual([{ from: 'Birchwood Value Fund', to: 'Birchwood Growth Fund' }]);
  });
});
