import { describe, expect, it } from 'vitest';
import { exhibitText } from '../../src/edgar/exhibitBytes.js';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

function errorOf(text: string): ExhibitParseError {
  try {
    parseExhibit(text, 'bad.txt');
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error('expected an ExhibitParseError');
}

describe('inputs that are not a readable exhibit: ExhibitParseError(file, line, reason)', () => {
  it('an empty file (or only whitespace)', () => {
    expect(errorOf('')).toMatchObject({ file: 'bad.txt', line: 1, reason: 'file is empty' });
    expect(errorOf('  \n\n \t\n').reason).toBe('file is empty');
  });

  it('a PDF, a ZIP renamed .txt, a UTF-16 copy and a stray NUL are each named for what they are', () => {
    expect(errorOf('%PDF-1.4\n\u0000\u0001\u0002binary')).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/^the file is a PDF, not an exhibit as filed; download/),
    });
    expect(errorOf('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000').reason).toMatch(
      /^the file is a ZIP archive/,
    );
    const seed = 'AMENDMENT NO. 12\nTO THE PLAN\n';
    const utf16le = new Uint8Array([0xff, 0xfe, ...Buffer.from(seed, 'utf16le')]);
    const withoutMark = new Uint8Array(Buffer.from(seed, 'utf16le'));
    const utf16be = new Uint8Array(Buffer.from(seed, 'utf16le').swap16());
    for (const bytes of [utf16le, withoutMark, utf16be])
      expect(errorOf(exhibitText(bytes))).toMatchObject({
        line: 1,
        reason: expect.stringMatching(/^the file is UTF-16 text .* save it as UTF-8/),
      });
    // the NUL's own line (CRLF, lone CR and LF each end one), not line 1
    expect(errorOf('AMENDMENT NO. 12\r\nTO THE\rAMENDED\nPLAN \u0000 X\n')).toMatchObject({
      line: 4,
      reason: expect.stringMatching(/^the file holds a NUL byte \(character 6 of this line\)/),
    });
  });

  it('a document that is not a distribution plan or agreement', () => {
    const e = errorOf('INVESTMENT ADVISORY AGREEMENT\n\nTHIS AGREEMENT is made as of June 1, 2003.\n');
    expect(e.line).toBe(1);
    expect(e.reason).toMatch(/^not a distribution plan or agreement/);
    expect(errorOf('hello world\nthis is prose\n').reason).toMatch(/^not a distribution plan or agreement/);
  });

  it('a plan with no schedule', () => {
    const e = errorOf(
      'MASTER DISTRIBUTION PLAN\n\n(CLASS A SHARES)\n\nThis Plan is made as of June 1, 2003.\n',
    );
    expect(e).toMatchObject({
      line: 1,
      reason: 'no schedule found (no SCHEDULE, APPENDIX or EXHIBIT A heading)',
    });
  });

  it('a schedule that lists no portfolios', () => {
    const text = amendmentWith('The portfolios will be designated by the Board from time to time.');
    expect(errorOf(text).reason).toBe('Schedule A lists no portfolios');
  });

  it('column headings that name no rate', () => {
    const text = amendmentWith(
      'PORTFOLIO - CLASS B SHARES        MAXIMUM FEE\nAIM Charter Fund                  0.75%"',
    );
    expect(errorOf(text).reason).toMatch(/column headings name no rate/);
  });

  it('a document with no date at all: effectiveDate null, a warning, and a gap import needs --effective-date for', () => {
    const text = 'MASTER DISTRIBUTION PLAN\n\n(CLASS A SHARES)\n\nSCHEDULE A\n\nAIM Charter Fund\n';
    const doc = parseExhibit(text, 'undated.txt');
    expect(doc.effectiveDate).toBeNull();
    expect(doc.warnings.join('\n')).toMatch(/states no date it takes effect; import needs --effective-date/);
    expect(doc.completeness).toMatchObject({ complete: false, gaps: [{ fact: 'effective-date' }] });
  });

  it('the message names file and line', () => {
    expect(errorOf('').message).toBe('bad.txt:1: file is empty');
  });
});
