import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Invesco's Amendment No. 13 is made December 11, 2024 and its recitals "remove Invesco … Fund, …,
// effective February 26, 2025"; its new Schedule A leaves the fund out. SPEC §2: the new version
// replaces the old one from the amendment's date — so the fund stops being covered on the amendment's
// date, not the one the recitals give. The document's inconsistency is kept as it stands and said.
// Invented fixture in that style.
const amendment = (removal: string) => `AMENDMENT NO. 4
TO THE
SECOND AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN
(COMPENSATION)
The Second Amended and Restated Distribution and Service Plan (the “Plan”), dated as of July 1, 2020, as subsequently amended, pursuant to rule 12b-1, is hereby amended June 1, 2022, as follows:
WHEREAS, the parties desire to amend the Plan to remove Tamsin Harbor Bond Fund, a series portfolio of Tamsin Income Trust, effective ${removal}.
NOW THEREFORE, Schedule A to the Plan is deleted in its entirety and replaced with the following:
SCHEDULE A
TO THE
SECOND AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN
(COMPENSATION)
TAMSIN INCOME TRUST
|Portfolio
|Share Class
|Maximum Distribution Fee
|Maximum Shareholder Services Fee
|Maximum Aggregate Fee
|Tamsin Core Bond Fund
|Class C
|0.75
|%
|0.25
|%
|1.00
|%
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`;

describe('a removal the recitals date apart from the amendment', () => {
  it('is said in a warning; the schedule is recorded from the amendment’s date', () => {
    const doc = parseExhibit(amendment('August 1, 2022'), 'tamsin-13.htm');
    expect(doc.effectiveDate).toBe('2022-06-01');
    expect(doc.warnings).toContainEqual(
      expect.stringMatching(
        /remove Tamsin Harbor Bond Fund.* effective 2022-08-01, the amendment 2022-06-01/,
      ),
    );
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual(['Tamsin Core Bond Fund']);
  });

  it('is not said when it is the amendment’s own date', () => {
    const doc = parseExhibit(amendment('June 1, 2022'), 'tamsin-13-same.htm');
    expect(doc.warnings.filter((w) => /recitals/.test(w))).toEqual([]);
  });
});
