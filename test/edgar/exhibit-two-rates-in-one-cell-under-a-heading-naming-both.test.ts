import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1 (a schedule entry's ABSC, service and aggregate rates; a column the schedule does not
 * have is null). Calvert's Schedule A (2019, sec.gov …/884110/000094039419000515/exhibitn1b_ex-99zn1b.htm)
 * prints Class C as "0.75/0.25%" under the heading "Distribution Fee/Service Fee": the heading says
 * which rate is which — the distribution fee (the ABSC, SPEC §1) 0.75, the service fee 0.25 — and
 * no aggregate column. Where the heading names one rate only, the cell stays refused at its line.
 * Invented documents of that shape (Birchwood Trust); the rates below are read off the cells by hand.
 */
const cells = (heading: string, rows: string) => `SCHEDULE A
TO THE DISTRIBUTION PLAN
OF BIRCHWOOD TRUST
|Fund
|Class
|${heading}
${rows}
Dated: May 1, 2012
`;

const VALUE_C = `|Birchwood Value Fund
|Class C
|0.75/0.25%`;

const read = (text: string, file: string) =>
  parseExhibit(text, file).schedules.flatMap((s) =>
    s.entries.map(
      (e) =>
        `${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct} ${e.assetBasedSalesChargeBound} | ${e.serviceFeePct} | ${e.aggregateFeePct}`,
    ),
  );

describe('"0.75/0.25%" under a heading that names both rates', () => {
  it('"Distribution Fee/Service Fee": distribution fee (ABSC) 0.75, service fee 0.25, no aggregate', () => {
    const rows = `${VALUE_C}\n|Birchwood Bond Fund\n|Class C\n|.50/.25%`;
    expect(read(cells('Distribution Fee/Service Fee', rows), 'calvert-like.htm')).toEqual([
      'Birchwood Value Fund | C | 0.75 null | 0.25 | null',
      'Birchwood Bond Fund | C | 0.50 null | 0.25 | null',
    ]);
  });

  it('"Distribution/Service Fee" (one fee for both otherwise): the combined cell is split, a lone rate stays the whole fee', () => {
    const rows = `${VALUE_C}\n|Birchwood Bond Fund\n|Class A\n|0.25%`;
    expect(read(cells('Distribution/Service Fee', rows), 'slash.htm')).toEqual([
      'Birchwood Value Fund | C | 0.75 null | 0.25 | null',
      'Birchwood Bond Fund | A | null null | null | 0.25',
    ]);
  });

  it('"Service Fee/Distribution Fee": read in the order the heading names them', () => {
    const rows = `|Birchwood Value Fund\n|Class C\n|0.25/0.75%`;
    expect(read(cells('Service Fee/Distribution Fee', rows), 'reversed.htm')).toEqual([
      'Birchwood Value Fund | C | 0.75 null | 0.25 | null',
    ]);
    // …and so are two cells under it: the service fee first
    const two = `|Birchwood Value Fund\n|Class C\n|0.25%\n|0.75%`;
    expect(read(cells('Service Fee/Distribution Fee', two), 'reversed-two.htm')).toEqual([
      'Birchwood Value Fund | C | 0.75 null | 0.25 | null',
    ]);
  });

  it('"Maximum Distribution Fee/Service Fee": the bound is the ABSC\'s', () => {
    expect(read(cells('Maximum Distribution Fee/Service Fee', VALUE_C), 'max.htm')).toEqual([
      'Birchwood Value Fund | C | 0.75 maximum | 0.25 | null',
    ]);
  });

  it('in aligned text columns', () => {
    const text = `                                   SCHEDULE A
                           TO THE DISTRIBUTION PLAN
                              OF BIRCHWOOD TRUST

Fund                          Class      Distribution/Service Fee
----                          -----      ------------------------
Birchwood Value Fund          Class C    0.75/0.25%
Birchwood Bond Fund           Class C    0.75/0.25%

Dated: May 1, 2012
`;
    expect(read(text, 'aligned.txt')).toEqual([
      'Birchwood Value Fund | C | 0.75 null | 0.25 | null',
      'Birchwood Bond Fund | C | 0.75 null | 0.25 | null',
    ]);
  });

  it('in a <TABLE> whose heading is stacked: "DISTRIBUTION FEE/" over "SERVICE FEE"', () => {
    const text = `                                   SCHEDULE A
                           TO THE DISTRIBUTION PLAN
                              OF BIRCHWOOD TRUST
                              (CLASS C SHARES)

<TABLE>
<CAPTION>
                                                    DISTRIBUTION FEE/
PORTFOLIO                                              SERVICE FEE
---------                                           -----------------
<S>                                                      <C>
Birchwood Value Fund                                  0.75/0.25%
</TABLE>

Dated: May 1, 2012
`;
    expect(read(text, 'stacked.txt')).toEqual(['Birchwood Value Fund | C | 0.75 null | 0.25 | null']);
  });

  it('under a heading naming one rate ("Distribution Fee") or none ("Fee") it is refused at its line', () => {
    for (const heading of ['Distribution Fee', 'Fee'])
      expect(() => read(cells(heading, VALUE_C), 'one.htm')).toThrow(
        /one\.htm:9: .*"0\.75\/0\.25%" is two rates in one cell/,
      );
  });
});
