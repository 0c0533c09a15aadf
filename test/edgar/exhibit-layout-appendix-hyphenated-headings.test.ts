import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

describe('"APPENDIX A" instead of "SCHEDULE A", hyphenated "ASSET-BASED SALES CHARGE" headings', () => {
  it('names the schedule Appendix A and reads one-line hyphenated headings with their bound', () => {
    const body = `AIM GROWTH SERIES

PORTFOLIO - CLASS C SHARES       MAXIMUM ASSET-BASED SALES CHARGE   MAXIMUM SERVICE FEE   MAXIMUM AGGREGATE FEE
--------------------------       --------------------------------   -------------------   ---------------------
AIM Basic Value Fund                          0.75%                        0.25%                  1.00%
AIM Mid Cap Core Equity Fund                  0.75%                        0.25%                  1.00%"`;
    const doc = parseExhibit(
      amendmentWith(body, { classes: '(CLASS C SHARES)', heading: '"APPENDIX A' }),
      'appendix.txt',
    );
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Appendix A', true]]);
    expect(rows(doc)).toEqual([
      'AIM GROWTH SERIES | AIM Basic Value Fund | C | 0.75 maximum | 0.25 | 1.00',
      'AIM GROWTH SERIES | AIM Mid Cap Core Equity Fund | C | 0.75 maximum | 0.25 | 1.00',
    ]);
  });

  it('a qualifier only over the service and aggregate columns leaves the ABSC bound null', () => {
    const body = `PORTFOLIO - CLASS C SHARES       ASSET-BASED SALES CHARGE   MAXIMUM SERVICE FEE   MAXIMUM AGGREGATE FEE
AIM Basic Value Fund                      0.75%                    0.25%                  1.00%"`;
    const doc = parseExhibit(amendmentWith(body, { classes: '(CLASS C SHARES)' }), 'no-bound.txt');
    expect(rows(doc)).toEqual(['- | AIM Basic Value Fund | C | 0.75 null | 0.25 | 1.00']);
  });
});
