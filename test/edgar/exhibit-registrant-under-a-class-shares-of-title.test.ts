import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Schedule I titles that name the Registrant after the class ("FOR / CLASS A SHARES OF /
// HARBORLIGHT PORTFOLIOS", "… / OF THE HARBORLIGHT PORTFOLIOS"), rendered one cell per line, in
// the style of a Victory Portfolios distribution and service plan schedule (names, rates and
// dates invented).
const ROWS = `This Plan shall be adopted with respect to Class A Shares of the following series:
|
|
Fund Name
|
Rate*
|
1
|
Harborlight Balanced Fund
|
0.25%
Current as of April 2, 2019
`;

describe('the Registrant named in a Schedule I title', () => {
  it('"CLASS A SHARES OF" over "HARBORLIGHT PORTFOLIOS": the Registrant', () => {
    const doc = parseExhibit(
      `SCHEDULE I\nTO THE DISTRIBUTION AND SERVICE PLAN\nFOR\nCLASS A SHARES OF\nHARBORLIGHT PORTFOLIOS\n${ROWS}`,
      'registrant-below.txt',
    );
    expect(
      doc.schedules[0]!.entries.map((e) => [e.registrant, e.portfolio, e.class, e.aggregateFeePct]),
    ).toEqual([['HARBORLIGHT PORTFOLIOS', 'Harborlight Balanced Fund', 'A', '0.25']]);
  });

  it('"OF THE HARBORLIGHT PORTFOLIOS" under a class line: the Registrant', () => {
    const doc = parseExhibit(
      `SCHEDULE I\nTO THE DISTRIBUTION AND SERVICE PLAN\nCLASS A SHARES\nDATED MAY 1, 2009\nOF THE HARBORLIGHT PORTFOLIOS\n${ROWS}`,
      'registrant-of.txt',
    );
    expect(
      doc.schedules[0]!.entries.map((e) => [e.registrant, e.portfolio, e.class, e.aggregateFeePct]),
    ).toEqual([['HARBORLIGHT PORTFOLIOS', 'Harborlight Balanced Fund', 'A', '0.25']]);
  });
});
