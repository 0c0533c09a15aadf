import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exhibitText } from '../../src/edgar/exhibitBytes.js';
import { readExhibits } from '../../src/import/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { seedsAvailable } from '../support/seeds.js';
import { seedTexts } from './exhibitFixtures.js';

/**
 * EDGAR text filings of the seeds' years were often typed on Windows and filed as Windows-1252:
 * curly quotes 0x93/0x94, an apostrophe 0x92, dashes 0x96/0x97, accented letters 0xE9. Read as
 * UTF-8 each became U+FFFD: seed 001 typed that way failed whole ("Schedule A is replaced “with
 * the following”, but the document does not contain it"), and every name with an accent lost it.
 * An exhibit is read as UTF-8 when its bytes are UTF-8, else as Windows-1252.
 */

/** Windows-1252's byte for each character the test types (an independent table, by hand). */
const CP1252: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, '–': 0x96, é: 0xe9 };

function windows1252Bytes(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => {
    const b = CP1252[c] ?? c.codePointAt(0)!;
    if (b > 0xff) throw new Error(`no Windows-1252 byte for ${c}`);
    return b;
  });
}

/** The seed as a Windows user would have typed it: curly quotes, apostrophes, accented names. */
function typedOnWindows(text: string): string {
  let open = true;
  return text
    .replace(/"/g, () => {
      const q = open ? '“' : '”';
      open = !open;
      return q;
    })
    .replace(/(\w)'(\w)/g, '$1’$2')
    .replace(/ Fund\b/g, ' Fundé');
}

describe('exhibit bytes', () => {
  it('are read as UTF-8 when they are UTF-8, byte order mark kept for the reader', () => {
    const text = '\uFEFF“Fundé” – 0.25%';
    expect(exhibitText(new TextEncoder().encode(text))).toBe(text);
  });

  it('are read as Windows-1252 otherwise, 0x80–0x9F included', () => {
    // the characters Windows-1252 puts where Latin-1 has C1 controls (WHATWG's table, by hand)
    const bytes = [0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f, 0x81, 0xe9, 0xa0, 0x41];
    expect(exhibitText(Uint8Array.from(bytes))).toBe('€…‘’“”–—™Ÿ\u0081é\u00a0A');
  });
});

describe.skipIf(!seedsAvailable)('a seed exhibit typed on Windows and filed as Windows-1252', () => {
  for (const { file, text } of seedTexts().values()) {
    // every seed, HTML-like ones too: what they quote or name reads the same in either encoding
    it(`${file}: imports as the same text filed as UTF-8 does, its accents kept`, () => {
      const typed = typedOnWindows(text);
      // the import's reader (CLI and API): the same document, its id the SHA-256 of its own bytes
      const [utf8Doc, cp1252Doc] = readExhibits([
        { fileName: file, bytes: new TextEncoder().encode(typed) },
        { fileName: file, bytes: windows1252Bytes(typed) },
      ]);
      expect(cp1252Doc!.doc).toEqual(utf8Doc!.doc);
      expect(cp1252Doc!.id).not.toBe(utf8Doc!.id);
      const json = JSON.stringify(cp1252Doc!.doc);
      expect(json).not.toContain('\uFFFD');
      expect(json).toContain('Fundé');
    });
  }
});

describe.skipIf(!seedsAvailable)('plan12b exhibit parse of a Windows-1252 file', () => {
  it('prints what it prints for the same text in UTF-8', async () => {
    const seed = [...seedTexts().values()].find((s) => s.file.startsWith('001_'))!;
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-cp1252-'));
    try {
      const typed = typedOnWindows(seed.text);
      writeFileSync(join(dir, 'utf8.txt'), typed);
      writeFileSync(join(dir, 'cp1252.txt'), windows1252Bytes(typed));
      const utf8 = await runCliInProcess(['exhibit', 'parse', join(dir, 'utf8.txt'), '--json']);
      const cp1252 = await runCliInProcess(['exhibit', 'parse', join(dir, 'cp1252.txt'), '--json']);
      expect(utf8.code, utf8.stderr).toBe(0);
      expect({ code: cp1252.code, stdout: cp1252.stdout }).toEqual({ code: 0, stdout: utf8.stdout });
      expect(cp1252.stdout).toContain('Fundé');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
