import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1: a refusal names the true reason. The Lazard Funds' Distribution and Servicing Plan
 * (2006, real-exhibits-13/16) says "THE PLAN: The material aspects of this Plan are as follows:"
 * over "1. As to each Portfolio, the Fund shall pay to the Distributor a fee" — a numbered clause,
 * no list of funds — and names "each series of the Fund set forth on Exhibit A hereto", which the
 * cut text does not hold. It was refused saying its funds "are listed in its body from here",
 * which they are not. Invented fixture in that layout.
 */
const TEXT = `THE HOLLOWAY CREST FUNDS, INC.

                         DISTRIBUTION AND SERVICING PLAN

            INTRODUCTION: It is proposed that the Fund adopt a Distribution and
Servicing Plan relating to its Open Shares with respect to each series of the
Fund set forth on Exhibit A hereto, as such Exhibit may be revised from time
to time (each, a "Portfolio").

           THE PLAN: The material aspects of this Plan are as follows:

            1. As to each Portfolio, the Fund shall pay to the Distributor a fee
at the annual rate set forth opposite each Portfolio's name on Exhibit
`;

describe('a numbered clause after "as follows:"', () => {
  for (const [about, text] of [
    ['"1. As to each Portfolio, the Fund shall pay"', TEXT],
    // the clause as other plans of that boilerplate word it (Service shares, 2020)
    [
      '"1. The Fund shall pay"',
      TEXT.replace(
        '1. As to each Portfolio, the Fund shall pay to the Distributor a fee',
        '1. The Fund shall pay to the Distributor a fee',
      ),
    ],
  ] as const)
    it(`is no list of funds: the plan is refused for the Exhibit A it names and does not hold (${about})`, () => {
      let error: unknown;
      try {
        parseExhibit(text, 'holloway-crest-plan.txt');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ExhibitParseError);
      // line 7 names Exhibit A ("Fund set forth on Exhibit A hereto, …"); the text stops at line 13
      expect(error).toMatchObject({ file: 'holloway-crest-plan.txt', line: 7 });
      expect((error as ExhibitParseError).reason).toMatch(
        /^the body names Exhibit A .* does not contain it; the text ends in mid-sentence at line 13/,
      );
      expect((error as ExhibitParseError).reason).not.toMatch(/listed in its body/);
    });
});
