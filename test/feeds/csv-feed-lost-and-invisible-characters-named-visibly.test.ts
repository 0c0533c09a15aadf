import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { decodeCsvFeed } from '../../src/import/csvFeed.js';
import { isoDateField, nameField } from '../../src/import/feedFields.js';

// Hostile run (SPEC §12: every bad row names file, line, field and reason, and the reason must be
// one the user can act on): a provider named "Dealer\uFFFD One" (a character lost by a converter
// before the file reached plan12b) was recorded as such and printed on statements; a zero-width
// space pasted before `date` in the header was refused as `column 1 "date" is not a column`.
const COLUMNS = { date: { type: isoDateField() }, name: { type: nameField('name') } };
const bytes = (t: string) => new TextEncoder().encode(t);

describe('characters a user cannot see or that were lost, in a feed', () => {
  it('refuses a name holding U+FFFD on its line and field, writing the mark out', () => {
    const { rows, problems } = decodeCsvFeed(
      'p.csv',
      bytes('date,name\n2025-01-02,Dealer One\n2025-01-03,Dealer\uFFFD One\n'),
      COLUMNS,
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'name',
        reason:
          '"Dealer\\ufffd One" contains U+FFFD, the mark of a character lost before plan12b read it; write the character as it should be',
      }),
    ]);
  });

  it('writes out an invisible character of a header cell it refuses', () => {
    let error: unknown;
    try {
      decodeCsvFeed('p.csv', bytes('\u200bdate,name\n2025-01-02,Dealer One\n'), COLUMNS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).problems[0]!.reason).toMatch(
      /^column 1 "\\u200bdate" is not a column of this file/,
    );
  });
});

describe('a header ending in a comma', () => {
  it('names its nameless last column as what it likely is', () => {
    let error: unknown;
    try {
      decodeCsvFeed('p.csv', bytes('date,name,\n2025-01-02,Dealer One,\n'), COLUMNS);
    } catch (e) {
      error = e;
    }
    expect((error as BadInputError).problems[0]!.reason).toMatch(
      /^column 3 "" \(no name: a comma at the end of the header\?\) is not a column of this file/,
    );
  });
});

describe('a header cell holding an escape sequence', () => {
  it('is named as its problem field with the escape written out, never printed raw', () => {
    let error: unknown;
    try {
      decodeCsvFeed('p.csv', bytes('\u001b[31mdate,name,name\u0007\n2025-01-02,Dealer One,x\n'), COLUMNS);
    } catch (e) {
      error = e;
    }
    const problems = (error as BadInputError).problems;
    expect(problems.map((p) => p.field)).toContain('\\u001b[31mdate');
    for (const p of problems) expect(p.field ?? '').not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('a workbook or a PDF given for a CSV feed', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], 'a ZIP archive (an Excel workbook, .xlsx, is one)'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00], 'an Excel 97–2003 workbook (.xls)'],
    [[...new TextEncoder().encode('%PDF-1.4\n%'), 0xe2, 0xe3, 0x0a, 0x00], 'a PDF'],
  ])('%j is refused on line 1 as what it is, asking for CSV UTF-8', (magic, kind) => {
    let error: unknown;
    try {
      decodeCsvFeed('na.xlsx', Uint8Array.from([...magic, 0x0a, 0x00, 0x00]), COLUMNS);
    } catch (e) {
      error = e;
    }
    expect((error as BadInputError).problems).toEqual([
      expect.objectContaining({
        line: 1,
        reason: `the file is ${kind}, not CSV text; save it as “CSV UTF-8” (in Excel: File › Save As) and import that`,
      }),
    ]);
  });
});
