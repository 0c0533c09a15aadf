import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1: 12b-1 plans and distribution agreements are read; a refusal names its true reason.
 * Nationwide Mutual Funds' "Schedule A / Underwriting Agreement / between Nationwide Mutual Funds
 * and / Nationwide Fund Distributors LLC" (2012, real-exhibits-13/14) lists the funds its
 * distributor sells — no class, no fee. It was refused because "between Nationwide Mutual Funds
 * and" stood "where a portfolio name should be"; with its title lines printed otherwise it was
 * read as a plan whose portfolios were "Underwriting Agreement" and "Effective May 1, 2007".
 * Invented fixture in that layout.
 */
const FUNDS = ['Holloway Crest Fund', 'Holloway Crest Growth Fund', 'Holloway Crest Bond Fund'];
const TEXT = `Schedule A
Underwriting Agreement
between Holloway Crest Mutual Funds and
Holloway Crest Fund Distributors LLC
Effective May 1, 2007
Amended ________, 2012*
Name of Fund
${FUNDS.join('\n')}
*As approved at the September 6, 2012 Board Meeting.
`;

describe('the schedule of an underwriting agreement', () => {
  for (const [about, text] of [
    ['as filed', TEXT],
    ['its parties on one line', TEXT.replace('Funds and\nHolloway', 'Funds and Holloway')],
    ['its parties not printed', TEXT.replace(/between[^\n]*\nHolloway Crest Fund Distributors LLC\n/, '')],
  ] as const)
    it(`is refused at the line naming the agreement, as no Rule 12b-1 instrument (${about})`, () => {
      let error: unknown;
      try {
        parseExhibit(text, 'underwriting-schedule-a.htm');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ExhibitParseError);
      expect(error).toMatchObject({ file: 'underwriting-schedule-a.htm', line: 2 });
      expect((error as ExhibitParseError).reason).toMatch(
        /^not a Rule 12b-1 instrument: "Underwriting Agreement" names an underwriting agreement/,
      );
    });
});
