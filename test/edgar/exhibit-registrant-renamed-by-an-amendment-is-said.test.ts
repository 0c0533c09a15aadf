import { describe, expect, it } from 'vitest';
import { registrantRenames } from '../../src/edgar/registrantRename.js';

/**
 * SPEC §2.1: a change the document states is read or said, never passed over. An amendment that
 * renames the Trust (USAA's Class A plan, 2023) names no portfolio: the reader says it in a warning
 * (real-exhibits-11's 09 shows it on the filed page).
 */
describe('a Registrant renamed by an amendment', () => {
  it('is read from "all references to X in the Agreement shall be replaced with Y"', () => {
    // the JSDoc example of registrantRenames, as written
    expect(
      registrantRenames(
        'all references to USAA Mutual Funds Trust in the Agreement shall be replaced with Victory Portfolios III.',
      ),
    ).toEqual([{ from: 'USAA Mutual Funds Trust', to: 'Victory Portfolios III', offset: 0 }]);
  });

  it('is no portfolio: a fund renamed the same way is left to the portfolio renames', () => {
    expect(
      registrantRenames(
        'all references to Alder Bond Fund in the Plan shall be replaced with Birch Bond Fund.',
      ),
    ).toEqual([]);
  });

  it('is read in the Plan as in the Agreement, its names over a line break', () => {
    expect(
      registrantRenames(
        'Effective May 1, 2020, all references to Oak\nStreet Funds in the Plan shall be replaced with Elm Street Trust; and',
      ),
      // offset: "Effective May 1, 2020, " is 9 + 1 + 3 + 1 + 2 + 1 + 5 + 1 = 23 characters
    ).toEqual([{ from: 'Oak Street Funds', to: 'Elm Street Trust', offset: 23 }]);
  });
});
