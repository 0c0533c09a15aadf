import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// Invesco's compensation plan schedules as some renderings print them: the three rate columns'
// heading cells lost their rate words ("Maximum / Fee*", "Maximum / Fee", "Maximum / Fee"). They
// are the asset-based sales charge, the service fee and the aggregate fee, in the order every
// AIM/Invesco schedule prints them; the reader says so. Before, the three read as one fee column
// and one fund came out fourteen times.
const amendment = (rowCells: string) => `AMENDMENT NO. 9
TO THE
SECOND AMENDED AND RESTATED DISTRIBUTION PLAN
CLASS A, C AND R SHARES
(COMPENSATION)
The Second Amended and Restated Distribution Plan (the “Plan”), dated as of January 5, 2014, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, dated March 12, 2017, as follows:
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
SCHEDULE A
Compensation Plan
Larkspur Counselor Series Trust (Larkspur Advisors Series Trust)
|Portfolio
|Share Class
|
Maximum
Fee*
|
Maximum
Fee
|
Maximum
Fee
|
${rowCells}
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`;

describe('three rate columns headed only "Maximum Fee"', () => {
  it('are the ABSC, the service fee and the aggregate fee, stacked per class, with a warning', () => {
    const doc = parseExhibit(
      amendment(`Larkspur Steady Income Fund
|Class A
Class C
Class R
|
|0.25
0.75
0.50
|%
%
%
|
|0.25
0.25
0.25
|%
%
%
|
|0.25
1.00
0.50
|%
%
%
|
Larkspur Harbor Growth Fund
|Class A
Class C
|
|0.25
0.50
|%
%
|
|0.25
0.25
|%
%
|
|0.25
0.75
|%
%”`),
      'maximum-fee.htm.txt',
    );
    const trust = 'Larkspur Counselor Series Trust (Larkspur Advisors Series Trust)';
    expect(rows(doc)).toEqual([
      `${trust} | Larkspur Steady Income Fund | A | 0.25 null | 0.25 | 0.25`,
      `${trust} | Larkspur Steady Income Fund | C | 0.75 null | 0.25 | 1.00`,
      `${trust} | Larkspur Steady Income Fund | R | 0.50 null | 0.25 | 0.50`,
      `${trust} | Larkspur Harbor Growth Fund | A | 0.25 null | 0.25 | 0.25`,
      `${trust} | Larkspur Harbor Growth Fund | C | 0.50 null | 0.25 | 0.75`,
    ]);
    expect(doc.warnings).toContainEqual(expect.stringMatching(/headed only "Maximum Fee"/));
    expect(doc.completeness.complete).toBe(true);
  });
});
