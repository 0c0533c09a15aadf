import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Amendments to a Class B master distribution agreement as the complex filed them in 2001–2003,
// with fund names of our own: the Registrant is the fund party, never the distributor.
function agreementAmendment(opts: { titleParties: string; body: string; scheduleOf: string }): string {
  return `<PAGE>
                                                                 EXHIBIT e(4)(c)

                                 AMENDMENT NO. 2
                          TO FIRST AMENDED AND RESTATED
                          MASTER DISTRIBUTION AGREEMENT
${opts.titleParties}
        ${opts.body}
is hereby amended as follows:

        Schedule A to the Agreement is hereby deleted in its entirety and
replaced with the following:

                                   "SCHEDULE A
                        TO THE FIRST AMENDED AND RESTATED
                          MASTER DISTRIBUTION AGREEMENT
${opts.scheduleOf}

CLASS B SHARES

AIM Lighthouse Value Fund
AIM Tidewater Income Fund"

        All other terms and provisions of the Agreement not amended herein shall
remain in full force and effect.

Dated:  November 14, 2002
`;
}

const registrants = (text: string) => {
  const doc = parseExhibit(text, 'e4c.txt');
  return {
    instrument: doc.instrument.registrant,
    entries: [...new Set(doc.schedules.flatMap((s) => s.entries.map((e) => e.registrant)))],
    title: doc.title,
    instrumentTitle: doc.instrument.title,
  };
};

describe('the Registrant of an agreement amendment is the fund party, wherever the document names it', () => {
  it('the title\'s "BETWEEN <fund> (CLASS B SHARES) AND A I M DISTRIBUTORS, INC."', () => {
    const got = registrants(
      agreementAmendment({
        titleParties: `                                     BETWEEN
                                AIM HARBOR FUNDS
                                (CLASS B SHARES)
                                       AND
                            A I M DISTRIBUTORS, INC.
`,
        body: `The First Amended and Restated Master Distribution Agreement (the
"Agreement"), dated December 31, 2000, by and between AIM Harbor Funds, a
Delaware business trust, and A I M Distributors, Inc., a Delaware corporation,`,
        scheduleOf: '',
      }),
    );
    expect(got).toEqual({
      instrument: 'AIM Harbor Funds',
      entries: ['AIM Harbor Funds'],
      title:
        'Amendment No. 2 to First Amended and Restated Master Distribution Agreement between AIM Harbor Funds (Class B Shares) and A I M Distributors, Inc.',
      instrumentTitle: 'First Amended and Restated Master Distribution Agreement',
    });
  });

  it('the quoted schedule\'s heading "… MASTER DISTRIBUTION AGREEMENT / OF / <fund>", in the body\'s spelling', () => {
    const got = registrants(
      agreementAmendment({
        titleParties: '                                (CLASS B SHARES)\n',
        body: `The First Amended and Restated Master Distribution Agreement (the
"Agreement"), dated December 31, 2000, by and between AIM Meridian Funds,
Inc., a Maryland corporation, and A I M Distributors, Inc., a Delaware corporation,`,
        scheduleOf: `                                       OF
                          AIM MERIDIAN FUNDS, INC.`,
      }),
    );
    expect(got.instrument).toBe('AIM Meridian Funds, Inc.');
    expect(got.entries).toEqual(['AIM Meridian Funds, Inc.']);
    // a registrant the title does not print is not added to the title
    expect(got.title).toBe(
      'Amendment No. 2 to First Amended and Restated Master Distribution Agreement (Class B Shares)',
    );
  });

  it('only the body\'s "by and between <fund>, a Delaware business trust, and A I M Distributors, Inc."', () => {
    const got = registrants(
      agreementAmendment({
        titleParties: '                                (CLASS B SHARES)\n',
        body: `The First Amended and Restated Master Distribution Agreement (the
"Agreement"), dated December 31, 2000, by and between AIM Coastal Tax-Free Funds, a
Delaware business trust, and A I M Distributors, Inc., a Delaware corporation,`,
        scheduleOf: '',
      }),
    );
    expect(got.instrument).toBe('AIM Coastal Tax-Free Funds');
    expect(got.entries).toEqual(['AIM Coastal Tax-Free Funds']);
  });

  it('the distributor named first in the title is still not the Registrant', () => {
    const got = registrants(
      agreementAmendment({
        titleParties: `                                     BETWEEN
                            A I M DISTRIBUTORS, INC.
                                       AND
                                AIM HARBOR FUNDS
                                (CLASS B SHARES)
`,
        body: 'The First Amended and Restated Master Distribution Agreement (the\n"Agreement"), dated December 31, 2000,',
        scheduleOf: '',
      }),
    );
    expect(got.instrument).toBe('AIM HARBOR FUNDS');
  });
});
