import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// Hostile run (SPEC §2.1: an entry whose portfolio is not a name is a document read only in part;
// SPEC §12: a refusal names file and line): seed 000 with "AIM \u001b[31mStructured Core Fund" in
// its schedule was imported — a portfolio of its own, printed in red by `schedule` — and a row made
// unreadable by "\u001b[2J\u001b]0;pwned\u0007" was quoted raw in the error, clearing the user's
// terminal and setting its title.
const seed = readFileSync(
  join(process.env.PLAN12B_SEEDS ?? '/work/shared/seeds', '000_3c6e05c0e0d73230.txt'),
  'utf8',
);
const ROW = '          AIM Structured Core Fund                                            0.25%';

function errorOf(text: string): ExhibitParseError {
  try {
    parseExhibit(text, 'esc.txt');
  } catch (e) {
    if (e instanceof ExhibitParseError) return e;
    throw e;
  }
  throw new Error('expected an ExhibitParseError');
}

describe('control characters in an exhibit', () => {
  it.each([
    ['\u001b[31m', 'U+001B'],
    ['\u0007', 'U+0007'],
    ['\u202e', 'U+202E'],
  ])('a portfolio name holding %j is refused on its line, naming the character (%s)', (mark, code) => {
    const text = seed.replace(
      ROW,
      ROW.replace('AIM Structured', `AIM ${mark}Structured`).replace('    0.25%', '0.25%'),
    );
    const e = errorOf(text);
    expect(e.line).toBe(159);
    expect(e.reason).toContain(`holds ${code}, a control or invisible character`);
    expect(e.message).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u202e]/);
  });

  it('a row it cannot read is quoted with its control characters written out', () => {
    const text = seed.replace(
      ROW,
      '          AIM Structured Core Fund \u001b[2J\u001b]0;pwned\u0007      zz%',
    );
    const e = errorOf(text);
    expect(e.line).toBe(159);
    expect(e.reason).toContain('\\u001b[2J\\u001b]0;pwned\\u0007');
    expect(e.message).not.toMatch(/[\u0000-\u0008\u000a-\u001f]/);
  });

  it('the seed as filed is read as before', () => {
    expect(parseExhibit(seed, '000.txt').schedules[0]!.entries).toHaveLength(42);
  });
});
