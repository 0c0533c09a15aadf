import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { roundTripFields } from './roundTripFields.js';

// SPEC §2.1 parse(render(x)) = x. ProFunds' Schedule A (real-exhibits-14 02, 03): a plain list of
// series under "Series of ProFunds" — a Registrant, no class, no rate — rendered in the plan-and-
// schedule layout, read back as a plan whose funds' class "is not stated", and refused. Names are
// our own; the last name ends in "ProFund", which a fund's name check does not know as an end.
const schedule = `SCHEDULE A
DISTRIBUTION AND SERVICE PLAN
AS OF MAY 1, 2020
Series of Example Funds
Alpha Example ProFund1
Beta Example ProFund
Gamma Example ProFund
|
1
|
f/k/a Old Alpha Example ProFund
`;

describe('a list of series of a named Registrant, no class and no rate', () => {
  it('renders back to itself', () => {
    const x = parseExhibit(schedule, 'series.txt');
    expect(x.schedules.flatMap((s) => s.entries.map((e) => [e.registrant, e.portfolio, e.class]))).toEqual([
      ['Example Funds', 'Alpha Example ProFund', null],
      ['Example Funds', 'Beta Example ProFund', null],
      ['Example Funds', 'Gamma Example ProFund', null],
    ]);
    const back = parseExhibit(renderExhibit(x), 'rendering.txt');
    expect(back.rendering).toBe(true);
    expect(roundTripFields(back)).toEqual(roundTripFields(x));
  });
});
