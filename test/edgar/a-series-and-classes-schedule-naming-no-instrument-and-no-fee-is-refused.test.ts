import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: a document is read, or refused — never read wrong. Guggenheim's "AMENDED SCHEDULE A /
// SERIES AND CLASSES / As of September 17, 2014" (real-exhibits-14 18), filed with its trust's
// declaration, names no plan, no agreement, no Rule 12b-1 and no fee: it was read as the schedule of
// a "Plan" the text never names, with "A, C and Institutional" recorded as a portfolio. And where a
// plan is named, a class list with a named class in it ("A, C and Institutional") is no fund's name
// either, as "A, C, F, P" was not. Names are our own.
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

describe('a schedule of series and their classes', () => {
  it('is refused at its heading where the document names no instrument and no fee', () => {
    const got = refusal(seriesAndClasses, 'series.txt');
    expect(got).toMatchObject({ file: 'series.txt', line: 1 });
    expect(got.reason).toMatch(/^Schedule A names no instrument: no plan, agreement or contract/);
  });

  it('of a named plan, is refused at a class list holding a named class, never read as a fund', () => {
    const ofPlan = seriesAndClasses.replace(
      'SERIES AND CLASSES\nAs of March 1, 2020',
      'TO THE DISTRIBUTION PLAN',
    );
    const got = refusal(ofPlan, 'plan.txt');
    // line 9: "|A, C and Institutional", the first fund's classes
    expect(got).toMatchObject({ file: 'plan.txt', line: 9 });
    expect(got.reason).toMatch(
      /"A, C and Institutional", a list of share classes, stands where a portfolio name/,
    );
  });

  it('is read as before where its column names the 12b-1 fee (a stand-alone fee schedule)', () => {
    const fees = `SCHEDULE A
EXAMPLE FUNDS
|
Name of Fund
|
Distribution and/or Service Fee
|
Example Alpha Fund
|
0.25%
|
Example Beta Fund
|
0.25%
`;
    const got = parseExhibit(fees, 'fees.txt');
    expect(got.schedules.flatMap((s) => s.entries.map((e) => [e.portfolio, e.aggregateFeePct]))).toEqual([
      ['Example Alpha Fund', '0.25'],
      ['Example Beta Fund', '0.25'],
    ]);
  });
});
