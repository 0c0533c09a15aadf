import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1 reads Rule 12b-1 plans and distribution agreements. A trust's charter — its "Agreement
// and Declaration of Trust" — is amended with a Schedule A too, listing its series and their
// classes; read as an agreement amendment, its class list would become a distribution agreement's
// schedule once the user states a date. By hand: refused at its first line, naming the declaration.

const charter = `AMENDMENT NO. 12
TO
AMENDED AND RESTATED AGREEMENT AND DECLARATION OF TRUST
OF
BIRCHWOOD INTERNATIONAL FUNDS

This Amendment No. 12 to the Amended and Restated Agreement and Declaration of Trust of
Birchwood International Funds (the "Trust") amends, effective as of November 4, 2009, the
Agreement dated as of September 14, 2005, as amended (the "Agreement").

Schedule A of the Agreement is hereby amended and restated in its entirety as follows:

"SCHEDULE A

BIRCHWOOD INTERNATIONAL FUNDS

PORTFOLIO - CLASS A SHARES

Birchwood Asia Pacific Growth Fund
Birchwood European Growth Fund"

All other terms and provisions of the Agreement not amended herein shall remain in full force
and effect.
`;

describe('an amendment to a trust’s Agreement and Declaration of Trust', () => {
  it('is refused at its first line: its schedule is the trust’s list of series and classes', () => {
    let error: unknown;
    try {
      parseExhibit(charter, 'declaration-of-trust.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExhibitParseError);
    expect(error).toMatchObject({ file: 'declaration-of-trust.txt', line: 1 });
    expect((error as ExhibitParseError).reason).toMatch(/Declaration of Trust/);
  });
});
