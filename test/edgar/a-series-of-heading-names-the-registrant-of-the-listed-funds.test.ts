import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1 (Registrant: the schedule's group heading). ProFunds' Schedule A (real-exhibits-14 02,
// 03) heads its list "Series of ProFunds": the heading over the fund column naming the Registrant
// whose series are listed — no fund, and no Registrant named "Series of ProFunds" (read so, every
// fund's Registrant was "Series of …"). Names are our own.
const schedule = `SCHEDULE A
EXAMPLE FUNDS
DISTRIBUTION AND SERVICE PLAN
AS OF MAY 1, 2020
Series of Example Funds
Alpha Example Fund
Beta Example Fund
Gamma Example Fund
`;

describe('"Series of <Registrant>" over a list of funds', () => {
  it('names the Registrant of the funds below it and is no fund', () => {
    const got = parseExhibit(schedule, 'series-of.txt');
    expect(got.schedules.flatMap((s) => s.entries.map((e) => [e.registrant, e.portfolio]))).toEqual([
      ['Example Funds', 'Alpha Example Fund'],
      ['Example Funds', 'Beta Example Fund'],
      ['Example Funds', 'Gamma Example Fund'],
    ]);
  });
});
