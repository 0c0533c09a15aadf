import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

describe('a list of series, each followed by its class rows, and no rate column', () => {
  it('each class row is a class of the series above it, rates null', () => {
    const doc = parseExhibit(
      `AMENDED
SCHEDULE A
12B-1 PLAN OF DISTRIBUTION
The following series and classes of shares are offered:
|
Brightwater Compass
|
Class A
|
Class C
|
Brightwater Meridian
|
Class A
|
Class R4
Dated: October 3, 2018
`,
      'series-class-rows.htm.txt',
    );
    expect(rows(doc)).toEqual([
      '- | Brightwater Compass | A | null null | null | null',
      '- | Brightwater Compass | C | null null | null | null',
      '- | Brightwater Meridian | A | null null | null | null',
      '- | Brightwater Meridian | R4 | null null | null | null',
    ]);
    expect(doc.effectiveDate).toBe('2018-10-03');
  });
});
