import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// An .htm amendment whose list cells the filing wraps onto a second line: a sub-heading
// ("Portfolio – Investor" / "Class Shares"), a Registrant ("LAKESIDE GROWTH" / "SERIES") and a
// fund name ("Lakeside Small Cap Value" / "Fund"). Each is one cell, never a portfolio of its own.
const wrappedList = (cell: string) =>
  [
    'AMENDMENT NO. 4',
    'TO',
    'FIRST RESTATED',
    'MASTER DISTRIBUTION PLAN',
    '(INVESTOR CLASS SHARES)',
    'The First Restated Master Distribution Plan (the “Plan”), effective July 1, 2006, as amended, pursuant to Rule',
    '12b-1, is hereby amended, effective May 3, 2011, as follows:',
    'NOW THEREFORE, Schedule A to the',
    'Plan is hereby deleted and replaced in its entirety with the following:',
    '“SCHEDULE A',
    'TO',
    'FIRST RESTATED',
    'MASTER DISTRIBUTION PLAN',
    '(INVESTOR CLASS SHARES)',
    `${cell}LAKESIDE EQUITY FUNDS`,
    `${cell}Portfolio –`,
    'Investor Class Shares',
    `${cell}Lakeside Dividend Growth Fund`,
    `${cell}LAKESIDE INCOME FUNDS`,
    `${cell}Portfolio – Investor`,
    'Class Shares',
    `${cell}Lakeside Balanced Fund`,
    `${cell}LAKESIDE GROWTH`,
    'SERIES',
    `${cell}Portfolio`,
    '– Investor Class Shares',
    `${cell}Lakeside Small Cap Value`,
    'Fund',
    `${cell}Lakeside Harbor Fund”`,
    'All other terms and',
    'provisions of the Plan not amended hereby shall remain in full force and effect.',
    '',
  ].join('\n');

const expected = [
  'LAKESIDE EQUITY FUNDS | Lakeside Dividend Growth Fund | Investor | null null | null | null',
  'LAKESIDE INCOME FUNDS | Lakeside Balanced Fund | Investor | null null | null | null',
  'LAKESIDE GROWTH SERIES | Lakeside Small Cap Value Fund | Investor | null null | null | null',
  'LAKESIDE GROWTH SERIES | Lakeside Harbor Fund | Investor | null null | null | null',
];

describe('a list whose cells the filing wraps onto the next line', () => {
  it('reads each wrapped cell as one: no "Class Shares" or "– Investor Class Shares" portfolio', () => {
    const doc = parseExhibit(wrappedList(''), 'wrapped-list.txt');
    expect(rows(doc)).toEqual(expected);
    expect(doc.completeness.complete).toBe(true);
  });

  it('reads the same list rendered one table cell per line ("|")', () => {
    const doc = parseExhibit(wrappedList('|'), 'wrapped-cells.txt');
    expect(rows(doc)).toEqual(expected);
  });
});
