import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// "Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:", and
// the new schedule printed under its instrument's title with no "SCHEDULE A" line of its own: it is
// the Schedule A the body names.
const amendment = (afterClause: string) => `AMENDMENT NO. 4
TO THE FIRST RESTATED
MASTER DISTRIBUTION PLAN
(Investor Class Shares)
The First Restated Master Distribution Plan (the “Plan”), effective as of May 2, 2005, pursuant to Rule 12b-1, is hereby amended, effective October 8, 2009, as follows:
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
${afterClause}
|
|Minimum
|Asset
|Based
|Maximum
|Maximum
|Sales
|Service
|Aggregate
|Portfolio – Investor Class Shares
|Charge
|Fee
|Fee
Bramble Value Fund
|0.00
|%
|0.25
|%
|0.25
|%
Bramble Harbor Income Fund
|0.10
|%
|0.25
|%
|0.35
|%
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`;

describe('a replacement schedule printed without its "SCHEDULE A" line', () => {
  it('is the Schedule A the body replaces "with the following", its title block read as a schedule’s', () => {
    const doc = parseExhibit(
      amendment(
        'MASTER DISTRIBUTION PLAN\n(INVESTOR CLASS SHARES)\n(DISTRIBUTION AND SERVICE FEES)\nBRAMBLE EQUITY TRUST',
      ),
      'untitled-schedule.htm.txt',
    );
    expect(doc.kind).toBe('plan-amendment');
    expect(doc.effectiveDate).toBe('2009-10-08');
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Schedule A', true]]);
    expect(rows(doc)).toEqual([
      'BRAMBLE EQUITY TRUST | Bramble Value Fund | Investor | 0.00 minimum | 0.25 | 0.25',
      'BRAMBLE EQUITY TRUST | Bramble Harbor Income Fund | Investor | 0.10 minimum | 0.25 | 0.35',
    ]);
    expect(doc.completeness.complete).toBe(true);
  });

  it('what follows "with the following:" that is no instrument title is no schedule: still refused', () => {
    const doc = parseExhibit(
      amendment('Bramble Equity Trust hereby adopts the following rates'),
      'no-title.htm.txt',
    );
    expect(doc.completeness.complete).toBe(false);
  });
});
