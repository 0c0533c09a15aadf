import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: a document is read, or refused — never read wrong. Guggenheim's "AMENDED SCHEDULE A /
// SERIES AND CLASSES / As of September 17, 2014" (real-exhibits-14 18) prints each series beside its
// classes, "A, B, C and Institutional": without its one "A, B and C" row it was read with "A, C and
// Institutional" recorded as a portfolio, the class list's named class ("Institutional") not known
// as one. A list of class codes is no fund's name (Lord Abbett's "A, C, F, P"), a named class among
// them too. Names are our own.
const seriesAndClasses = `AMENDED SCHEDULE A
SERIES AND CLASSES
As of March 1, 2020
|
Series
|
Classes
|
Example Alpha Fund
|A, C and Institutional
|
Example Beta Fund
|A, C and Institutional
`;

const refusal = (text: string, file: string): ExhibitParseError => {
  try {
    parseExhibit(text, file);
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error(`${file} was read`);
};

describe('a class list holding a named class', () => {
  it('is refused where it stands in the place of a fund, never read as one', () => {
    const got = refusal(seriesAndClasses, 'series.txt');
    // line 10: "|A, C and Institutional", the first series' classes
    expect(got).toMatchObject({ file: 'series.txt', line: 10 });
    expect(got.reason).toMatch(
      /"A, C and Institutional", a list of share classes, stands where a portfolio name/,
    );
  });

  it('is so under a named plan too', () => {
    const ofPlan = seriesAndClasses.replace(
      'SERIES AND CLASSES\nAs of March 1, 2020',
      'TO THE DISTRIBUTION PLAN',
    );
    const got = refusal(ofPlan, 'plan.txt');
    expect(got).toMatchObject({ file: 'plan.txt', line: 9 });
    expect(got.reason).toMatch(/"A, C and Institutional", a list of share classes/);
  });

  it('leaves a fund whose name joins two words with "and" a fund', () => {
    const got = parseExhibit(
      `SCHEDULE A
TO THE DISTRIBUTION PLAN
|
Fund
|
Fee
|
Growth and Income
|
0.25%
|
Investor Select Fund
|
0.25%
`,
      'fund.txt',
    );
    expect(got.schedules.flatMap((s) => s.entries.map((e) => [e.portfolio, e.aggregateFeePct]))).toEqual([
      ['Growth and Income', '0.25'],
      ['Investor Select Fund', '0.25'],
    ]);
  });
});
