import { describe, expect, it } from 'vitest';
import { dateLine } from '../../src/edgar/dates.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Advisors Series Trust, Schedule A to the Amended and Restated Shareholder Servicing Plan, as filed
// in HTML and rendered to text (EDGAR 0000894189-15-003071, amendscheda.htm, 2015): the schedule's
// date aside is wrapped, its explicit "effective as of" date on the second line.
const SCHEDULE_A = `Schedule A
to the Amended and Restated Shareholder Servicing Plan

(as amended on June 18, 2015 with respect to the Orinda Income Opportunities Fund;
effective as of June 28, 2015)


Series or Fund and Class of Advisors Series Trust
Shareholder Servicing Plan Fee as a %
 of Average Daily Net Assets
Orinda Income Opportunities Fund

Class A
0.15%
Class D
0.10%


ADVISORS SERIES TRUST
on behalf of the Funds listed on Schedule A
`;

describe('a schedule date aside wrapped onto a line of its own: "effective as of June 28, 2015)"', () => {
  it('the explicit effective date is the schedule\'s, not "no date" (the amendment of June 18 took effect June 28)', () => {
    const doc = parseExhibit(SCHEDULE_A, 'amendscheda.htm');
    expect(doc.effectiveDate).toBe('2015-06-28');
    expect(doc.completeness.gaps).toEqual([]);
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Orinda Income Opportunities Fund', 'A', '0.15'],
      ['Orinda Income Opportunities Fund', 'D', '0.10'],
    ]);
  });

  it('only a line that is nothing but "effective [as of] <date>" is one: prose that goes on is not', () => {
    expect(dateLine('effective as of June 28, 2015)', 5)?.dates.map((d) => d.iso)).toEqual(['2015-06-28']);
    expect(dateLine('effective July 1, 2005.', 5)?.dates.map((d) => d.iso)).toEqual(['2005-07-01']);
    expect(dateLine('effective July 1, 2005, Schedule A is hereby amended as follows:', 5)).toBeNull();
    expect(dateLine('effective upon the date first written above', 5)).toBeNull();
  });
});
