import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: a text exhibit whose first line is EDGAR's document header ("EX-99.… N file.txt
// DESCRIPTION") run on into the document's title and body has lost its layout, however many line
// breaks the rendering kept further down; the header's description is the filer's label, never the
// title. By hand: the first document is an administrative services agreement's amendment (its own
// title says so; the label says "distribution") — refused, its fees no 12b-1 fees; the second is a
// distribution agreement's amendment with the same shape — read: Appendix A, two Class A funds of
// Birchwood Funds, dated March 1, 2002.

const HEADER = 'EX-99.E1.B 5 h11111ex99-e1b.txt AMEND.NO.2 TO MASTER DISTRIBUTION AGREEMENT';

const administrative = `${HEADER} EXHIBIT (h)(2) AMENDMENT NO. 2 TO MASTER ADMINISTRATIVE SERVICES AGREEMENT The Master Administrative Services Agreement (the "Agreement"), dated June 1, 2000, between Birchwood Funds, a Delaware business trust, and Birchwood Advisors, Inc., a Delaware corporation, is hereby amended as follows: WHEREAS, the parties desire to amend the Agreement to add a portfolio, Birchwood Harbor Fund; NOW, THEREFORE, the parties agree as follows; 1. Appendix A to the Agreement is hereby deleted in its entirety and replaced with the following: "APPENDIX A FEES
NAME OF FUND ANNUAL RATE ------------ ----------- Birchwood Harbor Fund ........................ 0.15%
Birchwood Ridge Fund ......................... 0.15%"
All other terms and provisions of the Agreement not amended herein shall remain in full force and effect.
Dated: March 1, 2002
`;

const distribution = `${HEADER} EXHIBIT e(1)(b) AMENDMENT NO. 2 TO THE MASTER DISTRIBUTION AGREEMENT BETWEEN BIRCHWOOD FUNDS (CLASS A SHARES) AND BIRCHWOOD DISTRIBUTORS, INC. The Master Distribution Agreement (the "Agreement"), dated July 1, 2000, by and between Birchwood Funds, a Delaware business trust, and Birchwood Distributors, Inc., a Delaware corporation, is hereby amended as follows: Appendix A to the Agreement is hereby deleted in its entirety and replaced with the following: "APPENDIX A TO MASTER DISTRIBUTION AGREEMENT OF BIRCHWOOD FUNDS CLASS A SHARES Birchwood Harbor Fund Birchwood Ridge Fund"
All other terms and provisions of the Agreement not amended herein shall remain in full force and effect.
Dated: March 1, 2002
BIRCHWOOD FUNDS
`;

describe('an EDGAR document header run on into the title, with breaks kept further down', () => {
  it('is no title: an administrative services agreement amendment under a distribution label is refused', () => {
    let error: unknown;
    try {
      parseExhibit(administrative, 'header-administrative.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExhibitParseError);
    expect(error).toMatchObject({ file: 'header-administrative.txt', line: 1 });
    expect((error as ExhibitParseError).reason).toMatch(/Administrative Services Agreement/);
  });

  it('and a distribution agreement amendment of the same shape reads whole', () => {
    const doc = parseExhibit(distribution, 'header-distribution.txt');
    expect({
      kind: doc.kind,
      amendmentNumber: doc.amendmentNumber,
      effectiveDate: doc.effectiveDate,
      registrant: doc.instrument.registrant,
      complete: doc.completeness.complete,
      schedules: doc.schedules.map((s) => ({
        name: s.name,
        entries: s.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`),
      })),
    }).toEqual({
      kind: 'agreement-amendment',
      amendmentNumber: 2,
      effectiveDate: '2002-03-01',
      registrant: 'Birchwood Funds',
      complete: true,
      schedules: [
        {
          name: 'Appendix A',
          entries: [
            'Birchwood Funds | Birchwood Harbor Fund | A',
            'Birchwood Funds | Birchwood Ridge Fund | A',
          ],
        },
      ],
    });
  });
});
