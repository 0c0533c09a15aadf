import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CopyColumnKind,
  decodeCopyColumns,
  decodeCopyRows,
  encodeCopyRows,
} from '../../src/store/copyText.js';

// Issue 14: a chunk's stored lots are read by COPY and decoded straight into columns (integers and
// booleans parsed in place, no string per field). Property: on generated rows — negative and
// 2^53 − 1 integers, text with tabs, line breaks, carriage returns and backslashes — the columns
// hold exactly what the row decode gives as strings; a NULL or a non-integer is refused.
const kindsArb = fc.array(fc.constantFrom<CopyColumnKind>('int', 'bool', 'text'), {
  minLength: 1,
  maxLength: 6,
});
const arbitraryOf = (k: CopyColumnKind) =>
  k === 'int'
    ? fc.oneof(fc.integer(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER))
    : k === 'bool'
      ? fc.boolean()
      : fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', '\t', '\n', '\r', '\\', 'N', 'é', '|') });

describe('COPY text decoded into columns', () => {
  it('equals the row decode on generated rows', () => {
    fc.assert(
      fc.property(
        kindsArb.chain((kinds) =>
          fc.tuple(fc.constant(kinds), fc.array(fc.tuple(...kinds.map(arbitraryOf)), { maxLength: 30 })),
        ),
        fc.boolean(),
        ([kinds, rows], endMarker) => {
          const text = encodeCopyRows(rows as unknown[][] as never) + (endMarker ? '\\.\n' : '');
          const want = decodeCopyRows(text);
          const got = decodeCopyColumns(text, kinds);
          expect(got.rows).toBe(rows.length);
          kinds.forEach((k, c) => {
            const col = got.columns[c]!;
            expect(col.length).toBe(rows.length);
            want.forEach((r, i) => {
              const s = r[c]!;
              expect(col[i]).toBe(k === 'int' ? Number(s) : k === 'bool' ? (s === 't' ? 1 : 0) : s);
            });
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a NULL, a fraction, an integer past 2^53 and a short row', () => {
    expect(() => decodeCopyColumns('1\t\\N\n', ['int', 'int'])).toThrow(/row 1, column 2/);
    expect(() => decodeCopyColumns('1.5\n', ['int'])).toThrow(/column 1/);
    expect(() => decodeCopyColumns('9007199254740993\n', ['int'])).toThrow(/safe integer/);
    expect(() => decodeCopyColumns('1\t2\n3\n', ['int', 'int'])).toThrow(/row 2/);
    expect(() => decodeCopyColumns('x\n', ['bool'])).toThrow(/t or f/);
    expect(decodeCopyColumns('', ['int']).rows).toBe(0);
    // a text column holds no NULL either; a line's CR before its LF is not the last field's
    expect(() => decodeCopyColumns('a\t\\N\n', ['text', 'text'])).toThrow(/row 1, column 2: NULL/);
    expect(decodeCopyColumns('a\tb\r\nc\td\n', ['text', 'text']).columns).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });
});
