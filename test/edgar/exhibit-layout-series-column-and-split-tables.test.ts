import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

const plan = (klass: string, body: string) => `WILLOWMERE INCOME FUNDS
${klass}
PLAN PURSUANT TO RULE 12b-1
SCHEDULE A
${body}
Dated: March 9, 2017
`;

describe('a fund column headed "Series", headings over several lines, and a schedule split into a distribution and a service table', () => {
  it('"Series" over the fund names is a column heading, in cells and in aligned text', () => {
    const cells = parseExhibit(
      plan(
        'CLASS A',
        `|
Series
|
Fee (as a Percentage of Average Daily Net Assets of Class A)
|
Willowmere Harbor Fund
|
0.25%
|
Willowmere Ridge Fund
|
0.25%`,
      ),
      'series-cells.htm.txt',
    );
    expect(rows(cells)).toEqual([
      'WILLOWMERE INCOME FUNDS | Willowmere Harbor Fund | A | null null | null | 0.25',
      'WILLOWMERE INCOME FUNDS | Willowmere Ridge Fund | A | null null | null | 0.25',
    ]);
    expect(cells.effectiveDate).toBe('2017-03-09');
    const aligned = parseExhibit(
      plan(
        'CLASS A',
        `                                           Fee (as a Percentage of
Series                                     Average Daily Net Assets)
------------------------------------------------------------------------

Willowmere Harbor Fund                     0.25%
Willowmere Ridge Fund                      0.25%
`,
      ),
      'series-aligned.txt',
    );
    expect(rows(aligned)).toEqual(rows(cells));
  });

  it('a rate heading whose parenthesis runs over two more lines of its cell is one heading', () => {
    const doc = parseExhibit(
      plan(
        'INVESTOR CLASS',
        `|Series
|Distribution Fee
(as a Percentage of Average
Daily Net Assets of Investor Class)
|Willowmere Harbor Fund
|0.50%
|Willowmere Ridge Fund
|0.50%`,
      ),
      'heading-lines.htm.txt',
    );
    expect(rows(doc)).toEqual([
      'WILLOWMERE INCOME FUNDS | Willowmere Harbor Fund | Investor | 0.50 null | null | null',
      'WILLOWMERE INCOME FUNDS | Willowmere Ridge Fund | Investor | 0.50 null | null | null',
    ]);
  });

  it('a distribution-fee table then a service-fee table: one entry per fund with both rates', () => {
    const doc = parseExhibit(
      plan(
        'CLASS C',
        `|Series
|Distribution Fee
(as a Percentage of Average
Daily Net Assets of Class C)
|Willowmere Harbor Fund
|0.75%
|Willowmere Ridge Fund
|0.75%
|Willowmere Delta Fund
|0.70%
|Series
|Service Fee
(as a Percentage of Average
Daily Net Assets of Class C)
|Willowmere Harbor Fund
|0.25%
|Willowmere Ridge Fund
|0.20%`,
      ),
      'split-tables.htm.txt',
    );
    expect(rows(doc)).toEqual([
      'WILLOWMERE INCOME FUNDS | Willowmere Harbor Fund | C | 0.75 null | 0.25 | null',
      'WILLOWMERE INCOME FUNDS | Willowmere Ridge Fund | C | 0.75 null | 0.20 | null',
      // only the distribution table lists it: what that table states
      'WILLOWMERE INCOME FUNDS | Willowmere Delta Fund | C | 0.70 null | null | null',
    ]);
    expect(doc.completeness.complete).toBe(true);
  });
});
