import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { readTitleBlock } from '../../src/edgar/titleBlock.js';

// A title block thousands of words long ("Schedule A Schedule A …" on one line) is no title of a
// plan: refused at its line. Nor is a column heading of thousands of cells a fee table's. The title's plan pattern looks at most a dozen words before "PLAN"
// (at 30,000 words it had scanned from every word to the end: 461 s; the bench's hostileLines
// times these at n and 4n).
describe('a hostile title block of thousands of words', () => {
  // A 10 MB line with no space in it (hostile run: the plan pattern tried every letter of the one
  // token as a word's start and scanned its rest each time — 400,000 characters took 284 s, so
  // 10 MB hours); and letters among digits, each letter the start of a token's rest.
  it.each([
    ['Schedule A '.repeat(30_000)],
    [`a. ${'AIM '.repeat(50_000)}`],
    ['x'.repeat(10_000_000)],
    ['a1'.repeat(2_000_000)],
  ])('is refused as no plan or agreement, naming line 1', (text) => {
    expect(() => parseExhibit(`${text}\n`, 'hostile.txt')).toThrow(ExhibitParseError);
    expect(() => parseExhibit(`${text}\n`, 'hostile.txt')).toThrow(/^hostile\.txt:1: /);
  });

  const title = 'AMENDMENT NO. 1\nTO THE\nMASTER DISTRIBUTION PLAN\n(CLASS B SHARES)\n';
  const cellTable =
    '|AMENDMENT NO. 1\n|TO THE\n|MASTER DISTRIBUTION PLAN\n|SCHEDULE A\n|Portfolio\n|Maximum Asset Based Sales Charge\n';
  it.each([
    ['a title of "MASTER DISTRIBUTION PLAN OF" × 8,000', `${'MASTER DISTRIBUTION PLAN OF '.repeat(8000)}\n`],
    // the Registrant's name as thousands of words: once a pattern too large to compile (exit 70)
    [
      'a body of "MASTER DISTRIBUTION PLAN OF" × 2,000',
      `${title}${'MASTER DISTRIBUTION PLAN OF '.repeat(2000)}\n`,
    ],
    ['a body of "Schedule A-1 and" × 16,000', `${title}${'Schedule A-1 and '.repeat(16_000)}\n`],
    ['a title of "Class A," × 16,000', `${'Class A, '.repeat(16_000)}\n`],
    ['a cell table of 16,000 heading cells', `${cellTable}${'|Maximum\n'.repeat(16_000)}`],
    ['a cell row of 16,000 class cells', `${cellTable}|Lantern Fund\n${'|Class A\nClass C\n'.repeat(8000)}`],
    ['a cell of "Class IS" × 8,000', `${cellTable}|${'Class IS '.repeat(8000)}\n`],
    [
      'a heading cell continued over 16,000 lines',
      `${cellTable}${Array(16_000).fill('Shares of').join('\n')}\n`,
    ],
  ])('%s is read or refused, never a bug', (_, text) => {
    let outcome: 'read' | 'refused';
    try {
      parseExhibit(text, 'hostile.txt');
      outcome = 'read';
    } catch (e) {
      expect(e).toBeInstanceOf(ExhibitParseError);
      outcome = 'refused';
    }
    expect(['read', 'refused']).toContain(outcome);
  });

  it('a real title keeps the words before its plan’s name', () => {
    const lines = [
      'AMENDMENT NO. 14',
      'TO THE',
      'THIRD AMENDED AND RESTATED MASTER DISTRIBUTION PLAN',
      '(CLASS B SHARES)',
    ];
    const t = readTitleBlock(
      lines.map((text, i) => ({
        no: i + 1,
        text,
        trimmed: text,
        indent: 0,
        opensTable: false,
        closesTable: false,
      })),
      () => false,
    );
    expect(t.instrumentTitle).toBe('Third Amended and Restated Master Distribution Plan');
  });
});
