import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An amendment to an investment advisory agreement, filed as HTML, replaces its Schedule A of
// advisory fees ("FUND | ANNUAL RATE | … 0.300%"). Read cell by cell it looked like a 12b-1 schedule
// whose only gap was its class — a --class away from advisory fees recorded as distribution fees.
// It is refused, as the text reader refuses such a title. Invented fixture.
const amendment = (heading: string) => `AMENDMENT NO. 2
TO THE
INVESTMENT ADVISORY AGREEMENT
The Investment Advisory Agreement (the “Agreement”), dated as of June 1, 2005, is hereby amended, effective August 1, 2010, as follows:
Schedule A to the Agreement is hereby deleted in its entirety and replaced with the following:
${heading}|FUND
|ANNUAL RATE
|Alder Income Fund
|0.300%
|Alder Bond Fund
|0.350%
All other terms and provisions of the Agreement not amended hereby shall remain in full force and effect.
`;

function errorOf(text: string): ExhibitParseError {
  try {
    parseExhibit(text, 'alder-advisory.htm');
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error('expected an ExhibitParseError');
}

describe('an advisory agreement amendment with a fee schedule, read cell by cell', () => {
  it('is refused at its title, with or without a "SCHEDULE A" line', () => {
    for (const heading of ['SCHEDULE A\n', '']) {
      const e = errorOf(amendment(heading));
      expect(e.line).toBe(1);
      expect(e.reason).toMatch(
        /^not a distribution plan or agreement \(its title names the Investment Advisory Agreement/,
      );
    }
  });
});
