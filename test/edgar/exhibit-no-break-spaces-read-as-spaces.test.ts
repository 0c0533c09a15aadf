import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { corpusAvailable, corpusExpected, corpusText } from './corpusDocuments.js';
import { seedTexts } from './exhibitFixtures.js';

/**
 * A no-break space (U+00A0; 0xA0 of a Windows-1252 filing, `&nbsp;` typed into text) between two
 * words is whitespace: names keep the document's spelling with whitespace collapsed (SPEC §2.1).
 * Seed 001 with "AIM\u00a0Core Stock Fund" printed that name with its no-break space, a portfolio
 * no other document names. Every seed and corpus exhibit, its spaces between words made no-break
 * ones (figure and thin spaces too), reads exactly as the document does — or fails exactly as it does.
 */
const OTHER_SPACES = ['\u00a0', '\u2007', '\u2009', '\u202f'];

function withOtherSpaces(text: string): string {
  let i = 0;
  return text.replace(/([A-Za-z,.]) ([A-Za-z(])/g, (_, a: string, b: string) => {
    const space = OTHER_SPACES[i++ % OTHER_SPACES.length]!;
    return `${a}${space}${b}`;
  });
}

function outcome(text: string, file: string): unknown {
  try {
    return parseExhibit(text, file);
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

const documents: { file: string; text: string }[] = [
  ...(seedsAvailable ? [...seedTexts().values()] : []),
  ...(corpusAvailable ? corpusExpected().map((d) => ({ file: d.file, text: corpusText(d.file) })) : []),
];

describe.skipIf(documents.length === 0)('an exhibit whose words are parted by no-break spaces', () => {
  it.each(documents.map((d) => [d.file, d.text] as const))('%s reads as the document does', (file, text) => {
    const changed = withOtherSpaces(text);
    expect(changed).not.toBe(text);
    const read = outcome(changed, file);
    expect(read).toEqual(outcome(text, file));
    expect(JSON.stringify(read)).not.toMatch(/[\u00a0\u2007\u2009\u202f]/);
  });
});
