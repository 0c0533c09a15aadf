import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: the Registrant is the schedule's group heading. A trust may be named "… FUND" in the
// singular (AIM Sector Fund, AIM Equity Fund): over its column headings it heads its portfolios as
// "… FUNDS" does, and is no portfolio without rates. Names and rates are our own; the layout is the
// AIM Class K replacement schedule's (real-exhibits-6 11) as the corpus renders HTML.
const group = (heading: string, funds: readonly string[]) =>
  `${heading}
|Minimum Asset
Based Sales
Charge
|
Maximum
Fee
|Maximum
Aggregate
Fee
|
Portfolio – Class K Shares
${funds.map((f) => `|\n${f}\n|0.20\n|%\n|0.25\n|%\n|0.45\n|%\n`).join('')}`;

const amendment = (first: string, second: string) => `AMENDMENT NO. 3
TO THE AMENDED AND RESTATED
MASTER DISTRIBUTION PLAN
(Class K Shares)
The Amended and Restated Master Distribution Plan (Class K Shares) (the “Plan”), dated as of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective October 15, 2004, as follows:
Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
“SCHEDULE A
TO
THE AMENDED AND RESTATED
MASTER DISTRIBUTION PLAN
(CLASS K SHARES)
${group(first, ['Lakeview Core Stock Fund', 'Lakeview Total Return Fund'])}${group(second, [
  'Lakeview Energy Fund',
  'Lakeview Leisure Fund',
])}”
`;

const read = (text: string) =>
  parseExhibit(text, 'k.htm.txt').schedules.flatMap((s) =>
    s.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct}`),
  );

describe('a Registrant heading ending in the singular "FUND" heads the portfolios under it', () => {
  it.each([
    ['the second group', 'LAKEVIEW COMBINATION STOCK & BOND FUNDS', 'LAKEVIEW SECTOR FUND'],
    ['both groups', 'LAKEVIEW COMBINATION STOCK & BOND FUND', 'LAKEVIEW SECTOR FUND'],
  ])(
    '%s named "… FUND": each fund under its Registrant, none of them the heading',
    (_which, first, second) => {
      expect(read(amendment(first, second))).toEqual([
        `${first} | Lakeview Core Stock Fund | K | 0.20`,
        `${first} | Lakeview Total Return Fund | K | 0.20`,
        `${second} | Lakeview Energy Fund | K | 0.20`,
        `${second} | Lakeview Leisure Fund | K | 0.20`,
      ]);
    },
  );

  it('a fund named in capitals with its rate beside it stays a fund (Heritage’s "SMALL CAP STOCK FUND | 1.00%")', () => {
    const doc = parseExhibit(
      `LAKEVIEW SERIES TRUST
CLASS C
DISTRIBUTION PLAN
AMENDED
SCHEDULE A
The maximum annualized fee rate pursuant to Paragraph 1 of the Lakeview Series Trust Distribution Plan shall be as follows:
|
SMALL CAP STOCK FUND
|
1.00%
|
INTERNATIONAL EQUITY FUND
|
1.00%
Dated: April 3, 1995, as amended on September 12, 2008.
`,
      'c.htm.txt',
    );
    expect(
      doc.schedules[0]!.entries.map(
        (e) =>
          `${e.portfolio} | ${[e.assetBasedSalesChargePct, e.serviceFeePct, e.aggregateFeePct].filter((r) => r !== null)}`,
      ),
    ).toEqual(['SMALL CAP STOCK FUND | 1.00', 'INTERNATIONAL EQUITY FUND | 1.00']);
  });

  it('a fund named in capitals with its class cell after it stays a fund ("SMALL CAP STOCK FUND | Class C Shares | 1.00%")', () => {
    const doc = parseExhibit(
      `LAKEVIEW SERIES TRUST
DISTRIBUTION PLAN
SCHEDULE A
The maximum annualized fee rate pursuant to Paragraph 1 of the Lakeview Series Trust Distribution Plan shall be as follows:
|
FUND
|
CLASS
|
RATE
|
SMALL CAP STOCK FUND
|
Class C Shares
|
1.00%
|
INTERNATIONAL EQUITY FUND
|
Class C Shares
|
1.00%
`,
      'c.htm.txt',
    );
    expect(doc.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'Lakeview Series Trust | SMALL CAP STOCK FUND | C',
      'Lakeview Series Trust | INTERNATIONAL EQUITY FUND | C',
    ]);
  });
});
