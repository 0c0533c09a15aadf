import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// "Distribution Fee | Service Fee | Total": three rate columns, the total being the aggregate fee
// (the third rate was read as the start of another row, and the schedule refused).
const TEXT = `<PAGE>
                                   SCHEDULE A
                          CLASS C DISTRIBUTION PLAN
                             HOLLINGSWORTH FUNDS, INC.

Series                          Distribution Fee      Service Fee      Total
------                          ----------------      -----------      -----
Hollingsworth Value Series            0.75%              0.25%         1.00%
Hollingsworth Income Series           0.50%              0.25%         0.75%

Effective:  October 1, 1999
`;

describe('a "Total" column beside the distribution and service fees', () => {
  it('is the aggregate fee', () => {
    expect(
      parseExhibit(TEXT, 'total.txt').schedules.flatMap((s) =>
        s.entries.map(
          (e) =>
            `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct} | ${e.serviceFeePct} | ${e.aggregateFeePct}`,
        ),
      ),
    ).toEqual([
      'HOLLINGSWORTH FUNDS, INC. | Hollingsworth Value Series | C | 0.75 | 0.25 | 1.00',
      'HOLLINGSWORTH FUNDS, INC. | Hollingsworth Income Series | C | 0.50 | 0.25 | 0.75',
    ]);
  });
});
