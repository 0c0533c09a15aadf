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
  it('is refused with its line under a heading naming one rate ("Distribution Fee")', () => {
    // line 9 of the HTML file (its <html> line, three <p>s, <table>, then one row a line)
    expect(() => read(corpusAsHtml(cells('0.75/0.25%', 'Distribution Fee')), 'combined.htm')).toThrow(
      /combined\.htm:9: .*"0\.75\/0\.25%" is two rates in one cell/,
    );
  });

  // the heading names both ("Distribution Fee/Service Fee"): the cell is read (see
  // exhibit-two-rates-in-one-cell-under-a-heading-naming-both.test.ts); the Bond Fund's lone 0.25%
  // under it says which of the two it is nowhere, and is refused at its own line
  it('a lone rate under "Distribution Fee/Service Fee" is refused at its line', () => {
    expect(() =>
      read(corpusAsHtml(cells('0.75/0.25%', 'Distribution Fee/Service Fee')), 'combined.htm'),
    ).toThrow(/combined\.htm:11: .*"Elmstead Bond Fund" has 1 of its rates/);
  });
});
