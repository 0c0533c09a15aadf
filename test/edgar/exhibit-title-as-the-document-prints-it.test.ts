import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Titles in the filings' styles, with names, rates and dates of our own (SPEC §2.1 `title`).

/** An agreement amendment whose parties the title prints between "BETWEEN" and "AND". */
function agreementAmendment(parties: string): string {
  return `<PAGE>
                                                                 EXHIBIT e(2)(a)

                                 AMENDMENT NO. 3
                          TO FIRST AMENDED AND RESTATED
                          MASTER DISTRIBUTION AGREEMENT
${parties}
        The Master Distribution Agreement (the "Agreement"), dated June 1, 2001,
by and between AIM Bayside Funds, a Delaware business trust, and A I M
Distributors, Inc., a Delaware corporation, is hereby amended as follows:

        Appendix A to the Agreement is hereby deleted in its entirety and
replaced with the following:

                                   "APPENDIX A
                          TO FIRST AMENDED AND RESTATED
                          MASTER DISTRIBUTION AGREEMENT
                                       OF
                                AIM BAYSIDE FUNDS

CLASS A SHARES
--------------
AIM Bayside Harbor Fund

CLASS C SHARES
--------------
AIM Bayside Harbor Fund"

        All other terms and provisions of the Agreement not amended herein shall
remain in full force and effect.

Dated:  March 4, 2003
`;
}

describe('an exhibit title keeps the words where the document prints them', () => {
  it('"BETWEEN X (CLASS … SHARES) AND Y": the classes stay after the fund party, "between" in lower case', () => {
    const doc = parseExhibit(
      agreementAmendment(`                                     BETWEEN
                                AIM BAYSIDE FUNDS
                       (CLASS A SHARES AND CLASS C SHARES)
                                       AND
                            A I M DISTRIBUTORS, INC.
`),
      'e2a.txt',
    );
    expect(doc.title).toBe(
      'Amendment No. 3 to First Amended and Restated Master Distribution Agreement between AIM Bayside Funds (Class A Shares and Class C Shares) and A I M Distributors, Inc.',
    );
    expect(doc.instrument.registrant).toBe('AIM Bayside Funds');
  });

  it('classes printed after both parties still close the title', () => {
    const doc = parseExhibit(
      agreementAmendment(`                                     BETWEEN
                                AIM BAYSIDE FUNDS
                                       AND
                            A I M DISTRIBUTORS, INC.
                       (CLASS A SHARES AND CLASS C SHARES)
`),
      'e2a.txt',
    );
    expect(doc.title).toBe(
      'Amendment No. 3 to First Amended and Restated Master Distribution Agreement between AIM Bayside Funds and A I M Distributors, Inc. (Class A Shares and Class C Shares)',
    );
  });

  it('"UNDER" in lower case inside a title; a sponsor that spells its name "MainStay" keeps it', () => {
    const doc = parseExhibit(
      `AMENDMENT NO. 4 TO
CLASS R SHARES DISTRIBUTION PLAN PURSUANT TO RULE 12b-1
UNDER THE INVESTMENT COMPANY ACT OF 1940
MAINSTAY HARBOR FUNDS TRUST
SCHEDULE A
|
Fund
|
Fee
|
MainStay Harbor Income Fund
|
0.50%
`,
      'r-plan.htm.txt',
    );
    expect(doc.title).toBe(
      'Amendment No. 4 to Class R Shares Distribution Plan Pursuant to Rule 12b-1 under the Investment Company Act of 1940 MainStay Harbor Funds Trust',
    );
  });

  it('a schedule filed on its own is titled by its heading and the subtitle printed under it', () => {
    const fees = parseExhibit(
      `EXHIBIT A
Fee Schedule
Dated April 9, 2016
The current level of fees payable to the Distributor pursuant to Section 2 of the Plan are set forth below.
|Funds and Class
|Maximum Fees for Distribution Services
and Service Activities
|
Quarry Ridge Bond Series – Class S
|0.25%
`,
      'exhibit-a.htm.txt',
    );
    expect(fees.title).toBe('Exhibit A — Fee Schedule');
    const funds = parseExhibit(
      `Exhibit (m)(2)
SCHEDULE
A
QUARRY FUNDS
Effective: May 2, 2007
|
Name of Fund
|
Distribution and/or Service Fee
|
Quarry Balanced Fund
|
0.15
|
%
`,
      'schedule-a.htm.txt',
    );
    expect(funds.title).toBe('Schedule A — Quarry Funds');
  });

  it('"EXHIBIT A / TO THE DISTRIBUTION PLAN OF / X TRUST": the heading goes on into the title, with its Registrant', () => {
    const doc = parseExhibit(
      `                                   EXHIBIT A
                          TO THE DISTRIBUTION PLAN OF
                              HARROWGATE FUNDS TRUST

FUND                                                     DISTRIBUTION FEE
----                                                     ----------------
Harrowgate Growth Fund                                         0.25%
Harrowgate Income Fund                                         0.25%

Dated: April 2, 2004
`,
      'exhibit-a.txt',
    );
    expect(doc.title).toBe('Exhibit A to the Distribution Plan of Harrowgate Funds Trust');
    expect(doc.instrument.registrant).toBe('HARROWGATE FUNDS TRUST');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'Harrowgate Growth Fund',
      'Harrowgate Income Fund',
    ]);
  });

  it('a date, a column heading or a sentence under the heading is no subtitle', () => {
    const doc = parseExhibit(
      `EXHIBIT A
Dated April 9, 2016
|Funds and Class
|Maximum Fees
|
Quarry Ridge Bond Series – Class S
|0.25%
`,
      'exhibit-a.htm.txt',
    );
    expect(doc.title).toBe('Exhibit A');
    const headed = parseExhibit(
      `SCHEDULE A
|
Name of Fund
|
Fee
|
Quarry Balanced Fund
|
0.15%
`,
      'schedule-a.htm.txt',
    );
    expect(headed.title).toBe('Schedule A');
  });
});
