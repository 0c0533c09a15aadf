import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A fee table whose two column headings are stacked over two lines ("DISTRIBUTION   SERVICE" over
// "FEE   FEE"): two rate columns, the distribution fee (the asset-based sales charge) and the service
// fee, in the order they stand — never one fee read twice per fund. "DISTRIBUTION AND" over
// "SERVICE FEE" is one heading wrapped: one fee for both.
const schedule = (caption: string, rows: string) => `<PAGE>
                                   SCHEDULE A
                     TO THE SHAREHOLDER SERVICES AND DISTRIBUTION PLAN
                                (CLASS B SHARES)

<TABLE>
<CAPTION>
${caption}
<S>                                                    <C>               <C>
${rows}
</TABLE>

Effective:  September 4, 2000
`;

const STACKED = schedule(
  `                                                       DISTRIBUTION      SERVICE
FUND                                                       FEE             FEE
----                                                   ------------      -------`,
  `Brookline Equity Fund                                      0.75%           0.25%
Brookline Municipal Fund                                   0.50%           0.25%`,
);

const SERVICE_FIRST = schedule(
  `                                                          SERVICE      DISTRIBUTION
FUND                                                       FEE             FEE
----                                                   ------------      -------`,
  `Brookline Equity Fund                                      0.25%           0.75%
Brookline Municipal Fund                                   0.25%           0.50%`,
);

const ONE_FEE = schedule(
  `                                                   DISTRIBUTION AND
FUND                                                 SERVICE FEE
----                                               ----------------`,
  `Brookline Equity Fund                                    1.00%
Brookline Municipal Fund                                 0.75%`,
);

const rows = (text: string) =>
  parseExhibit(text, 'stacked.txt').schedules.flatMap((s) =>
    s.entries.map(
      (e) =>
        `${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct} | ${e.serviceFeePct} | ${e.aggregateFeePct}`,
    ),
  );

describe('"DISTRIBUTION / FEE" beside "SERVICE / FEE"', () => {
  it('reads one entry per fund with both rates', () => {
    expect(rows(STACKED)).toEqual([
      'Brookline Equity Fund | B | 0.75 | 0.25 | null',
      'Brookline Municipal Fund | B | 0.50 | 0.25 | null',
    ]);
  });

  it('reads the columns in the order they stand', () => {
    expect(rows(SERVICE_FIRST)).toEqual(rows(STACKED));
  });

  it('"DISTRIBUTION AND" over "SERVICE FEE" is one fee for both', () => {
    expect(rows(ONE_FEE)).toEqual([
      'Brookline Equity Fund | B | null | null | 1.00',
      'Brookline Municipal Fund | B | null | null | 0.75',
    ]);
  });
});
