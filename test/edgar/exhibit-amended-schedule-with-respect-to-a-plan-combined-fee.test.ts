import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Voya files each class's fee schedule on its own: "AMENDED SCHEDULE A / with respect to the /
// … SERVICE AND DISTRIBUTION PLAN / for / <TRUST> / CLASS A SHARES", one fee column headed
// "Maximum Combined Service and" / "Distribution Fees*" (the two lines rendered as cells of two rows,
// between the "Fund" column's), names wrapped onto a row of their own ("… Small Cap" / "Fund"), and
// the schedule dated under its rows ("Date last updated: …"). Invented fixtures in that style.
const classA = `(m)(2)(i)
AMENDED SCHEDULE A
with respect to the
SECOND AMENDED AND RESTATED SERVICE AND DISTRIBUTION PLAN
for
HARROWGATE MUTUAL FUNDS
CLASS A SHARES
|
|
Maximum Combined Service and
|
Fund
|
Distribution Fees*
|
(as a percentage of average daily net assets)
|
Harrowgate Core Bond Fund
|
0.25%
|
Harrowgate Emerging Markets Local Currency
|
|
Fund
|
0.25%
|
Harrowgate Small Cap Value Fund
|
0.35%
Date last updated: August 4, 2017
*Of this amount, up to 0.10% on an annualized basis of the average daily net assets may be paid with respect to distribution services.
`;

// the rendering lost the heading's last line: "Maximum Combined Service and" alone
const classC = `AMENDED SCHEDULE A
with respect to the
SECOND AMENDED AND RESTATED SERVICE AND DISTRIBUTION PLAN
for
HARROWGATE MUTUAL FUNDS
CLASS C SHARES
|
Fund
|
|
Maximum Combined Service and
|
Harrowgate Core Bond Fund
|
|
1.00%
|
Harrowgate Small Cap Value Fund
|
|
1.00%
Date last amended: March 9, 2018 to add Harrowgate Small Cap Value Fund.
`;

const rows = (text: string, file: string) =>
  parseExhibit(text, file).schedules.flatMap((s) =>
    s.entries.map(
      (e) =>
        `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct} | ${e.serviceFeePct} | ${e.aggregateFeePct}`,
    ),
  );

describe('an amended schedule "with respect to" a plan, one combined fee column', () => {
  it('reads the plan, the Registrant, the class, the date and the combined fee as the aggregate', () => {
    const doc = parseExhibit(classA, 'harrowgate-a.htm');
    expect(doc.kind).toBe('schedule');
    expect(doc.instrument).toMatchObject({
      kind: 'plan',
      title: 'Second Amended and Restated Service and Distribution Plan',
      registrant: 'HARROWGATE MUTUAL FUNDS',
      classes: ['A'],
    });
    expect(doc.effectiveDate).toBe('2017-08-04');
    expect(doc.completeness.complete).toBe(true);
    expect(rows(classA, 'harrowgate-a.htm')).toEqual([
      'HARROWGATE MUTUAL FUNDS | Harrowgate Core Bond Fund | A | null | null | 0.25',
      'HARROWGATE MUTUAL FUNDS | Harrowgate Emerging Markets Local Currency Fund | A | null | null | 0.25',
      'HARROWGATE MUTUAL FUNDS | Harrowgate Small Cap Value Fund | A | null | null | 0.35',
    ]);
  });

  it('reads "Maximum Combined Service and" alone as the combined fee, and "Date last amended: … to add …" as its date', () => {
    const doc = parseExhibit(classC, 'harrowgate-c.htm');
    expect(doc.effectiveDate).toBe('2018-03-09');
    expect(doc.instrument.classes).toEqual(['C']);
    expect(rows(classC, 'harrowgate-c.htm')).toEqual([
      'HARROWGATE MUTUAL FUNDS | Harrowgate Core Bond Fund | C | null | null | 1.00',
      'HARROWGATE MUTUAL FUNDS | Harrowgate Small Cap Value Fund | C | null | null | 1.00',
    ]);
  });
});
