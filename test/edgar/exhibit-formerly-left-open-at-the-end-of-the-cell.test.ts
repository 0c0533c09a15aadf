import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// RidgeWorth Funds, Schedule A to the Distribution and Service Plan, Class A Shares, as its .htm
// renders one cell per line (EDGAR 0001193125-14-286425, d761778dex99m1i.htm, 2014): rows from the
// filing; the filing prints "(formerly, Maryland Municipal Bond Fund" with its parenthesis never
// closed. The dated line after the rows stands in for the rest of the schedule.
const RIDGEWORTH_SCHEDULE_A = `SCHEDULE A
TO THE DISTRIBUTION AND SERVICE PLAN
CLASS A SHARES
Pursuant to Section 2, the Trust shall pay the Distributor compensation at which is calculated daily and paid monthly at an annual rate as set forth below.
|
Portfolio
|Maximum
Distribution Fee
|Maximum
Shareholder
Services Fee
|
Short-Term Bond Fund
|0.23
|%
|0.15
|%
|
Short-Term Municipal Bond Fund (formerly, Maryland Municipal Bond Fund
|0.15
|%
|0.15
|%
|
Total Return Bond Fund (formerly, Core Bond Fund)
|0.25
|%
|0.25
|%
Dated: May 1, 2014
`;

describe('"(formerly, …" left open at the end of the cell', () => {
  it('the fund keeps its own name, and its old name is a rename, as with the parenthesis closed', () => {
    const doc = parseExhibit(RIDGEWORTH_SCHEDULE_A, 'd761778dex99m1i.htm');
    expect(
      doc.schedules[0]!.entries.map((e) => [e.portfolio, e.assetBasedSalesChargePct, e.serviceFeePct]),
    ).toEqual([
      ['Short-Term Bond Fund', '0.23', '0.15'],
      ['Short-Term Municipal Bond Fund', '0.15', '0.15'],
      ['Total Return Bond Fund', '0.25', '0.25'],
    ]);
    expect(doc.renames).toEqual([
      { from: 'Maryland Municipal Bond Fund', to: 'Short-Term Municipal Bond Fund' },
      { from: 'Core Bond Fund', to: 'Total Return Bond Fund' },
    ]);
  });
});
