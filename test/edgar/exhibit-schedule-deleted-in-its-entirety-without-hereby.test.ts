import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { replacementClauses } from '../../src/edgar/replacedSchedules.js';

// An invented amendment in the shape of Invesco's later ones as the pages corpus renders them (one
// table cell per line, cells introduced by "|"): the replacing clause has no "hereby".
const DOC = `AMENDMENT NO. 7
TO THE
SECOND AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN
(COMPENSATION)
The Second Amended and Restated Distribution and Service Plan (the \u201cPlan\u201d), dated as of March 1, 2021, as subsequently amended, pursuant to rule 12b-1, is hereby amended October 14, 2023, as follows:
WHEREAS, the parties desire to amend the Plan to remove Invesco Lantern Bond Fund, a series portfolio of AIM Harbor Series Trust (Invesco Harbor Series Trust).
NOW THEREFORE, Schedule A to the Plan is deleted in its entirety and replaced with the following:
SCHEDULE A
TO THE
SECOND AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN
(COMPENSATION)
AIM Harbor Series Trust (Invesco Harbor Series Trust)
|Portfolio
|Share
Class
| Maximum
Distribution
Fee*
|Maximum
Shareholder
Services
Fee
|Maximum
Aggregate
Fee
|Invesco Meadow Growth Fund
|Class A
|0.25
|%
|0.25
|%
|0.25
|%
|Class C
|0.75
|%
|0.25
|%
|1.00
|%
|Invesco Ridge Income Fund
|Class R
|0.50
|%
|0.25
|%
|0.50
|%
*The Distribution Fee is payable apart from the sales charge, if any, as stated in the current prospectus for the applicable Fund.
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`;

/**
 * SPEC §2: a replaced schedule drops the portfolios it no longer lists. Invesco's amendments from
 * 2024 on say "Schedule A to the Plan is deleted in its entirety and replaced with the following",
 * without "hereby": the schedule is replaced whole all the same.
 */
describe('"is deleted in its entirety and replaced with the following" (no "hereby")', () => {
  it('replaces the whole schedule and reads its rows', () => {
    const doc = parseExhibit(DOC, 'n.htm.txt');
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Schedule A', true]]);
    expect(
      doc.schedules[0]!.entries.map((e) => [
        e.registrant,
        e.portfolio,
        e.class,
        e.assetBasedSalesChargePct,
        e.serviceFeePct,
        e.aggregateFeePct,
      ]),
    ).toEqual([
      [
        'AIM Harbor Series Trust (Invesco Harbor Series Trust)',
        'Invesco Meadow Growth Fund',
        'A',
        '0.25',
        '0.25',
        '0.25',
      ],
      [
        'AIM Harbor Series Trust (Invesco Harbor Series Trust)',
        'Invesco Meadow Growth Fund',
        'C',
        '0.75',
        '0.25',
        '1.00',
      ],
      [
        'AIM Harbor Series Trust (Invesco Harbor Series Trust)',
        'Invesco Ridge Income Fund',
        'R',
        '0.50',
        '0.25',
        '0.50',
      ],
    ]);
    expect(doc.effectiveDate).toBe('2023-10-14');
  });

  it('finds the clause, and no clause in "deleted" said of other things', () => {
    expect(
      replacementClauses(
        'Schedule A to the Plan is deleted in its entirety and replaced with the following:',
      ).map((c) => [c.names, c.replacedWith]),
    ).toEqual([[['Schedule A'], 'with the following']]);
    expect(replacementClauses('Schedule A-2 to the Agreement is deleted.')).toEqual([]);
  });
});
