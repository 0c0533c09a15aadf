import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { corpusAvailable, corpusExpected, corpusText } from './corpusDocuments.js';
import { seedTexts } from './exhibitFixtures.js';

/**
 * The same exhibit typed or saved another way reads the same (SPEC §2.1: exhibits as filed, tags
 * in any case): typographic quotes and apostrophes where the document has straight ones, an en
 * dash for a spaced hyphen, Windows line ends, trailing spaces, tags in upper or lower case.
 * Every seed and corpus exhibit, each way: the same document (quotes compared as straight), or
 * the same refusal.
 */
const WAYS: Record<string, (text: string) => string> = {
  'typographic quotes': (t) =>
    t
      .replace(/(^|[\s([])"/g, '$1\u201c')
      .replace(/"/g, '\u201d')
      .replace(/(\w)'(\w)/g, '$1\u2019$2'),
  'en dashes': (t) => t.replace(/(\w) - (\w)/g, '$1 \u2013 $2'),
  'Windows line ends': (t) => t.replace(/\r?\n/g, '\r\n'),
  'trailing spaces': (t) => t.replace(/\n/g, '   \n'),
  'upper-case tags': (t) =>
    t.replace(/<(\/?)(page|table|caption|s|c)>/gi, (_, s, n: string) => `<${s}${n.toUpperCase()}>`),
  'lower-case tags': (t) =>
    t.replace(/<(\/?)(page|table|caption|s|c)>/gi, (_, s, n: string) => `<${s}${n.toLowerCase()}>`),
};

/** The document as JSON with typographic quotes straightened, or its refusal. */
function outcome(text: string, file: string): string {
  let read: string;
  try {
    read = JSON.stringify(parseExhibit(text, file));
  } catch (e) {
    read = `refused: ${(e as Error).message}`;
  }
  return read
    .replace(/[\u201c\u201d]/g, '\\"')
    .replace(/\u2019/g, "'")
    .replace(/\u2013/g, '-');
}

const documents: { file: string; text: string }[] = [
  ...(seedsAvailable ? [...seedTexts().values()] : []),
  ...(corpusAvailable ? corpusExpected().map((d) => ({ file: d.file, text: corpusText(d.file) })) : []),
];

describe.skipIf(documents.length === 0).each(Object.entries(WAYS))('an exhibit with %s', (_way, change) => {
  it.each(documents.map((d) => [d.file, d.text] as const))('%s reads as the document does', (file, text) => {
    expect(outcome(change(text), file)).toBe(outcome(text, file));
  });
});
