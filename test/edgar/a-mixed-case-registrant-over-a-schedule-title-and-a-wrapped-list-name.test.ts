import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1. ProFunds' Schedule A of 2023 (real-exhibits-14 03): "SCHEDULE A / ProFunds / AMENDED
// AND RESTATED / DISTRIBUTION AND SERVICE PLAN / AS OF …" over a list in two columns side by side.
// The Registrant's name in mixed case ended the title, whose capitals were then taken for a fee
// column's heading: the list was refused as funds with "no rates where 1 are expected". And a left
// name wrapped over two rows ("Oil & Gas Equipment & Services UltraSector" / "ProFund", its right
// neighbour between) was read as two funds, one named "ProFund". Names are our own.
const registrantOverTitle = `SCHEDULE A
Example Funds
AMENDED AND RESTATED
DISTRIBUTION AND SERVICE PLAN
AS OF MAY 1, 2020
|
Alpha ProFund
|
Beta ProFund
|
Gamma ProFund
|
Delta ProFund
`;

const wrapped = `SCHEDULE A
AMENDED AND RESTATED
DISTRIBUTION AND SERVICE PLAN
AS OF MAY 1, 2020
|
Alpha ProFund
|
Beta ProFund
|
Oil & Gas Equipment UltraSector
|
Gamma ProFund
|
ProFund
|
Delta ProFund
|
Epsilon ProFund
|
Zeta ProFund
`;

const names = (text: string, file: string) =>
  parseExhibit(text, file).schedules.flatMap((s) => s.entries.map((e) => [e.registrant, e.portfolio]));

describe('a Registrant in mixed case over the schedule title in capitals', () => {
  it('is the schedule Registrant, the title is the plan, and the list is read', () => {
    const got = parseExhibit(registrantOverTitle, 'registrant.txt');
    expect(got.instrument).toMatchObject({
      title: 'Amended and Restated Distribution and Service Plan',
      registrant: 'Example Funds',
    });
    expect(got.effectiveDate).toBe('2020-05-01');
    // the last name, the file's last line, may be cut: what is whole is the three before it
    expect(names(registrantOverTitle, 'registrant.txt')).toEqual([
      ['Example Funds', 'Alpha ProFund'],
      ['Example Funds', 'Beta ProFund'],
      ['Example Funds', 'Gamma ProFund'],
    ]);
  });
});

describe('a name wrapped over two rows of a two-column list', () => {
  it('is one fund, its last word from the row below, and no fund is named by that word alone', () => {
    // cells in order: Alpha | Beta / Oil & Gas Equipment UltraSector | Gamma / ProFund | Delta /
    // Epsilon | Zeta — "ProFund" ends the left name above it; Zeta, the last line, may be cut
    expect(names(wrapped, 'wrapped.txt')).toEqual([
      [null, 'Alpha ProFund'],
      [null, 'Beta ProFund'],
      [null, 'Oil & Gas Equipment UltraSector ProFund'],
      [null, 'Gamma ProFund'],
      [null, 'Delta ProFund'],
      [null, 'Epsilon ProFund'],
    ]);
  });
});
