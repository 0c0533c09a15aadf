import { describe, expect, it } from 'vitest';
import { ExhibitParseError, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

// SPEC §2.1: a document read only in part is an error naming the file and line. A plain list's
// portfolio of a name over 90 characters (possible in HTML schedules) was read as prose: last in
// the list it ended the list there, first it was passed over — the parse said complete either
// way, the portfolio lost without a word. Names and the schedule are our own.
const LONG = 'PF Invesco Global Tactical Asset Allocation and Balanced-Risk Commodity Strategy Income Fund';
const LONG_NOT_A_FUND =
  'PF Invesco Global Tactical Asset Allocation and Balanced-Risk Commodity Strategy (Series II)';

const standAlone = (names: readonly string[]) => `<PAGE>
                                                              EXHIBIT (m)(2)(b)

                 CLASS B DISTRIBUTION AND SERVICE PLAN

                               SCHEDULE A

${names.map((n) => `                        ${n}`).join('\n')}

Effective:  December 31, 2001
`;

const portfolios = (doc: ParsedExhibit) => doc.schedules.flatMap((s) => s.entries.map((e) => e.portfolio));

describe('a plain list’s portfolio named in over 90 characters', () => {
  it('is read as a portfolio, last in the list, first, or between two', () => {
    expect(LONG.length).toBeGreaterThan(90);
    for (const names of [
      ['PF AIM Blue Chip Fund', 'PF AIM Aggressive Growth Fund', LONG],
      [LONG, 'PF AIM Blue Chip Fund', 'PF AIM Aggressive Growth Fund'],
      ['PF AIM Blue Chip Fund', LONG, 'PF AIM Aggressive Growth Fund'],
    ]) {
      const doc = parseExhibit(standAlone(names), 'long.txt');
      expect(portfolios(doc)).toEqual(names);
      expect(doc.completeness.complete).toBe(true);
    }
  });

  it('a long last line that may be a name but does not end as one is refused at its line, never the list’s silent end', () => {
    expect(LONG_NOT_A_FUND.length).toBeGreaterThan(90);
    let got: unknown;
    try {
      got = parseExhibit(
        standAlone(['PF AIM Blue Chip Fund', 'PF AIM Aggressive Growth Fund', LONG_NOT_A_FUND]),
        'long.txt',
      );
    } catch (e) {
      got = e;
    }
    expect(got).toBeInstanceOf(ExhibitParseError);
    // line 10: the third name (line 1 is <PAGE>)
    expect(got).toMatchObject({ file: 'long.txt', line: 10 });
    expect((got as ExhibitParseError).reason).toMatch(/over 90 characters/);
  });

  it('a sentence after the list still ends it', () => {
    const doc = parseExhibit(
      standAlone([
        'PF AIM Blue Chip Fund',
        'PF AIM Aggressive Growth Fund',
        '',
        'The Fund shall pay the fees set forth in the Plan to each Fund listed above.',
      ]),
      'closing.txt',
    );
    expect(portfolios(doc)).toEqual(['PF AIM Blue Chip Fund', 'PF AIM Aggressive Growth Fund']);
  });
});

describe('an amendment’s unquoted Schedule A list with a name over 90 characters', () => {
  const body = (last: string) => `      AIM Charter Fund
      AIM Constellation Fund
      ${last}`;
  it('reads the long name as the last portfolio', () => {
    const doc = parseExhibit(amendmentWith(body(LONG), { heading: 'SCHEDULE A' }), 'amend.txt');
    expect(portfolios(doc)).toEqual(['AIM Charter Fund', 'AIM Constellation Fund', LONG]);
  });
  it('refuses a long first line that does not end as a name, with the list under it, at its line', () => {
    const text = amendmentWith(
      `      ${LONG_NOT_A_FUND}
      AIM Charter Fund
      AIM Constellation Fund`,
      { heading: 'SCHEDULE A' },
    );
    const at = text.split('\n').findIndex((l) => l.includes(LONG_NOT_A_FUND)) + 1;
    expect(() => parseExhibit(text, 'amend.txt')).toThrow(
      new RegExp(`^amend\\.txt:${at}: .*over 90 characters`),
    );
  });
  it('refuses a long last line that does not end as a name at its line', () => {
    const text = amendmentWith(body(LONG_NOT_A_FUND), { heading: 'SCHEDULE A' });
    const at = text.split('\n').findIndex((l) => l.includes(LONG_NOT_A_FUND)) + 1;
    expect(() => parseExhibit(text, 'amend.txt')).toThrow(
      new RegExp(`^amend\\.txt:${at}: .*over 90 characters`),
    );
  });
});

describe('an HTML schedule’s list of cells with a name over 90 characters', () => {
  // as the corpus renders an .htm replacement schedule: a cell a line, "|" before each
  const html = (names: readonly string[]) => `AMENDMENT NO. 3
TO
MASTER DISTRIBUTION PLAN
(CLASS C SHARES)
The Master Distribution Plan (the “Plan”), dated as of July 1, 2004, pursuant to Rule 12b-1, is hereby amended, effective July 1, 2008, as follows:
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:
“SCHEDULE A
AIM COUNSELOR SERIES TRUST
${names.map((n) => `|${n}`).join('\n')}”
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`;
  it('reads a long name that ends as a fund’s, first or last', () => {
    for (const names of [
      [LONG, 'Invesco Alpha Fund'],
      ['Invesco Alpha Fund', LONG],
    ])
      expect(portfolios(parseExhibit(html(names), 'cells.txt'))).toEqual(names);
  });
  it('refuses a long line that does not end as a name at its line, first or last, never passing it over', () => {
    // line 9 is the list's first cell
    expect(() =>
      parseExhibit(html([LONG_NOT_A_FUND, 'Invesco Alpha Fund', 'Invesco Beta Fund']), 'cells.txt'),
    ).toThrow(/^cells\.txt:9: .*over 90 characters/);
    expect(() =>
      parseExhibit(html(['Invesco Alpha Fund', 'Invesco Beta Fund', LONG_NOT_A_FUND]), 'cells.txt'),
    ).toThrow(/^cells\.txt:11: .*over 90 characters/);
  });
});
