import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/edgar/dates.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { rows } from './exhibitFixtures.js';

// AIM Series Trust's schedules print one table per class, the class in the portfolio column's
// heading: "PORTFOLIO (CLASS A SHARES)". And its body writes "dated as of May 29,1998", no space
// after the comma.
const amendment = (tables: string) => `<PAGE>   1

                                                                 EXHIBIT m(1)(c)

                                 AMENDMENT NO. 2
                                       TO
                                DISTRIBUTION PLAN
                                       OF
                              WILLOWMERE SERIES TRUST
                       (CLASS A SHARES AND CLASS C SHARES)

         The Distribution Plan (the "Plan"), dated as of June 14,1999, pursuant
to Rule 12b-1, of Willowmere Series Trust, a Delaware business trust, is hereby
amended, effective March 3, 2001, as follows:

         Schedule A of the Plan is hereby deleted in its entirety and replaced
with the following:

                                   "SCHEDULE A
                                       TO
                                DISTRIBUTION PLAN
                                       OF
                              WILLOWMERE SERIES TRUST

${tables}`;

const classA = `<TABLE>
<CAPTION>
                                       MAXIMUM
                                     ASSET-BASED         MAXIMUM            MAXIMUM
PORTFOLIO (CLASS A SHARES)          SALES CHARGE       SERVICE FEE       AGGREGATE FEE
--------------------------          ------------       -----------       -------------
<S>                                 <C>                <C>               <C>
Willowmere Global Harvest Fund         0.25%             0.25%                0.50%
Willowmere Pacific Basin Fund          0.10%             0.25%                0.35%
</TABLE>
`;

const classC = `<TABLE>
<CAPTION>
                                       MAXIMUM
                                     ASSET-BASED         MAXIMUM            MAXIMUM
PORTFOLIO (CLASS C SHARES)          SALES CHARGE       SERVICE FEE       AGGREGATE FEE
--------------------------          ------------       -----------       -------------
<S>                                 <C>                <C>               <C>
Willowmere Global Harvest Fund         0.75%             0.25%                1.00%"
</TABLE>
`;

describe('a portfolio column headed "PORTFOLIO (CLASS A SHARES)"', () => {
  it('each table’s rows are of the class its heading names', () => {
    const doc = parseExhibit(amendment(`${classA}\n${classC}`), 'per-class-tables.txt');
    expect(doc.kind).toBe('plan-amendment');
    expect(doc.effectiveDate).toBe('2001-03-03');
    expect(doc.instrument.datedAsOf).toBe('1999-06-14');
    expect(doc.instrument.classes).toEqual(['A', 'C']);
    expect(doc.warnings).toEqual([]);
    expect(rows(doc)).toEqual([
      'Willowmere Series Trust | Willowmere Global Harvest Fund | A | 0.25 maximum | 0.25 | 0.50',
      'Willowmere Series Trust | Willowmere Pacific Basin Fund | A | 0.10 maximum | 0.25 | 0.35',
      'Willowmere Series Trust | Willowmere Global Harvest Fund | C | 0.75 maximum | 0.25 | 1.00',
    ]);
  });

  it('cut inside the second table’s heading: read only in part, the first table’s entries kept', () => {
    const cut = `${amendment(`${classA}\n<TABLE>\n<CAPTION>\n                                      MA`)}`;
    const doc = parseExhibit(cut, 'cut.txt');
    expect(doc.completeness.complete).toBe(false);
    expect(doc.completeness.gaps.map((g) => g.fact)).toContain('text');
    expect(rows(doc)).toHaveLength(2);
  });

  it('"May 29,1998" is a date', () => {
    expect(parseDate('May 29,1998')).toBe('1998-05-29');
    expect(parseDate('the 3rd day of June,2001')).toBe('2001-06-03');
  });
});
