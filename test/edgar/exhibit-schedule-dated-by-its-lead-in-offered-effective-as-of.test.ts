import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A stand-alone schedule whose only date is in the lead-in over its list, rendered one cell per
// line, in the style of a Transamerica "AMENDED SCHEDULE A / 12B-1 PLAN OF DISTRIBUTION" (names
// and dates invented).
const LEAD_IN_DATED = `AMENDED SCHEDULE A
12B-1 PLAN OF DISTRIBUTION
The following series and classes of shares are offered effective as of October 15, 2013:
|
Bluewater Balanced
|
Class A
|
Class C
|
Bluewater Short Bond
|
Class I2
`;

describe('"The following … are offered effective as of DATE:"', () => {
  it("is the schedule's effective date", () => {
    const doc = parseExhibit(LEAD_IN_DATED, 'lead-in.txt');
    expect(doc.effectiveDate).toBe('2013-10-15');
    expect(doc.completeness.gaps.filter((g) => g.fact === 'effective-date')).toEqual([]);
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class])).toEqual([
      ['Bluewater Balanced', 'A'],
      ['Bluewater Balanced', 'C'],
      ['Bluewater Short Bond', 'I2'],
    ]);
  });

  it('is no date where the lead-in states none', () => {
    const doc = parseExhibit(LEAD_IN_DATED.replace(' effective as of October 15, 2013', ''), 'undated.txt');
    expect(doc.effectiveDate).toBeNull();
    expect(doc.completeness.gaps.map((g) => g.fact)).toContain('effective-date');
  });
});
