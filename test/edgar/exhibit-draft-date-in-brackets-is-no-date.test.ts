import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An amendment whose date is proposed in brackets, as Invesco's draft of September 2012 prints it
// ("This Amendment, dated as of [September 25, 2012], amends the First Restated Master Distribution
// Agreement …", real-exhibits-9/19, whose rendering lost its title); names and funds invented.
const BRACKETED = `AMENDMENT NO. 7
TO
FIRST RESTATED
MASTER DISTRIBUTION AGREEMENT
This Amendment, dated as of [September 25, 2012], amends the First Restated Master Distribution Agreement (the “Agreement”) made as of the 18th day of August, 2003, by and between each registered investment company set forth on Schedule A to the Agreement and Granite Distributors, Inc.
WHEREAS, the parties agree to amend the Agreement to add Granite Global Markets Fund.
Schedule A of the Agreement is hereby deleted in its entirety and replaced with the following:
“SCHEDULE A
TO
FIRST RESTATED MASTER DISTRIBUTION AGREEMENT
GRANITE COUNSELOR SERIES TRUST
Granite Core Plus Bond Fund –
|Class A
|Class C
Granite Global Markets Fund –
|Class A
|Class C”
All other terms and provisions of the Agreement not amended hereby shall remain in full force and effect.
`;

describe('a date printed in brackets', () => {
  it('is a draft’s date: no date the amendment takes effect, said as such at its line', () => {
    // SPEC §2.1: a placeholder date makes effectiveDate null with a warning; was warned as "states
    // no date it takes effect", as if the document printed none
    const doc = parseExhibit(BRACKETED, 'bracketed-date.txt');
    expect(doc.effectiveDate).toBeNull();
    expect(doc.instrument.datedAsOf).toBe('2003-08-18');
    expect(doc.warnings).toEqual([
      'the date is printed in brackets ("[September 25, 2012]"): the document is a draft, its date not settled; import needs --effective-date',
    ]);
    expect(doc.completeness.gaps).toEqual([
      {
        fact: 'effective-date',
        line: 5,
        reason:
          'the date is printed in brackets ("[September 25, 2012]"): the document is a draft, its date not settled',
        schedule: null,
      },
    ]);
    expect(doc.schedules[0]!.entries.map((e) => `${e.portfolio} ${e.class}`)).toEqual([
      'Granite Core Plus Bond Fund A',
      'Granite Core Plus Bond Fund C',
      'Granite Global Markets Fund A',
      'Granite Global Markets Fund C',
    ]);
  });
});
