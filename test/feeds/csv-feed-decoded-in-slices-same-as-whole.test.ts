import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { decodeCsvFeed, decodeCsvFeedInto, rowArray } from '../../src/import/csvFeed.js';
import {
  isoDateField,
  nameField,
  optionalField,
  sharesField,
  textField,
} from '../../src/import/feedFields.js';

// Issue 14: a feed file is parsed and decoded a slice of records at a time (a month's million rows
// as cells and rows at once took gigabytes; each slice is decoded from the file's bytes, never the
// whole file as one string). Slices must change nothing: on generated files — quoted cells with
// commas, quotes and line breaks, CRLF and LF, empty lines, columns in any order, bad cells,
// characters of two to four bytes, a byte-order mark at the start and one inside a cell — the rows, their lines and every problem equal the whole file's read
// (slices larger than the file), for slices of 1 to 7 records; a file that is not valid CSV, or
// whose header is bad, is refused with the same problems either way.
const COLUMNS = {
  date: { type: isoDateField() },
  account: { type: nameField('account') },
  shares: { type: sharesField({ positive: true }) },
  note: { type: optionalField(textField()), optional: true },
} as const;
const WHOLE = 1_000_000;

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));

/** A decode's outcome: its rows and problems, or the problems of a refused file. */
function outcome(text: string, slice: number): string {
  try {
    return json(decodeCsvFeed('f.csv', Buffer.from(text), COLUMNS, slice));
  } catch (e) {
    if (e instanceof BadInputError) return json({ refused: e.problems });
    throw e;
  }
}

const cell = fc.oneof(
  fc.constantFrom('A1', 'acct 7', '', '  padded  ', 'Zürich é', '名前', '"😀, ü"', '\uFEFFbom inside'),
  fc.constantFrom('"a, b"', '"say ""hi"""', '"two\nlines"', '"crlf\r\ninside"'),
);
const row = fc.record({
  date: fc.constantFrom('2025-12-01', '2025-12-31', '2025-13-01', 'x'),
  account: cell,
  shares: fc.constantFrom('1.0000', '12.5', '0', '-3', 'abc'),
  note: cell,
  // now and then a record a cell short (the file is then not valid CSV)
  short: fc.integer({ min: 0, max: 19 }).map((n) => (n === 0 ? 'yes' : '')),
});
const file = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 25 }),
  eol: fc.constantFrom('\n', '\r\n'),
  blankEvery: fc.integer({ min: 0, max: 5 }),
  order: fc.constantFrom(['date', 'account', 'shares', 'note'], ['note', 'shares', 'account', 'date']),
  // a byte-order mark at the start, now and then
  bom: fc.boolean(),
});

function textOf(f: {
  rows: readonly Record<string, string>[];
  eol: string;
  blankEvery: number;
  order: readonly string[];
  bom: boolean;
}): string {
  const lines = [f.order.join(',')];
  f.rows.forEach((r, i) => {
    const cells = f.order.map((c) => r[c]);
    lines.push((r.short ? cells.slice(1) : cells).join(','));
    if (f.blankEvery > 0 && i % f.blankEvery === 0) lines.push('');
  });
  return `${f.bom ? '\uFEFF' : ''}${lines.join(f.eol)}${f.eol}`;
}

describe('a feed file decoded in slices of records', () => {
  it('gives the rows, lines and problems of the whole file', () => {
    fc.assert(
      fc.property(file, fc.integer({ min: 1, max: 7 }), (f, slice) => {
        const text = textOf(f);
        expect(outcome(text, slice)).toBe(outcome(text, WHOLE));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a file that is not valid CSV, or has a bad header, with the same problems', () => {
    const good = Array.from({ length: 12 }, (_, i) => `2025-12-0${(i % 9) + 1},A${i},1.0000,ok`);
    const cases = [
      ['date,account,shares,note', ...good.slice(0, 8), '2025-12-01,A"x,1.0000,bad quote', ...good.slice(8)],
      ['date,account,shares,note', ...good.slice(0, 9), '2025-12-01,"open,1.0000,never closed', ...good],
      ['date,account,shares,note', ...good.slice(0, 5), '2025-12-01,A9,1.0000', ...good.slice(5)],
      ['date,account,account,note', ...good],
      ['date,account,note', ...good],
    ];
    for (const lines of cases) {
      const text = `${lines.join('\n')}\n`;
      const whole = outcome(text, WHOLE);
      // refused outright, or (a record of another width than the header's) each such record
      // listed as a problem with the other rows' problems, so that the file fails whole
      expect(whole).toMatch(/refused|"problems":\[\{/);
      for (const slice of [1, 2, 3, 5]) expect(outcome(text, slice)).toBe(whole);
    }
  });

  it('reads a well-formed file in slices, from its bytes, characters of any width included', () => {
    // the whole-file read gives the same rows (above); this is that the slices are really taken
    // (a slice cut inside a character, or at a character count instead of a byte count, would
    // fall back to the whole read)
    const names = ['Zürich', '名前', '😀 fund', 'plain'];
    const lines = [
      '\uFEFFdate,account,shares,note',
      ...Array.from(
        { length: 40 },
        (_, i) => `2025-12-0${(i % 9) + 1},${names[i % 4]} ${i},1.0000,"é, ${i}"`,
      ),
    ];
    const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`);
    const slices: number[] = [];
    const read = decodeCsvFeedInto(
      'f.csv',
      bytes,
      COLUMNS,
      () => {
        const rows = rowArray<unknown>();
        return {
          add(r) {
            slices.push(r.length);
            rows.add(r);
          },
          done: rows.done,
        };
      },
      7,
    );
    expect(slices).toEqual([6, 7, 7, 7, 7, 6]);
    expect(read.rows).toBe(40);
    expect(json(read.gathered)).toBe(json(decodeCsvFeed('f.csv', bytes, COLUMNS, WHOLE).rows));
  });
});
