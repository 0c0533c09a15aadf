import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

// SPEC §2.1: a document read only in part is an error naming the file and line. A line of text
// between two funds of a plain list once ended the list there: the funds after it were lost
// without an error or a warning.
function refusal(text: string, file: string): ExhibitParseError {
  try {
    parseExhibit(text, file);
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error('the document was read');
}

// a stand-alone Schedule A in the Pacific Life style: centred list, class only in the title
const standAlone = (between: string) => `<PAGE>
                                                              EXHIBIT (m)(2)(b)

                 CLASS B DISTRIBUTION AND SERVICE PLAN

                               SCHEDULE A

                        PF AIM Blue Chip Fund
                        PF AIM Aggressive Growth Fund
${between}
                        PF Janus Strategic Value Fund
                        PF Janus Growth LT Fund

Effective:  December 31, 2001
`;

describe('prose inside a plain list outside a quoted schedule', () => {
  it('a stand-alone schedule’s list with a sentence between two funds is refused at the sentence', () => {
    const e = refusal(
      standAlone('                        Each Fund shall pay fees at the rate set forth in the Plan'),
      'pf-schedule-a.txt',
    );
    // line 10: the sentence (line 1 is <PAGE>)
    expect(e.message).toMatch(/^pf-schedule-a\.txt:10: .*portfolios after it.*PF Janus Strategic Value Fund/);
  });

  it('the same list without the sentence is read whole', () => {
    const doc = parseExhibit(standAlone(''), 'pf-schedule-a.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'PF AIM Blue Chip Fund',
      'PF AIM Aggressive Growth Fund',
      'PF Janus Strategic Value Fund',
      'PF Janus Growth LT Fund',
    ]);
  });

  it('an unquoted Schedule A of an amendment: a sentence wrapped over two lines between funds is refused', () => {
    const body = `      AIM Charter Fund
      AIM Constellation Fund
      The following Fund is added to this Schedule A as of the date
      set forth below.
      AIM U.S. Growth Fund
      AIM Weingarten Fund`;
    const text = amendmentWith(body, { heading: 'SCHEDULE A' });
    const at = text.split('\n').findIndex((l) => l.includes('The following Fund is added')) + 1;
    const e = refusal(text, 'unquoted.txt');
    expect(e.message).toMatch(new RegExp(`^unquoted\\.txt:${at}: .*portfolios after it`));
  });

  it('prose after the whole list (the closing clause, the date) still ends it', () => {
    const body = `      AIM Charter Fund
      AIM Constellation Fund

      The Distributor shall pay the fees set forth in the Plan to each
      Fund listed above.`;
    const doc = parseExhibit(amendmentWith(body, { heading: 'SCHEDULE A' }), 'closing.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'AIM Charter Fund',
      'AIM Constellation Fund',
    ]);
  });
});
