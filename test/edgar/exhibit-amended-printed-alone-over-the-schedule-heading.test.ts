import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// "AMENDED" on its own line over "SCHEDULE A", the plan named below the heading, rendered one
// cell per line, in the style of a Transamerica 12b-1 plan's amended Schedule A (names and dates
// invented).
const AMENDED_ALONE = `Exhibit (m)(4)
AMENDED
SCHEDULE A
12B-1 PLAN OF DISTRIBUTION
The following series and classes of shares are offered effective as of March 1, 2011:
|
|
|
Bluewater Growth
|
Class A
|
|
Class C
|
|
|
Bluewater Income
|
Class I2
|
|
`;

describe('"AMENDED" alone over the schedule heading', () => {
  const doc = parseExhibit(AMENDED_ALONE, 'amended.txt');

  it('is no title: the plan named below the heading is', () => {
    expect(doc.title).toBe('12b-1 Plan of Distribution — Schedule A');
    expect(doc.instrument.title).toBe('Plan of Distribution');
    expect(doc.exhibit).toBe('(m)(4)');
    expect(doc.effectiveDate).toBe('2011-03-01');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class])).toEqual([
      ['Bluewater Growth', 'A'],
      ['Bluewater Growth', 'C'],
      ['Bluewater Income', 'I2'],
    ]);
  });
});
