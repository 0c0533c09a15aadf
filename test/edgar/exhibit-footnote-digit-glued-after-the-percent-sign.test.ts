import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { corpusAsHtml } from './edgarHtml.js';

/**
 * SPEC §2.1: rates as schedules print them, footnote marks included. Calvert's Amended Schedule A
 * to its Class A Master Distribution Plan (2019, sec.gov …/884110/000094039419001297/
 * exhibitm1b_ex-99zm1b.htm) prints "0.25%2" and "0.25%3": the footnote's number glued after the
 * percent sign. No rate has digits after its "%", so the rate is 0.25 (never 0.252); the cell was
 * refused. Calvert's Master Distribution Agreement schedule prints Class C as "0.75/0.25%" under
 * "Distribution Fee/Service Fee": one cell, two rates — refused, never read as one rate.
 * Invented documents of those shapes, Elmstead Trust.
 */
const cells = (rate: string, heading: string) => `SCHEDULE A
TO THE DISTRIBUTION PLAN OF ELMSTEAD TRUST
(CLASS A SHARES)
|Fund
|${heading}
|Elmstead Value Fund
|${rate}
|Elmstead Bond Fund
|0.25%
Dated: April 1, 2002
`;

const TEXT = `<PAGE>
                                   SCHEDULE A
                       TO THE DISTRIBUTION PLAN OF ELMSTEAD TRUST
                                (CLASS A SHARES)

                                                       DISTRIBUTION
FUND                                                       FEE
----                                                   ------------
Elmstead Value Fund                                       0.25%2
Elmstead Money Market Fund                                0.10%1
Elmstead Bond Fund                                        0.25%

1 Reduced to 0.05% until further notice.
2 Waived in part.

Dated: April 1, 2002
`;

const read = (text: string, file: string) =>
  parseExhibit(text, file).schedules.flatMap((s) =>
    s.entries.map((e) => `${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct}`),
  );

describe('a footnote number glued after the percent sign', () => {
  it('is no part of the rate, in aligned text', () => {
    expect(read(TEXT, 'glued.txt')).toEqual([
      'Elmstead Value Fund | A | 0.25',
      'Elmstead Money Market Fund | A | 0.10',
      'Elmstead Bond Fund | A | 0.25',
    ]);
  });

  it('is no part of the rate, in an HTML table cell', () => {
    expect(read(corpusAsHtml(cells('0.25%2', 'Distribution Fee')), 'glued.htm')).toEqual([
      'Elmstead Value Fund | A | 0.25',
      'Elmstead Bond Fund | A | 0.25',
    ]);
  });

  it('a digit glued to a rate without a percent sign stays refused (0.252 is no reading of it)', () => {
    expect(() => read(corpusAsHtml(cells('0.25%%2', 'Distribution Fee')), 'odd.htm')).toThrow(/odd\.htm:\d+/);
  });
});

describe('two rates in one cell ("0.75/0.25%")', () => {
  for (const heading of ['Distribution Fee/Service Fee', 'Distribution Fee'])
    it(`is refused with its line, under "${heading}"`, () => {
      expect(() => read(corpusAsHtml(cells('0.75/0.25%', heading)), 'combined.htm')).toThrow(
        /combined\.htm:7: .*"0\.75\/0\.25%" is two rates in one cell/,
      );
    });
});
