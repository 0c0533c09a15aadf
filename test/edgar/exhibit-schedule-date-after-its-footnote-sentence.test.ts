import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A Schedule I dated in its title by the plan's own dates, whose current date is printed at the end
// of the footnote under its rows ("… its Class R Shares. As of May 9, 2023"), rendered one cell per
// line, in the style of a Victory Portfolios schedule (names, rates and dates invented).
function schedule(footnote: string): string {
  return `SCHEDULE I
TO THE DISTRIBUTION AND SERVICE PLAN
FOR
CLASS R SHARES OF THE
HARBORLIGHT PORTFOLIOS
Dated March 3, 2001 and Amended and Restated June 9, 2012
This Plan shall be adopted with respect to Class R Shares of the following series of Harborlight Portfolios:
|
|
Fund Name
|
Rate*
|
1
|
Harborlight Balanced Fund
|
0.50%
|
2
|
Harborlight Fund for Income
|
0.25%
|
${footnote}
`;
}

describe('the schedule’s date at the end of the footnote under its rows', () => {
  it('"… Class R Shares. As of May 9, 2023" dates the schedule', () => {
    const doc = parseExhibit(
      schedule(
        '*Expressed as a percentage of the average daily net assets of each Fund attributed to its Class R Shares. As of May 9, 2023',
      ),
      'footnote-date.txt',
    );
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Harborlight Balanced Fund', 'R', '0.50'],
      ['Harborlight Fund for Income', 'R', '0.25'],
    ]);
    expect(doc.effectiveDate).toBe('2023-05-09');
  });

  it('a footnote with no date leaves the restated date', () => {
    const doc = parseExhibit(
      schedule(
        '*Expressed as a percentage of the average daily net assets of each Fund attributed to its Class R Shares.',
      ),
      'footnote-no-date.txt',
    );
    expect(doc.effectiveDate).toBe('2012-06-09');
  });
});
