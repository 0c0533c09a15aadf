import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: refused for the true reason. American Funds' Class B plan (real-exhibits-14 07): under
// "The categories of expenses are as follows:" stands a lettered clause, "a. Service Fees. The Fund
// shall pay …", and the plan was refused as if its funds and classes were listed in its body from
// there. The true reason is the Schedule A its body names and the excerpt does not hold, at line 9.
// Names are our own.
const plan = `PLAN OF DISTRIBUTION
of
Example Fund
NOW, THEREFORE, the Fund adopts this Plan as follows:
1. Payments. The Fund may expend an aggregate amount not to exceed 1.00% per annum.
The categories of expenses are as follows:
a. Service Fees. The Fund shall pay to the Distributor monthly in arrears
a service fee at the rate of 0.25% per annum on its shares.
b. Distribution Fees. The Fund shall pay to the Distributor its Allocable Portion (as described in Schedule A to this
Plan), and until such time as the Fund designates a successor the Allocable Portion shall equal
`;

describe('a lettered clause after "… as follows:"', () => {
  it('is a clause of the body, not the first line of a list of its funds', () => {
    let got: unknown;
    try {
      got = parseExhibit(plan, 'lettered.txt');
    } catch (e) {
      got = e;
    }
    expect(got).toBeInstanceOf(ExhibitParseError);
    expect(got).toMatchObject({ file: 'lettered.txt', line: 9 });
    expect((got as ExhibitParseError).reason).toMatch(
      /^the body names Schedule A .*the text ends in mid-sentence at line 10/,
    );
  });
});
