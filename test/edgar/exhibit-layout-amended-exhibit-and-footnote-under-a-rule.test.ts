import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

describe('"AMENDED EXHIBIT A" and a numbered footnote under a rule after the last row', () => {
  it('"AMENDED EXHIBIT A" heads the schedule; "Date Last Amended: …" under its title is no fund', () => {
    const doc = parseExhibit(
      `Exhibit (m)(4)
AMENDED EXHIBIT A
CORVALE STREET TRUST
DISTRIBUTION AND SERVICE PLAN
Date Last Amended: August 14, 2022
|
Fund
|
Rate
|
Corvale Lantern Fund – Class A
|0.25%
`,
      'amended-exhibit.htm.txt',
    );
    expect(doc.schedules.map((s) => s.name)).toEqual(['Exhibit A']);
    expect(rows(doc)).toEqual(['CORVALE STREET TRUST | Corvale Lantern Fund | A | null null | null | 0.25']);
  });

  it('a rule and "1 Expressed as …" after the last row end the schedule with a footnote, not a cut', () => {
    const doc = parseExhibit(
      `APPENDIX A
CORVALE DISTRIBUTION PLAN
Dated: August 14, 2022
|
Name of Fund
|
Name of Class
|
Aggregate
|
Corvale Lantern Fund
|
Class A
|
0.25%
|
Class C
|
0.90%
_____________________________________
1 Expressed as an annual rate of the average daily net assets of the Fund attributable to that Class.
`,
      'rule-footnote.htm.txt',
    );
    expect(rows(doc)).toEqual([
      '- | Corvale Lantern Fund | A | null null | null | 0.25',
      '- | Corvale Lantern Fund | C | null null | null | 0.90',
    ]);
    expect(doc.completeness.complete).toBe(true);
    expect(doc.footnotes).toEqual([
      'Expressed as an annual rate of the average daily net assets of the Fund attributable to that Class.',
    ]);
  });
});
