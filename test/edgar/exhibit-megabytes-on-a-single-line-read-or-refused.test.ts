import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An exhibit of megabytes on a single line (its line breaks lost, or an HTML file saved on one
// line) is read or refused as bad input (ExhibitParseError: exit 65), never a crash (exit 70) and
// never a hang. Its time grows with its size, not faster (docs/PERFORMANCE.md, "Megabytes on a
// single line"; `npm run bench` times such lines at n and 4n); no timing is asserted here.
const MB = 1_000_000;
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

const seedLike = [
  'AMENDMENT NO. 1 TO THE MASTER DISTRIBUTION PLAN (CLASS A SHARES)',
  'The Master Distribution Plan of AIM Growth Series is hereby amended, effective May 1, 2005, as follows:',
  'Schedule A is hereby deleted in its entirety and replaced with the following:',
  '"SCHEDULE A TO THE MASTER DISTRIBUTION PLAN (CLASS A SHARES)',
  'Portfolio Maximum Asset-Based Sales Charge Maximum Service Fee Maximum Aggregate Fee',
  'AIM Growth Fund 0.25% 0.25% 0.50%"',
  'All other terms and provisions of the Plan not amended herein shall remain in full force and effect.',
].join(' ');

function outcome(text: string, file: string): string {
  try {
    parseExhibit(text, file);
    return 'read';
  } catch (e) {
    if (e instanceof ExhibitParseError) return `refused: ${e.message}`;
    throw e;
  }
}

describe('an exhibit of megabytes on a single line', () => {
  // expected by hand: none of these has a title in capitals at its top naming a plan or agreement
  it.each([
    ['one giant token', () => 'x'.repeat(1 * MB)],
    ['words in lower case', () => fill('fund shares of the plan ', 1 * MB)],
    ['dots and spaces', () => fill('. ', 1 * MB)],
  ])('%s is refused as no distribution plan or agreement', (_name, make) => {
    expect(outcome(make(), 'one-line.txt')).toMatch(
      /^refused: one-line\.txt:1: not a distribution plan or agreement/,
    );
  });

  it('a plan amendment repeated on one line, as text and as HTML, is read or refused as bad input', () => {
    for (const [text, file] of [
      [fill(`${seedLike} `, 1 * MB), 'one-line.txt'],
      [`<html><body>${fill(`<p>${seedLike}</p>`, 1 * MB)}</body></html>`, 'one-line.htm'],
    ] as const) {
      expect(outcome(text, file)).toMatch(/^read$|^refused: one-line\.(?:txt|htm):\d+: /);
    }
  });
});
