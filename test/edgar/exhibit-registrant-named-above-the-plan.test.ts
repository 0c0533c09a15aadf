import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Title blocks that print the Registrant on a line of its own above the plan's name.
const SCHEDULE_BELOW_TRUST = (formOf: boolean) => `${formOf ? 'FORM OF\n' : ''}LODESTAR SERIES TRUST
CLASS A
DISTRIBUTION PLAN
SCHEDULE A
The maximum annualized fee rate pursuant to Paragraph 1 of the Lodestar Series Trust Class A Distribution Plan shall be as follows:
SMALL CAP VALUE FUND
0.35%
STRATEGIC INCOME FUND
0.25%
Dated: May 1, 2015
`;

const TRUST_AMENDMENT = `Exhibit m.4.c
BEACON EQUITY TRUST
(the “Fund”)
AMENDMENT NO. 2 TO
CLASS C SHARES
DISTRIBUTION PLAN PURSUANT TO RULE 12b-1
under the
INVESTMENT COMPANY ACT OF 1940
THIS AMENDMENT made effective as of the 9th day of June, 2019 amends that certain Class C Shares Distribution Plan Pursuant to Rule 12b-1 under the Investment Company Act of 1940 of the Fund.
NOW, THEREFORE, the Fund hereby agrees that the Plan is amended as follows:
1. Appendix A to the Plan is hereby replaced with Appendix A attached hereto and made a part hereof.
APPENDIX A
Beacon Harborview Growth Fund
Beacon Tidal Income Fund
`;

describe('a Registrant printed on its own line above the plan', () => {
  it('"<TRUST> / CLASS A / DISTRIBUTION PLAN / SCHEDULE A" names the Registrant with or without "FORM OF" above it', () => {
    for (const formOf of [false, true]) {
      const doc = parseExhibit(SCHEDULE_BELOW_TRUST(formOf), 'schedule-a.htm');
      // spelled as the body spells it ("… of the Lodestar Series Trust Class A Distribution
      // Plan"), as seed 002's "AIM FUNDS GROUP" title is read "AIM Funds Group" (SPEC §2.1)
      expect(doc.instrument.registrant, `FORM OF: ${formOf}`).toBe('Lodestar Series Trust');
      expect(doc.schedules[0]!.entries.map((e) => e.registrant)).toEqual([
        'Lodestar Series Trust',
        'Lodestar Series Trust',
      ]);
    }
  });

  it('the instrument is named as its title block prints it, a class code with a digit too ("CLASS R3")', () => {
    const doc = parseExhibit(
      SCHEDULE_BELOW_TRUST(false).replace('CLASS A\n', 'CLASS R3\n'),
      'schedule-a.htm',
    );
    expect(doc.instrument.title).toBe('Lodestar Series Trust Class R3 Distribution Plan');
    expect(doc.instrument.classes).toEqual(['R3']);
  });

  it('"<TRUST> / (the “Fund”) / AMENDMENT NO. 2 TO …": the trust is the Registrant', () => {
    const doc = parseExhibit(TRUST_AMENDMENT, 'm4c.htm');
    expect(doc.instrument.registrant).toBe('BEACON EQUITY TRUST');
  });
});
