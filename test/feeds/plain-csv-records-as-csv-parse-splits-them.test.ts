/**
 * A slice of a feed file whose records are each one line is split directly (plainCsvRecords.ts,
 * issue 14); every other slice goes to csv-parse. Wherever the direct split answers, its records
 * are csv-parse's with the feeds' options, to the character; where csv-parse refuses a slice, or
 * could read it otherwise, the direct split declines it.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS } from '../../src/import/csvFeed.js';
import { plainCsvRecords } from '../../src/import/plainCsvRecords.js';

/** csv-parse's records of the text, or 'refused'. */
function byCsvParse(text: string): string[][] | 'refused' {
  try {
    return parse(text, { ...PARSE_OPTIONS, info: false }) as unknown as string[][];
  } catch {
    return 'refused';
  }
}

const direct = (text: string) => plainCsvRecords(Buffer.from(text, 'utf8'), text);

// cells of printable ASCII with spaces around and inside; quoted cells (commas and spaces inside,
// spaces outside, empty); now and then one only csv-parse may read
// (long ones too: a cell of 13 characters or more is made a string of its own)
const plainCell = fc.stringMatching(/^ {0,2}[A-Za-z0-9.:/_-]{0,18}( [A-Za-z0-9]{1,6})? {0,2}$/);
const quotedCell = fc
  .tuple(
    fc.constantFrom('', ' ', '  '),
    fc.stringMatching(/^[ A-Za-z0-9.,:;'/_-]{0,24}$/),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([before, inside, after]) => `${before}"${inside}"${after}`);
const odd = fc.constantFrom(
  'a"b',
  '"a""b"',
  '""""',
  '"a"b',
  '"a" b',
  '"unclosed',
  'x "y"',
  '\t',
  'tab\tin',
  '"\t"',
  'é',
  '"é"',
  '\uFEFF',
  '\r',
  'x\ry',
  '\u00a0',
  '\v',
  '\f',
  '\x00',
);
const cell = fc.oneof(
  { weight: 30, arbitrary: plainCell },
  { weight: 10, arbitrary: quotedCell },
  { weight: 1, arbitrary: odd },
);

const slice = fc
  .record({
    width: fc.integer({ min: 1, max: 5 }),
    records: fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 12 }),
    eol: fc.constantFrom('\n', '\r\n'),
    // now and then the other line end on one line, an empty line, a line of spaces, no final line end
    mixedAt: fc.integer({ min: -1, max: 40 }),
    blankAt: fc.integer({ min: -1, max: 12 }),
    spacesAt: fc.integer({ min: -1, max: 40 }),
    ragged: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    finalEol: fc.boolean(),
  })
  .map((s) => {
    const lines: string[] = [];
    s.records.forEach((cells, i) => {
      const row = s.ragged ? cells : Array.from({ length: s.width }, (_, c) => cells[c % cells.length]!);
      lines.push(row.join(','));
      if (i === s.blankAt) lines.push('');
      if (i === s.spacesAt) lines.push('   ');
    });
    let text = '';
    lines.forEach((l, i) => {
      const last = i === lines.length - 1;
      text += l + (last && !s.finalEol ? '' : i === s.mixedAt ? (s.eol === '\n' ? '\r\n' : '\n') : s.eol);
    });
    return text;
  });

describe('CSV slices of one-line records split directly', () => {
  it('gives csv-parse’s records wherever it answers, and declines what csv-parse refuses', () => {
    let answered = 0;
    let quoted = 0;
    fc.assert(
      fc.property(slice, (text) => {
        const mine = direct(text);
        if (mine === null) return;
        answered++;
        if (text.includes('"')) quoted++;
        expect(byCsvParse(text)).toEqual(mine);
      }),
      { numRuns: 3_000 },
    );
    // the generator is not all declined: most slices are plain, many with quoted cells
    expect(answered).toBeGreaterThan(1_000);
    expect(quoted).toBeGreaterThan(300);
  });

  it('splits a month file’s slice: spaces trimmed, empty cells kept, quoted cells as written, CRLF or LF', () => {
    const rows = [
      'txn_id,date,account, shares ,price',
      'T1,2025-12-01,A1,  1.5000,10.0000',
      '',
      'T2,2025-12-02,A 2,,',
      'T3, "2025-12-03" ,"Smith, J. ",""," 2.0 "',
      'T4,2025-12-04,  A-0001234567890-01  ,"Summit Small Cap Fund",1',
    ];
    for (const eol of ['\n', '\r\n']) {
      const text = rows.join(eol) + eol;
      expect(direct(text)).toEqual([
        ['txn_id', 'date', 'account', 'shares', 'price'],
        ['T1', '2025-12-01', 'A1', '1.5000', '10.0000'],
        ['T2', '2025-12-02', 'A 2', '', ''],
        ['T3', '2025-12-03', 'Smith, J. ', '', ' 2.0 '],
        ['T4', '2025-12-04', 'A-0001234567890-01', 'Summit Small Cap Fund', '1'],
      ]);
    }
  });

  it('declines escaped and stray quotes, a tab, a byte outside ASCII, a lone carriage return, mixed line ends, a ragged record, a line of spaces', () => {
    for (const text of [
      'a,"b""c"\n',
      'a,"b"c\n',
      'a,b"c\n',
      'a,"b\nc"\n',
      'a,"b\n',
      'x,"a\n"b",c,d\n',
      'a,\tb\n',
      'a,é\n',
      'a,b\rc,d\n',
      'a,b\nc,d\r\n',
      'a,b\nc\n',
      'a,b\n  ,  \n',
      '\uFEFFa,b\n',
    ])
      expect(direct(text)).toBeNull();
  });
});
