import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An Invesco service plan amendment as its .htm renders one cell per line (2019–2021): the
// quoted Schedule A repeats the plan's name under its heading, then the rates, then the trust.
const SERVICE_PLAN_AMENDMENT = `AMENDMENT NO. 2 TO THE
SERVICE PLAN (REIMBURSEMENT) (the "Plan")
CLASS A SHARES
Of the Funds listed on Schedule A (each, a "Fund" and collectively, the "Funds")
The Service Plan (the "Plan"), dated as of May 24, 2019, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, dated March 2, 2021, as follows:
WHEREAS, the parties desire to amend the Plan to remove Invesco Granite Ridge Fund;
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
"SCHEDULE A
SERVICE PLAN (REIMBURSEMENT)
The following rates shall apply to each Fund listed below:
|
|
Maximum Asset
|
Maximum
|
|
|
Based Sales
|
Shareholder
|
Maximum
|
Share Class
|
Charge
|
Services Fee
|
Aggregate Fee
|
Class A
|
NONE
|
0.25%
|
0.25%
AIM HILLCREST FUNDS (INVESCO HILLCREST FUNDS)
Invesco Quarry Lake Fund
Invesco Saddleback Income Fund"
`;

describe('a schedule subtitle that names the plan is not the Registrant', () => {
  it('"SCHEDULE A / SERVICE PLAN (REIMBURSEMENT)": the instrument has no registrant; entries keep the trust heading', () => {
    const doc = parseExhibit(SERVICE_PLAN_AMENDMENT, 'm4c.htm');
    expect(doc.instrument.registrant).toBeNull();
    expect(doc.schedules[0]!.entries.map((e) => [e.registrant, e.portfolio])).toEqual([
      ['AIM HILLCREST FUNDS (INVESCO HILLCREST FUNDS)', 'Invesco Quarry Lake Fund'],
      ['AIM HILLCREST FUNDS (INVESCO HILLCREST FUNDS)', 'Invesco Saddleback Income Fund'],
    ]);
  });
});
