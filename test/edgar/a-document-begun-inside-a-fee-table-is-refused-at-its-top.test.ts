import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: refused for the true reason, at its line. American Funds Distributors' page of class
// fees (real-exhibits-14 08) begins inside its table — "Share Class | Distribution Fee | Service
// Fee", then "Class R-1 | 0.75% | 0.25%" … — its title lost, and ends, cut, in a formula's prose. It
// was refused at its last line as "cut before any schedule": but the fees stand at its top, and
// what cannot be read is there — whose fees, for which funds. Names are our own.
const page = `|
Share Class
|
Distribution Fee
|
Service Fee
|
Class R-1
|
0.75%
|
0.25%
|
Class R-2
|
0.50%
|
0.25%
|
EXAMPLE DISTRIBUTORS, INC.
|
By:
|
A=
|
The aggregate Net Asset Value of all Class B shares of a Fund attributed to the Distributor and outstanding at the
`;

describe('a document begun inside a table of fees, no title above it', () => {
  it('is refused at its first cell, naming the table, not at its cut end', () => {
    let got: unknown;
    try {
      got = parseExhibit(page, 'fees.txt');
    } catch (e) {
      got = e;
    }
    expect(got).toBeInstanceOf(ExhibitParseError);
    expect(got).toMatchObject({ file: 'fees.txt', line: 2 });
    expect((got as ExhibitParseError).reason).toMatch(
      /^no schedule found \(no SCHEDULE, APPENDIX or EXHIBIT A heading\): the document begins inside a table of fees \("Share Class \| Distribution Fee \| Service Fee \| Class R-1"\)/,
    );
  });
});
