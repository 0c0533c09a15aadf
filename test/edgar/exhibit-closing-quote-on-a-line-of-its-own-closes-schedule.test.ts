import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

// A quoted replacement schedule whose closing quote mark is printed on a line of its own under the
// last row (or under its list), instead of after the row's last rate: the schedule ends there, and
// the closing clause follows. Before, the mark was read as a row with no rates (exit 65).
const TABLE = `      HERON FUNDS GROUP

                                             Maximum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
      Portfolio - Class B Shares
      Heron Alpha Fund                           0.75%        0.25%      1.00%
      Heron Gamma Growth Fund                    0.50%        0.25%      0.75%`;

describe('a closing quote mark on a line of its own', () => {
  it.each([
    ['straight, at the margin', '"'],
    ['straight, under the rates', '                                                                    "'],
    ['curly', '\u201d'],
  ])('ends a quoted rate table (%s)', (_what, mark) => {
    const doc = parseExhibit(amendmentWith(`${TABLE}\n${mark}`), 'quote-line.txt');
    expect(rows(doc)).toEqual([
      'HERON FUNDS GROUP | Heron Alpha Fund | B | 0.75 maximum | 0.25 | 1.00',
      'HERON FUNDS GROUP | Heron Gamma Growth Fund | B | 0.50 maximum | 0.25 | 0.75',
    ]);
    expect(doc.schedules[0]!.replacesEntirely).toBe(true);
    expect(doc.completeness.complete).toBe(true);
    expect(doc.effectiveDate).toBe('2005-07-01');
  });

  it('ends a quoted plain list of portfolios', () => {
    const doc = parseExhibit(
      amendmentWith('      PORTFOLIOS\n\n      Heron Alpha Fund\n      Heron Gamma Growth Fund\n"'),
      'quote-line-list.txt',
    );
    expect(rows(doc)).toEqual([
      '- | Heron Alpha Fund | B | null null | null | null',
      '- | Heron Gamma Growth Fund | B | null null | null | null',
    ]);
    expect(doc.completeness.complete).toBe(true);
  });
});
